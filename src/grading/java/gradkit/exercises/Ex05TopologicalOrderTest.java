package gradkit.exercises;

import gradkit.engine.Value;
import gradkit.grading.Points;
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
 */
class Ex05TopologicalOrderTest {

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
        checkOrder("the diamond a -> (tanh(a), a*a) -> product", g, Ex05TopologicalOrder.topologicalOrder(g[3]));
        Scalar leaf = new Scalar(2.0);
        checkOrder("a single leaf", new Scalar[] {leaf}, Ex05TopologicalOrder.topologicalOrder(leaf));
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
        checkOrder("(q * tanh(p)) + q with p = x*y, q = p + x", new Scalar[] {x, y, p, q, t, r, out},
                Ex05TopologicalOrder.topologicalOrder(out));
        String[] names = {"a * tanh(a)", "tanh(a) * a", "tanh(tanh(a)) + a", "a + tanh(tanh(a))"};
        List<Scalar[]> graphs = unevenPaths();
        for (int i = 0; i < graphs.size(); i++) {
            Scalar[] g = graphs.get(i);
            checkOrder(names[i], g, Ex05TopologicalOrder.topologicalOrder(g[g.length - 1]));
        }
    }

    private static void checkGrad(double expected, Scalar node, String what) {
        Feedback.gradient(expected, node.grad(), 0.0, 1.0, what, "seed the output's grad with 1, then run every"
                + " node's backwardStep() once, output first, in the reverse of the topological order.");
    }

    @Test
    @Points(2)
    @DisplayName("backward() gives the library's gradients")
    void backwardMatchesEngine() {
        Scalar x = new Scalar(0.3);
        Scalar y = new Scalar(-1.1);
        Scalar p = Oracle.mul(x, y);
        Scalar out = Oracle.mul(Oracle.tanh(Oracle.add(p, x)), Oracle.add(p, y));
        Ex05TopologicalOrder.backward(out);
        Value vx = Value.of(0.3);
        Value vy = Value.of(-1.1);
        Value vp = vx.mul(vy);
        vp.add(vx).tanh().mul(vp.add(vy)).backward();
        Feedback.near(1.0, out.grad(), 0.0, "backward() of tanh(xy + x) * (xy + y): the output's own grad",
                "backward() must seed the output's grad with 1 before running the rules.");
        checkGrad(vx.grad(), x, "backward() of tanh(xy + x) * (xy + y) at (0.3, -1.1): dx");
        checkGrad(vy.grad(), y, "backward() of tanh(xy + x) * (xy + y) at (0.3, -1.1): dy");
    }

    @Test
    @Points(1)
    @DisplayName("backward() through a diamond runs each rule once")
    void diamondBackward() {
        Scalar[] g = diamond();
        Ex05TopologicalOrder.backward(g[3]);
        Value a = Value.of(0.5);
        a.tanh().mul(a.mul(a)).backward();
        Feedback.gradient(a.grad(), g[0].grad(), 0.0, 1.0, "backward() of tanh(a) * a^2 at a = 0.5: da",
                "each rule must run exactly once, after all the nodes that use its node; a rule run twice, or"
                        + " before its node's grad is complete, gives a wrong sum.");
        List<Scalar[]> graphs = unevenPaths();
        Scalar[] g2 = graphs.get(2);
        Ex05TopologicalOrder.backward(g2[3]);
        Value b = Value.of(-0.8);
        b.tanh().tanh().add(b).backward();
        Feedback.gradient(b.grad(), g2[0].grad(), 0.0, 1.0, "backward() of tanh(tanh(a)) + a at a = -0.8: da",
                "a node's rule may run only after every node that uses it has run.");
    }

    @Test
    @Points(2)
    @DisplayName("a chain of 200 000 nodes: no StackOverflowError")
    void deepChainWithoutRecursion() {
        Scalar x = new Scalar(1.0);
        Scalar node = x;
        int depth = 200_000;
        for (int i = 0; i < depth; i++) {
            node = Oracle.add(node, new Scalar(0.0));
        }
        Scalar output = node;
        List<Scalar> order;
        try {
            order = Ex05TopologicalOrder.topologicalOrder(output);
        } catch (StackOverflowError e) {
            Feedback.check(false, "topologicalOrder of a chain of 200 000 additions: StackOverflowError (the Java"
                    + " call stack ran out).", "recursion uses one call frame per level of the graph; keep the"
                    + " nodes still to visit on an explicit stack (an ArrayDeque) instead.");
            return;
        }
        Feedback.check(order.size() == 2 * depth + 1, "topologicalOrder of a chain of 200 000 additions gave "
                + order.size() + " nodes; it has 400 001.", "every node once.");
        Ex05TopologicalOrder.backward(output);
        checkGrad(1.0, x, "backward() of the chain x + 0 + 0 + ... (200 000 additions): dx");
    }
}
