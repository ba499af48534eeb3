package gradkit.gpt;

import gradkit.engine.Value;
import java.io.PrintStream;
import java.util.List;

/**
 * microgpt's training loop: one document per step (the documents in turn), its loss, backward,
 * one {@link Adam} step with the learning rate of {@link Adam#learningRate}.
 *
 * <pre>{@code
 * GptTrainer trainer = new GptTrainer(model, vocabulary.encodeAll(words));
 * double[] losses = trainer.train(1000, System.out, 100);   // a progress line every 100 steps
 * }</pre>
 */
public final class GptTrainer {

    private final Gpt model;
    private final List<int[]> documents;
    private final Adam adam;
    private int documentsSeen;

    /** A trainer of {@code model} on these encoded documents, with a fresh Adam. */
    public GptTrainer(Gpt model, List<int[]> documents) {
        if (documents == null || documents.isEmpty()) {
            throw new IllegalArgumentException("Training needs at least one document, but got none.");
        }
        this.model = model;
        this.documents = List.copyOf(documents);
        this.adam = new Adam(model.parameters().all());
    }

    /**
     * Trains {@code steps} steps, the learning rate falling from 0.01 to 0 over them (each call is a
     * whole schedule; the documents continue where the last call stopped). Prints a line every
     * {@code every} steps and after the last one ({@code progress} may be null: silent).
     *
     * @return the loss of each step, before its update
     */
    public double[] train(int steps, PrintStream progress, int every) {
        if (steps <= 0 || every <= 0) {
            throw new IllegalArgumentException("train needs steps >= 1 and every >= 1, but got steps = " + steps
                    + " and every = " + every + ".");
        }
        double[] losses = new double[steps];
        long start = System.nanoTime();
        for (int step = 0; step < steps; step++) {
            int[] tokens = documents.get(documentsSeen++ % documents.size());
            Value loss = model.loss(tokens);
            loss.backward();
            adam.step(Adam.learningRate(step, steps));
            losses[step] = loss.data();
            if (progress != null && ((step + 1) % every == 0 || step == steps - 1)) {
                progress.printf("step %5d / %d | loss %.4f | mean of the last %d: %.4f | %.1f s%n", step + 1, steps,
                        losses[step], Math.min(every, step + 1), meanOfLast(losses, step, every),
                        (System.nanoTime() - start) / 1e9);
            }
        }
        return losses;
    }

    /** The mean of losses[step − n + 1 .. step] (fewer at the start). */
    static double meanOfLast(double[] losses, int step, int n) {
        int from = Math.max(0, step - n + 1);
        double total = 0;
        for (int i = from; i <= step; i++) {
            total += losses[i];
        }
        return total / (step - from + 1);
    }

    /** The model being trained. */
    public Gpt model() {
        return model;
    }
}
