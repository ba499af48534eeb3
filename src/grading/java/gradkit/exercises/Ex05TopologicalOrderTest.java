package gradkit.exercises;

import gradkit.engine.Value;
import gradkit.grading.Points;
import gradkit.grading.client.StudentCode;
import gradkit.grading.client.StudentThrew;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise 05 on graphs built with reference operations. Any topological order passes: the
 * tests check the defining properties (each node once, parents first, output last), never one
 * particular order. The graphs include nodes reached along paths of different lengths, in both
 * orders of the parents, where a reversed breadth-first or pre-order search goes wrong.
 *
 * <p>The student's code runs in a worker JVM ({@link StudentCode}). Each graph is built here, and sent
 * as plain data ({@link #describe}: each node's operation and its operands' indices); the worker's probe
 * builds the same graph there, and answers with the student's order as node indices, or with every
 * node's grad after backward(). The checks map the indices back to the nodes built here, so the
 * messages show the nodes as before.
 */
class Ex05TopologicalOrderTest {
    private final StudentCode student = StudentCode.current();

    /** A diamond: a feeds b and c, both feed d = b * c; 4 nodes. */
    private static Scalar[] diamond() {
        Scalar a = new Scalar(0.5);
        Scalar b = Oracle.tanh(a);
        Scalar c = Oracle.mul(a, a);
        Scalar d = Oracle.mul(b, c);
        return new Scalar[] {a, b, c, d};
    }

    /** Graphs in which a node is used directly by the output and also through a longer path, both ways round. */
    private static List<Scalar[]> unevenPaths() {
        Scalar a1 = new Scalar(0.3);
        Scalar t1 = Oracle.tanh(a1);
        Scalar a2 = new Scalar(0.3);
        Scalar t2 = Oracle.tanh(a2);
        Scalar a3 = new Scalar(-0.8);
        Scalar t3 = Oracle.tanh(a3);
        Scalar tt3 = Oracle.tanh(t3);
        Scalar a4 = new Scalar(-0.8);
        Scalar t4 = Oracle.tanh(a4);
        Scalar tt4 = Oracle.tanh(t4);
        return List.of(new Scalar[] {a1, t1, Oracle.mul(a1, t1)}, new Scalar[] {a2, t2, Oracle.mul(t2, a2)},
                new Scalar[] {a3, t3, tt3, Oracle.add(tt3, a3)}, new Scalar[] {a4, t4, tt4, Oracle.add(a4, tt4)});
    }

    /**
     * The graph of {@code nodes} (each node after its parents, the output last) as the probe reads it:
     * {operations, numbers}, e.g. {"leaf tanh", [0.5, 0, 0, 0]} for tanh(a) with a = 0.5.
     */
    private static Object[] describe(Scalar[] nodes) {
        Map<Scalar, Integer> index = new IdentityHashMap<>();
        List<String> operations = new ArrayList<>();
        double[] numbers = new double[2 * nodes.length];
        for (int i = 0; i < nodes.length; i++) {
            List<Scalar> parents = nodes[i].parents();
            operations.add(parents.isEmpty() ? "leaf" : nodes[i].op());
            numbers[2 * i] = parents.isEmpty() ? nodes[i].data() : index.get(parents.get(0));
            numbers[2 * i + 1] = parents.size() < 2 ? 0 : index.get(parents.get(1));
            index.put(nodes[i], i);
        }
        return new Object[] {String.join(" ", operations), numbers};
    }

    /** The student's topologicalOrder of the graph of {@code nodes}, mapped back to those nodes. */
    private List<Scalar> studentOrder(Scalar[] nodes) {
        List<Scalar> order = new ArrayList<>();
        for (double i : student.numbers("topologicalOrder", describe(nodes))) {
            // -1: a node that is not in the graph (the worker built it); it stands here as a node of its own.
            order.add(i >= 0 && i < nodes.length ? nodes[(int) i] : new Scalar(Double.NaN, "not in the graph"));
        }
        return order;
    }

    /** Every node's grad after the student's backward() of the graph of {@code nodes}, in the order of nodes. */
    private double[] studentGradsAfterBackward(Scalar[] nodes) {
        return student.numbers("backward", describe(nodes));
    }

    private static String describe(String graph, List<Scalar> order) {
        return "topologicalOrder(" + graph + ") gave " + order.size() + " nodes: " + order;
    }

    /** Checks the defining properties of a topological order of the given graph's nodes (output last). */
    private static void checkOrder(String graph, Scalar[] nodes, List<Scalar> order) {
        Scalar output = nodes[nodes.length - 1];
        Map<Scalar, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            Integer before = position.put(order.get(i), i);
            Feedback.check(before == null, describe(graph, order) + "; node " + order.get(i) + " comes twice, at "
                    + before + " and " + i + ".", "a node reached along two paths must be placed once: remember"
                    + " the nodes you have seen (by identity) and skip them.");
        }
        for (Scalar node : nodes) {
            Feedback.check(position.containsKey(node), describe(graph, order) + "; node " + node + " is missing.",
                    "visit every parent of every node, not only the first.");
        }
        Feedback.check(order.size() == nodes.length, describe(graph, order) + "; the graph has " + nodes.length
                + " nodes.", "list only the nodes reachable from the output.");
        for (Scalar node : order) {
            for (Scalar parent : node.parents()) {
                Feedback.check(position.get(parent) < position.get(node), describe(graph, order) + "; parent "
                        + parent + " (at " + position.get(parent) + ") comes after " + node + " (at "
                        + position.get(node) + ").", "place a node only after ALL its parents are placed (post-order)."
                        + " Placing it when first reached (pre-order), or reversing a breadth-first or pre-order"
                        + " search, breaks when one node is reached along paths of different lengths.");
            }
        }
        Feedback.check(order.get(order.size() - 1) == output, describe(graph, order) + "; the output " + output
                + " must come last.", "every node comes after its parents, and the output is nobody's parent.");
    }

    @Test
    @Points(2)
    @DisplayName("every node exactly once, output last")
    void everyNodeOnce() {
        Scalar[] g = diamond();
        checkOrder("the diamond a -> (tanh(a), a*a) -> product", g, studentOrder(g));
        Scalar leaf = new Scalar(2.0);
        checkOrder("a single leaf", new Scalar[] {leaf}, studentOrder(new Scalar[] {leaf}));
    }

    @Test
    @Points(2)
    @DisplayName("parents come before the nodes that use them")
    void parentsFirst() {
        Scalar x = new Scalar(1.0);
        Scalar y = new Scalar(-2.0);
        Scalar p = Oracle.mul(x, y);
        Scalar q = Oracle.add(p, x);
        Scalar t = Oracle.tanh(p);
        Scalar r = Oracle.mul(q, t);
        Scalar out = Oracle.add(r, q);
        Scalar[] nodes = {x, y, p, q, t, r, out};
        checkOrder("(q * tanh(p)) + q with p = x*y, q = p + x", nodes, studentOrder(nodes));
        String[] names = {"a * tanh(a)", "tanh(a) * a", "tanh(tanh(a)) + a", "a + tanh(tanh(a))"};
        List<Scalar[]> graphs = unevenPaths();
        for (int i = 0; i < graphs.size(); i++) {
            Scalar[] g = graphs.get(i);
            checkOrder(names[i], g, studentOrder(g));
        }
    }

    private static void checkGrad(double expected, double got, String what) {
        Feedback.gradient(expected, got, 0.0, 1.0, what, "seed the output's grad with 1, then run every"
                + " node's backwardStep() once, output first, in the reverse of the topological order.");
    }

    @Test
    @Points(2)
    @DisplayName("backward() gives the library's gradients")
    void backwardMatchesEngine() {
        Scalar x = new Scalar(0.3);
        Scalar y = new Scalar(-1.1);
        Scalar p = Oracle.mul(x, y);
        Scalar t = Oracle.tanh(Oracle.add(p, x));
        Scalar u = Oracle.add(p, y);
        Scalar[] nodes = {x, y, p, t.parents().get(0), t, u, Oracle.mul(t, u)};
        double[] grads = studentGradsAfterBackward(nodes);   // x's, y's, ..., the output's
        Value vx = Value.of(0.3);
        Value vy = Value.of(-1.1);
        Value vp = vx.mul(vy);
        vp.add(vx).tanh().mul(vp.add(vy)).backward();
        Feedback.near(1.0, grads[6], 0.0, "backward() of tanh(xy + x) * (xy + y): the output's own grad",
                "backward() must seed the output's grad with 1 before running the rules.");
        checkGrad(vx.grad(), grads[0], "backward() of tanh(xy + x) * (xy + y) at (0.3, -1.1): dx");
        checkGrad(vy.grad(), grads[1], "backward() of tanh(xy + x) * (xy + y) at (0.3, -1.1): dy");
    }

    @Test
    @Points(1)
    @DisplayName("backward() through a diamond runs each rule once")
    void diamondBackward() {
        double[] grads = studentGradsAfterBackward(diamond());
        Value a = Value.of(0.5);
        a.tanh().mul(a.mul(a)).backward();
        Feedback.gradient(a.grad(), grads[0], 0.0, 1.0, "backward() of tanh(a) * a^2 at a = 0.5: da",
                "each rule must run exactly once, after all the nodes that use its node; a rule run twice, or"
                        + " before its node's grad is complete, gives a wrong sum.");
        List<Scalar[]> graphs = unevenPaths();
        double[] grads2 = studentGradsAfterBackward(graphs.get(2));
        Value b = Value.of(-0.8);
        b.tanh().tanh().add(b).backward();
        Feedback.gradient(b.grad(), grads2[0], 0.0, 1.0, "backward() of tanh(tanh(a)) + a at a = -0.8: da",
                "a node's rule may run only after every node that uses it has run.");
    }

    @Test
    @Points(2)
    @DisplayName("a chain of 200 000 nodes: no StackOverflowError")
    void deepChainWithoutRecursion() {
        // The worker builds the chain x + 0 + 0 + ... itself (400 001 nodes are too many to describe), and
        // in one call runs topologicalOrder, then backward(): {the order's size, x's grad}.
        int depth = 200_000;
        double[] sizeAndGrad;
        try {
            sizeAndGrad = student.numbers("chain", (double) depth);
        } catch (StudentThrew e) {
            if (!e.is(StackOverflowError.class)) {
                throw e;
            }
            Feedback.check(false, "topologicalOrder of a chain of 200 000 additions: StackOverflowError (the Java"
                    + " call stack ran out).", "recursion uses one call frame per level of the graph; keep the"
                    + " nodes still to visit on an explicit stack (an ArrayDeque) instead.");
            return;
        }
        Feedback.check(sizeAndGrad[0] == 2 * depth + 1, "topologicalOrder of a chain of 200 000 additions gave "
                + (int) sizeAndGrad[0] + " nodes; it has 400 001.", "every node once.");
        checkGrad(1.0, sizeAndGrad[1], "backward() of the chain x + 0 + 0 + ... (200 000 additions): dx");
    }
}
