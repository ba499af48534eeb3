// Planted bug: numericGradient takes the forward difference (f(x + h) - f(x)) / h instead of the central one.
package gradkit.exercises;

import gradkit.check.ValueFunction;
import gradkit.engine.Value;

/**
 * Exercise 09: a gradient checker (notebook 06).
 *
 * <p>Backpropagation is only as right as its backward rules. Check it against the definition: nudge
 * one input at a time by ±h, take the central difference, and compare with the gradient from
 * backward() using a RELATIVE error, so that large and small gradients are judged alike.
 * <ul>
 *   <li>{@link #relativeError}: |a - b| / max(|a|, |b|), and 0 when both are 0;</li>
 *   <li>{@link #analyticGradient}: make leaves {@code Value.all(x)}, apply f, backward(), read the
 *       leaves' grads;</li>
 *   <li>{@link #numericGradient}: for each i, the central difference (f(x + h·eᵢ) - f(x - h·eᵢ)) /
 *       (2h) of f's output data (build fresh leaves for every evaluation);</li>
 *   <li>{@link #gradientsAgree}: true when every component's relative error is at most
 *       {@code tolerance}.</li>
 * </ul>
 *
 * <p>Example: for f(x) = x₀·x₁ at (2, 3), both gradients are (3, 2).
 */
public final class Ex09GradientChecker {
    private Ex09GradientChecker() {
    }

    /** |a - b| / max(|a|, |b|), or 0 when a and b are both 0. */
    public static double relativeError(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0.0 : Math.abs(a - b) / scale;
    }

    /** The gradient of f at x by backpropagation. */
    public static double[] analyticGradient(ValueFunction f, double[] x) {
        Value[] leaves = Value.all(x);
        f.apply(leaves).backward();
        double[] grad = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            grad[i] = leaves[i].grad();
        }
        return grad;
    }

    /** The gradient of f at x by central differences with step h. */
    public static double[] numericGradient(ValueFunction f, double[] x, double h) {
        double[] grad = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += h;
            minus[i] -= h;
            double fPlus = f.apply(Value.all(plus)).data();
            double fHere = f.apply(Value.all(x)).data();
            grad[i] = (fPlus - fHere) / h;
        }
        return grad;
    }

    /** True when analytic and numeric gradients agree within tolerance (relative error) in every component. */
    public static boolean gradientsAgree(ValueFunction f, double[] x, double h, double tolerance) {
        double[] analytic = analyticGradient(f, x);
        double[] numeric = numericGradient(f, x, h);
        for (int i = 0; i < x.length; i++) {
            if (!(relativeError(analytic[i], numeric[i]) <= tolerance)) {
                return false;
            }
        }
        return true;
    }
}
