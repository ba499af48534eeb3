package gradkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The walk behind backward() and Graph: the same order as micrograd's recursive build_topo, on
 * graphs shallow enough for the call stack and on graphs far deeper, where the walk continues on
 * a stack of its own.
 */
class TopologicalSortTest {

    /**
     * y0 = a, y1 = b, y(i) = 0.5·y(i-1) + 0.5·y(i-2): every level is used by the next two, so shared
     * nodes are met again on both sides of the depth where the walk leaves the call stack.
     */
    private static Value ladder(Value a, Value b, int levels) {
        Value older = a;
        Value newer = b;
        for (int i = 2; i <= levels; i++) {
            Value next = newer.mul(0.5).add(older.mul(0.5));
            older = newer;
            newer = next;
        }
        return newer;
    }

    /** micrograd's build_topo, written independently: recursion and an identity set of visited nodes. */
    private static List<Value> buildTopo(Value output) {
        List<Value> order = new ArrayList<>();
        Set<Value> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        buildTopo(output, visited, order);
        return order;
    }

    private static void buildTopo(Value v, Set<Value> visited, List<Value> order) {
        if (visited.add(v)) {
            for (Value parent : v.parents()) {
                buildTopo(parent, visited, order);
            }
            order.add(v);
        }
    }

    /** The reference walk needs a deep call stack: it runs on a thread with 512 MB of stack. */
    private static List<Value> buildTopoOnABigStack(Value output) throws InterruptedException {
        AtomicReference<List<Value>> result = new AtomicReference<>();
        Thread walker = new Thread(null, () -> result.set(buildTopo(output)), "build_topo", 512L << 20);
        walker.start();
        walker.join();
        return result.get();
    }

    @Test
    void theOrderIsMicrogradsNodeForNodeOnShallowAndDeepGraphs() throws InterruptedException {
        for (int levels : new int[] {3, 50, 150, 5_000}) {
            Value y = ladder(Value.of(1.0), Value.of(2.0), levels);
            List<Value> expected = buildTopoOnABigStack(y);
            List<Value> order = Graph.topologicalOrder(y);
            assertEquals(expected.size(), order.size(), levels + " levels: the same number of nodes");
            for (int i = 0; i < order.size(); i++) {
                assertSame(expected.get(i), order.get(i), levels + " levels: node " + i + " differs from build_topo's");
            }
        }
    }

    @Test
    void gradientsOfADeepSharedGraphMatchForwardModeDerivatives() {
        int levels = 20_000;   // about 80,000 nodes deep: far past the call stack
        Value a = Value.of(1.0);
        Value b = Value.of(2.0);
        Value y = ladder(a, b, levels);
        y.backward();
        double[] expected = ladderGradients(levels);   // forward mode, independently
        assertEquals(expected[0], a.grad(), 1e-12, "dy/da: the series converges to 1/3");
        assertEquals(expected[1], b.grad(), 1e-12, "dy/db: the series converges to 2/3");
        assertEquals(1.0 / 3, a.grad(), 1e-9);
    }

    @Test
    void noNodeStaysMarkedAfterAWalkOrABackwardPass() {
        Value y = ladder(Value.of(1.0), Value.of(2.0), 1_000);
        List<Value> order = Graph.topologicalOrder(y);
        y.backward();
        for (Value node : order) {
            assertFalse(node.visited, "a node still marked after backward(): " + node);
        }
        y.zeroGrad();
        Graph.of(y).kinks();
        for (Value node : order) {
            assertFalse(node.visited, "a node still marked after zeroGrad() and Graph.of: " + node);
        }
    }

    /** dy/da and dy/db of the ladder, in forward mode: they follow the same recurrence as y. */
    private static double[] ladderGradients(int levels) {
        double daOlder = 1, daNewer = 0;
        double dbOlder = 0, dbNewer = 1;
        for (int i = 2; i <= levels; i++) {
            double da = 0.5 * daNewer + 0.5 * daOlder;
            double db = 0.5 * dbNewer + 0.5 * dbOlder;
            daOlder = daNewer;
            daNewer = da;
            dbOlder = dbNewer;
            dbNewer = db;
        }
        return new double[] {daNewer, dbNewer};
    }

    @Test
    void labelsBelongToTheirValueAndCanBeChangedOrRemoved() {
        Value a = Value.of(2.0, "a");
        Value b = Value.of(-3.0, "b");
        Value e = a.mul(b).label("e");
        Value unnamed = a.mul(b);
        assertEquals("a", a.label());
        assertEquals("e", e.label());
        assertNull(unnamed.label(), "the same operation on the same operands is another value, with no name");
        assertEquals("Value(data=-6.0, grad=0.0, label=e)", e.toString());
        assertEquals("a = 2.0", a.formula());
        e.label("product");
        assertEquals("product", e.label());
        e.label(null);
        assertNull(e.label());
        assertEquals("Value(data=-6.0, grad=0.0)", e.toString());
    }

    @Test
    void everyKindOfNodeReportsItsOperandsAndLocalDerivatives() {
        Value x = Value.of(3.0);
        Value y = Value.of(5.0);
        assertEquals(List.of(), x.parents());
        assertEquals(List.of(x), x.relu().parents());
        assertEquals(List.of(1.0), x.relu().localGrads());
        assertEquals(List.of(x, y), x.mul(y).parents());
        assertEquals(List.of(5.0, 3.0), x.mul(y).localGrads());
        assertEquals("*", x.mul(y).op());
        assertEquals("max", x.max(y).op());
        assertEquals("^2", x.pow(2).op());
        assertEquals(List.of(x, y, x), Value.sum(x, y, x).parents());
        assertEquals(List.of(1.0, 1.0, 1.0), Value.sum(x, y, x).localGrads());
        assertEquals(List.of(0.0, 1.0), Value.max(List.of(x, y)).localGrads());
    }
}
