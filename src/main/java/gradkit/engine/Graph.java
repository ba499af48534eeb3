package gradkit.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The computation graph below one output {@link Value}: every value it was computed from, in
 * topological order (each value after all of its parents, so the output comes last).
 *
 * <p>Ask a graph about the whole computation: which operations sat exactly on a kink, which branches
 * every non-smooth operation took, and where a NaN or an infinity first appeared.
 *
 * <pre>{@code
 * Value x = Value.of(0.0, "x");
 * Value y = x.relu().add(x.abs());
 * Graph g = Graph.of(y);
 * g.size();            // 4: x, relu, abs, +
 * g.kinks();           // [relu, abs]: both evaluated exactly at 0
 * }</pre>
 *
 * <p>A graph is a snapshot of the structure when it was made; the numbers it reports are read from
 * the values when asked.
 */
public final class Graph {

    private final Value output;
    private final List<Value> nodes;

    private Graph(Value output, List<Value> nodes) {
        this.output = output;
        this.nodes = nodes;
    }

    /** The graph of every value that {@code output} was computed from, {@code output} included. */
    public static Graph of(Value output) {
        if (output == null) {
            throw new IllegalArgumentException("Graph.of needs the output Value of a computation, but got null.");
        }
        return new Graph(output, Collections.unmodifiableList(topologicalOrder(output)));
    }

    /**
     * Every value {@code output} depends on, each exactly once, parents before children, ending with
     * {@code output}.
     *
     * <p>This is a depth-first search that adds a node after all its parents. It recurses as
     * micrograd's {@code build_topo} does, and continues with a stack of its own on the heap past a
     * few hundred nested calls, so that a chain of ten million operations does not overflow the Java
     * call stack.
     *
     * @throws IllegalArgumentException if {@code output} is null
     */
    public static List<Value> topologicalOrder(Value output) {
        if (output == null) {
            throw new IllegalArgumentException("topologicalOrder needs the output Value of a computation, but got null.");
        }
        TopologicalSort order = TopologicalSort.of(output, false);
        order.clearMarks();
        return order.toList();
    }

    /** The output this graph was built from. */
    public Value output() {
        return output;
    }

    /** All values in topological order, the output last. */
    public List<Value> nodes() {
        return nodes;
    }

    /** The number of values in the graph, leaves included. */
    public int size() {
        return nodes.size();
    }

    /** The leaves: inputs, parameters and constants, in topological order. */
    public List<Value> leaves() {
        List<Value> leaves = new ArrayList<>();
        for (Value node : nodes) {
            if (node.isLeaf()) {
                leaves.add(node);
            }
        }
        return leaves;
    }

    /** The operations that were evaluated exactly on their kink: relu(0), abs(0), a tie in max, ... */
    public List<Value> kinks() {
        List<Value> kinks = new ArrayList<>();
        for (Value node : nodes) {
            if (node.isOnKink()) {
                kinks.add(node);
            }
        }
        return kinks;
    }

    /** The branch every node took, in topological order; compare two with {@link BranchPattern#differences}. */
    public BranchPattern branchPattern() {
        return BranchPattern.of(nodes);
    }

    /** Sets every gradient in the graph to 0. */
    public void zeroGrad() {
        for (Value node : nodes) {
            node.setGrad(0.0);
        }
    }

    /**
     * The first value, in evaluation order, that is NaN or infinite. Every value before it is finite,
     * so this is the operation that turned finite inputs into a non-finite result (or a leaf that was
     * non-finite to begin with). Print its {@link Value#formula()} to see the culprit:
     *
     * <pre>{@code
     * Value y = Value.of(0.0).log().mul(2);
     * Graph.of(y).firstNonFinite().get().formula();   // "log(0.0) = -Infinity"
     * }</pre>
     */
    public Optional<Value> firstNonFinite() {
        for (Value node : nodes) {
            if (!Double.isFinite(node.data())) {
                return Optional.of(node);
            }
        }
        return Optional.empty();
    }

    /**
     * The first value whose gradient is NaN or infinite, searched from the output backwards (the order
     * in which {@link Value#backward()} computes gradients).
     */
    public Optional<Value> firstNonFiniteGrad() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            if (!Double.isFinite(nodes.get(i).grad())) {
                return Optional.of(nodes.get(i));
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Value node = nodes.get(i);
            text.append(String.format("%4d  %-9s %-28s grad=%s%n", i, node.isLeaf() ? "leaf" : node.op(),
                    node.formula(), node.grad()));
        }
        return text.toString().stripTrailing();
    }
}
