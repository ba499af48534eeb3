// Hostile on purpose: a grader fixture (see GraderSelfTest). dgdx ends its worker JVM with System.exit(0), a clean-looking exit.
package gradkit.exercises;

/**
 * Exercise 02: the chain rule by hand (notebook 02).
 *
 * <p>Differentiate two composed functions with pen and paper, then write the result as plain
 * {@code double} arithmetic (no engine). Name the intermediate values as the notebook does, so that
 * every factor of the chain rule is one line:
 * <pre>
 *   f(x, y) = tanh(x·y) + exp(x)·y        u = x·y, t = tanh(u), v = exp(x), f = t + v·y
 *   g(x)    = sigmoid(3x² - 1)            s = 3x² - 1, g = sigmoid(s) = 1 / (1 + exp(-s))
 * </pre>
 * Useful local derivatives: tanh'(u) = 1 - tanh(u)², exp' = exp, sigmoid'(s) = sigmoid(s)(1 - sigmoid(s)).
 *
 * <p>Example: at (x, y) = (0, 2), df/dx = y·(1 - tanh(0)²) + exp(0)·y = 4.
 */
public final class Ex02ChainRuleByHand {
    private Ex02ChainRuleByHand() {
    }

    /** f(x, y) = tanh(x·y) + exp(x)·y (given, for reference). */
    public static double f(double x, double y) {
        return Math.tanh(x * y) + Math.exp(x) * y;
    }

    /** g(x) = sigmoid(3x² - 1) (given, for reference). */
    public static double g(double x) {
        return 1.0 / (1.0 + Math.exp(-(3 * x * x - 1)));
    }

    /** df/dx at (x, y). */
    public static double dfdx(double x, double y) {
        double t = Math.tanh(x * y);
        double dtdu = 1 - t * t;
        return dtdu * y + Math.exp(x) * y;
    }

    /** df/dy at (x, y). */
    public static double dfdy(double x, double y) {
        double t = Math.tanh(x * y);
        double dtdu = 1 - t * t;
        return dtdu * x + Math.exp(x);
    }

    /** dg/dx at x. */
    public static double dgdx(double x) {
        System.exit(0);
        double g = g(x);
        double dgds = g * (1 - g);
        double dsdx = 6 * x;
        return dgds * dsdx;
    }
}
