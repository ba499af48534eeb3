package gradkit.exercises;

import gradkit.engine.Value;
import gradkit.grading.Points;
import gradkit.grading.client.StudentCode;
import gradkit.grading.client.StudentThrew;
import gradkit.nn.Loss;
import java.util.Arrays;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise 08. The expected loss comes from the definition and from the library's
 * {@link Loss#hinge}; the expected gradients from the definition, worked out per point; the
 * training step starts from a gradient left over from before, as in a real training loop.
 *
 * <p>The student's code runs in a worker JVM ({@link StudentCode}): scores and parameters are sent as
 * numbers (data, and grad where it matters), the worker makes the Values, calls the student's methods
 * and sends back data and grads. A loss handed to trainingStep is named from the probe's catalogue
 * ("square": w*w; "separableHinge": the student's hingeLoss of w*x + b on four points).
 */
class Ex08HingeLossAndSgdTest {
    private final StudentCode student = StudentCode.current();

    private static double mean(double[] s, double[] y, double sign) {
        double total = 0;
        for (int i = 0; i < s.length; i++) {
            total += Math.max(0, 1 + sign * y[i] * s[i]);
        }
        return total / s.length;
    }

    @Test
    @Points(2)
    @DisplayName("hinge loss value: mean of relu(1 - y*s)")
    void hingeValue() {
        double[] s = {2.0, -0.5, 0.3, -3.0};
        double[] y = {1, 1, -1, -1};
        double expected = mean(s, y, -1);
        Feedback.near(expected, Loss.hinge(Arrays.asList(Value.all(s)), y).data(), 1e-12, "the library's hinge loss",
                "(the definition and the library disagree: report this).");
        double got = student.number("hingeLoss", s, y);
        String why = Math.abs(got - expected * s.length) < 1e-12 ? "that is the SUM over the 4 points: divide by 4."
                : Math.abs(got - mean(s, y, 1)) < 1e-12 ? "that is the mean of relu(1 + y*s): the margin is y*s, and"
                + " the loss is relu(1 - margin)." : "relu(1 - y*s) per point, then the mean.";
        Feedback.near(expected, got, 1e-12, "hingeLoss of scores (2, -0.5, 0.3, -3) with labels (+1, +1, -1, -1)", why);
    }

    @Test
    @Points(2)
    @DisplayName("hinge loss gradient, also at margin exactly 1")
    void hingeGradient() {
        double[] s = {2.0, -0.5, 1.0, 0.3};
        double[] y = {1, 1, 1, -1};
        double[] grads = student.numbers("hingeGradient", s, y);   // each score's grad after backward()
        for (int i = 0; i < s.length; i++) {
            // d/ds relu(1 - y s) / n = -y/n where 1 - y s > 0, 0 where < 0, and relu'(0) * (-y/n) on the kink.
            double margin = 1 - y[i] * s[i];
            double slope = margin > 0 ? 1 : margin < 0 ? 0 : gradkit.engine.Settings.reluGradAtZero();
            double expected = -y[i] * slope / s.length;
            double got = grads[i];
            String hint = got == 0 && expected != 0 ? "build the loss from the score Values with Value operations"
                    + " (mul, neg, add, relu, sum, div), never from their data(), so that backward() reaches them."
                    : Math.abs(got - expected * s.length) < 1e-12 ? "that is n = 4 times the right value: the loss"
                    + " must be the MEAN (divide the sum by n)." : "d/ds of relu(1 - y*s) / n is -y/n where the"
                    + " margin y*s is below 1 and 0 where it is above (at exactly 1, relu'(0)); the loss's value has"
                    + " its own test.";
            Feedback.gradient(expected, got, 0, 1, "after backward() of the hinge loss of scores (2,"
                    + " -0.5, 1, 0.3) with labels (+1, +1, +1, -1): d loss / d s" + i + " (score " + s[i]
                    + ", label " + y[i] + (margin == 0 ? ", margin exactly 1: relu's kink" : "") + ")", hint);
        }
    }

    @Test
    @Points(1)
    @DisplayName("hinge loss refuses mismatched lengths and an empty list")
    void hingeLengths() {
        double[][] scores = {{1.0, 2.0}, {1.0}, {}};
        double[][] labels = {{1}, {1, -1}, {}};
        for (int k = 0; k < labels.length; k++) {
            String outcome;
            try {
                outcome = "it returned " + student.number("hingeLoss", scores[k], labels[k]);
            } catch (StudentThrew thrown) {
                if (thrown.is(IllegalArgumentException.class)) {
                    continue;
                }
                if (thrown.is(UnsupportedOperationException.class)) {
                    throw thrown;           // not written yet: the grader reports the TODO as it is
                }
                outcome = "it threw " + thrown;
            }
            Feedback.check(false, "hingeLoss of " + scores[k].length + " scores and " + labels[k].length
                    + " labels must refuse with IllegalArgumentException, but " + outcome + ".", "check first that"
                    + " there are as many labels as scores, and at least one (the mean of nothing is 0/0).");
        }
    }

    @Test
    @Points(2)
    @DisplayName("sgdStep: data -= lr * grad")
    void sgdStep() {
        // a = (data 1, grad 0.5), b = (data -2, grad -4); back come a's and b's data, then their grads
        double[] after = student.numbers("sgdStep", new double[] {1.0, -2.0}, new double[] {0.5, -4.0}, 0.1);
        double aData = after[0];
        double bData = after[1];
        double aGrad = after[2];
        String along = "the step went ALONG the gradient (+); gradient descent steps against it (-).";
        Feedback.near(0.95, aData, 1e-12, "sgdStep with lr 0.1 on data 1.0, grad 0.5",
                Math.abs(aData - 1.05) < 1e-12 ? along : "data - learningRate * grad.");
        Feedback.near(-1.6, bData, 1e-12, "sgdStep with lr 0.1 on data -2.0, grad -4.0",
                Math.abs(bData + 2.4) < 1e-12 ? along : "data - learningRate * grad, for every parameter.");
        Feedback.near(0.5, aGrad, 0.0, "the grad after sgdStep", "sgdStep changes data only; grads are zeroed at"
                + " the start of the next step.");
    }

    @Test
    @Points(2)
    @DisplayName("trainingStep zeroes old grads before backward")
    void trainingStepZeroes() {
        // w = 2 with grad 5 left over from before, as after an earlier backward(); the loss is "square", w * w.
        double[] w = {2.0};
        double[] oldGrad = {5.0};
        // loss = w^2: grad 2w. Two steps with lr 0.1: w = 2 -> 1.6 -> 1.28, if old grads do not pile up.
        double[] one = student.numbers("trainingSteps", "square", w, oldGrad, 0.1, 1.0);   // {loss returned, w after}
        double first = one[0];
        String step = "trainingStep on loss w^2 from w = 2 (its grad held 5.0 from before) with lr 0.1";
        Feedback.near(4.0, first, 1e-12, step + ", the returned loss", "return the loss from BEFORE the update: 2^2 = 4.");
        double got = one[1];
        String why = Math.abs(got - 1.1) < 1e-12 ? "1.1 = 2 - 0.1 * (5 + 4): the old grad 5 was added to the new"
                + " gradient 4. Zero every parameter's grad at the START of the step, before backward()."
                : Math.abs(got - 1.5) < 1e-12 ? "1.5 = 2 - 0.1 * 5: the update used the old grad 5. Run backward()"
                + " before sgdStep, after zeroing." : got == 2.0 ? "w did not move: call sgdStep after backward()."
                : Math.abs(got - 2.4) < 1e-12 ? "2.4 = 2 + 0.1 * 4: the step went along the gradient (the sgdStep"
                + " test says more)."
                : "zero the grads, build the loss, backward(), sgdStep, in that order.";
        Feedback.near(1.6, got, 1e-12, step + ", w after the step", why);
        // The same first step again, and a second one after it: {loss, w} of each.
        double second = student.numbers("trainingSteps", "square", w, oldGrad, 0.1, 2.0)[3];
        Feedback.near(1.28, second, 1e-12, "a second trainingStep from w = 1.6", Math.abs(second - 0.88) < 1e-12
                ? "0.88: the first step's grad 4 was added to the new 3.2; zero each parameter's grad at the start"
                + " of the step." : "zero the grads, build the loss, backward(), sgdStep, in that order.");
    }

    @Test
    @Points(1)
    @DisplayName("a few training steps reduce the hinge loss")
    void trainingReducesLoss() {
        // "separableHinge": the student's hingeLoss of the scores w * x + b at x = (1, 2, -1, -2.5) with labels
        // (+1, +1, -1, -1), from w = -0.5, b = 0.1 (grads 0). Eleven steps; each gives {loss, w, b}.
        int steps = 11;
        double[] run = student.numbers("trainingSteps", "separableHinge", new double[] {-0.5, 0.1}, new double[2], 0.5,
                (double) steps);
        double start = run[0];
        double end = run[3 * (steps - 1)];
        Feedback.check(end < start / 2, "the hinge loss of a separable 1-d problem (w = -0.5, b = 0.1, lr 0.5)"
                + " went from " + start + " to " + end + " in 11 steps; expected at least halved.",
                end > start ? "the loss grew: does the step go against the gradient?" : end == start ? "the loss"
                        + " did not change at all: no gradient reached w and b (is the loss built from Value"
                        + " operations?), or the step does not move them." : "each step: zero the grads, build the"
                        + " loss, backward(), sgdStep.");
    }
}
