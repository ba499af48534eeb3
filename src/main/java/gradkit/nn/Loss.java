package gradkit.nn;

import gradkit.engine.Value;
import java.util.List;

/**
 * Loss functions: one {@link Value} that measures how wrong the predictions are, ready for
 * {@code backward()}. Each data loss is the mean over the examples.
 *
 * <pre>{@code
 * List<Value> scores = List.of(Value.of(2.0), Value.of(-0.5));
 * Value loss = Loss.hinge(scores, new double[] {1, 1});  // (relu(1-2) + relu(1+0.5)) / 2 = 0.75
 * loss.backward();
 * scores.get(1).grad();                                  // -y/2 = -0.5: push that score up
 * }</pre>
 */
public final class Loss {

    private Loss() {}

    /**
     * Mean squared error: mean of (p_i - t_i)^2.
     *
     * <pre>{@code Loss.mse(List.of(Value.of(3.0)), new double[] {1.0}).data();   // 4.0 }</pre>
     */
    public static Value mse(List<Value> predictions, double[] targets) {
        checkSizes("mse", "predictions", predictions, "targets", targets);
        Value[] terms = new Value[targets.length];
        for (int i = 0; i < targets.length; i++) {
            checkFinite("mse", "target", i, targets[i]);
            terms[i] = predictions.get(i).sub(targets[i]).pow(2);
        }
        return mean(terms);
    }

    /**
     * The hinge loss of micrograd's demo: mean of relu(1 - y_i * s_i), for labels y_i of -1 or +1.
     * A score on the right side by a margin of at least 1 costs nothing and gets no gradient.
     *
     * <pre>{@code Loss.hinge(List.of(Value.of(0.25)), new double[] {1}).data();   // 0.75 }</pre>
     *
     * @throws IllegalArgumentException if a label is not -1 or +1, or the sizes differ
     */
    public static Value hinge(List<Value> scores, double[] labels) {
        checkSizes("hinge", "scores", scores, "labels", labels);
        Value[] terms = new Value[labels.length];
        for (int i = 0; i < labels.length; i++) {
            checkPlusMinusOne("hinge", i, labels[i]);
            // micrograd: (1 + -yi*scorei).relu()
            terms[i] = scores.get(i).mul(-labels[i]).add(1.0).relu();
        }
        return mean(terms);
    }

    /**
     * Binary cross-entropy on logits, for targets 0 or 1: mean of softplus(z) - y*z, which equals
     * -log(sigmoid(z)) for y = 1 and -log(1 - sigmoid(z)) for y = 0, but never takes the log of 0:
     * a logit of 1000 or -1000 gives a finite loss and gradient sigmoid(z) - y.
     *
     * <pre>{@code Loss.bceWithLogits(List.of(Value.of(0.0)), new double[] {1}).data();   // log 2 }</pre>
     *
     * @throws IllegalArgumentException if a target is not 0 or 1, or the sizes differ
     */
    public static Value bceWithLogits(List<Value> logits, double[] targets01) {
        checkSizes("bceWithLogits", "logits", logits, "targets", targets01);
        Value[] terms = new Value[targets01.length];
        for (int i = 0; i < targets01.length; i++) {
            double y = targets01[i];
            if (y != 0.0 && y != 1.0) {
                throw new IllegalArgumentException("bceWithLogits needs targets 0 or 1, but target " + i + " is " + y + ".");
            }
            Value z = logits.get(i);
            terms[i] = z.softplus().sub(z.mul(y));
        }
        return mean(terms);
    }

    /**
     * The cross-entropy of one example over class scores (logits): -log softmax(scores)[target],
     * computed stably as logSumExp(scores) - scores[target], so scores of ±1000 give a finite loss.
     * The gradient of score i is softmax(scores)[i] - (i == target ? 1 : 0).
     *
     * <pre>{@code Loss.crossEntropy(List.of(Value.of(0.0), Value.of(0.0)), 1).data();   // log 2 }</pre>
     *
     * @throws IllegalArgumentException if the scores are null or empty, hold a null, or
     *     {@code target} is not the index of a score
     */
    public static Value crossEntropy(List<Value> scores, int target) {
        if (scores == null || scores.isEmpty()) {
            throw new IllegalArgumentException("crossEntropy needs at least one class score, but got "
                    + (scores == null ? "null" : "none") + ".");
        }
        if (target < 0 || target >= scores.size()) {
            throw new IllegalArgumentException("crossEntropy needs a target class from 0 to " + (scores.size() - 1)
                    + ", but got " + target + ".");
        }
        return Value.logSumExp(scores).sub(scores.get(target));
    }

    /**
     * L2 regularization: alpha * (sum of p^2), which pulls every weight a little towards 0.
     *
     * <pre>{@code Loss.l2(model.parameters(), 1e-4) }</pre>
     *
     * @throws IllegalArgumentException if there are no parameters or alpha is negative or not finite
     */
    public static Value l2(List<Value> parameters, double alpha) {
        if (parameters == null || parameters.isEmpty()) {
            throw new IllegalArgumentException("l2 needs at least one parameter, but got " + (parameters == null ? "null" : "none") + ".");
        }
        if (!(alpha >= 0 && Double.isFinite(alpha))) {
            throw new IllegalArgumentException("l2 needs a finite alpha >= 0, but got " + alpha + ".");
        }
        Value[] squares = new Value[parameters.size()];
        for (int i = 0; i < squares.length; i++) {
            Value p = parameters.get(i);
            if (p == null) {
                throw new IllegalArgumentException("l2 got null as parameter " + i + " of " + squares.length + ".");
            }
            squares[i] = p.mul(p);
        }
        return Value.sum(squares).mul(alpha);
    }

    /**
     * The fraction of scores whose sign matches the label (-1 or +1). A score of exactly 0 lies on
     * the decision boundary and counts as wrong for both labels. Not a Value: it has no gradient.
     *
     * <pre>{@code Loss.accuracy(List.of(Value.of(0.3), Value.of(0.2)), new double[] {1, -1});   // 0.5 }</pre>
     */
    public static double accuracy(List<Value> scores, double[] labels) {
        checkSizes("accuracy", "scores", scores, "labels", labels);
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            checkPlusMinusOne("accuracy", i, labels[i]);
            if (Math.signum(scores.get(i).data()) == labels[i]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }

    /** micrograd: sum(losses) * (1.0 / len(losses)). */
    private static Value mean(Value[] terms) {
        return Value.sum(terms).mul(1.0 / terms.length);
    }

    private static void checkSizes(String loss, String what, List<Value> values, String targetsName, double[] targets) {
        if (values == null || targets == null) {
            throw new IllegalArgumentException(loss + " needs " + what + " and " + targetsName + ", but got null.");
        }
        if (values.size() != targets.length) {
            throw new IllegalArgumentException(loss + " needs as many " + targetsName + " as " + what + ", but got "
                    + values.size() + " " + what + " and " + targets.length + " " + targetsName + ".");
        }
        if (targets.length == 0) {
            throw new IllegalArgumentException(loss + " needs at least one example, but got none.");
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i) == null) {
                throw new IllegalArgumentException(loss + " got null as " + what.substring(0, what.length() - 1) + " " + i
                        + " of " + values.size() + ".");
            }
        }
    }

    private static void checkPlusMinusOne(String loss, int i, double label) {
        if (label != 1.0 && label != -1.0) {
            throw new IllegalArgumentException(loss + " needs labels -1 or +1, but label " + i + " is " + label + ".");
        }
    }

    private static void checkFinite(String loss, String what, int i, double x) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(loss + " needs finite " + what + "s, but " + what + " " + i + " is " + x + ".");
        }
    }
}
