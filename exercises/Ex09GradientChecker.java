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
        throw new UnsupportedOperationException("TODO: the relative error of the statement, also defined (as 0) when both are 0");
    }

    /** The gradient of f at x by backpropagation. */
    public static double[] analyticGradient(ValueFunction f, double[] x) {
        throw new UnsupportedOperationException("TODO: the gradient of f at x by backpropagation, read from fresh leaves");
    }

    /** The gradient of f at x by central differences with step h. */
    public static double[] numericGradient(ValueFunction f, double[] x, double h) {
        throw new UnsupportedOperationException("TODO: for each input, the central difference of f's output along that input alone (fresh leaves for every evaluation)");
    }

    /** True when analytic and numeric gradients agree within tolerance (relative error) in every component. */
    public static boolean gradientsAgree(ValueFunction f, double[] x, double h, double tolerance) {
        throw new UnsupportedOperationException("TODO: true only when every component's relative error is within tolerance (a NaN never is)");
    }
}
