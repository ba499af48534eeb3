package gradkit.exercises;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradkit.check.ValueFunction;
import gradkit.engine.Branch;
import gradkit.engine.Graph;
import gradkit.engine.Value;
import gradkit.grading.Points;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Grades exercise 10 against the library's own branch records (Graph.branchPattern()). */
class Ex10KinkCrossingTest {
    private static final ValueFunction RELU = v -> v[0].relu();
    private static final ValueFunction NET =
            v -> v[0].mul(2).sub(v[1]).relu().add(v[0].abs()).max(v[1].tanh());

    @Test
    @Points(2)
    @DisplayName("branchPattern lists every node's branch in topological order")
    void pattern() {
        Value out = NET.apply(Value.all(0.5, 1.0));
        var truth = Graph.of(out).branchPattern();
        List<Branch> expected = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++) {
            expected.add(truth.branch(i));
        }
        assertEquals(expected, Ex10KinkCrossing.branchPattern(out), "the branch pattern of relu(2x - y) + |x| max"
                + " tanh(y) at (0.5, 1). Hint: one entry per node of Graph.topologicalOrder(output), node.branch().");
    }

    @Test
    @Points(2)
    @DisplayName("a probe at relu's kink crossed it")
    void crossedAtKink() {
        assertTrue(Ex10KinkCrossing.probeCrossedKink(RELU, new double[] {0.0}, 0, 1e-5),
                "relu at exactly 0: the pattern is KINK there and ABOVE/BELOW at 0 +- h. Hint: compare all three.");
        assertTrue(Ex10KinkCrossing.probeCrossedKink(NET, new double[] {0.5, 1.0}, 1, 1e-5),
                "relu(2x - y) sits on its kink at (0.5, 1).");
    }

    @Test
    @Points(2)
    @DisplayName("a probe far from every kink did not cross one")
    void notCrossedAwayFromKinks() {
        assertFalse(Ex10KinkCrossing.probeCrossedKink(RELU, new double[] {1.0}, 0, 1e-5),
                "relu at 1 with h = 1e-5 stays ABOVE on all three points. Hint: compare the"
                        + " patterns with equals(), not ==, and build fresh leaves for each point.");
        assertFalse(Ex10KinkCrossing.probeCrossedKink(NET, new double[] {1.3, 0.2}, 0, 1e-5),
                "the net at (1.3, 0.2) is far from its kinks.");
    }

    @Test
    @Points(1)
    @DisplayName("a probe that jumps over a nearby kink crossed it")
    void crossedNearby() {
        ValueFunction f = v -> v[0].sub(0.3).abs();
        assertTrue(Ex10KinkCrossing.probeCrossedKink(f, new double[] {0.3 + 1e-7}, 0, 1e-5),
                "|x - 0.3| at x = 0.3 + 1e-7 with h = 1e-5: x - h is on the other side. Hint: look at x - h too,"
                        + " not only at x + h.");
    }

    @Test
    @Points(2)
    @DisplayName("one-sided derivatives of |x| at 0 are -1 and +1")
    void oneSided() {
        ValueFunction abs = v -> v[0].abs();
        assertArrayEquals(new double[] {-1.0, 1.0}, Ex10KinkCrossing.oneSidedDerivatives(abs, new double[] {0.0}, 0, 1e-3),
                1e-12, "{left, right} quotients of |x| at 0 with h = 1e-3. Hint: left = (f(x) - f(x-h)) / h.");
        double[] smooth = Ex10KinkCrossing.oneSidedDerivatives(v -> v[0].mul(v[1]), new double[] {2.0, 3.0}, 1, 1e-4);
        assertEquals(2.0, smooth[0], 1e-9, "left quotient of x*y along y at (2, 3) (move coordinate i only).");
        assertEquals(2.0, smooth[1], 1e-9, "right quotient of x*y along y at (2, 3).");
    }
}
