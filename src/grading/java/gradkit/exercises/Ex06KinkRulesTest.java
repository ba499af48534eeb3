package gradkit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradkit.engine.Settings;
import gradkit.engine.Value;
import gradkit.grading.Points;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Grades exercise 06: rules away from the kink against Value, choices at the kink against the subgradient inequality. */
class Ex06KinkRulesTest {
    private static final double[] PROBES = {1e-6, 1e-3, 0.1, 1.0, 10.0};

    /** Independent subgradient test for the messages: the line with slope g stays below f. */
    private static boolean supports(DoubleUnaryOperator f, double x, double g) {
        for (double t : PROBES) {
            if (f.applyAsDouble(x + t) < f.applyAsDouble(x) + g * t - 1e-12
                    || f.applyAsDouble(x - t) < f.applyAsDouble(x) - g * t - 1e-12) {
                return false;
            }
        }
        return true;
    }

    private static double studentGrad(Function<Scalar, Scalar> op, double x) {
        Scalar in = new Scalar(x);
        Scalar out = op.apply(in);
        out.setGrad(2.0);
        out.backwardStep();
        return in.grad();
    }

    private static double engineGrad(Function<Value, Value> op, double x) {
        Value in = Value.of(x);
        op.apply(in).mul(2.0).backward();
        return in.grad();
    }

    @Test
    @Points(1)
    @DisplayName("relu and abs away from the kink match the library")
    void smoothSides() {
        for (double x : new double[] {-3.0, -1e-9, 1e-9, 0.5, 7.0}) {
            assertEquals(engineGrad(Value::relu, x), studentGrad(Ex06KinkRules::relu, x), 1e-15,
                    () -> "relu backward at " + x + " with out.grad() = 2. Hint: slope 1 above 0, 0 below.");
            assertEquals(engineGrad(Value::abs, x), studentGrad(Ex06KinkRules::abs, x), 1e-15,
                    () -> "abs backward at " + x + " with out.grad() = 2. Hint: slope +1 above 0, -1 below.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("relu'(0): your choice, a subgradient, used by the rule")
    void reluAtKink() {
        double choice = Ex06KinkRules.reluSlopeAtZero();
        assertTrue(supports(x -> Math.max(0, x), 0.0, choice), () -> "reluSlopeAtZero() = " + choice
                + " is not a subgradient of relu at 0. Hint: any slope in [0, 1] keeps the line below relu.");
        double expected;
        try (Settings.Restore ignored = Settings.withReluGradAtZero(choice)) {
            expected = engineGrad(Value::relu, 0.0);
        }
        assertEquals(expected, studentGrad(Ex06KinkRules::relu, 0.0), 1e-15, () -> "relu backward at exactly 0"
                + " with out.grad() = 2 should be your choice " + choice + " times 2. Hint: test x == 0 apart"
                + " from x > 0 and x < 0.");
    }

    @Test
    @Points(2)
    @DisplayName("abs'(0): your choice, a subgradient, used by the rule")
    void absAtKink() {
        double choice = Ex06KinkRules.absSlopeAtZero();
        assertTrue(supports(Math::abs, 0.0, choice), () -> "absSlopeAtZero() = " + choice
                + " is not a subgradient of |x| at 0. Hint: any slope in [-1, 1].");
        assertEquals(2 * choice, studentGrad(Ex06KinkRules::abs, 0.0), 1e-15, () -> "abs backward at exactly 0"
                + " with out.grad() = 2 should be 2 * " + choice + ".");
    }

    @Test
    @Points(2)
    @DisplayName("max: the larger input takes it all; a tie splits it by your share")
    void maxRule() {
        for (double[] ab : new double[][] {{3.0, 1.0}, {-2.0, 0.5}, {1.5, 1.5}}) {
            Scalar a = new Scalar(ab[0]);
            Scalar b = new Scalar(ab[1]);
            Scalar out = Ex06KinkRules.max(a, b);
            out.setGrad(2.0);
            out.backwardStep();
            double expectedA;
            double expectedB;
            if (ab[0] != ab[1]) {
                Value va = Value.of(ab[0]);
                Value vb = Value.of(ab[1]);
                va.max(vb).mul(2.0).backward();
                expectedA = va.grad();
                expectedB = vb.grad();
            } else {
                double share = Ex06KinkRules.maxShareOfLeftOnTie();
                assertTrue(share >= 0 && share <= 1, () -> "maxShareOfLeftOnTie() = " + share
                        + " must be in [0, 1] (the right input gets 1 - share).");
                expectedA = 2 * share;
                expectedB = 2 * (1 - share);
            }
            String where = "max(" + ab[0] + ", " + ab[1] + ") with out.grad() = 2: ";
            assertEquals(expectedA, a.grad(), 1e-15, () -> where + "left input's grad. Hint: shares sum to 1.");
            assertEquals(expectedB, b.grad(), 1e-15, () -> where + "right input's grad. Hint: shares sum to 1.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("isSubgradient accepts slopes that support the function")
    void subgradientAccepts() {
        String hint = " is a subgradient, so isSubgradient must say true. Hint: the test is f(x + t) >= f(x) + g*t"
                + " minus a slack of 1e-12; without the slack, rounding can reject an exact edge case.";
        assertTrue(Ex06KinkRules.isSubgradient(Math::abs, 0.0, 0.5, PROBES), "slope 0.5 for abs at 0" + hint);
        assertTrue(Ex06KinkRules.isSubgradient(Math::abs, 0.0, -1.0, PROBES), "slope -1 for abs at 0 (the edge)" + hint);
        assertTrue(Ex06KinkRules.isSubgradient(x -> Math.max(0, x), 0.0, 0.0, PROBES), "slope 0 for relu at 0" + hint);
        assertTrue(Ex06KinkRules.isSubgradient(x -> x * x, 1.0, 2.0, PROBES), "slope 2 for x^2 at 1" + hint);
    }

    @Test
    @Points(2)
    @DisplayName("isSubgradient rejects slopes that cut the function")
    void subgradientRejects() {
        assertFalse(Ex06KinkRules.isSubgradient(Math::abs, 0.0, 1.5, PROBES), "abs at 0 with slope 1.5: the"
                + " line 1.5*t is above |t| for t > 0. Hint: probe both x + t and x - t.");
        assertFalse(Ex06KinkRules.isSubgradient(Math::abs, 0.0, -1.2, PROBES), "abs at 0 with slope -1.2:"
                + " cuts on the left. Hint: probe x - t too.");
        assertFalse(Ex06KinkRules.isSubgradient(x -> Math.max(0, x), 0.0, -0.1, PROBES), "relu at 0 with slope -0.1.");
        assertFalse(Ex06KinkRules.isSubgradient(x -> x * x, 1.0, 2.5, PROBES), "x^2 at 1 with slope 2.5.");
    }
}
