package gradkit.check;

import gradkit.engine.Graph;
import gradkit.engine.Value;

/**
 * The function under check, as the checker sees it: n numbers in, one {@link Value} out. The two
 * ways of checking (a {@link ValueFunction} at a point, or a loss over parameters) differ only in how
 * they move one number and rebuild the graph; {@link GradientChecker} needs nothing else.
 */
abstract class CheckedFunction {

    /** How many numbers the function takes. */
    abstract int dimension();

    /** The value of number {@code i} at the point being checked. */
    abstract double coordinate(int i);

    /** A word for the numbers in messages: "x" or "parameter". */
    abstract String name();

    /**
     * Builds the graph at the point being checked, after clearing the gradients the analytic
     * derivative will be read from.
     */
    abstract Value buildAtPoint();

    /** The gradient backpropagation left in the numbers, after {@code buildAtPoint().backward()}. */
    abstract double[] gradient();

    /** Evaluates with number {@code i} set to {@code t} and all others at the point. */
    abstract Evaluation evaluateWith(int i, double t);

    /** Evaluates at the point moved by {@code t} along {@code direction}. */
    abstract Evaluation evaluateAlong(double[] direction, double t);

    /** The checks every output goes through: present, a new graph, and finite. */
    static Graph requireUsable(Value out, String source, String where) {
        if (out == null) {
            throw new IllegalStateException(source + " returned null at " + where
                    + "; it must return the Value it computed.");
        }
        Graph graph = Graph.of(out);
        if (!Double.isFinite(out.data())) {
            String culprit = graph.firstNonFinite().map(Value::formula).orElse(String.valueOf(out.data()));
            throw new IllegalStateException(source + " is " + out.data() + " at " + where + " (first non-finite step: "
                    + culprit + "). A finite difference needs finite values there; check at a point farther from "
                    + "the edge of the function's domain, or use a smaller eps.");
        }
        return graph;
    }
}
