package gradkit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradkit.grading.Points;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Grades exercise 01: difference quotients and the choice of h. */
class Ex01DifferenceQuotientsTest {
    private static final DoubleUnaryOperator CUBE = x -> x * x * x;
    private static final double[][] POINTS_AND_STEPS = {{1.0, 0.1}, {-2.0, 1e-3}, {0.5, 0.25}, {3.0, 1e-6}};

    @Test
    @Points(2)
    @DisplayName("forward difference quotient (f(x+h) - f(x)) / h")
    void forwardQuotient() {
        for (double[] c : POINTS_AND_STEPS) {
            double expected = Oracle.forwardDifference(CUBE, c[0], c[1]);
            assertEquals(expected, Ex01DifferenceQuotients.forward(CUBE, c[0], c[1]), 1e-9 * Math.abs(expected),
                    () -> "forward(x^3, x=" + c[0] + ", h=" + c[1] + "). Hint: step forward only, divide by h"
                            + " (not 2h); for h=0.1 at x=1 the answer is 3.31, not the exact derivative 3.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("backward difference quotient (f(x) - f(x-h)) / h")
    void backwardQuotient() {
        for (double[] c : POINTS_AND_STEPS) {
            double expected = Oracle.backwardDifference(CUBE, c[0], c[1]);
            assertEquals(expected, Ex01DifferenceQuotients.backward(CUBE, c[0], c[1]), 1e-9 * Math.abs(expected),
                    () -> "backward(x^3, x=" + c[0] + ", h=" + c[1] + "). Hint: compare f(x) with f(x - h);"
                            + " for h=0.1 at x=1 the answer is 2.71.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("central difference quotient (f(x+h) - f(x-h)) / 2h")
    void centralQuotient() {
        for (double[] c : POINTS_AND_STEPS) {
            double expected = Oracle.centralDifference(CUBE, c[0], c[1]);
            assertEquals(expected, Ex01DifferenceQuotients.central(CUBE, c[0], c[1]), 1e-9 * Math.abs(expected),
                    () -> "central(x^3, x=" + c[0] + ", h=" + c[1] + "). Hint: the two points are 2h apart,"
                            + " so divide by 2h; for h=0.1 at x=1 the answer is 3.01.");
        }
    }

    @Test
    @Points(1)
    @DisplayName("central quotient is second order: halving h quarters the error")
    void centralIsSecondOrder() {
        double h = 1e-2;
        double errorH = Math.abs(Ex01DifferenceQuotients.central(Math::exp, 1.0, h) - Math.E);
        double errorHalf = Math.abs(Ex01DifferenceQuotients.central(Math::exp, 1.0, h / 2) - Math.E);
        double ratio = errorH / errorHalf;
        assertTrue(ratio > 3.5 && ratio < 4.5, () -> "error(h) / error(h/2) for exp at x=1 with h=0.01: expected"
                + " about 4 (error ~ h^2), but was " + ratio + ". Hint: a ratio near 2 means a first-order"
                + " (one-sided) quotient.");
    }

    @Test
    @Points(2)
    @DisplayName("forwardStep balances truncation and rounding")
    void forwardStepIsBalanced() {
        for (double x : new double[] {0.5, 1.0, -30.0, 1e4}) {
            double h = Ex01DifferenceQuotients.forwardStep(x);
            double balanced = Math.sqrt(Math.ulp(1.0)) * Math.max(1.0, Math.abs(x));
            assertTrue(h > balanced / 10 && h < balanced * 10, () -> "forwardStep(" + x + ") = " + h
                    + ", expected within a factor 10 of sqrt(eps)*max(1,|x|) = " + balanced + ". Hint: too"
                    + " large and truncation (h*f''/2) dominates, too small and rounding (eps*f/h) does.");
            double exact = 3 * x * x;
            double got = Ex01DifferenceQuotients.forward(CUBE, x, h);
            assertEquals(exact, got, 1e-6 * exact, () -> "forward(x^3, " + x + ", forwardStep(x)) should be"
                    + " within a relative 1e-6 of 3x^2. Hint: check forward() and forwardStep() together.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("centralStep balances truncation and rounding")
    void centralStepIsBalanced() {
        for (double x : new double[] {0.5, 1.0, -30.0, 1e4}) {
            double h = Ex01DifferenceQuotients.centralStep(x);
            double balanced = Math.cbrt(Math.ulp(1.0)) * Math.max(1.0, Math.abs(x));
            assertTrue(h > balanced / 10 && h < balanced * 10, () -> "centralStep(" + x + ") = " + h
                    + ", expected within a factor 10 of cbrt(eps)*max(1,|x|) = " + balanced + ". Hint: the"
                    + " central quotient's truncation error is of order h^2, so its best h is larger than"
                    + " the forward quotient's.");
            double exact = 3 * x * x;
            double got = Ex01DifferenceQuotients.central(CUBE, x, h);
            assertEquals(exact, got, 1e-9 * exact, () -> "central(x^3, " + x + ", centralStep(x)) should be"
                    + " within a relative 1e-9 of 3x^2.");
        }
    }
}
