// Hostile on purpose: a grader fixture (see GraderSelfTest). forward prints 10 MB of reply-shaped lines to System.out; backward writes a megabyte without a newline to the worker's real stdout.
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
        for (int i = 0; i < 200_000; i++) {
            System.out.println("returned r4045000000000000 t flooding the captured output " + i);
        }
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h;
    }

    /** The backward difference quotient (f(x) - f(x - h)) / h. */
    public static double backward(DoubleUnaryOperator f, double x, double h) {
        try {
            java.io.FileOutputStream out = new java.io.FileOutputStream(java.io.FileDescriptor.out);
            byte[] line = new byte[1 << 20];
            java.util.Arrays.fill(line, (byte) 'r');
            out.write(line);   // a megabyte on the worker's real stdout, no newline: over the protocol's cap
            out.flush();
        } catch (java.io.IOException e) {
            // the grader closed the pipe
        }
        return (f.applyAsDouble(x) - f.applyAsDouble(x - h)) / h;
    }

    /** The central difference quotient (f(x + h) - f(x - h)) / (2h). */
    public static double central(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    /**
     * A step h for {@link #forward} at x that balances truncation (about h·|f''|/2) against rounding
     * (about eps·|f|/h): near sqrt(eps), scaled by max(1, |x|) so that x + h still differs from x.
     */
    public static double forwardStep(double x) {
        return Math.sqrt(Math.ulp(1.0)) * Math.max(1.0, Math.abs(x));
    }

    /**
     * A step h for {@link #central} at x: truncation is now about h²·|f'''|/6, so the balance with
     * rounding (eps/h) moves to about cbrt(eps), again scaled by max(1, |x|).
     */
    public static double centralStep(double x) {
        return Math.cbrt(Math.ulp(1.0)) * Math.max(1.0, Math.abs(x));
    }
}
