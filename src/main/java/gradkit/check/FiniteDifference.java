package gradkit.check;

import java.util.function.DoubleUnaryOperator;

/**
 * The three finite-difference formulas for the derivative of a function of one number.
 *
 * <p>Taylor's theorem says f(x+h) = f(x) + h·f'(x) + h²/2·f''(x) + h³/6·f'''(x) + ..., which gives
 * <ul>
 *   <li>{@link #forward}: (f(x+h) - f(x)) / h, off by about h/2·f''(x): the error is O(h);</li>
 *   <li>{@link #backward}: (f(x) - f(x-h)) / h, also O(h), with the opposite sign;</li>
 *   <li>{@link #central}: (f(x+h) - f(x-h)) / 2h, where the h² terms cancel, so the error is
 *       about h²/6·f'''(x): O(h²). Shrink h tenfold and the error shrinks a hundredfold.</li>
 * </ul>
 * A step that is too small brings the other error back: f is only known to about 1e-16·|f|, and
 * dividing by h magnifies that rounding error by 1/h. For doubles h ≈ 1e-5 to 1e-6 balances the two
 * for the central difference.
 *
 * <p>Each formula divides by the step the computer really took, (x+h) - x, which differs slightly
 * from h when x+h is rounded; this removes one source of rounding error for free.
 *
 * <pre>{@code
 * FiniteDifference.forward(Math::sin, 1.0, 1e-4);   // 0.540260..., cos(1) = 0.540302...
 * FiniteDifference.central(Math::sin, 1.0, 1e-4);   // 0.540302...
 * }</pre>
 */
public final class FiniteDifference {

    private FiniteDifference() {}

    /**
     * The forward difference (f(x+h) - f(x)) / h, the slope just right of x. Error O(h).
     *
     * <pre>{@code FiniteDifference.forward(t -> Math.max(t, 0), 0.0, 1e-6);   // 1.0, relu's right derivative }</pre>
     *
     * @throws IllegalArgumentException if f is null, x is not finite, or h is not a positive finite number
     * @throws IllegalStateException if f is NaN or infinite at x or at x+h
     */
    public static double forward(DoubleUnaryOperator f, double x, double h) {
        requireArguments(f, x, h);
        double right = x + h;
        return (evaluate(f, right, "x+h") - evaluate(f, x, "x")) / (right - x);
    }

    /**
     * The backward difference (f(x) - f(x-h)) / h, the slope just left of x. Error O(h).
     *
     * <pre>{@code FiniteDifference.backward(t -> Math.max(t, 0), 0.0, 1e-6);   // 0.0, relu's left derivative }</pre>
     *
     * @throws IllegalArgumentException if f is null, x is not finite, or h is not a positive finite number
     * @throws IllegalStateException if f is NaN or infinite at x or at x-h
     */
    public static double backward(DoubleUnaryOperator f, double x, double h) {
        requireArguments(f, x, h);
        double left = x - h;
        return (evaluate(f, x, "x") - evaluate(f, left, "x-h")) / (x - left);
    }

    /**
     * The central difference (f(x+h) - f(x-h)) / 2h. Error O(h²) where f is smooth. At a kink it is the
     * average of the two one-sided slopes, which need not be a derivative of anything.
     *
     * <pre>{@code FiniteDifference.central(Math::exp, 0.0, 1e-5);   // 1.0000000000, e^0 = 1 }</pre>
     *
     * @throws IllegalArgumentException if f is null, x is not finite, or h is not a positive finite number
     * @throws IllegalStateException if f is NaN or infinite at x, x+h or x-h
     */
    public static double central(DoubleUnaryOperator f, double x, double h) {
        requireArguments(f, x, h);
        evaluate(f, x, "x"); // a function undefined at x has no derivative there, however close the probes
        double right = x + h;
        double left = x - h;
        return (evaluate(f, right, "x+h") - evaluate(f, left, "x-h")) / (right - left);
    }

    private static void requireArguments(DoubleUnaryOperator f, double x, double h) {
        if (f == null) {
            throw new IllegalArgumentException("A finite difference needs a function f, but got null.");
        }
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("A finite difference needs a finite point x, but got x = " + x + ".");
        }
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("The step h must be a positive finite number such as 1e-6, but got h = "
                    + h + ".");
        }
        if (x + h == x) {
            throw new IllegalArgumentException("The step h = " + h + " is too small to change x = " + x
                    + " in double precision; use a step of at least " + Math.ulp(x) + ".");
        }
    }

    private static double evaluate(DoubleUnaryOperator f, double at, String where) {
        double y = f.applyAsDouble(at);
        if (!Double.isFinite(y)) {
            throw new IllegalStateException("f returned " + y + " at " + where + " = " + at
                    + "; a finite difference needs finite values of f there.");
        }
        return y;
    }
}
