package gradkit.gpt;

import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * New documents from a trained {@link Gpt}, as microgpt makes them: start from BOS, turn the logits
 * divided by a temperature into probabilities by a softmax, draw the next token, and stop at BOS
 * (or after block_size tokens).
 *
 * <p>A temperature below 1 sharpens the distribution (safer, more common words), above 1 flattens it.
 *
 * <pre>{@code
 * Sampler sampler = new Sampler(model, vocabulary);
 * List<String> words = sampler.samples(20, 0.5, 42L);   // the same seed gives the same words
 * }</pre>
 */
public final class Sampler {

    private final Gpt model;
    private final Vocabulary vocabulary;

    /** A sampler of {@code model}, decoding with {@code vocabulary}. */
    public Sampler(Gpt model, Vocabulary vocabulary) {
        if (model.config().vocabSize() != vocabulary.size()) {
            throw new IllegalArgumentException("The model knows " + model.config().vocabSize()
                    + " tokens but the vocabulary has " + vocabulary.size() + ".");
        }
        this.model = model;
        this.vocabulary = vocabulary;
    }

    /** {@code n} documents drawn with one {@code new Random(seed)}. */
    public List<String> samples(int n, double temperature, long seed) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(sample(temperature, random));
        }
        return out;
    }

    /** One document, drawing from {@code random}. */
    public String sample(double temperature, Random random) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("The temperature must be a positive number, but got " + temperature + ".");
        }
        KeyValueCache cache = model.newCache();
        int token = vocabulary.bos();
        List<Integer> drawn = new ArrayList<>();
        for (int position = 0; position < model.config().blockSize(); position++) {
            List<Value> scaled = new ArrayList<>();
            for (Value logit : model.logits(token, position, cache)) {
                scaled.add(logit.div(temperature));
            }
            token = draw(Value.softmax(scaled), random);
            if (token == vocabulary.bos()) {
                break;
            }
            drawn.add(token);
        }
        int[] tokens = drawn.stream().mapToInt(Integer::intValue).toArray();
        return vocabulary.decode(tokens);
    }

    /** An index drawn with the given probabilities. */
    private static int draw(List<Value> probabilities, Random random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int i = 0; i < probabilities.size(); i++) {
            cumulative += probabilities.get(i).data();
            if (u < cumulative) {
                return i;
            }
        }
        return probabilities.size() - 1;   // u beyond a total that rounding left just under 1
    }
}
