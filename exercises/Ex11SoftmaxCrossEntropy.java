package gradkit.exercises;

/**
 * Exercise 11: the backward rules of softmax and of cross-entropy (notebook 07).
 *
 * <p>A GPT turns scores (logits) z₁..zₙ into probabilities with the softmax,
 * pᵢ = e^{zᵢ} / Σⱼ e^{zⱼ}, and is trained on the cross-entropy of the right token t,
 * L = −log p_t = log Σⱼ e^{zⱼ} − z_t. Write both, and their backward rules, on plain numbers:
 * <ul>
 *   <li>{@link #softmax}: subtract the largest score first (e^{1000} overflows to infinity, but
 *       softmax(z) = softmax(z − c) for any constant c);</li>
 *   <li>{@link #crossEntropy}: log Σⱼ e^{zⱼ − m} + m − z_t with m the largest score, finite even for
 *       scores of 1000; refuse a target outside 0..n−1 with {@link IllegalArgumentException};</li>
 *   <li>{@link #softmaxBackward}: given p = softmax(z) and the upstream gradients gᵢ = ∂L/∂pᵢ
 *       (any numbers, one per output), return ∂L/∂zᵢ = pᵢ·(gᵢ − Σⱼ gⱼ·pⱼ): each pᵢ depends on every
 *       zⱼ, through the common denominator;</li>
 *   <li>{@link #crossEntropyBackward}: ∂L/∂zᵢ for L = upstream · crossEntropy(z, t):
 *       upstream · (pᵢ − [i = t]), the famous "probabilities minus one-hot".</li>
 * </ul>
 *
 * <p>Example: scores (0, 0) and target 1 give p = (0.5, 0.5), a loss of log 2 and gradients
 * (0.5, −0.5).
 */
public final class Ex11SoftmaxCrossEntropy {
    private Ex11SoftmaxCrossEntropy() {
    }

    /** pᵢ = e^{zᵢ − m} / Σⱼ e^{zⱼ − m}, m = max z. */
    public static double[] softmax(double[] scores) {
        throw new UnsupportedOperationException("TODO: find the largest score m, then e^(z_i - m) for every i, divided by their sum");
    }

    /** −log softmax(scores)[target], computed without overflow. */
    public static double crossEntropy(double[] scores, int target) {
        throw new UnsupportedOperationException("TODO: check the target, then log(sum of e^(z_j - m)) + m - z_target");
    }

    /** ∂L/∂z from p = softmax(z) and upstream gradients g = ∂L/∂p: pᵢ·(gᵢ − Σⱼ gⱼ·pⱼ). */
    public static double[] softmaxBackward(double[] probabilities, double[] upstream) {
        throw new UnsupportedOperationException("TODO: s = sum of g_j * p_j; then p_i * (g_i - s) for every i");
    }

    /** ∂L/∂z for L = upstream · crossEntropy(scores, target): upstream · (softmax(z)ᵢ − [i = target]). */
    public static double[] crossEntropyBackward(double[] scores, int target, double upstream) {
        throw new UnsupportedOperationException("TODO: p = softmax(scores); subtract 1 at the target; multiply everything by upstream");
    }
}
