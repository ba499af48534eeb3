package gradkit.exercises;

import gradkit.engine.Value;
import gradkit.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise 02 against the library's backward pass. When a wrong answer equals one path of
 * the chain rule alone, the message says which path is missing.
 */
class Ex02ChainRuleByHandTest {
    private static final double[][] XY = {{0.0, 2.0}, {0.5, -1.0}, {-1.2, 0.7}, {2.0, 0.3}, {0.1, 4.0}};

    /** f(x, y) = tanh(x*y) + exp(x)*y with the library's Value; returns {df/dx, df/dy}. */
    private static double[] engineGradientOfF(double x, double y) {
        return Oracle.valueGradient(v -> v[0].mul(v[1]).tanh().add(v[0].exp().mul(v[1])), new double[] {x, y});
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
    }

    /** Which path of f = tanh(u) + v*y a wrong answer holds alone, if it holds one. */
    private static String paths(double got, double throughTanh, double throughOther, String other) {
        if (same(got, throughTanh)) {
            return "that is the path through tanh(xy) alone; the path through " + other + " is missing. ";
        }
        if (same(got, throughOther)) {
            return "that is the path through " + other + " alone; the path through tanh(xy) is missing. ";
        }
        return "";
    }

    @Test
    @Points(2)
    @DisplayName("df/dx of tanh(x*y) + exp(x)*y")
    void dfdx() {
        for (double[] p : XY) {
            double x = p[0];
            double y = p[1];
            double t = Math.tanh(x * y);
            double got = Ex02ChainRuleByHand.dfdx(x, y);
            Feedback.near(engineGradientOfF(x, y)[0], got, 1e-9, "df/dx at (x, y) = (" + x + ", " + y + ")",
                    paths(got, (1 - t * t) * y, Math.exp(x) * y, "exp(x)*y") + "x appears on two paths; add"
                            + " (1 - tanh(xy)^2) * y (tanh' from its OUTPUT, times du/dx = y) and exp(x) * y.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("df/dy of tanh(x*y) + exp(x)*y")
    void dfdy() {
        for (double[] p : XY) {
            double x = p[0];
            double y = p[1];
            double t = Math.tanh(x * y);
            double got = Ex02ChainRuleByHand.dfdy(x, y);
            Feedback.near(engineGradientOfF(x, y)[1], got, 1e-9, "df/dy at (x, y) = (" + x + ", " + y + ")",
                    paths(got, (1 - t * t) * x, Math.exp(x), "exp(x)*y") + "d tanh(xy)/dy = (1 - tanh(xy)^2) * x"
                            + " (the inner derivative is x), and d(exp(x)*y)/dy = exp(x) (y itself drops out).");
        }
    }

    @Test
    @Points(2)
    @DisplayName("dg/dx of sigmoid(3x^2 - 1)")
    void dgdx() {
        for (double x : new double[] {0.0, 0.4, -0.9, 1.5, 3.0}) {
            Value leaf = Value.of(x);
            leaf.pow(2).mul(3).sub(1).sigmoid().backward();
            double sigma = 1 / (1 + Math.exp(-(3 * x * x - 1)));
            double got = Ex02ChainRuleByHand.dgdx(x);
            String half = x != 0 && same(got, sigma * (1 - sigma) * 3 * x)
                    ? "that is sigmoid'(s) * 3x: the power rule gives d(3x^2)/dx = 6x. " : "";
            Feedback.near(leaf.grad(), got, 1e-9, "dg/dx at x = " + x, half + "sigmoid'(s) * ds/dx with"
                    + " sigmoid'(s) = sigmoid(s) * (1 - sigmoid(s)) taken at the INNER value s = 3x^2 - 1, and"
                    + " ds/dx = 6x.");
        }
    }
}
