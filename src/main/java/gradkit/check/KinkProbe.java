package gradkit.check;

import gradkit.engine.BranchPattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The checker's work at a kink: measure the left and the right derivative of f along one input with
 * steps that stay on one branch, and accept any analytic derivative between them.
 *
 * <p>A one-sided derivative is measured with the second-order one-sided difference through three
 * points on one side, x, x + s and x + 2s (for equal steps):
 * <pre>
 *   f'(x) ≈ (-3 f(x) + 4 f(x + s) - f(x + 2s)) / 2s
 * </pre>
 * Its error is about f'''·s²/3, against f''·s/2 for the first-order (f(x + s) - f(x)) / s, so
 * curvature next to a kink (relu(x) - 2000x² at 0) no longer biases the slopes: the first-order
 * slopes there are off by 2000·s, enough to fail a correct gradient at s = 1e-6 or to pass a wrong
 * one under +2e5·x².
 *
 * <pre>{@code
 * GradientChecker.defaults().check(x -> x[0].relu().sub(x[0].mul(x[0]).mul(2000)), 0.0);  // KINK_PASS
 * }</pre>
 */
final class KinkProbe {

    /** One-sided steps shrink by this factor until they stay on one branch. */
    private static final double SHRINK = 10;
    /** ...but not below this many units of max(1, |x_i|): smaller steps only measure rounding noise. */
    private static final double RELATIVE_FLOOR = 1e-12;

    private final double eps;
    private final double atol;
    private final double rtol;

    KinkProbe(double eps, double atol, double rtol) {
        this.eps = eps;
        this.atol = atol;
        this.rtol = rtol;
    }

    /**
     * The kink verdict for entry i, whose central-difference probes ({@code plus}, {@code minus}) took
     * other branches than the evaluation at the point.
     */
    GradCheckEntry check(CheckedFunction f, int i, double analytic, double numeric, Verdict plainVerdict,
            double valueAtPoint, BranchPattern atPoint, Evaluation plus, Evaluation minus) {
        Set<String> operations = new LinkedHashSet<>();
        describeCrossing(atPoint, plus.pattern(), "x+eps", operations);
        describeCrossing(atPoint, minus.pattern(), "x-eps", operations);
        double xi = f.coordinate(i);
        OneSided right = oneSided(f, i, xi, valueAtPoint, atPoint, +1);
        OneSided left = oneSided(f, i, xi, valueAtPoint, atPoint, -1);
        if (!right.onOneBranch()) {
            operations.add(String.format(Locale.ROOT, "no right step down to %.0e stays on one branch", right.step()));
        }
        if (!left.onOneBranch()) {
            operations.add(String.format(Locale.ROOT, "no left step down to %.0e stays on one branch", left.step()));
        }

        double low = Math.min(left.slope(), right.slope());
        double high = Math.max(left.slope(), right.slope());
        double tolerance = atol + rtol * Math.max(Math.abs(low), Math.abs(high));
        boolean subgradient = analytic >= low - tolerance && analytic <= high + tolerance;
        double distance = analytic < low ? low - analytic : analytic > high ? analytic - high : 0.0;
        double scale = Math.max(Math.abs(analytic), Math.max(Math.abs(low), Math.abs(high)));
        double error = distance == 0 ? 0.0 : Double.isFinite(distance) ? distance / Math.max(scale, Double.MIN_NORMAL)
                : Double.POSITIVE_INFINITY;
        return new GradCheckEntry(i, analytic, numeric, left.slope(), right.slope(), error,
                subgradient ? Verdict.KINK_PASS : Verdict.KINK_FAIL, new ArrayList<>(operations), plainVerdict);
    }

    /** A one-sided derivative, the step it was measured with, and whether that step stayed on one branch. */
    private record OneSided(double slope, double step, boolean onOneBranch) {}

    /**
     * The derivative of f along x_i from one side (+1: right, -1: left). The step s starts at eps and
     * shrinks tenfold until x_i ± s/2 and x_i ± s give the same branch pattern (no kink between them)
     * and that pattern agrees with the one at x except at operations sitting exactly on their kink at
     * x (the step starts right at the kink and does not cross another one). If the graph changes
     * shape, only the first condition can be asked for. Below a floor of 1e-12·max(1, |x_i|) rounding
     * noise would win, so the search stops. The slope is the second-order one-sided difference
     * through x, x ± s/2 and x ± s (see the class comment), with the offsets actually used.
     */
    private OneSided oneSided(CheckedFunction f, int i, double xi, double valueAtPoint, BranchPattern atPoint, int side) {
        double floor = RELATIVE_FLOOR * Math.max(1.0, Math.abs(xi));
        double step = eps;
        while (true) {
            Evaluation far = f.evaluateWith(i, xi + side * step);
            Evaluation near = f.evaluateWith(i, xi + side * step / 2);
            boolean steady = far.pattern().equals(near.pattern());
            boolean adjacent = !far.pattern().sameShape(atPoint) || onlyKinksDiffer(atPoint, far.pattern());
            boolean onOneBranch = steady && adjacent;
            if (onOneBranch || step / SHRINK < floor) {
                double slope = secondOrderSlope(valueAtPoint, near.coordinate() - xi, near.value(),
                        far.coordinate() - xi, far.value());
                return new OneSided(slope + 0.0, step, onOneBranch); // + 0.0 turns -0.0 into 0.0
            }
            step /= SHRINK;
        }
    }

    /**
     * f'(x) from f(x) = f0, f(x + d1) = f1 and f(x + d2) = f2, all on one side (d1, d2 of one sign,
     * d1 != d2): the derivative at x of the parabola through the three points. For d2 = 2·d1 = 2s it
     * is (-3 f0 + 4 f1 - f2) / 2s.
     */
    static double secondOrderSlope(double f0, double d1, double f1, double d2, double f2) {
        if (d1 == d2) {
            return (f2 - f0) / d2; // the two steps rounded to one point: first order is all there is
        }
        return -(d1 + d2) / (d1 * d2) * f0 + d2 / (d1 * (d2 - d1)) * f1 - d1 / (d2 * (d2 - d1)) * f2;
    }

    /** Whether {@code other} differs from {@code atPoint} only where atPoint sits exactly on a kink. */
    private static boolean onlyKinksDiffer(BranchPattern atPoint, BranchPattern other) {
        for (int position : atPoint.differences(other)) {
            if (!atPoint.isKink(position)) {
                return false;
            }
        }
        return true;
    }

    /** Names the operations that sat on a kink or were pushed across one by the probe {@code where}. */
    private static void describeCrossing(BranchPattern atPoint, BranchPattern probe, String where, Set<String> operations) {
        if (!probe.sameShape(atPoint)) {
            operations.add("the graph changes shape at " + where + " (" + atPoint.size() + " nodes at x, " + probe.size()
                    + " at " + where + "): the function takes another path there");
            return;
        }
        for (int position : atPoint.differences(probe)) {
            String op = atPoint.op(position) + " #" + position;
            if (atPoint.isKink(position)) {
                operations.add(op + " at KINK");
            } else if (atPoint.selected(position) >= 0) {   // the max or min of a list selected another operand
                operations.add(op + " operand " + atPoint.selected(position) + "->" + probe.selected(position));
            } else {
                operations.add(op + " " + atPoint.branch(position) + "->" + probe.branch(position));
            }
        }
    }
}
