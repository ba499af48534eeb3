// Planted bug: softmaxBackward sums the upstream gradients without weighting them by p_j
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
        double m = max(scores);
        double[] p = new double[scores.length];
        double total = 0.0;
        for (int i = 0; i < scores.length; i++) {
            p[i] = Math.exp(scores[i] - m);
            total += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= total;
        }
        return p;
    }

    /** −log softmax(scores)[target], computed without overflow. */
    public static double crossEntropy(double[] scores, int target) {
        if (target < 0 || target >= scores.length) {
            throw new IllegalArgumentException("The target must be an index from 0 to " + (scores.length - 1)
                    + ", but got " + target + ".");
        }
        double m = max(scores);
        double total = 0.0;
        for (double z : scores) {
            total += Math.exp(z - m);
        }
        return Math.log(total) + m - scores[target];
    }

    /** ∂L/∂z from p = softmax(z) and upstream gradients g = ∂L/∂p: pᵢ·(gᵢ − Σⱼ gⱼ·pⱼ). */
    public static double[] softmaxBackward(double[] probabilities, double[] upstream) {
        double s = 0.0;
        for (int j = 0; j < probabilities.length; j++) {
            s += upstream[j];
        }
        double[] grad = new double[probabilities.length];
        for (int i = 0; i < grad.length; i++) {
            grad[i] = probabilities[i] * (upstream[i] - s);
        }
        return grad;
    }

    /** ∂L/∂z for L = upstream · crossEntropy(scores, target): upstream · (softmax(z)ᵢ − [i = target]). */
    public static double[] crossEntropyBackward(double[] scores, int target, double upstream) {
        if (target < 0 || target >= scores.length) {
            throw new IllegalArgumentException("The target must be an index from 0 to " + (scores.length - 1)
                    + ", but got " + target + ".");
        }
        double[] grad = softmax(scores);
        grad[target] -= 1.0;
        for (int i = 0; i < grad.length; i++) {
            grad[i] *= upstream;
        }
        return grad;
    }

    private static double max(double[] scores) {
        if (scores.length == 0) {
            throw new IllegalArgumentException("softmax needs at least one score, but got none.");
        }
        double m = scores[0];
        for (double z : scores) {
            m = Math.max(m, z);
        }
        return m;
    }
}
