package gradkit.exercises;

import gradkit.grading.Points;
import gradkit.grading.client.StudentCode;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise 01: the three quotients against the library's finite differences, and the steps
 * h against the balance of truncation and rounding, also at x = 0 and at tiny x.
 *
 * <p>The student's code runs in a worker JVM ({@link StudentCode}): a quotient is asked for with the
 * name of a function of the worker's catalogue ("cube", "exp"), and compared here with what
 * {@link Oracle} computes from this class's own copy of that function.
 */
class Ex01DifferenceQuotientsTest {
    /** The worker's "cube", for the expected values. */
    private static final DoubleUnaryOperator CUBE = x -> x * x * x;
    private final StudentCode student = StudentCode.current();
    private static final double[][] POINTS_AND_STEPS = {{1.0, 0.1}, {-2.0, 1e-3}, {0.5, 0.25}, {3.0, 1e-6}, {0.0, 0.5}};
    /** Where the steps are tried: 0 and tiny x (where scaling by |x| alone gives h = 0 or too small), and large x. */
    private static final double[] STEP_POINTS = {0.0, 1e-9, 0.5, 1.0, -30.0, 1e4};

    private static String quotient(String name, double x, double h) {
        return name + "(x^3, x = " + x + ", h = " + h + ")";
    }

    @Test
    @Points(2)
    @DisplayName("forward difference quotient (f(x+h) - f(x)) / h")
    void forwardQuotient() {
        for (double[] c : POINTS_AND_STEPS) {
            double expected = Oracle.forwardDifference(CUBE, c[0], c[1]);
            Feedback.near(expected, student.number("forward", "cube", c[0], c[1]), 1e-9 * Math.max(1, Math.abs(expected)),
                    quotient("forward", c[0], c[1]), "f(x + h) - f(x), divided by h (one step, not 2h); for h = 0.1"
                            + " at x = 1 the answer is 3.31, not the exact derivative 3.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("backward difference quotient (f(x) - f(x-h)) / h")
    void backwardQuotient() {
        for (double[] c : POINTS_AND_STEPS) {
            double expected = Oracle.backwardDifference(CUBE, c[0], c[1]);
            Feedback.near(expected, student.number("backward", "cube", c[0], c[1]), 1e-9 * Math.max(1, Math.abs(expected)),
                    quotient("backward", c[0], c[1]), "f(x) - f(x - h), in that order, divided by h; for h = 0.1 at"
                            + " x = 1 the answer is 2.71.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("central difference quotient (f(x+h) - f(x-h)) / 2h")
    void centralQuotient() {
        for (double[] c : POINTS_AND_STEPS) {
            double expected = Oracle.centralDifference(CUBE, c[0], c[1]);
            Feedback.near(expected, student.number("central", "cube", c[0], c[1]), 1e-9 * Math.max(1, Math.abs(expected)),
                    quotient("central", c[0], c[1]), "f(x + h) - f(x - h), in that order; the two points are 2h"
                            + " apart, so divide by 2h; for h = 0.1 at x = 1 the answer is 3.01.");
        }
    }

    @Test
    @Points(1)
    @DisplayName("central quotient is second order: halving h quarters the error")
    void centralIsSecondOrder() {
        double h = 1e-2;
        double errorH = Math.abs(student.number("central", "exp", 1.0, h) - Math.E);
        double errorHalf = Math.abs(student.number("central", "exp", 1.0, h / 2) - Math.E);
        double ratio = errorH / errorHalf;
        Feedback.check(ratio > 3.5 && ratio < 4.5, "error(h) / error(h/2) of central(exp, x = 1) with h = 0.01:"
                + " expected about 4 (error ~ h^2), got " + ratio + ".", ratio > 1.5 && ratio < 2.5
                ? "a ratio near 2 means a first-order (one-sided) quotient." : "compare f(x + h) with f(x - h).");
    }

    /** Checks a step h at x against the balance point, naming the kind of miss. */
    private static void checkStep(String name, double x, double h, double balanced, String rule) {
        String what = name + "(" + x + ") = " + h + ", expected within a factor 10 of " + rule + " = " + balanced + ".";
        String hint = h == 0 ? "h = 0 makes the quotient 0/0. Scale by max(1, |x|), not by |x|: near x = 0 the"
                + " step must stay near the balance point, not shrink to nothing."
                : h < balanced / 10 ? "too small: rounding (about eps*|f|/h) dominates."
                : "too large: truncation dominates.";
        Feedback.check(h > balanced / 10 && h < balanced * 10, what, hint);
    }

    @Test
    @Points(2)
    @DisplayName("forwardStep balances truncation and rounding")
    void forwardStepIsBalanced() {
        for (double x : STEP_POINTS) {
            double h = student.number("forwardStep", x);
            checkStep("forwardStep", x, h, Math.sqrt(Math.ulp(1.0)) * Math.max(1.0, Math.abs(x)), "sqrt(eps)*max(1, |x|)");
            double exact = 3 * x * x;
            Feedback.near(exact, student.number("forward", "cube", x, h), 1e-6 * Math.max(1, exact),
                    "forward(x^3, x = " + x + ", h = forwardStep(x) = " + h + ") against 3x^2, within 1e-6 relative",
                    "the step is in the right range (checked just before), so look at forward() itself: its own"
                            + " test says more.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("centralStep balances truncation and rounding")
    void centralStepIsBalanced() {
        for (double x : STEP_POINTS) {
            double h = student.number("centralStep", x);
            checkStep("centralStep", x, h, Math.cbrt(Math.ulp(1.0)) * Math.max(1.0, Math.abs(x)), "cbrt(eps)*max(1, |x|)");
            double exact = 3 * x * x;
            Feedback.near(exact, student.number("central", "cube", x, h), 1e-9 * Math.max(1, exact),
                    "central(x^3, x = " + x + ", h = centralStep(x) = " + h + ") against 3x^2, within 1e-9 relative",
                    "the step is in the right range (checked just before), so look at central() itself: its own"
                            + " test says more.");
        }
    }
}
