package gradkit.gpt;

/**
 * The shape of a {@link Gpt}: how many tokens it knows, how wide its vectors are, how many heads and
 * layers it has, and how many positions it sees.
 *
 * <pre>{@code
 * GptConfig config = GptConfig.defaults(vocabulary.size());   // n_embd 16, 4 heads, 1 layer, block 16
 * GptConfig tiny = new GptConfig(5, 4, 2, 1, 4);               // for gradient checks
 * }</pre>
 *
 * @param vocabSize number of tokens, the BOS token included
 * @param nEmbd width of every vector in the model (n_embd)
 * @param nHead number of attention heads; must divide nEmbd
 * @param nLayer number of transformer layers
 * @param blockSize the most positions the model reads (its context length)
 */
public record GptConfig(int vocabSize, int nEmbd, int nHead, int nLayer, int blockSize) {

    /** microgpt's defaults. */
    public static final int DEFAULT_N_EMBD = 16;
    /** microgpt's default number of heads. */
    public static final int DEFAULT_N_HEAD = 4;
    /** microgpt's default number of layers. */
    public static final int DEFAULT_N_LAYER = 1;
    /** microgpt's default context length. */
    public static final int DEFAULT_BLOCK_SIZE = 16;

    /** Checks that every size is positive and that the heads split the width evenly. */
    public GptConfig {
        positive(vocabSize, "vocabSize");
        positive(nEmbd, "nEmbd");
        positive(nHead, "nHead");
        positive(nLayer, "nLayer");
        positive(blockSize, "blockSize");
        if (nEmbd % nHead != 0) {
            throw new IllegalArgumentException("nEmbd must be a multiple of nHead (each head gets nEmbd / nHead"
                    + " entries), but got nEmbd = " + nEmbd + " and nHead = " + nHead + ".");
        }
    }

    /** The default configuration (n_embd 16, 4 heads, 1 layer, block size 16) for a vocabulary. */
    public static GptConfig defaults(int vocabSize) {
        return new GptConfig(vocabSize, DEFAULT_N_EMBD, DEFAULT_N_HEAD, DEFAULT_N_LAYER, DEFAULT_BLOCK_SIZE);
    }

    /** The width of one head: nEmbd / nHead. */
    public int headDim() {
        return nEmbd / nHead;
    }

    private static void positive(int n, String name) {
        if (n <= 0) {
            throw new IllegalArgumentException(name + " must be at least 1, but got " + n + ".");
        }
    }
}
