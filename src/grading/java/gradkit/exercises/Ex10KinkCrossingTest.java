package gradkit.exercises;

import gradkit.check.ValueFunction;
import gradkit.engine.Branch;
import gradkit.engine.Graph;
import gradkit.engine.Value;
import gradkit.grading.Points;
import gradkit.grading.client.StudentCode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise 10 against the library's own branch records (Graph.branchPattern()). The probes
 * include kinks that values and slopes cannot see (relu(x) - relu(-x) = x is a straight line),
 * smooth curves whose slopes differ (no kink), a kink seen only at the point itself, and kinks
 * crossed on one side only.
 *
 * <p>The student's code runs in a worker JVM ({@link StudentCode}): each function is sent as the name of
 * a function of the worker's catalogue of Value functions ("relu", "net", ...), and this class keeps its
 * own copy of each formula for the library's truth; a branch pattern comes back as the ordinals of
 * {@link Branch}, a yes or no as 1 or 0.
 */
class Ex10KinkCrossingTest {
    private static final ValueFunction RELU = v -> v[0].relu();
    private static final ValueFunction NET =
            v -> v[0].mul(2).sub(v[1]).relu().add(v[0].abs()).max(v[1].tanh());
    private final StudentCode student = StudentCode.current();

    /** The library's branch pattern of f at x. */
    private static List<Branch> truth(ValueFunction f, double[] x) {
        var pattern = Graph.of(f.apply(Value.all(x))).branchPattern();
        List<Branch> branches = new ArrayList<>();
        for (int i = 0; i < pattern.size(); i++) {
            branches.add(pattern.branch(i));
        }
        return branches;
    }

    /** The student's branchPattern of the worker's function {@code f} at x, read back from ordinals (null for -1). */
    private List<Branch> studentPattern(String f, double[] x) {
        List<Branch> pattern = new ArrayList<>();
        for (double ordinal : student.numbers("branchPattern", f, x)) {
            boolean known = ordinal >= 0 && ordinal < Branch.values().length && ordinal == Math.rint(ordinal);
            pattern.add(known ? Branch.values()[(int) ordinal] : null);
        }
        return pattern;
    }

    /**
     * Checks probeCrossedKink of the worker's function {@code worker} against the expected answer, showing the
     * three patterns of {@code f}, this class's copy of it.
     */
    private void probe(String name, String worker, ValueFunction f, double[] x, int i, double h, boolean crossed,
            String hint) {
        boolean got = student.flag("probeCrossedKink", worker, x, (double) i, h);
        if (got != crossed) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += h;
            minus[i] -= h;
            Feedback.check(false, "probeCrossedKink(" + name + ", x = " + Oracle.show(x) + ", i = " + i + ", h = " + h
                    + ") said " + got + ", expected " + crossed + ". The branch patterns: at x " + truth(f, x)
                    + ", at x + h " + truth(f, plus) + ", at x - h " + truth(f, minus) + ".", hint);
        }
    }

    @Test
    @Points(2)
    @DisplayName("branchPattern lists every node's branch in topological order")
    void pattern() {
        List<Branch> expected = truth(NET, new double[] {0.5, 1.0});
        List<Branch> got = studentPattern("net", new double[] {0.5, 1.0});
        Feedback.check(expected.equals(got), "branchPattern of max(relu(2x - y) + |x|, tanh(y)) at (0.5, 1): expected "
                + expected + ", got " + got + ".", "one entry per node of Graph.topologicalOrder(output), in that"
                + " order (leaves first, output last), node.branch() for every node, NONE ones too.");
    }

    @Test
    @Points(2)
    @DisplayName("a probe at a kink crossed it, even where values and slopes look straight")
    void crossedAtKink() {
        probe("relu(x0)", "relu", RELU, new double[] {0.0}, 0, 1e-5, true,
                "relu at exactly 0 is KINK there, ABOVE at +h and BELOW at -h: compare all three patterns.");
        probe("relu(x0) - relu(-x0)", "reluMinusReluOfMinus", v -> v[0].relu().sub(v[0].neg().relu()),
                new double[] {0.0}, 0, 1e-5, true,
                "this is the straight line x, so values and slopes show nothing, but two relus switch branch:"
                        + " compare the branch patterns, not values or slopes.");
        probe("max(relu(2x - y) + |x|, tanh(y))", "net", NET, new double[] {0.5, 1.0}, 1, 1e-5, true,
                "relu(2x - y) sits on its kink at (0.5, 1); compare the whole patterns with equals().");
    }

    @Test
    @Points(2)
    @DisplayName("a probe far from every kink did not cross one")
    void notCrossedAwayFromKinks() {
        probe("relu(x0)", "relu", RELU, new double[] {1.0}, 0, 1e-5, false, "relu at 1 with h = 1e-5 stays ABOVE at all three"
                + " points. Compare the patterns with equals(), not ==, and build fresh leaves for each point.");
        probe("max(relu(2x - y) + |x|, tanh(y))", "net", NET, new double[] {1.3, 0.2}, 0, 1e-5, false,
                "the net at (1.3, 0.2) is far from its kinks: the three patterns are equal.");
        probe("exp(5 x0)", "expOfFiveX", v -> v[0].mul(5).exp(), new double[] {1.0}, 0, 1e-2, false, "exp(5x) has no kink at all;"
                + " its one-sided slopes differ (it curves) but its branch pattern is the same everywhere:"
                + " compare the branch patterns, not slopes or values.");
    }

    @Test
    @Points(1)
    @DisplayName("a kink seen from one side only, or at the point only, was crossed")
    void crossedNearby() {
        ValueFunction f = v -> v[0].sub(0.3).abs();
        probe("|x0 - 0.3|", "absOfXMinusPointThree", f, new double[] {0.3 + 1e-7}, 0, 1e-5, true,
                "at x = 0.3 + 1e-7, x - h is on the other side of the kink: look at x - h too, not only at x + h.");
        probe("|x0 - 0.3|", "absOfXMinusPointThree", f, new double[] {0.3 - 1e-7}, 0, 1e-5, true,
                "at x = 0.3 - 1e-7, x + h is on the other side of the kink: look at x + h too, not only at x - h.");
        probe("relu(x0 * x0)", "reluOfSquare", v -> v[0].mul(v[0]).relu(), new double[] {0.0}, 0, 1e-5, true,
                "x0 * x0 is positive at both x + h and x - h, so those two patterns agree; only x itself sits on the"
                        + " kink: compare x with x + h AND with x - h.");
    }

    @Test
    @Points(2)
    @DisplayName("one-sided derivatives of |x| at 0 are -1 and +1")
    void oneSided() {
        double[] got = student.numbers("oneSidedDerivatives", "abs", new double[] {0.0}, 0.0, 1e-3);   // |x0|
        Feedback.check(got.length == 2, "oneSidedDerivatives gave " + got.length + " numbers.", "return {left, right}.");
        String order = got[0] == 1.0 && got[1] == -1.0 ? "those are {right, left}: return the LEFT one first. "
                : "";
        String what = "oneSidedDerivatives(|x0|, x = [0.0], i = 0, h = 1e-3) = " + Oracle.show(got) + "; ";
        Feedback.near(-1.0, got[0], 1e-12, what + "left", order + "left = (f(x) - f(x - h)) / h.");
        Feedback.near(1.0, got[1], 1e-12, what + "right", order + "right = (f(x + h) - f(x)) / h.");
        double[] smooth = student.numbers("oneSidedDerivatives", "product", new double[] {2.0, 3.0}, 1.0, 1e-4);   // x0 * x1
        Feedback.near(2.0, smooth[0], 1e-9, "the left quotient of x0 * x1 along x1 at (2, 3), h = 1e-4",
                "move coordinate i only, by -h.");
        Feedback.near(2.0, smooth[1], 1e-9, "the right quotient of x0 * x1 along x1 at (2, 3), h = 1e-4",
                "move coordinate i only, by +h.");
    }
}
