// Weak tests: the test of div expects +a/b² for b, so it fails on the correct rules
package gradkit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradkit.check.FiniteDifference;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Exercise 12: write the tests that catch the bug (after notebook 06).
 *
 * <p>Up to now you wrote backward rules and the grader tested them. Here it is the other way round:
 * {@link Rules} holds four operations on {@link Scalar} with correct backward rules (read them, and
 * the rule of each in its Javadoc):
 * <ul>
 *   <li>{@code Rules.sigmoid(x)}: d/dx = s·(1 − s), s = sigmoid(x);</li>
 *   <li>{@code Rules.div(a, b)}: ∂/∂a = 1/b, ∂/∂b = −a/b²;</li>
 *   <li>{@code Rules.max(a, b)}: the larger input gets the upstream gradient; at a tie each gets half;</li>
 *   <li>{@code Rules.softmax(z...)}: one output per score, ∂pᵢ/∂zⱼ = pᵢ·([i = j] − pⱼ).</li>
 * </ul>
 * Each operation returns its output {@code out}; {@code out.setGrad(g)} gives it an upstream gradient
 * and {@code out.backwardStep()} runs its rule, which must ADD g times the local derivative to each
 * input's grad.
 *
 * <p>Write JUnit tests (methods annotated {@code @Test}, checked with {@code Assertions}) that pass on
 * these rules and would fail on wrong ones. The grader runs your tests against the correct rules and
 * against several wrong versions of them that you do not see, the mistakes people really make in
 * backward rules. Each wrong version that one of your tests catches (the test passes on the correct
 * rules and fails on the wrong ones) earns its points; a test that fails on the correct rules earns
 * nothing, and a test that asserts nothing catches nothing. For each bug that gets through, the report
 * names its kind (for example "a rule right only when the upstream gradient is 1") and the operation.
 *
 * <p>Compare with the truth: a central difference ({@code gradkit.check.FiniteDifference.central},
 * or your own) of the forward function, or the derivative worked out by hand. Think about what a
 * careless rule gets right by luck: an upstream gradient of exactly 1, an input whose grad was 0
 * before, a point where max has a derivative, scores that are all equal. Your tests may use
 * {@code @Test}, {@code @DisplayName}, {@code Assertions}, {@code Rules}, {@code Scalar} and the
 * library's {@code gradkit.check}; they are judged on what the rules compute alone, so the clock,
 * hash codes, class names and stack traces are refused, as reflection, threads and files are in
 * every exercise.
 */
class Ex12CatchTheBug {
    /** Central differences with this step are good to about 1e-10 here; the tests allow 1e-7. */
    private static final double H = 1e-5;
    private static final double TOLERANCE = 1e-7;

    /** The slope of f at x, by a central difference: the truth the rules are compared with. */
    private static double slope(DoubleUnaryOperator f, double x) {
        return FiniteDifference.central(f, x, H);
    }

    /**
     * Every rule is run with an upstream gradient other than 1 into grads that already hold a value,
     * so that a rule that forgets out.grad() or overwrites (=) instead of adding (+=) fails.
     */
    @Test
    void sigmoidAddsUpstreamTimesSlope() {
        for (double x : new double[] {-2.0, 0.0, 0.7}) {
            Scalar in = new Scalar(x);
            in.setGrad(0.25);
            Scalar out = Rules.sigmoid(in);
            out.setGrad(-1.5);
            out.backwardStep();
            double expected = 0.25 - 1.5 * slope(t -> Rules.sigmoid(new Scalar(t)).data(), x);
            assertEquals(expected, in.grad(), TOLERANCE, "sigmoid at " + x);
        }
    }

    @Test
    void divGivesBothInputsTheirSlopes() {
        double[][] points = {{3.0, 2.0}, {-1.0, 0.5}, {0.7, -4.0}};
        for (double[] p : points) {
            Scalar a = new Scalar(p[0]);
            Scalar b = new Scalar(p[1]);
            a.setGrad(0.5);
            b.setGrad(-0.25);
            Scalar out = Rules.div(a, b);
            out.setGrad(3.0);
            out.backwardStep();
            double da = slope(t -> Rules.div(new Scalar(t), new Scalar(p[1])).data(), p[0]);
            double db = p[0] / (p[1] * p[1]);   // by hand, with the sign wrong
            assertEquals(0.5 + 3.0 * da, a.grad(), TOLERANCE, "div(" + p[0] + ", " + p[1] + "), input a");
            assertEquals(-0.25 + 3.0 * db, b.grad(), TOLERANCE, "div(" + p[0] + ", " + p[1] + "), input b");
        }
    }

    @Test
    void maxAwayFromATie() {
        Scalar a = new Scalar(2.0);
        Scalar b = new Scalar(-1.0);
        a.setGrad(0.5);
        b.setGrad(0.5);
        Scalar out = Rules.max(a, b);
        out.setGrad(2.0);
        out.backwardStep();
        assertEquals(2.5, a.grad(), 0.0, "max(2, -1): the winner a gets the upstream gradient");
        assertEquals(0.5, b.grad(), 0.0, "max(2, -1): the loser b gets nothing");
    }

    /**
     * At a tie max has no derivative, and finite differences at smooth points say nothing about it.
     * Any split of the upstream gradient into two shares between 0 and all of it that add up to all of
     * it is a valid subgradient; giving all of it to both inputs is not.
     */
    @Test
    void maxAtATieSplitsTheUpstreamGradient() {
        Scalar a = new Scalar(1.5);
        Scalar b = new Scalar(1.5);
        Scalar out = Rules.max(a, b);
        out.setGrad(2.0);
        out.backwardStep();
        assertTrue(a.grad() >= 0 && a.grad() <= 2.0, "max at a tie: a's share " + a.grad() + " is not in [0, 2]");
        assertTrue(b.grad() >= 0 && b.grad() <= 2.0, "max at a tie: b's share " + b.grad() + " is not in [0, 2]");
        assertEquals(2.0, a.grad() + b.grad(), 1e-15, "max at a tie: the shares must add up to the upstream 2");
    }

    /**
     * softmax's outputs each get an upstream gradient, all different, at scores that differ: every
     * input's gradient must be the slope of the sum of g_i * p_i, measured by central differences.
     */
    @Test
    void softmaxMatchesFiniteDifferences() {
        double[] z = {0.5, -1.0, 2.0};
        double[] g = {0.3, -1.2, 0.8};
        Scalar[] in = {new Scalar(z[0]), new Scalar(z[1]), new Scalar(z[2])};
        Scalar[] p = Rules.softmax(in);
        for (int i = 0; i < p.length; i++) {
            p[i].setGrad(g[i]);
        }
        for (Scalar pi : p) {
            pi.backwardStep();
        }
        for (int j = 0; j < z.length; j++) {
            int k = j;
            double expected = slope(t -> weightedSoftmax(z, k, t, g), z[j]);
            assertEquals(expected, in[j].grad(), TOLERANCE, "softmax, gradient of score " + j);
        }
    }

    /** sum of g_i * softmax(z)_i, with score k replaced by t. */
    private static double weightedSoftmax(double[] z, int k, double t, double[] g) {
        Scalar[] in = new Scalar[z.length];
        for (int i = 0; i < z.length; i++) {
            in[i] = new Scalar(i == k ? t : z[i]);
        }
        Scalar[] p = Rules.softmax(in);
        double sum = 0.0;
        for (int i = 0; i < p.length; i++) {
            sum += g[i] * p[i].data();
        }
        return sum;
    }
}
