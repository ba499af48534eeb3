package gradkit.exercises;

import java.util.function.DoubleUnaryOperator;

/**
 * Exercise 01: derivatives from the definition (notebook 01).
 *
 * <p>The derivative is the limit of a difference quotient as the step h shrinks. A computer cannot
 * take the limit, so it takes one small h. Implement the three quotients and a good choice of h:
 * <ul>
 *   <li>{@link #forward}: (f(x + h) - f(x)) / h, error of order h (truncation);</li>
 *   <li>{@link #backward}: (f(x) - f(x - h)) / h, error of order h;</li>
 *   <li>{@link #central}: (f(x + h) - f(x - h)) / (2h), error of order h²;</li>
 *   <li>{@link #forwardStep} and {@link #centralStep}: the h that balances truncation error (grows with
 *       h) against rounding error (grows like machine epsilon / h). Notebook 01 derives that the
 *       balance sits near sqrt(eps)·max(1, |x|) for the forward quotient and near
 *       cbrt(eps)·max(1, |x|) for the central one, with eps = {@code Math.ulp(1.0)}.</li>
 * </ul>
 *
 * <p>Example: {@code central(Math::exp, 0.0, 1e-5)} is 1.0000000000166667 (exact: 1).
 */
public final class Ex01DifferenceQuotients {
    private Ex01DifferenceQuotients() {
    }

    /** The forward difference quotient (f(x + h) - f(x)) / h. */
    public static double forward(DoubleUnaryOperator f, double x, double h) {
        throw new UnsupportedOperationException("TODO: the forward difference quotient: compare f one step h ahead of x with f at x");
    }

    /** The backward difference quotient (f(x) - f(x - h)) / h. */
    public static double backward(DoubleUnaryOperator f, double x, double h) {
        throw new UnsupportedOperationException("TODO: the backward difference quotient: compare f at x with f one step h behind");
    }

    /** The central difference quotient (f(x + h) - f(x - h)) / (2h). */
    public static double central(DoubleUnaryOperator f, double x, double h) {
        throw new UnsupportedOperationException("TODO: the central difference quotient: compare f one step ahead with f one step behind; mind how far apart they are");
    }

    /**
     * A step h for {@link #forward} at x that balances truncation (about h·|f''|/2) against rounding
     * (about eps·|f|/h): near sqrt(eps), scaled by max(1, |x|) so that x + h still differs from x.
     */
    public static double forwardStep(double x) {
        throw new UnsupportedOperationException("TODO: the h where truncation and rounding balance for the forward quotient (notebook 01); never 0, not even at x = 0");
    }

    /**
     * A step h for {@link #central} at x: truncation is now about h²·|f'''|/6, so the balance with
     * rounding (eps/h) moves to about cbrt(eps), again scaled by max(1, |x|).
     */
    public static double centralStep(double x) {
        throw new UnsupportedOperationException("TODO: the h where truncation and rounding balance for the central quotient (its truncation error is of order h^2)");
    }
}
