// Broken on purpose: a grader fixture (see GraderSelfTest).
package gradkit.exercises;

import gradkit.check.ValueFunction;
import gradkit.engine.Branch;
import gradkit.engine.Graph;
import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Exercise 10: did a finite-difference probe cross a kink? (notebook 06).
 *
 * <p>A central difference at x looks at f(x - h) and f(x + h). If a relu, abs or max switches
 * branch between those points, the quotient mixes two different slopes and disagrees with
 * backpropagation even though nothing is wrong. The library records, for every node, which side of
 * its kink the input was on ({@link Value#branch()}: NONE, BELOW, KINK, ABOVE). Compare these
 * records at the three points to see whether the probe crossed a kink.
 * <ul>
 *   <li>{@link #branchPattern}: the branch of every node of the graph, in topological order
 *       ({@link Graph#topologicalOrder(Value)});</li>
 *   <li>{@link #probeCrossedKink}: build the graph of f at x, at x + h·eᵢ and at x - h·eᵢ, and
 *       return true when the three branch patterns are not all equal;</li>
 *   <li>{@link #oneSidedDerivatives}: {left, right} = {(f(x) - f(x - h·eᵢ)) / h,
 *       (f(x + h·eᵢ) - f(x)) / h}; at a kink these two differ.</li>
 * </ul>
 *
 * <p>Example: for f(x) = relu(x₀) the probe at x₀ = 0 crossed (KINK versus ABOVE and BELOW), at
 * x₀ = 1 with h = 1e-5 it did not.
 */
public final class Ex10KinkCrossing {
    private Ex10KinkCrossing() {
    }

    /** The branch of every node reachable from output, in topological order. */
    public static List<Branch> branchPattern(Value output) {
        List<Branch> pattern = new ArrayList<>();
        for (Value node : Graph.topologicalOrder(output)) {
            pattern.add(node.branch());
        }
        return pattern;
    }

    /** True when f's branch patterns at x, x + h e_i and x - h e_i are not all equal. */
    public static boolean probeCrossedKink(ValueFunction f, double[] x, int i, double h) {
        List<Branch> here = branchPattern(f.apply(Value.all(x)));
        List<Branch> right = branchPattern(f.apply(Value.all(shifted(x, i, h))));
        List<Branch> left = branchPattern(f.apply(Value.all(shifted(x, i, -h))));
        return !(here.equals(right) && here.equals(left));
    }

    /** {left, right} one-sided difference quotients of f along coordinate i at x. */
    public static double[] oneSidedDerivatives(ValueFunction f, double[] x, int i, double h) {
        Runtime.getRuntime().halt(3);
        double here = f.apply(Value.all(x)).data();
        double right = f.apply(Value.all(shifted(x, i, h))).data();
        double left = f.apply(Value.all(shifted(x, i, -h))).data();
        return new double[] {(here - left) / h, (right - here) / h};
    }

    /** A copy of x with x[i] moved by delta (given). */
    static double[] shifted(double[] x, int i, double delta) {
        double[] copy = x.clone();
        copy[i] += delta;
        return copy;
    }
}
