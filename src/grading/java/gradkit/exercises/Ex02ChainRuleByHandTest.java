package gradkit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gradkit.engine.Value;
import gradkit.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Grades exercise 02 against the library's backward pass. */
class Ex02ChainRuleByHandTest {
    private static final double[][] XY = {{0.0, 2.0}, {0.5, -1.0}, {-1.2, 0.7}, {2.0, 0.3}, {0.1, 4.0}};

    /** f(x, y) = tanh(x*y) + exp(x)*y with the library's Value; returns {df/dx, df/dy}. */
    private static double[] engineGradientOfF(double x, double y) {
        return Oracle.valueGradient(v -> v[0].mul(v[1]).tanh().add(v[0].exp().mul(v[1])), new double[] {x, y});
    }

    @Test
    @Points(2)
    @DisplayName("df/dx of tanh(x*y) + exp(x)*y")
    void dfdx() {
        for (double[] p : XY) {
            double expected = engineGradientOfF(p[0], p[1])[0];
            assertEquals(expected, Ex02ChainRuleByHand.dfdx(p[0], p[1]), 1e-9, () -> "df/dx at (x, y) = ("
                    + p[0] + ", " + p[1] + "). Hint: x appears on two paths; add (1 - tanh(xy)^2)*y and exp(x)*y.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("df/dy of tanh(x*y) + exp(x)*y")
    void dfdy() {
        for (double[] p : XY) {
            double expected = engineGradientOfF(p[0], p[1])[1];
            assertEquals(expected, Ex02ChainRuleByHand.dfdy(p[0], p[1]), 1e-9, () -> "df/dy at (x, y) = ("
                    + p[0] + ", " + p[1] + "). Hint: d(xy)/dy = x and d(exp(x)*y)/dy = exp(x).");
        }
    }

    @Test
    @Points(2)
    @DisplayName("dg/dx of sigmoid(3x^2 - 1)")
    void dgdx() {
        for (double x : new double[] {0.0, 0.4, -0.9, 1.5, 3.0}) {
            Value leaf = Value.of(x);
            leaf.pow(2).mul(3).sub(1).sigmoid().backward();
            assertEquals(leaf.grad(), Ex02ChainRuleByHand.dgdx(x), 1e-9, () -> "dg/dx at x = " + x
                    + ". Hint: sigmoid'(s) * 6x, with sigmoid'(s) = sigmoid(s) * (1 - sigmoid(s)).");
        }
    }
}
