package gradkit.gpt;

import java.util.List;

/**
 * The two simplest language models of the same tokens, to judge a GPT's loss against: a unigram
 * model (each next token drawn from the overall token frequencies, ignoring context) and a bigram
 * model (the next token's frequencies given the previous token only). Both are counted from the
 * documents they are then scored on, so their loss is the best any such model can reach on that data.
 *
 * <p>Both predict the same targets a {@link Gpt} is trained on: in a document of tokens
 * t₀ = BOS, t₁, ..., tₙ = BOS, the token at each position p + 1 for p = 0 .. min(blockSize, n) − 1.
 *
 * <pre>{@code
 * NgramBaseline bigram = NgramBaseline.bigram(tokens, vocabulary.size(), 16);
 * bigram.meanLoss(tokens, 16);   // mean of -log p(next | previous) over every target
 * }</pre>
 */
public final class NgramBaseline {

    private final boolean usesPrevious;
    /** probabilities[previous][next]; a unigram model has one row, used for every previous token. */
    private final double[][] probabilities;

    private NgramBaseline(boolean usesPrevious, double[][] probabilities) {
        this.usesPrevious = usesPrevious;
        this.probabilities = probabilities;
    }

    /** Next-token frequencies over all targets of the documents. */
    public static NgramBaseline unigram(List<int[]> documents, int vocabSize, int blockSize) {
        double[][] counts = new double[1][vocabSize];
        for (int[] tokens : documents) {
            for (int p = 0; p < targets(tokens, blockSize); p++) {
                counts[0][tokens[p + 1]]++;
            }
        }
        return new NgramBaseline(false, normalized(counts));
    }

    /** Next-token frequencies given the previous token, over all targets of the documents. */
    public static NgramBaseline bigram(List<int[]> documents, int vocabSize, int blockSize) {
        double[][] counts = new double[vocabSize][vocabSize];
        for (int[] tokens : documents) {
            for (int p = 0; p < targets(tokens, blockSize); p++) {
                counts[tokens[p]][tokens[p + 1]]++;
            }
        }
        return new NgramBaseline(true, normalized(counts));
    }

    /** The probability this model gives to {@code next} after {@code previous}. */
    public double probability(int previous, int next) {
        return probabilities[usesPrevious ? previous : 0][next];
    }

    /** The mean of −log p(target) over every target of the documents (infinite if one has probability 0). */
    public double meanLoss(List<int[]> documents, int blockSize) {
        double total = 0;
        long count = 0;
        for (int[] tokens : documents) {
            for (int p = 0; p < targets(tokens, blockSize); p++) {
                total -= Math.log(probability(tokens[p], tokens[p + 1]));
                count++;
            }
        }
        return total / count;
    }

    /** The number of targets a document gives: min(blockSize, its length − 1). */
    static int targets(int[] tokens, int blockSize) {
        return Math.min(blockSize, tokens.length - 1);
    }

    private static double[][] normalized(double[][] counts) {
        for (double[] row : counts) {
            double total = 0;
            for (double c : row) {
                total += c;
            }
            for (int j = 0; j < row.length; j++) {
                row[j] = total == 0 ? 0 : row[j] / total;
            }
        }
        return counts;
    }

    @Override
    public String toString() {
        return usesPrevious ? "bigram model" : "unigram model";
    }
}
