package gradkit.gpt;

import gradkit.data.WordList;
import gradkit.engine.Graph;
import java.util.List;

/**
 * Prints what training the default GPT costs: steps per second, milliseconds per step, graph nodes
 * per step and nanoseconds per node (forward, backward and the Adam update, all counted in the step).
 *
 * <pre>
 * java -cp target/classes:... gradkit.gpt.GptBenchmark [steps]    # ./kit gpt-bench [steps]
 * </pre>
 *
 * <p>It trains on the kit's word list ({@link Documents#wordList}), as notebook 07 does, and times
 * {@code steps} steps (default 1,000) after 200 steps of warm-up on a separate model. Nothing about
 * time is asserted anywhere: the figures are for reading.
 */
public final class GptBenchmark {

    private static final long SEED = 42L;

    private GptBenchmark() {}

    /** Runs the benchmark; the optional argument is the number of timed steps. */
    public static void main(String[] args) {
        int steps = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        List<String> words = Documents.wordList(SEED);
        Vocabulary vocabulary = Vocabulary.of(words);
        List<int[]> documents = vocabulary.encodeAll(words);
        GptConfig config = GptConfig.defaults(vocabulary.size());

        new GptTrainer(new Gpt(Parameters.init(config, SEED + 1)), documents).train(200, null, 200);   // warm-up

        Gpt model = new Gpt(Parameters.init(config, SEED));
        long nodes = 0;
        for (int step = 0; step < steps; step++) {
            nodes += Graph.of(model.loss(documents.get(step % documents.size()))).size();
        }
        GptTrainer trainer = new GptTrainer(model, documents);
        long start = System.nanoTime();
        double[] losses = trainer.train(steps, null, steps);
        double seconds = (System.nanoTime() - start) / 1e9;

        System.out.printf("%s on %d words (%s)%n", model, words.size(), WordList.DESCRIPTION);
        System.out.printf("%d training steps in %.2f s: %.0f steps/s, %.2f ms per step, %.0f nodes per step,"
                + " %.0f ns per node; loss %.3f at the first step, mean of the last 100 %.3f%n", steps, seconds,
                steps / seconds, 1e3 * seconds / steps, (double) nodes / steps, 1e9 * seconds / nodes, losses[0],
                GptTrainer.meanOfLast(losses, steps - 1, 100));
    }
}
