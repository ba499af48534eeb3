package gradkit.exercises;

import gradkit.engine.Value;
import gradkit.grading.Points;
import gradkit.grading.client.StudentCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise 02 against the library's backward pass, at fixed inputs and then at inputs drawn
 * for this grading ({@link DrawnInputs}). When a wrong answer equals one path of the chain rule alone,
 * the message says which path is missing.
 *
 * <p>The comparison is as tight as the chain rule worked out by hand allows, and no looser: such an
 * answer is a few roundings away from the engine's (measured over 2 million draws: within 2.5e-16 of
 * {@link #scale}, whatever the formula, 1 - tanh² or 1/cosh², s(1 - s) or e^-s/(1 + e^-s)²), while a
 * central difference with the best step is off by about 1e-10 of it (truncation h² against rounding
 * 1e-16/h). {@link #TOLERANCE}, 1e-14 of the scale, sits 40 times above the one and 10,000 times
 * below the other. The scale is the size of the chain rule's terms, not of the result: the terms of
 * df/dy = (1 - tanh²(xy))·x + exp(x) cancel near x = -0.57, and there the result's own size says
 * nothing about the rounding in it.
 *
 * <p>The student's code runs in a worker JVM ({@link StudentCode}); the expected values, and the
 * drawn inputs until each is sent, exist only here.
 */
class Ex02ChainRuleByHandTest {
    private static final double[][] XY = {{0.0, 2.0}, {0.5, -1.0}, {-1.2, 0.7}, {2.0, 0.3}, {0.1, 4.0}};
    private static final double[] X = {0.0, 0.4, -0.9, 1.5, 3.0};
    /**
     * Inputs drawn per test and grading, from [-RANGE, RANGE): tanh and sigmoid are not yet flat there.
     * Five, so that a test calls the student's method 10 times, twice as often as the fixed cases alone:
     * one drawn input already refuses a table of the tested inputs, and a submission whose every call is
     * costly (the hostile cases start 4 threads per call, or try to write into every class path folder)
     * stays under the runner's 64 threads and the 10 s per test on a loaded machine.
     */
    private static final int DRAWS = 5;
    private static final double RANGE = 2.0;
    /** Allowed error, relative to the size of the chain rule's terms (see the class comment). */
    private static final double TOLERANCE = 1e-14;
    /** Closer than this, relative to the scale, yet not within TOLERANCE: the accuracy of a finite difference. */
    private static final double FINITE_DIFFERENCE_CLOSE = 1e-6;
    private final StudentCode student = StudentCode.current();

    /** f(x, y) = tanh(x*y) + exp(x)*y with the library's Value; returns {df/dx, df/dy}. */
    private static double[] engineGradientOfF(double x, double y) {
        return Oracle.valueGradient(v -> v[0].mul(v[1]).tanh().add(v[0].exp().mul(v[1])), new double[] {x, y});
    }

    /** g(x) = sigmoid(3x^2 - 1) with the library's Value; returns dg/dx. */
    private static double engineDerivativeOfG(double x) {
        Value leaf = Value.of(x);
        leaf.pow(2).mul(3).sub(1).sigmoid().backward();
        return leaf.grad();
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    }

    /**
     * Which path of f = tanh(u) + v*y a wrong answer holds alone, if it holds one (and that path alone is
     * not, at this input, the whole derivative: at x = 0 the tanh path of df/dy is 0).
     */
    private static String paths(double got, double expected, double throughTanh, double throughOther, String other) {
        if (same(got, throughTanh) && !same(expected, throughTanh)) {
            return "that is the path through tanh(xy) alone; the path through " + other + " is missing. ";
        }
        if (same(got, throughOther) && !same(expected, throughOther)) {
            return "that is the path through " + other + " alone; the path through tanh(xy) is missing. ";
        }
        return "";
    }

    /** What a near miss, or a miss at a drawn input only, says; "" otherwise. */
    private static String nearMiss(double expected, double got, double scale, boolean drawn) {
        double off = Math.abs(got - expected);
        if (off > TOLERANCE * scale && off <= FINITE_DIFFERENCE_CLOSE * scale) {
            return "that is close (off by " + (float) off + ") but not exact: the accuracy of a finite difference,"
                    + " not of a derivative worked out by the chain rule, which is exact up to rounding (here within "
                    + (float) (TOLERANCE * scale) + "). ";
        }
        if (drawn) {
            return "the fixed inputs before this one passed; this one is drawn afresh for each grading, and the"
                    + " answer must hold for every input. ";
        }
        return "";
    }

    /** Checks df/dx at one input; {@code drawn} says where the input came from ("" for a fixed one). */
    private void checkDfdx(double x, double y, String drawn) {
        double t = Math.tanh(x * y);
        double got = student.number("dfdx", x, y);
        double expected = engineGradientOfF(x, y)[0];
        double scale = Math.abs(y) * (1 + Math.exp(x));   // |(1 - t^2) y| + |exp(x) y| at most
        Feedback.near(expected, got, TOLERANCE * scale, "df/dx at (x, y) = (" + x + ", " + y + ")" + drawn,
                paths(got, expected, (1 - t * t) * y, Math.exp(x) * y, "exp(x)*y")
                        + nearMiss(expected, got, scale, !drawn.isEmpty()) + "x appears on two paths; add"
                        + " (1 - tanh(xy)^2) * y (tanh' from its OUTPUT, times du/dx = y) and exp(x) * y.");
    }

    private void checkDfdy(double x, double y, String drawn) {
        double t = Math.tanh(x * y);
        double got = student.number("dfdy", x, y);
        double expected = engineGradientOfF(x, y)[1];
        double scale = Math.abs(x) + Math.exp(x);         // |(1 - t^2) x| + |exp(x)| at most
        Feedback.near(expected, got, TOLERANCE * scale, "df/dy at (x, y) = (" + x + ", " + y + ")" + drawn,
                paths(got, expected, (1 - t * t) * x, Math.exp(x), "exp(x)*y")
                        + nearMiss(expected, got, scale, !drawn.isEmpty()) + "d tanh(xy)/dy = (1 - tanh(xy)^2) * x"
                        + " (the inner derivative is x), and d(exp(x)*y)/dy = exp(x) (y itself drops out).");
    }

    private void checkDgdx(double x, String drawn) {
        double sigma = 1 / (1 + Math.exp(-(3 * x * x - 1)));
        double got = student.number("dgdx", x);
        double expected = engineDerivativeOfG(x);
        // sigmoid' is at most 1/4 and s(1 - s) is rounded to about 1e-16 absolute, so 6|x| bounds the terms.
        double scale = 6 * Math.abs(x);
        String half = x != 0 && same(got, sigma * (1 - sigma) * 3 * x)
                ? "that is sigmoid'(s) * 3x: the power rule gives d(3x^2)/dx = 6x. " : "";
        Feedback.near(expected, got, TOLERANCE * scale, "dg/dx at x = " + x + drawn, half
                + nearMiss(expected, got, scale, !drawn.isEmpty()) + "sigmoid'(s) * ds/dx with sigmoid'(s) ="
                + " sigmoid(s) * (1 - sigmoid(s)) taken at the INNER value s = 3x^2 - 1, and ds/dx = 6x.");
    }

    @Test
    @Points(2)
    @DisplayName("df/dx of tanh(x*y) + exp(x)*y")
    void dfdx() {
        for (double[] p : XY) {
            checkDfdx(p[0], p[1], "");
        }
        DrawnInputs drawn = DrawnInputs.forTest("dfdx");
        for (int i = 0; i < DRAWS; i++) {
            checkDfdx(drawn.uniform(-RANGE, RANGE), drawn.uniform(-RANGE, RANGE), " " + drawn.source());
        }
    }

    @Test
    @Points(2)
    @DisplayName("df/dy of tanh(x*y) + exp(x)*y")
    void dfdy() {
        for (double[] p : XY) {
            checkDfdy(p[0], p[1], "");
        }
        DrawnInputs drawn = DrawnInputs.forTest("dfdy");
        for (int i = 0; i < DRAWS; i++) {
            checkDfdy(drawn.uniform(-RANGE, RANGE), drawn.uniform(-RANGE, RANGE), " " + drawn.source());
        }
    }

    @Test
    @Points(2)
    @DisplayName("dg/dx of sigmoid(3x^2 - 1)")
    void dgdx() {
        for (double x : X) {
            checkDgdx(x, "");
        }
        DrawnInputs drawn = DrawnInputs.forTest("dgdx");
        for (int i = 0; i < DRAWS; i++) {
            checkDgdx(drawn.uniform(-RANGE, RANGE), " " + drawn.source());
        }
    }
}
