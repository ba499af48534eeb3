package gradkit.check;

import gradkit.engine.BranchPattern;
import gradkit.engine.Graph;
import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The directional check: the analytic directional derivative grad·v against the central difference
 * of f along one random unit vector v. Two evaluations check every entry at once, though only along
 * v; see {@link GradientChecker#checkDirection(ValueFunction, long, double...)}.
 */
final class RandomDirection {

    private RandomDirection() {}

    /** The checker's rule for "close enough", passed in so that there is one definition of it. */
    @FunctionalInterface
    interface DoubleBiPredicate {
        boolean test(double analytic, double numeric);
    }

    /** Checks f along one direction drawn with {@code seed}, by a central difference of step {@code eps}. */
    static DirectionalCheck check(CheckedFunction f, long seed, double eps, DoubleBiPredicate close) {
        double[] direction = randomUnitVector(f.dimension(), seed);
        Value out = f.buildAtPoint();
        BranchPattern atPoint = Graph.of(out).branchPattern();
        out.backward();
        double[] gradient = f.gradient();
        double analytic = 0.0;
        for (int j = 0; j < gradient.length; j++) {
            analytic += gradient[j] * direction[j];
        }
        Evaluation plus = f.evaluateAlong(direction, eps);
        Evaluation minus = f.evaluateAlong(direction, -eps);
        double numeric = (plus.value() - minus.value()) / (2 * eps);
        boolean crossedKink = !plus.pattern().equals(atPoint) || !minus.pattern().equals(atPoint);
        return new DirectionalCheck(toList(direction), analytic, numeric, GradientChecker.relativeError(analytic, numeric),
                close.test(analytic, numeric), crossedKink, seed);
    }

    /** A direction drawn uniformly from the unit sphere: normal components, then normalized. */
    private static double[] randomUnitVector(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[n];
        double norm;
        do {
            double squares = 0.0;
            for (int j = 0; j < n; j++) {
                v[j] = random.nextGaussian();
                squares += v[j] * v[j];
            }
            norm = Math.sqrt(squares);
        } while (norm == 0.0);
        for (int j = 0; j < n; j++) {
            v[j] /= norm;
        }
        return v;
    }

    private static List<Double> toList(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

}
