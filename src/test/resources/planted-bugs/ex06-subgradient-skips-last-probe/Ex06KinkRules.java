// Planted bug: isSubgradient loops to steps.length - 1, so the last probe step is never tried.
// Loses: subgradientRejects 2
// Says: only the last step, 10.0, goes that far. Hint: probe every t of steps, the last one too.
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
        return 0.0;
    }

    /** Your choice of abs'(0), a number in [-1, 1]. */
    public static double absSlopeAtZero() {
        return 0.0;
    }

    /** Your choice of the share of the gradient that the LEFT input of max gets on a tie, in [0, 1]. */
    public static double maxShareOfLeftOnTie() {
        return 0.5;
    }

    /** max(0, x). */
    public static Scalar relu(Scalar x) {
        Scalar out = new Scalar(Math.max(0.0, x.data()), "relu", x);
        out.setBackward(() -> {
            double slope = x.data() > 0 ? 1.0 : x.data() < 0 ? 0.0 : reluSlopeAtZero();
            x.setGrad(x.grad() + slope * out.grad());
        });
        return out;
    }

    /** |x|. */
    public static Scalar abs(Scalar x) {
        Scalar out = new Scalar(Math.abs(x.data()), "abs", x);
        out.setBackward(() -> {
            double slope = x.data() > 0 ? 1.0 : x.data() < 0 ? -1.0 : absSlopeAtZero();
            x.setGrad(x.grad() + slope * out.grad());
        });
        return out;
    }

    /** The larger of a and b. */
    public static Scalar max(Scalar a, Scalar b) {
        Scalar out = new Scalar(Math.max(a.data(), b.data()), "max", a, b);
        out.setBackward(() -> {
            double share = a.data() > b.data() ? 1.0 : a.data() < b.data() ? 0.0 : maxShareOfLeftOnTie();
            a.setGrad(a.grad() + share * out.grad());
            b.setGrad(b.grad() + (1 - share) * out.grad());
        });
        return out;
    }

    /**
     * True when g is a subgradient of the convex f at x on the probes: for every t in steps,
     * f(x + t) ≥ f(x) + g·t - 1e-12 and f(x - t) ≥ f(x) - g·t - 1e-12.
     */
    public static boolean isSubgradient(DoubleUnaryOperator f, double x, double g, double[] steps) {
        double fx = f.applyAsDouble(x);
        for (int i = 0; i < steps.length - 1; i++) {
            for (double t : new double[] {steps[i], -steps[i]}) {
                if (f.applyAsDouble(x + t) < fx + g * t - 1e-12) {
                    return false;
                }
            }
        }
        return true;
    }
}
