package gradkit.gpt;

import gradkit.engine.Value;
import gradkit.nn.Loss;
import java.util.ArrayList;
import java.util.List;

/**
 * microgpt's model: a character-level transformer built from {@link Value}s, one position at a time.
 *
 * <p>At position p with token t:
 * <ol>
 *   <li>x = rmsnorm(wte[t] + wpe[p]);</li>
 *   <li>for each layer: x = x + {@link AttentionBlock}(rmsnorm(x)), then x = x + {@link MlpBlock}(rmsnorm(x));</li>
 *   <li>logits = lm_head · x, one score per token of the vocabulary.</li>
 * </ol>
 * The keys and values of the positions so far are kept in a {@link KeyValueCache}, so position p
 * attends to positions 0..p only.
 *
 * <pre>{@code
 * Gpt model = new Gpt(Parameters.init(GptConfig.defaults(vocabulary.size()), 42L));
 * Value loss = model.loss(vocabulary.encode("emma"));   // mean cross-entropy of the next tokens
 * loss.backward();
 * }</pre>
 */
public final class Gpt {

    private final Parameters parameters;
    private final GptConfig config;
    private final List<AttentionBlock> attention = new ArrayList<>();
    private final List<MlpBlock> mlp = new ArrayList<>();

    /** The model with these weights. */
    public Gpt(Parameters parameters) {
        this(parameters, new AttentionHead(parameters.config().headDim()));
    }

    /** The model with these weights, every head computing with {@code head} (tests plant a wrong one). */
    Gpt(Parameters parameters, AttentionHead head) {
        this.parameters = parameters;
        this.config = parameters.config();
        for (int layer = 0; layer < config.nLayer(); layer++) {
            attention.add(new AttentionBlock(parameters, layer, head));
            mlp.add(new MlpBlock(parameters, layer));
        }
    }

    /** The scores of the next token after {@code token} at {@code position}; adds this position to the cache. */
    public List<Value> logits(int token, int position, KeyValueCache cache) {
        if (token < 0 || token >= config.vocabSize()) {
            throw new IllegalArgumentException("Token " + token + " is outside the vocabulary 0.." + (config.vocabSize() - 1) + ".");
        }
        if (position < 0 || position >= config.blockSize()) {
            throw new IllegalArgumentException("Position " + position + " is outside the block 0.." + (config.blockSize() - 1) + ".");
        }
        Value[] tokenRow = parameters.matrix("wte")[token];
        Value[] positionRow = parameters.matrix("wpe")[position];
        List<Value> x = new ArrayList<>(config.nEmbd());
        for (int j = 0; j < config.nEmbd(); j++) {
            x.add(tokenRow[j].add(positionRow[j]));
        }
        x = RmsNorm.apply(x);
        for (int layer = 0; layer < config.nLayer(); layer++) {
            x = plus(x, attention.get(layer).forward(RmsNorm.apply(x), cache));
            x = plus(x, mlp.get(layer).forward(RmsNorm.apply(x)));
        }
        return Linear.apply(parameters.matrix("lm_head"), x);
    }

    /**
     * The training loss of one document: the mean over its first min(blockSize, n − 1) positions of
     * the cross-entropy of the next token, for tokens from {@link Vocabulary#encode}.
     */
    public Value loss(int[] tokens) {
        int targets = NgramBaseline.targets(tokens, config.blockSize());
        if (targets < 1) {
            throw new IllegalArgumentException("A document needs at least two tokens (BOS and BOS), but got "
                    + tokens.length + ".");
        }
        KeyValueCache cache = newCache();
        Value[] losses = new Value[targets];
        for (int p = 0; p < targets; p++) {
            losses[p] = Loss.crossEntropy(logits(tokens[p], p, cache), tokens[p + 1]);
        }
        return Value.sum(losses).div(targets);
    }

    /** The mean cross-entropy over every target of every document (what {@link NgramBaseline#meanLoss} measures). */
    public double meanLoss(List<int[]> documents) {
        double total = 0;
        long count = 0;
        for (int[] tokens : documents) {
            int targets = NgramBaseline.targets(tokens, config.blockSize());
            total += loss(tokens).data() * targets;
            count += targets;
        }
        return total / count;
    }

    /** An empty cache, for a new document. */
    public KeyValueCache newCache() {
        return new KeyValueCache(config.nLayer());
    }

    /** The weights. */
    public Parameters parameters() {
        return parameters;
    }

    /** The shape. */
    public GptConfig config() {
        return config;
    }

    private static List<Value> plus(List<Value> a, List<Value> b) {
        List<Value> sum = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            sum.add(a.get(i).add(b.get(i)));
        }
        return sum;
    }

    @Override
    public String toString() {
        return "Gpt(vocab " + config.vocabSize() + ", n_embd " + config.nEmbd() + ", " + config.nHead() + " heads, "
                + config.nLayer() + (config.nLayer() == 1 ? " layer" : " layers") + ", block " + config.blockSize()
                + "; " + parameters.count() + " parameters)";
    }
}
