package gradkit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gradkit.engine.Value;
import gradkit.grading.Points;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Grades exercise 05 on graphs built with reference operations. */
class Ex05TopologicalOrderTest {

    /** A diamond: a feeds b and c, both feed d = b * c; 4 nodes. */
    private static Scalar[] diamond() {
        Scalar a = new Scalar(0.5);
        Scalar b = Oracle.tanh(a);
        Scalar c = Oracle.mul(a, a);
        Scalar d = Oracle.mul(b, c);
        return new Scalar[] {a, b, c, d};
    }

    @Test
    @Points(2)
    @DisplayName("every node exactly once, output last")
    void everyNodeOnce() {
        Scalar[] g = diamond();
        List<Scalar> order = Ex05TopologicalOrder.topologicalOrder(g[3]);
        assertEquals(4, order.size(), () -> "the diamond a -> (tanh(a), a*a) -> product has 4 nodes, but the"
                + " order was " + order + ". Hint: mark a node as seen and skip it when it comes again.");
        Map<Scalar, Boolean> seen = new IdentityHashMap<>();
        for (Scalar s : g) {
            seen.put(s, false);
        }
        for (Scalar s : order) {
            if (!seen.containsKey(s)) {
                fail("the order holds a node that is not in the graph: " + s);
            }
            seen.put(s, true);
        }
        assertTrue(!seen.containsValue(false), "some node of the graph is missing from the order: " + order + ". Hint: visit"
                + " every parent of every node, not only the first.");
        assertSame(g[3], order.get(order.size() - 1), "the output must come last.");
    }

    @Test
    @Points(2)
    @DisplayName("parents come before the nodes that use them")
    void parentsFirst() {
        Scalar x = new Scalar(1.0);
        Scalar y = new Scalar(-2.0);
        Scalar p = Oracle.mul(x, y);
        Scalar q = Oracle.add(p, x);
        Scalar r = Oracle.mul(q, Oracle.tanh(p));
        Scalar out = Oracle.add(r, q);
        List<Scalar> order = Ex05TopologicalOrder.topologicalOrder(out);
        Map<Scalar, Integer> position = new IdentityHashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        for (Scalar node : order) {
            for (Scalar parent : node.parents()) {
                Integer pp = position.get(parent);
                assertTrue(pp != null && pp < position.get(node), () -> "parent " + parent + " must come before "
                        + node + " in " + order + ". Hint: add a node to the order only after all its parents"
                        + " were added (post-order).");
            }
        }
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
        assertEquals(1.0, out.grad(), 1e-15, "backward() must seed the output's grad with 1.");
        assertEquals(vx.grad(), x.grad(), 1e-12, "dx of tanh(xy + x) * (xy + y). Hint: run every node's"
                + " backwardStep() once, output first, in the reverse of the topological order.");
        assertEquals(vy.grad(), y.grad(), 1e-12, "dy of tanh(xy + x) * (xy + y).");
    }

    @Test
    @Points(1)
    @DisplayName("backward() through a diamond runs each rule once")
    void diamondBackward() {
        Scalar[] g = diamond();
        Ex05TopologicalOrder.backward(g[3]);
        Value a = Value.of(0.5);
        a.tanh().mul(a.mul(a)).backward();
        assertEquals(a.grad(), g[0].grad(), 1e-12, "d/da of tanh(a) * a^2 at a = 0.5. Hint: too large? a node"
                + " appears twice in your order and its rule ran twice.");
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
        List<Scalar> order = Ex05TopologicalOrder.topologicalOrder(output);
        assertEquals(2 * depth + 1, order.size(), "a chain of 200 000 additions has 400 001 nodes.");
        Ex05TopologicalOrder.backward(output);
        assertEquals(1.0, x.grad(), 1e-12, "the gradient must flow to the start of the chain.");
    }
}
