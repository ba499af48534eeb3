package gradkit.nn;

import gradkit.data.Dataset;
import gradkit.engine.Value;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The training loop of micrograd's moons demo, for a classifier with labels -1 and +1.
 *
 * <p>Every step runs the whole dataset through the network (full batch), measures
 * {@code loss = hinge + l2(1e-4)} and the accuracy, clears the gradients, backpropagates, and moves
 * every parameter against its gradient with a learning rate that falls from 1.0 to 0.1:
 * {@code lr = 1.0 - 0.9 * k / steps}.
 *
 * <pre>{@code
 * Dataset moons = Moons.generate(100, 0.1, 7L);
 * MLP model = new MLP(2, 16, 16, 1);
 * TrainingHistory h = new Trainer(model, moons, System.out, 10).train(100);
 * // step   0  loss 0.3447  accuracy 88%
 * // step  10  loss 0.1409  accuracy 95%
 * // ...
 * // step  99  loss 0.0127  accuracy 100%
 * }</pre>
 */
public final class Trainer {

    /** The strength of the L2 penalty, as in micrograd's demo. */
    public static final double L2_ALPHA = 1e-4;

    private final MLP model;
    private final Dataset data;
    private final PrintStream out;
    private final int printEvery;

    /** A trainer that prints nothing. */
    public Trainer(MLP model, Dataset data) {
        this(model, data, null, 1);
    }

    /**
     * A trainer that prints one line to {@code out} every {@code printEvery} steps and at the last
     * step ({@code out} may be null for silence).
     *
     * @throws IllegalArgumentException if the model does not fit the data or {@code printEvery <= 0}
     */
    public Trainer(MLP model, Dataset data, PrintStream out, int printEvery) {
        if (model == null || data == null) {
            throw new IllegalArgumentException("A trainer needs a model and a dataset, but got " + model + " and "
                    + (data == null ? "null" : "a dataset") + ".");
        }
        if (model.nin() != data.dimension()) {
            throw new IllegalArgumentException("The model takes " + model.nin() + " inputs, but the data points have "
                    + data.dimension() + " coordinates.");
        }
        int outputs = model.sizes()[model.sizes().length - 1];
        if (outputs != 1) {
            throw new IllegalArgumentException("The trainer needs a model with 1 output (a score), but this one has "
                    + outputs + ".");
        }
        if (printEvery <= 0) {
            throw new IllegalArgumentException("printEvery must be at least 1, but got " + printEvery + ".");
        }
        this.model = model;
        this.data = data;
        this.out = out;
        this.printEvery = printEvery;
    }

    /**
     * Trains for {@code steps} steps and returns the loss and accuracy measured at each one. Each call
     * is a whole schedule: the learning rate starts again at 1.0 and falls to 0.1 over these
     * {@code steps}, so {@code train(50)} twice is not the same as {@code train(100)} once.
     */
    public TrainingHistory train(int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be 0 or more, but got " + steps + ".");
        }
        double[] y = data.y();
        double[] losses = new double[steps];
        double[] accuracies = new double[steps];
        SGD sgd = new SGD(model.parameters());
        for (int k = 0; k < steps; k++) {
            // forward: a score for every point, then the loss
            List<Value> scores = scores(model, data);
            Value loss = loss(model, scores, y);
            double accuracy = Loss.accuracy(scores, y);

            // backward
            sgd.zeroGrad();
            loss.backward();

            // update
            double learningRate = learningRate(k, steps);
            sgd.step(learningRate);

            losses[k] = loss.data();
            accuracies[k] = accuracy;
            if (out != null && (k % printEvery == 0 || k == steps - 1)) {
                out.printf("step %3d  loss %.4f  accuracy %.0f%%%n", k, loss.data(), 100 * accuracy);
            }
        }
        return new TrainingHistory(losses, accuracies);
    }

    /**
     * The model's score for every point of the data set, in order.
     *
     * <pre>{@code List<Value> scores = Trainer.scores(model, moons); }</pre>
     */
    public static List<Value> scores(MLP model, Dataset data) {
        List<Value> scores = new ArrayList<>(data.size());
        for (double[] point : data.x()) {
            scores.add(model.score(point));
        }
        return scores;
    }

    /**
     * The loss of micrograd's moons demo for these scores: the mean hinge loss plus an L2 penalty of
     * {@link #L2_ALPHA} on every parameter, {@code hinge(scores, labels) + l2(parameters, 1e-4)}.
     * This is the one definition the trainer, the benchmark and the notebooks use.
     *
     * <pre>{@code Value loss = Trainer.loss(model, scores, moons.y()); }</pre>
     */
    public static Value loss(MLP model, List<Value> scores, double[] labels) {
        return Loss.hinge(scores, labels).add(Loss.l2(model.parameters(), L2_ALPHA));
    }

    /**
     * The moons demo's loss of the whole data set: {@link #loss(MLP, List, double[])} of
     * {@link #scores(MLP, Dataset)}.
     *
     * <pre>{@code Trainer.loss(model, moons).backward(); }</pre>
     */
    public static Value loss(MLP model, Dataset data) {
        return loss(model, scores(model, data), data.y());
    }

    /**
     * micrograd's schedule: 1.0 at step 0, falling linearly towards 0.1 at the last step, as
     * {@code 1.0 - 0.9 * k / steps}. The one definition the trainer, the benchmark and the notebooks use.
     *
     * <pre>{@code sgd.step(Trainer.learningRate(k, 100)); }</pre>
     */
    public static double learningRate(int k, int steps) {
        return 1.0 - 0.9 * k / steps;
    }
}
