package gradkit.exercises;

import gradkit.engine.Value;
import gradkit.grading.Points;
import gradkit.grading.client.StudentCode;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise 06: rules away from the kink against Value, choices at the kink against the
 * subgradient inequality. Every rule runs with an upstream gradient other than 1 into an input
 * whose grad already holds a value.
 *
 * <p>The student's code runs in a worker JVM ({@link StudentCode}): a rule is asked for as a scenario the
 * worker's probe runs (build the input, set its grad, run the rule once, return the grads), and
 * isSubgradient with the name of a function of the worker's catalogue ("abs", "relu", "square",
 * "tenth"); every expected value is computed here, from this class's own copies of those functions.
 */
class Ex06KinkRulesTest {
    private static final double[] PROBES = {1e-6, 1e-3, 0.1, 1.0, 10.0};
    private static final double UPSTREAM = -2.5;
    private static final double HELD = 0.75;
    /** The slack the exercise allows for rounding. */
    private static final double SLACK = 1e-12;
    /** Rounds of drawn cases per test ({@link DrawnInputs}), after the fixed ones. */
    private static final int DRAWS = 10;
    /** relu, as the worker's "relu" computes it, for {@link #supports}. */
    private static final DoubleUnaryOperator RELU = x -> Math.max(0, x);
    private final StudentCode student = StudentCode.current();

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

    /**
     * The student's rule ("relu" or "abs") run once with out.grad() = UPSTREAM into an input that held HELD;
     * returns its grad.
     */
    private double studentGrad(String op, double x) {
        return student.number(op + "Backward", x, HELD, UPSTREAM);
    }

    /** The student's isSubgradient of the worker's function {@code f} (see the class comment). */
    private boolean studentSaysSubgradient(String f, double x, double g, double[] steps) {
        return student.flag("isSubgradient", f, x, g, steps);
    }

    private static double engineSlope(Function<Value, Value> op, double x) {
        Value in = Value.of(x);
        op.apply(in).backward();
        return in.grad();
    }

    private static String run(String op, double x) {
        return op + " backward at x = " + x + " with out.grad() = " + UPSTREAM + ", x's grad " + HELD + " before";
    }

    @Test
    @Points(1)
    @DisplayName("relu and abs away from the kink match the library")
    void smoothSides() {
        for (double x : new double[] {-3.0, -1e-9, 1e-9, 0.5, 7.0}) {
            Feedback.gradient(HELD + engineSlope(Value::relu, x) * UPSTREAM, studentGrad("relu", x),
                    HELD, UPSTREAM, run("relu", x), "slope 1 above 0 and 0 below, times out.grad(), added to x's grad.");
            Feedback.gradient(HELD + engineSlope(Value::abs, x) * UPSTREAM, studentGrad("abs", x),
                    HELD, UPSTREAM, run("abs", x), "slope +1 above 0 and -1 below, times out.grad(), added to x's grad.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("relu'(0): your choice, a subgradient, used by the rule")
    void reluAtKink() {
        double choice = student.number("reluSlopeAtZero");
        Feedback.check(supports(RELU, 0.0, choice), "reluSlopeAtZero() = " + choice
                + " is not a subgradient of relu at 0.", "any slope in [0, 1] keeps the line below relu.");
        double got = studentGrad("relu", 0.0);
        Feedback.gradient(HELD + choice * UPSTREAM, got, HELD, UPSTREAM, run("relu", 0.0) + ", your choice "
                + choice, got == HELD + UPSTREAM || got == HELD ? "at exactly 0 the rule took the slope "
                + (got == HELD ? "0" : "1") + ", not your choice: test x == 0 apart from x > 0 and x < 0, and use"
                + " reluSlopeAtZero() there." : "at exactly 0 use reluSlopeAtZero(), times out.grad(), added to x's grad.");
    }

    @Test
    @Points(2)
    @DisplayName("abs'(0): your choice, a subgradient, used by the rule")
    void absAtKink() {
        double choice = student.number("absSlopeAtZero");
        Feedback.check(supports(Math::abs, 0.0, choice), "absSlopeAtZero() = " + choice
                + " is not a subgradient of |x| at 0.", "any slope in [-1, 1].");
        double got = studentGrad("abs", 0.0);
        boolean sideSlope = got == HELD + UPSTREAM || got == HELD - UPSTREAM;
        Feedback.gradient(HELD + choice * UPSTREAM, got, HELD, UPSTREAM, run("abs", 0.0) + ", your choice " + choice,
                sideSlope ? "at exactly 0 the rule took the slope of one side (" + (got == HELD + UPSTREAM ? "+1" : "-1")
                        + "), not your choice: test x == 0 apart, and use absSlopeAtZero() there."
                        : "at exactly 0 use absSlopeAtZero(), times out.grad(), added to x's grad.");
    }

    @Test
    @Points(2)
    @DisplayName("max: the larger input takes it all; a tie splits it by your share")
    void maxRule() {
        double share = student.number("maxShareOfLeftOnTie");
        Feedback.check(share >= 0 && share <= 1, "maxShareOfLeftOnTie() = " + share + " is not in [0, 1].",
                "the left input gets share, the right one 1 - share; both must be in [0, 1].");
        for (double[] ab : new double[][] {{3.0, 1.0}, {-2.0, 0.5}, {1.5, 1.5}, {0.0, 0.0}}) {
            double[] grads = student.numbers("maxBackward", ab[0], ab[1], HELD, -HELD, UPSTREAM);   // {a's, b's}
            boolean tie = ab[0] == ab[1];
            double shareA = tie ? share : ab[0] > ab[1] ? 1 : 0;
            String where = "max(" + ab[0] + ", " + ab[1] + ") with out.grad() = " + UPSTREAM + ", grads " + HELD
                    + " and " + -HELD + " before" + (tie ? " (a tie; your share for the left: " + share + ")" : "");
            String hint = tie ? "on a tie the left input gets share * out.grad() and the right one (1 - share) *"
                    + " out.grad(): the two parts add up to out.grad(), no more." : "the LARGER input gets all of"
                    + " out.grad(), the smaller one nothing.";
            Feedback.gradient(HELD + shareA * UPSTREAM, grads[0], HELD, UPSTREAM, where + ": the left input's grad", hint);
            Feedback.gradient(-HELD + (1 - shareA) * UPSTREAM, grads[1], -HELD, UPSTREAM, where + ": the right input's grad", hint);
        }
    }

    @Test
    @Points(2)
    @DisplayName("isSubgradient accepts slopes that support the function")
    void subgradientAccepts() {
        String hint = "the test is f(x + t) >= f(x) + g*t minus a slack of 1e-12, for t and -t.";
        Feedback.check(studentSaysSubgradient("abs", 0.0, 0.5, PROBES), "isSubgradient(|x|, 0, slope 0.5)"
                + " said false; 0.5 is a subgradient of |x| at 0.", hint);
        Feedback.check(studentSaysSubgradient("abs", 0.0, -1.0, PROBES), "isSubgradient(|x|, 0, slope -1)"
                + " said false; -1 is a subgradient (the edge: the line touches |x| for x < 0).", hint);
        Feedback.check(studentSaysSubgradient("relu", 0.0, 0.0, PROBES), "isSubgradient(relu, 0,"
                + " slope 0) said false; 0 is a subgradient of relu at 0.", hint);
        Feedback.check(studentSaysSubgradient("square", 1.0, 2.0, PROBES), "isSubgradient(x^2, 1, slope 2)"
                + " said false; the tangent of a convex function is a subgradient.", hint);
        Feedback.check(studentSaysSubgradient("tenth", 0.1, 0.1, PROBES), "isSubgradient(0.1x, 0.1,"
                + " slope 0.1) said false; a line is its own subgradient, but rounding makes 0.1*(0.1 - 1e-6) fall"
                + " a hair below 0.1*0.1 - 0.1*1e-6.", "compare with the slack: f(x + t) >= f(x) + g*t - 1e-12.");
        DrawnInputs drawn = DrawnInputs.forTest("subgradientAccepts");
        for (int i = 0; i < DRAWS; i++) {
            double[] steps = drawnSteps(drawn);
            double g = drawn.uniform(-1, 1);
            Feedback.check(studentSaysSubgradient("abs", 0.0, g, steps), "isSubgradient(|x|, 0, slope " + g
                    + ", steps " + Oracle.show(steps) + ") " + drawn.source() + " said false; every slope in [-1, 1] is"
                    + " a subgradient of |x| at 0.", hint);
            double x = drawn.uniform(-3, 3);
            Feedback.check(studentSaysSubgradient("square", x, 2 * x, steps), "isSubgradient(x^2, " + x
                    + ", slope " + 2 * x + ", steps " + Oracle.show(steps) + ") " + drawn.source() + " said false; the"
                    + " tangent of a convex function is a subgradient.", hint);
        }
    }

    @Test
    @Points(2)
    @DisplayName("isSubgradient rejects slopes that cut the function")
    void subgradientRejects() {
        Feedback.check(!studentSaysSubgradient("abs", 0.0, 1.5, PROBES), "isSubgradient(|x|, 0, slope 1.5)"
                + " said true; the line 1.5*t is above |t| for t > 0.", "probe x + t for every t of steps.");
        Feedback.check(!studentSaysSubgradient("abs", 0.0, -1.2, PROBES), "isSubgradient(|x|, 0, slope -1.2)"
                + " said true; the line -1.2*t is above |t| for t < 0 only.", "probe x - t too, not only x + t.");
        Feedback.check(!studentSaysSubgradient("relu", 0.0, -0.1, PROBES), "isSubgradient(relu, 0,"
                + " slope -0.1) said true; the line -0.1*t is above relu for t < 0.", "probe x - t too, not only x + t.");
        Feedback.check(!studentSaysSubgradient("square", 1.0, 2.5, PROBES), "isSubgradient(x^2, 1, slope 2.5)"
                + " said true; the line cuts the parabola just right of 1.", "probe x + t for every t of steps.");
        onlyTheFirstStepSees(3e-6, PROBES, "");
        onlyTheLastStepSees(1.0, 3e-13, PROBES, "");
        DrawnInputs drawn = DrawnInputs.forTest("subgradientRejects");
        for (int i = 0; i < DRAWS; i++) {
            double[] steps = drawnSteps(drawn);
            double side = drawn.uniform(0, 1) < 0.5 ? -1 : 1;
            onlyTheFirstStepSees(side * steps[0] * drawn.uniform(1, 3), steps, " " + drawn.source());
            onlyTheLastStepSees(side, 3 * SLACK / steps[steps.length - 1], steps, " " + drawn.source());
        }
    }

    /**
     * Five probe steps, each 10 to 100 times the one before, from about 1e-7 up: far enough apart that
     * a case can be built which one step alone decides.
     */
    private static double[] drawnSteps(DrawnInputs drawn) {
        double[] steps = new double[5];
        steps[0] = drawn.logUniform(1e-7, 1e-5);
        for (int i = 1; i < steps.length; i++) {
            steps[i] = steps[i - 1] * drawn.logUniform(10, 100);
        }
        return steps;
    }

    /**
     * A case only the first (smallest) step can decide. Beside abs's kink, at x = a with steps[0] <= |a|
     * <= 3 steps[0], |x| has the slope sign(a), and it dips under the flat line (slope 0) on the kink's
     * side only, closer than 2|a| to x: a gap only steps[0] is small enough to land in.
     */
    private void onlyTheFirstStepSees(double a, double[] steps, String drawn) {
        Feedback.check(!studentSaysSubgradient("abs", a, 0.0, steps), "isSubgradient(|x|, " + a + ", slope 0,"
                + " steps " + Oracle.show(steps) + ")" + drawn + " said true; |x| has slope " + (a > 0 ? "1" : "-1")
                + " there, and it dips under the flat line on the side of the kink, closer than " + Math.abs(2 * a)
                + " to x: only the first step, " + steps[0] + ", lands there.", "probe every t of steps, the first one too.");
    }

    /**
     * A case only the last (largest) step can decide. A slope just past abs's edge, +-(1 + delta) at 0,
     * puts the line delta * t above |t|: within the slack for every step but the last, 3 times the
     * slack there.
     */
    private void onlyTheLastStepSees(double side, double delta, double[] steps, String drawn) {
        double g = side * (1 + delta);
        double last = steps[steps.length - 1];
        Feedback.check(!studentSaysSubgradient("abs", 0.0, g, steps), "isSubgradient(|x|, 0, slope " + g
                + ", steps " + Oracle.show(steps) + ")" + drawn + " said true; the line is " + (float) (delta * last)
                + " above |t| at t = " + side * last + ", more than the slack of 1e-12, and only the last step, " + last
                + ", goes that far.", "probe every t of steps, the last one too.");
    }
}
