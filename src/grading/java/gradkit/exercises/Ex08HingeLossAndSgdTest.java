package gradkit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradkit.engine.Value;
import gradkit.grading.Points;
import gradkit.nn.Loss;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise 08. The expected loss comes from the definition and from the library's
 * {@link Loss#hinge}; the expected gradients from the definition, worked out per point.
 */
class Ex08HingeLossAndSgdTest {

    @Test
    @Points(2)
    @DisplayName("hinge loss value: mean of relu(1 - y*s)")
    void hingeValue() {
        double[] s = {2.0, -0.5, 0.3, -3.0};
        double[] y = {1, 1, -1, -1};
        double expected = (0 + 1.5 + 1.3 + 0) / 4;
        assertEquals(expected, Loss.hinge(Arrays.asList(Value.all(s)), y).data(), 1e-12, "the library agrees");
        Value loss = Ex08HingeLossAndSgd.hingeLoss(Arrays.asList(Value.all(s)), y);
        assertEquals(expected, loss.data(), 1e-12, "hinge loss of scores (2, -0.5, 0.3, -3) with labels (+1, +1,"
                + " -1, -1). Hint: relu(1 - y*s) per point, then the MEAN (divide by 4), not the sum.");
    }

    @Test
    @Points(2)
    @DisplayName("hinge loss gradient, also at margin exactly 1")
    void hingeGradient() {
        double[] s = {2.0, -0.5, 1.0, 0.3};
        double[] y = {1, 1, 1, -1};
        Value[] scores = Value.all(s);
        Ex08HingeLossAndSgd.hingeLoss(Arrays.asList(scores), y).backward();
        for (int i = 0; i < s.length; i++) {
            // d/ds relu(1 - y s) / n = -y/n where 1 - y s > 0, 0 where < 0, and relu'(0) * (-y/n) on the kink.
            double margin = 1 - y[i] * s[i];
            double slope = margin > 0 ? 1 : margin < 0 ? 0 : gradkit.engine.Settings.reluGradAtZero();
            double expected = -y[i] * slope / s.length;
            int k = i;
            assertEquals(expected, scores[i].grad(), 1e-12, () -> "d loss / d s" + k + " (score " + s[k]
                    + ", label " + y[k] + "). Hint: build the loss from the score Values with Value operations"
                    + " (mul, neg, add, relu), never from their data(), so that backward() reaches them.");
        }
    }

    @Test
    @Points(1)
    @DisplayName("hinge loss refuses mismatched lengths")
    void hingeLengths() {
        assertThrows(IllegalArgumentException.class,
                () -> Ex08HingeLossAndSgd.hingeLoss(Arrays.asList(Value.all(1.0, 2.0)), new double[] {1}),
                "2 scores and 1 label must give IllegalArgumentException.");
    }

    @Test
    @Points(2)
    @DisplayName("sgdStep: data -= lr * grad")
    void sgdStep() {
        Value a = Value.of(1.0);
        Value b = Value.of(-2.0);
        a.setGrad(0.5);
        b.setGrad(-4.0);
        Ex08HingeLossAndSgd.sgdStep(List.of(a, b), 0.1);
        assertEquals(0.95, a.data(), 1e-12, "1.0 - 0.1 * 0.5. Hint: step AGAINST the gradient (minus).");
        assertEquals(-1.6, b.data(), 1e-12, "-2.0 - 0.1 * (-4.0).");
        assertEquals(0.5, a.grad(), 0.0, "sgdStep changes data only; grads are zeroed at the start of a step.");
    }

    @Test
    @Points(2)
    @DisplayName("trainingStep zeroes old grads before backward")
    void trainingStepZeroes() {
        Value w = Value.of(2.0);
        List<Value> params = List.of(w);
        // loss = w^2: grad 2w. Two steps with lr 0.1: w = 2 -> 1.6 -> 1.28, if grads do not pile up.
        double first = Ex08HingeLossAndSgd.trainingStep(params, () -> w.mul(w), 0.1);
        assertEquals(4.0, first, 1e-12, "trainingStep returns the loss before the step: 2^2 = 4.");
        assertEquals(1.6, w.data(), 1e-12, "after one step on w^2 from w = 2 with lr 0.1.");
        Ex08HingeLossAndSgd.trainingStep(params, () -> w.mul(w), 0.1);
        assertEquals(1.28, w.data(), 1e-12, "after the second step w must be 1.28. Got 0.88? the old grad 4"
                + " was added to the new 3.2: zero each parameter's grad at the start of the step.");
    }

    @Test
    @Points(1)
    @DisplayName("a few training steps reduce the hinge loss")
    void trainingReducesLoss() {
        Value w = Value.of(-0.5);
        Value b = Value.of(0.1);
        double[][] x = {{1.0}, {2.0}, {-1.0}, {-2.5}};
        double[] y = {1, 1, -1, -1};
        java.util.function.Supplier<Value> loss = () -> {
            Value[] scores = new Value[x.length];
            for (int i = 0; i < x.length; i++) {
                scores[i] = w.mul(x[i][0]).add(b);
            }
            return Ex08HingeLossAndSgd.hingeLoss(Arrays.asList(scores), y);
        };
        double start = Ex08HingeLossAndSgd.trainingStep(List.of(w, b), loss, 0.5);
        double last = start;
        for (int step = 0; step < 10; step++) {
            last = Ex08HingeLossAndSgd.trainingStep(List.of(w, b), loss, 0.5);
        }
        double end = last;
        assertTrue(end < start / 2, () -> "the hinge loss of a separable 1-d problem went from " + start + " to "
                + end + " in 11 steps; expected at least halved.");
    }
}
