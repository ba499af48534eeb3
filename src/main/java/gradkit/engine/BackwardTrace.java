package gradkit.engine;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The backward pass run one node at a time, with what each node's rule did written down: for every
 * operand, its local derivative, the gradient arriving from upstream, and the operand's gradient
 * before and after its {@code +=}. Pictures and animations of backpropagation read their numbers
 * from here, so every number they show is one the engine computed.
 *
 * <pre>{@code
 * Value a = Value.of(2.0, "a"), b = Value.of(-3.0, "b");
 * Value L = a.mul(b).add(a).label("L");
 * BackwardTrace trace = BackwardTrace.of(L);
 * trace.steps().get(0).node();              // L, the output: its rule runs first
 * trace.steps().get(0).contributions();     // a*b: grad 0 -> 1, a: grad 0 -> 1
 * a.grad();                                 // -2.0, as after L.backward()
 * }</pre>
 *
 * <p>The walk is {@link Value#backward()}'s, node for node: the same topological order, the output's
 * gradient seeded with 1, and each node's own rule (the method {@code backward()} calls), in the
 * same precision. The only difference is the start: every gradient in the graph, the leaves' too, is
 * set to 0 first, so the trace shows one backward pass from a clean slate. Afterwards the graph
 * holds exactly what {@code zeroGrad()} then {@code backward()} would have left in it.
 */
public final class BackwardTrace {

    /** The largest graph traced: a snapshot of every gradient per step costs (values)² numbers. */
    public static final int MAX_VALUES = 300;

    /**
     * One operand's share of a node's rule: {@code gradAfter = gradBefore + localGrad * upstream}.
     *
     * @param operand the operand that received the contribution
     * @param operandIndex its position among the node's operands (the same value may sit at two)
     * @param localGrad d(node)/d(operand), fixed when the operation ran
     * @param upstream the node's gradient, complete when its rule runs
     * @param gradBefore the operand's gradient just before this {@code +=}
     * @param gradAfter the operand's gradient just after it
     */
    public record Contribution(Value operand, int operandIndex, double localGrad, double upstream,
                               double gradBefore, double gradAfter) {}

    /**
     * One node's turn in the backward pass.
     *
     * @param number 1 for the output's rule, then 2, 3, ... in the engine's order
     * @param node the node whose rule ran
     * @param contributions what it added to each operand, in operand order; empty for a leaf
     */
    public record Step(int number, Value node, List<Contribution> contributions) {
        public Step {
            contributions = List.copyOf(contributions);
        }
    }

    private final Value output;
    private final List<Value> order;
    private final Map<Value, Integer> position = new IdentityHashMap<>();
    private final List<Step> steps;
    /** grads[k][i]: the gradient of order.get(i) after k steps (k = 0: only the seed). */
    private final double[][] grads;

    private BackwardTrace(Value output, List<Value> order, List<Step> steps, double[][] grads) {
        this.output = output;
        this.order = List.copyOf(order);
        this.steps = List.copyOf(steps);
        this.grads = grads;
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
    }

    /**
     * Runs the backward pass of {@code output} node by node and records it.
     *
     * @throws IllegalArgumentException if {@code output} is null or its graph has more than
     *     {@link #MAX_VALUES} values
     */
    public static BackwardTrace of(Value output) {
        if (output == null) {
            throw new IllegalArgumentException("BackwardTrace.of needs the output Value of a computation, but got null.");
        }
        TopologicalSort sort = TopologicalSort.of(output, true);
        List<Value> order = sort.toList();
        sort.clearMarks();
        if (order.size() > MAX_VALUES) {
            throw new IllegalArgumentException("BackwardTrace shows graphs of up to " + MAX_VALUES
                    + " values, but this one has " + order.size() + ": trace a smaller expression.");
        }
        for (Value node : order) {
            node.grad = 0.0;
        }
        output.grad = 1.0;
        Precision precision = Settings.precision();
        List<Step> steps = new ArrayList<>();
        double[][] grads = new double[order.size() + 1][];
        grads[0] = snapshot(order);
        for (int i = order.size() - 1; i >= 0; i--) {
            steps.add(runRule(order.get(i), steps.size() + 1, precision));
            grads[steps.size()] = snapshot(order);
        }
        return new BackwardTrace(output, order, steps, grads);
    }

    /** One node's rule, exactly as backward() runs it, with each operand's gradient read around it. */
    private static Step runRule(Value node, int number, Precision precision) {
        int n = node.operandCount();
        double[] before = new double[n];
        for (int j = 0; j < n; j++) {
            before[j] = node.operand(j).grad;
        }
        node.passGradToOperands(precision);
        List<Contribution> contributions = new ArrayList<>();
        for (int j = 0; j < n; j++) {
            // An operand that sits twice among one node's operands (x + x) gets both shares in this
            // one rule, the second added to what the first left: its gradient read after the rule
            // is only the last share's "after".
            int earlier = samePositionBefore(node, j);
            double start = earlier >= 0 ? contributions.get(earlier).gradAfter() : before[j];
            double after = samePositionAfter(node, j) >= 0
                    ? precision.accumulate(start, node.localGrad(j), node.grad) : node.operand(j).grad;
            contributions.add(new Contribution(node.operand(j), j, node.localGrad(j), node.grad, start, after));
        }
        return new Step(number, node, contributions);
    }

    /** The last position before {@code j} that holds the same operand as {@code j}, or -1. */
    private static int samePositionBefore(Value node, int j) {
        for (int k = j - 1; k >= 0; k--) {
            if (node.operand(k) == node.operand(j)) {
                return k;
            }
        }
        return -1;
    }

    /** The first position after {@code j} that holds the same operand as {@code j}, or -1. */
    private static int samePositionAfter(Value node, int j) {
        for (int k = j + 1; k < node.operandCount(); k++) {
            if (node.operand(k) == node.operand(j)) {
                return k;
            }
        }
        return -1;
    }

    private static double[] snapshot(List<Value> order) {
        double[] grads = new double[order.size()];
        for (int i = 0; i < grads.length; i++) {
            grads[i] = order.get(i).grad;
        }
        return grads;
    }

    /** The output whose backward pass this is. */
    public Value output() {
        return output;
    }

    /**
     * Every value of the graph in topological order (parents first, the output last), as
     * {@link Graph#topologicalOrder}.
     */
    public List<Value> order() {
        return order;
    }

    /** The steps in the order the engine ran them: the output first, one step per value, leaves included. */
    public List<Step> steps() {
        return steps;
    }

    /**
     * The gradient of {@code node} after the first {@code stepsDone} steps: 0 steps is the start
     * (only the output's seed of 1), {@code steps().size()} the end of the pass.
     *
     * @throws IllegalArgumentException if {@code node} is not in the graph or {@code stepsDone} is out of range
     */
    public double gradAfter(int stepsDone, Value node) {
        if (stepsDone < 0 || stepsDone > steps.size()) {
            throw new IllegalArgumentException("stepsDone must be from 0 to " + steps.size() + ", but got "
                    + stepsDone + ".");
        }
        return grads[stepsDone][indexOf(node)];
    }

    /** The position of {@code node} in {@link #order()}. */
    public int indexOf(Value node) {
        Integer i = position.get(node);
        if (i == null) {
            throw new IllegalArgumentException("That value is not part of the graph below " + output + ".");
        }
        return i;
    }
}
