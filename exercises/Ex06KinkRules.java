package gradkit.exercises;

import java.util.function.DoubleUnaryOperator;

/**
 * Exercise 06: backward rules at non-differentiable points (notebook 04).
 *
 * <p>relu, abs and max have a kink: at relu(0), abs(0) and max(a, b) with a = b there is no
 * derivative. Backpropagation still needs a number there, so every engine makes a choice. A good
 * choice is a SUBGRADIENT: for a convex f, a slope g at x such that the line through (x, f(x)) with
 * slope g stays below f everywhere: f(x + t) ≥ f(x) + g·t for all t. For relu at 0 every g in [0, 1]
 * works, for abs at 0 every g in [-1, 1], and for max at a tie any split of the gradient with shares
 * in [0, 1] that sum to 1.
 * <ul>
 *   <li>{@link #reluSlopeAtZero}, {@link #absSlopeAtZero}, {@link #maxShareOfLeftOnTie}: make your
 *       choice (PyTorch takes 0, 0 and 0.5);</li>
 *   <li>{@link #relu}, {@link #abs}, {@link #max}: write the backward rules, using your choice
 *       exactly at the kink (away from it: relu' is 0 or 1, abs' is the sign, max gives the whole
 *       gradient to the larger input);</li>
 *   <li>{@link #isSubgradient}: the test above, on a list of probe steps t (try each t and -t),
 *       allowing a rounding slack of 1e-12.</li>
 * </ul>
 *
 * <p>Example: {@code isSubgradient(Math::abs, 0.0, 0.5, new double[] {1e-3, 1.0})} is true;
 * with slope 1.5 it is false.
 */
public final class Ex06KinkRules {
    private Ex06KinkRules() {
    }

    /** Your choice of relu'(0), a number in [0, 1]. */
    public static double reluSlopeAtZero() {
        throw new UnsupportedOperationException("TODO: choose relu'(0): any number in [0, 1] is a subgradient (PyTorch: 0)");
    }

    /** Your choice of abs'(0), a number in [-1, 1]. */
    public static double absSlopeAtZero() {
        throw new UnsupportedOperationException("TODO: choose abs'(0): any number in [-1, 1] is a subgradient (PyTorch: 0)");
    }

    /** Your choice of the share of the gradient that the LEFT input of max gets on a tie, in [0, 1]. */
    public static double maxShareOfLeftOnTie() {
        throw new UnsupportedOperationException("TODO: choose the left input's share at a tie of max (the right one gets the rest; PyTorch: 0.5)");
    }

    /** max(0, x). */
    public static Scalar relu(Scalar x) {
        Scalar out = new Scalar(Math.max(0.0, x.data()), "relu", x);
        out.setBackward(() -> {
            throw new UnsupportedOperationException("TODO: relu backward: slope 1 above 0, 0 below, reluSlopeAtZero() at exactly 0");
        });
        return out;
    }

    /** |x|. */
    public static Scalar abs(Scalar x) {
        Scalar out = new Scalar(Math.abs(x.data()), "abs", x);
        out.setBackward(() -> {
            throw new UnsupportedOperationException("TODO: abs backward: slope +1 above 0, -1 below, absSlopeAtZero() at exactly 0");
        });
        return out;
    }

    /** The larger of a and b. */
    public static Scalar max(Scalar a, Scalar b) {
        Scalar out = new Scalar(Math.max(a.data(), b.data()), "max", a, b);
        out.setBackward(() -> {
            throw new UnsupportedOperationException("TODO: max backward: the larger input gets all of out.grad(); on a tie split it by maxShareOfLeftOnTie()");
        });
        return out;
    }

    /**
     * True when g is a subgradient of the convex f at x on the probes: for every t in steps,
     * f(x + t) ≥ f(x) + g·t - 1e-12 and f(x - t) ≥ f(x) - g·t - 1e-12.
     */
    public static boolean isSubgradient(DoubleUnaryOperator f, double x, double g, double[] steps) {
        throw new UnsupportedOperationException("TODO: true when no probe point x + t or x - t (t from steps) lies below the line through (x, f(x)) with slope g, allowing the slack");
    }
}
