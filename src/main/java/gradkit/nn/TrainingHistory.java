package gradkit.nn;

import java.util.Arrays;

/**
 * The loss and the accuracy at every step of a training run, as {@link Trainer#train(int)} returns it.
 * Step k's numbers are measured before step k's update, as micrograd prints them.
 *
 * <pre>{@code
 * TrainingHistory h = trainer.train(100);
 * h.finalAccuracy();     // 1.0 means every training point classified correctly
 * h.losses()[0];         // the loss of the untrained network
 * }</pre>
 */
public final class TrainingHistory {

    private final double[] losses;
    private final double[] accuracies;

    /**
     * A history of {@code losses.length} steps.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public TrainingHistory(double[] losses, double[] accuracies) {
        if (losses == null || accuracies == null || losses.length != accuracies.length) {
            throw new IllegalArgumentException("A training history needs one loss and one accuracy per step, but got "
                    + (losses == null ? "null" : losses.length) + " losses and "
                    + (accuracies == null ? "null" : accuracies.length) + " accuracies.");
        }
        this.losses = losses.clone();
        this.accuracies = accuracies.clone();
    }

    /** The total loss at each step (a copy). */
    public double[] losses() {
        return losses.clone();
    }

    /** The training accuracy at each step, a fraction in [0, 1] (a copy). */
    public double[] accuracies() {
        return accuracies.clone();
    }

    /** The number of steps. */
    public int steps() {
        return losses.length;
    }

    /** The loss at the last step. */
    public double finalLoss() {
        checkNotEmpty();
        return losses[losses.length - 1];
    }

    /** The accuracy at the last step. */
    public double finalAccuracy() {
        checkNotEmpty();
        return accuracies[accuracies.length - 1];
    }

    @Override
    public String toString() {
        return steps() == 0 ? "TrainingHistory(0 steps)"
                : String.format("TrainingHistory(%d steps, final loss %.4f, final accuracy %.0f%%)",
                        steps(), finalLoss(), 100 * finalAccuracy());
    }

    private void checkNotEmpty() {
        if (losses.length == 0) {
            throw new IllegalStateException("This training history has no steps.");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TrainingHistory && Arrays.equals(losses, ((TrainingHistory) o).losses)
                && Arrays.equals(accuracies, ((TrainingHistory) o).accuracies);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(losses) + Arrays.hashCode(accuracies);
    }
}
