package gradkit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import gradkit.engine.Value;
import gradkit.grading.Points;
import gradkit.grading.client.StudentCode;
import gradkit.grading.client.StudentThrew;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise 11. Expected values come from the definitions (the library's {@code Value.softmax}
 * and {@code Loss.crossEntropy} are checked against them too); expected gradients from
 * backpropagation through the library's {@link Value} (exp, sum, div, log: each checked against
 * analytic derivatives in the library's own tests), on random scores and random upstream gradients,
 * at ties and at scores of ±1000.
 *
 * <p>The student's code runs in a worker JVM ({@link StudentCode}): scores and gradients go there as
 * arrays of numbers (a target as a whole number), and come back bit for bit; every expected value is
 * computed here.
 */
class Ex11SoftmaxCrossEntropyTest {
    private final StudentCode student = StudentCode.current();

    /** softmax built from Values, shifted by the largest score (a constant, so it changes no gradient). */
    private static Value[] referenceSoftmax(Value[] z) {
        double m = Arrays.stream(z).mapToDouble(Value::data).max().orElseThrow();
        Value[] exps = new Value[z.length];
        for (int i = 0; i < z.length; i++) {
            exps[i] = z[i].sub(m).exp();
        }
        Value total = Value.sum(exps);
        Value[] p = new Value[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = exps[i].div(total);
        }
        return p;
    }

    /** ∂(Σ gᵢ pᵢ)/∂z by backpropagation: the truth for softmaxBackward. */
    private static double[] expectedSoftmaxBackward(double[] scores, double[] upstream) {
        Value[] z = Value.all(scores);
        Value[] p = referenceSoftmax(z);
        Value[] terms = new Value[p.length];
        for (int i = 0; i < p.length; i++) {
            terms[i] = p[i].mul(upstream[i]);
        }
        Value.sum(terms).backward();
        return Arrays.stream(z).mapToDouble(Value::grad).toArray();
    }

    /**
     * ∂(upstream · (log Σⱼ e^{zⱼ − m} + m − z_t))/∂z by backpropagation, m the largest score (a
     * constant): the truth for crossEntropyBackward, finite where p_t underflows to 0.
     */
    private static double[] expectedCrossEntropyBackward(double[] scores, int target, double upstream) {
        Value[] z = Value.all(scores);
        double m = Arrays.stream(scores).max().orElseThrow();
        Value[] exps = new Value[z.length];
        for (int i = 0; i < z.length; i++) {
            exps[i] = z[i].sub(m).exp();
        }
        Value.sum(exps).log().add(m).sub(z[target]).mul(upstream).backward();
        return Arrays.stream(z).mapToDouble(Value::grad).toArray();
    }

    private static double[] randomScores(Random random, int n, double scale) {
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = scale * random.nextGaussian();
        }
        return z;
    }

    private static void assertClose(double[] expected, double[] actual, double tolerance, String what) {
        assertEquals(expected.length, actual.length, what + ": one number per score expected.");
        for (int i = 0; i < expected.length; i++) {
            int k = i;
            assertEquals(expected[i], actual[i], tolerance, () -> what + ", entry " + k + ": expected "
                    + Arrays.toString(expected) + " but got " + Arrays.toString(actual) + ".");
        }
    }

    /**
     * Passes when the student's call threw an IllegalArgumentException, and fails as assertThrows would
     * otherwise (the student's class is not loaded here: it is matched by name, so a subclass does not count).
     */
    private static void assertRefused(Runnable call, String message) {
        try {
            call.run();
        } catch (StudentThrew t) {
            if (t.is(IllegalArgumentException.class)) {
                return;
            }
            fail(message + " ==> Unexpected exception type thrown, expected: <java.lang.IllegalArgumentException>"
                    + " but was: <" + t.className() + ">", t);
        }
        fail(message + " ==> Expected java.lang.IllegalArgumentException to be thrown, but nothing was thrown.");
    }

    @Test
    @Points(2)
    @DisplayName("softmax: e^z / sum e^z on random scores")
    void softmaxValues() {
        Random random = new Random(11);
        for (int trial = 0; trial < 5; trial++) {
            double[] z = randomScores(random, 2 + trial, 2.0);
            double total = Arrays.stream(z).map(Math::exp).sum();
            double[] expected = Arrays.stream(z).map(x -> Math.exp(x) / total).toArray();
            double[] library = Value.softmax(Arrays.asList(Value.all(z))).stream().mapToDouble(Value::data).toArray();
            assertClose(expected, library, 1e-12, "the library's Value.softmax agrees with the definition");
            assertClose(expected, student.numbers("softmax", z), 1e-12,
                    "softmax of " + Arrays.toString(z) + ". Hint: divide every e^z by the SUM of all of them");
        }
    }

    @Test
    @Points(2)
    @DisplayName("softmax at scores of 1000 and -1000, and at ties")
    void softmaxLargeScoresAndTies() {
        double e = Math.E;
        assertClose(new double[] {e / (2 * e + 1), e / (2 * e + 1), 1 / (2 * e + 1)},
                student.numbers("softmax", new double[] {1000, 1000, 999}), 1e-12,
                "softmax(1000, 1000, 999). Got NaN? e^1000 is infinity: subtract the largest score first");
        assertClose(new double[] {0.5, 0.5}, student.numbers("softmax", new double[] {-1000, -1000}), 1e-12,
                "softmax(-1000, -1000). Got NaN? e^-1000 is 0 and 0/0 is NaN: subtract the largest score first");
        assertClose(new double[] {0.25, 0.25, 0.25, 0.25}, student.numbers("softmax", new double[] {3, 3, 3, 3}),
                1e-15, "softmax of four equal scores");
    }

    @Test
    @Points(1)
    @DisplayName("cross-entropy: -log p_target, also at scores of 1000")
    void crossEntropyValues() {
        Random random = new Random(12);
        for (int trial = 0; trial < 5; trial++) {
            double[] z = randomScores(random, 3 + trial, 2.0);
            int target = random.nextInt(z.length);
            double total = Arrays.stream(z).map(Math::exp).sum();
            double expected = -Math.log(Math.exp(z[target]) / total);
            assertEquals(expected, gradkit.nn.Loss.crossEntropy(Arrays.asList(Value.all(z)), target).data(), 1e-12,
                    "the library's Loss.crossEntropy agrees with the definition");
            assertEquals(expected, student.number("crossEntropy", z, (double) target), 1e-12,
                    "cross-entropy of " + Arrays.toString(z) + " with target " + target
                            + ". Hint: -log of the target's probability, a positive number");
        }
        assertEquals(Math.log(1 + Math.E), student.number("crossEntropy", new double[] {1000, 1001}, 0.0), 1e-12,
                "cross-entropy of (1000, 1001) with target 0 is log(1 + e). Hint: log(sum e^(z - m)) + m - z_target");
    }

    @Test
    @Points(1)
    @DisplayName("cross-entropy refuses a target outside the scores")
    void crossEntropyRefusesBadTargets() {
        double[] z = {0.1, 0.2, 0.3};
        assertRefused(() -> student.number("crossEntropy", z, 3.0),
                "target 3 of 3 scores must give IllegalArgumentException.");
        assertRefused(() -> student.number("crossEntropy", z, -1.0),
                "target -1 must give IllegalArgumentException.");
        assertRefused(() -> student.numbers("crossEntropyBackward", z, 3.0, 1.0),
                "crossEntropyBackward with target 3 of 3 scores must give IllegalArgumentException too.");
    }

    @Test
    @Points(2)
    @DisplayName("softmax backward with random upstream gradients")
    void softmaxBackwardRandomUpstream() {
        Random random = new Random(13);
        for (int trial = 0; trial < 6; trial++) {
            double[] z = randomScores(random, 2 + trial, 1.5);
            double[] g = randomScores(random, z.length, 1.0);
            double[] p = student.numbers("softmax", z);
            assertClose(expectedSoftmaxBackward(z, g), student.numbers("softmaxBackward", p, g), 1e-12,
                    "softmaxBackward at scores " + Arrays.toString(z) + " with upstream " + Arrays.toString(g)
                            + ". Hint: p_i * (g_i - sum_j g_j p_j); every p_i depends on every z_j");
        }
    }

    @Test
    @Points(1)
    @DisplayName("softmax backward at a tie and with a one-hot upstream gradient")
    void softmaxBackwardTiesAndOneHot() {
        double[] g = {0.3, -1.2, 2.0, 0.5};
        double mean = (0.3 - 1.2 + 2.0 + 0.5) / 4;
        double[] expected = Arrays.stream(g).map(x -> (x - mean) / 4).toArray();
        assertClose(expected, student.numbers("softmaxBackward", new double[] {0.25, 0.25, 0.25, 0.25}, g),
                1e-15, "softmaxBackward for four equal scores: (g_i - mean of g) / 4");
        double[] z = {0.5, -0.1, 1.2};
        double[] p = student.numbers("softmax", z);
        assertClose(expectedSoftmaxBackward(z, new double[] {0, 1, 0}),
                student.numbers("softmaxBackward", p, new double[] {0, 1, 0}), 1e-12,
                "softmaxBackward with upstream (0, 1, 0): d p_1 / d z, which is p_1 (1 - p_1) at z_1 and -p_1 p_j elsewhere");
    }

    @Test
    @Points(2)
    @DisplayName("cross-entropy backward: upstream times (p - one-hot), on random scores")
    void crossEntropyBackwardRandom() {
        Random random = new Random(14);
        for (int trial = 0; trial < 6; trial++) {
            double[] z = randomScores(random, 2 + trial, 2.0);
            int target = random.nextInt(z.length);
            double upstream = 0.5 + random.nextDouble() * 2.0;
            double[] grad = student.numbers("crossEntropyBackward", z, (double) target, upstream);
            assertClose(expectedCrossEntropyBackward(z, target, upstream), grad, 1e-12,
                    "crossEntropyBackward at scores " + Arrays.toString(z) + ", target " + target + ", upstream "
                            + upstream + ". Hint: upstream * (p_i - 1 if i is the target else p_i)");
            double sum = Arrays.stream(grad).sum();
            assertTrue(Math.abs(sum) < 1e-12, "the gradients of a cross-entropy add up to 0, but yours add up to " + sum);
        }
    }

    @Test
    @Points(1)
    @DisplayName("cross-entropy backward at a tie and at scores of 1000")
    void crossEntropyBackwardTiesAndLargeScores() {
        assertClose(new double[] {-0.5, 0.5}, student.numbers("crossEntropyBackward", new double[] {1000, 1000}, 0.0, 1.0),
                1e-15, "crossEntropyBackward((1000, 1000), target 0). Got NaN? subtract the largest score in softmax");
        double[] z = {1000, 1001, -1000};
        assertClose(expectedCrossEntropyBackward(z, 2, -2.0), student.numbers("crossEntropyBackward", z, 2.0, -2.0),
                1e-12, "crossEntropyBackward((1000, 1001, -1000), target 2, upstream -2)");
    }
}
