package gradkit.viz;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * The picture behind {@link Plot#lossCurve(double[])}: the loss after each training step, step 0
 * first, refused with the step where training diverged if a loss is not a finite number.
 */
final class LossCurve {

    private LossCurve() {}

    /** See {@link Plot#lossCurve(double[])}. */
    static BufferedImage draw(double[] losses) {
        if (losses == null || losses.length == 0) {
            throw new IllegalArgumentException("lossCurve needs at least one loss, but got none.");
        }
        for (int i = 0; i < losses.length; i++) {
            if (!Double.isFinite(losses[i])) {
                throw new IllegalArgumentException("The loss at step " + i + " is " + losses[i]
                        + ": training diverged there. Plot the steps before it, or lower the learning rate.");
            }
        }
        double[] steps = new double[losses.length];
        for (int i = 0; i < steps.length; i++) {
            steps[i] = i;
        }
        return Plot.line("Loss during training").x("step").y("loss").series("loss", steps, losses).image();
    }

    /** The losses of a list as an array, refusing a missing list or a missing loss. */
    static double[] values(List<Double> losses) {
        if (losses == null) {
            throw new IllegalArgumentException("lossCurve needs a list of losses, but got null.");
        }
        double[] values = new double[losses.size()];
        for (int i = 0; i < values.length; i++) {
            Double loss = losses.get(i);
            if (loss == null) {
                throw new IllegalArgumentException("The loss at step " + i + " is null.");
            }
            values[i] = loss;
        }
        return values;
    }
}
