package gradkit.gpt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gradkit.check.GradientChecker;
import gradkit.engine.Value;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** linear, rmsnorm, Adam and the n-gram baselines against values worked out by hand and finite differences. */
class PiecesTest {

    @Test
    void linearIsRowsTimesInput() {
        Value[][] w = {Value.all(1, 2, 3), Value.all(-1, 0, 0.5)};
        List<Value> y = Linear.apply(w, Arrays.asList(Value.all(2, -1, 4)));
        assertEquals(12.0, y.get(0).data(), 0.0);
        assertEquals(0.0, y.get(1).data(), 0.0);
        assertThrows(IllegalArgumentException.class, () -> Linear.apply(w, Arrays.asList(Value.all(1, 2))));
    }

    @Test
    void linearGradientsByFiniteDifferences() {
        // f(w, x) = sum_i c_i (W x)_i with W 2x3, x 3: 9 inputs
        double[] c = {0.7, -1.3};
        GradientChecker.defaults().check(v -> {
            Value[][] w = {{v[0], v[1], v[2]}, {v[3], v[4], v[5]}};
            List<Value> y = Linear.apply(w, List.of(v[6], v[7], v[8]));
            return y.get(0).mul(c[0]).add(y.get(1).mul(c[1]));
        }, 0.3, -0.2, 1.1, 0.5, 0.9, -0.4, 1.5, -2.0, 0.25).assertPassed();
    }

    @Test
    void rmsnormByHand() {
        List<Value> y = RmsNorm.apply(Arrays.asList(Value.all(3.0, 4.0)));
        double scale = 1.0 / Math.sqrt((9.0 + 16.0) / 2 + 1e-5);
        assertEquals(3.0 * scale, y.get(0).data(), 1e-15);
        assertEquals(4.0 * scale, y.get(1).data(), 1e-15);
        List<Value> zero = RmsNorm.apply(Arrays.asList(Value.all(0.0, 0.0, 0.0)));
        assertEquals(0.0, zero.get(0).data(), 0.0, "a zero vector stays zero: no division by zero");
    }

    @Test
    void rmsnormGradientsByFiniteDifferences() {
        double[] c = {0.4, -1.1, 2.0, 0.3};
        GradientChecker.defaults().check(v -> {
            List<Value> y = RmsNorm.apply(List.of(v));
            Value[] terms = new Value[y.size()];
            for (int i = 0; i < terms.length; i++) {
                terms[i] = y.get(i).mul(c[i]);
            }
            return Value.sum(terms);
        }, 0.5, -1.2, 0.03, 2.2).assertPassed();
    }

    @Test
    void adamStepsAsWrittenOut() {
        Value p = Value.of(1.0);
        Adam adam = new Adam(List.of(p));
        // step 1, gradient 2: m = 0.15 * 2 = 0.3, v = 0.01 * 4 = 0.04; m^ = 2, v^ = 4; p -= lr * 2 / (2 + 1e-8)
        p.setGrad(2.0);
        adam.step(0.01);
        assertEquals(1.0 - 0.01 * 2.0 / (2.0 + 1e-8), p.data(), 1e-15);
        assertEquals(0.0, p.grad(), 0.0, "Adam zeroes the gradient after the update");
        // step 2, gradient -1: m = 0.85 * 0.3 - 0.15 = 0.105, v = 0.99 * 0.04 + 0.01 = 0.0496
        double before = p.data();
        p.setGrad(-1.0);
        adam.step(0.005);
        double mHat = 0.105 / (1 - 0.85 * 0.85);
        double vHat = 0.0496 / (1 - 0.99 * 0.99);
        assertEquals(before - 0.005 * mHat / (Math.sqrt(vHat) + 1e-8), p.data(), 1e-15);
        assertEquals(2, adam.steps());
    }

    @Test
    void learningRateFallsLinearlyToZero() {
        assertEquals(0.01, Adam.learningRate(0, 100), 0.0);
        assertEquals(0.005, Adam.learningRate(50, 100), 1e-18);
        assertEquals(0.0001, Adam.learningRate(99, 100), 1e-17);
        assertThrows(IllegalArgumentException.class, () -> Adam.learningRate(100, 100));
    }

    @Test
    void ngramBaselinesCountTheTargets() {
        Vocabulary v = Vocabulary.of(List.of("ab", "b"));   // a = 0, b = 1, BOS = 2
        List<int[]> docs = v.encodeAll(List.of("ab", "b"));  // [2, 0, 1, 2] and [2, 1, 2]
        // targets: 0, 1, 2 and 1, 2: unigram p(a) = 1/5, p(b) = 2/5, p(BOS) = 2/5
        NgramBaseline unigram = NgramBaseline.unigram(docs, v.size(), 16);
        double expected = -(Math.log(0.2) + 2 * Math.log(0.4) + 2 * Math.log(0.4)) / 5;
        assertEquals(expected, unigram.meanLoss(docs, 16), 1e-15);
        // bigram: after BOS: a or b (1/2 each); after a: b; after b: BOS
        NgramBaseline bigram = NgramBaseline.bigram(docs, v.size(), 16);
        assertEquals(0.5, bigram.probability(2, 0), 0.0);
        assertEquals(1.0, bigram.probability(0, 1), 0.0);
        assertEquals(2 * Math.log(2) / 5, bigram.meanLoss(docs, 16), 1e-15);
        // with block size 1 only the first target of each document counts
        assertEquals(Math.log(2), NgramBaseline.bigram(docs, v.size(), 1).meanLoss(docs, 1), 1e-15);
    }
}
