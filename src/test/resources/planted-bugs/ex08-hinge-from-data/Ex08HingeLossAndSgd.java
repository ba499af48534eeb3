// Planted bug: The hinge terms are built from the scores' data(), so backward() never reaches the scores.
package gradkit.exercises;

import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Exercise 08: the hinge loss and one step of gradient descent (notebook 05).
 *
 * <p>For scores s₁..sₙ and labels y₁..yₙ in {-1, +1}, the hinge loss is the mean of
 * relu(1 - yᵢ·sᵢ): zero for a point classified with margin at least 1, growing linearly otherwise.
 * Its kink (margin exactly 1) is a relu kink, so the gradient there follows relu'(0).
 * <ul>
 *   <li>{@link #hingeLoss}: build it from Values (mul, rsub via {@code neg().add(1)}, relu, sum,
 *       divide by n); throw {@link IllegalArgumentException} if the list and the array differ in
 *       length or are empty;</li>
 *   <li>{@link #sgdStep}: p.data -= learningRate · p.grad for every parameter;</li>
 *   <li>{@link #trainingStep}: one full step: zero every parameter's grad (otherwise grads of
 *       the previous step add up), build the loss, backward(), sgdStep; return the loss before the
 *       step.</li>
 * </ul>
 *
 * <p>Example: scores (2, -0.5) with labels (+1, +1) give (relu(-1) + relu(1.5)) / 2 = 0.75.
 */
public final class Ex08HingeLossAndSgd {
    private Ex08HingeLossAndSgd() {
    }

    /** mean over i of relu(1 - labels[i] * scores.get(i)). */
    public static Value hingeLoss(List<Value> scores, double[] labels) {
        if (scores.isEmpty() || scores.size() != labels.length) {
            throw new IllegalArgumentException("hingeLoss needs as many labels as scores (at least one), but got "
                    + scores.size() + " scores and " + labels.length + " labels.");
        }
        List<Value> terms = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            terms.add(Value.of(1.0 - labels[i] * scores.get(i).data()).relu());
        }
        return Value.sum(terms).div(labels.length);
    }

    /** For every parameter: data -= learningRate * grad. */
    public static void sgdStep(List<Value> parameters, double learningRate) {
        for (Value p : parameters) {
            p.setData(p.data() - learningRate * p.grad());
        }
    }

    /** Zero grads, build the loss, backward, sgdStep; returns the loss value before the step. */
    public static double trainingStep(List<Value> parameters, Supplier<Value> loss, double learningRate) {
        for (Value p : parameters) {
            p.setGrad(0.0);
        }
        Value l = loss.get();
        l.backward();
        sgdStep(parameters, learningRate);
        return l.data();
    }
}
