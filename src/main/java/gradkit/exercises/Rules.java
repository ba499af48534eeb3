package gradkit.exercises;

import java.util.Objects;

/**
 * Four operations on {@link Scalar} with correct backward rules: the rules exercise 12 asks you to
 * test. Each operation computes its result, creates the output {@code out} and installs the rule
 * that {@code out.backwardStep()} runs: it adds (+=) to each input's grad the local derivative times
 * {@code out.grad()}, the upstream gradient.
 * <ul>
 *   <li>{@code sigmoid(x)} = 1 / (1 + e^{−x}); its derivative is s·(1 − s), s = sigmoid(x);</li>
 *   <li>{@code div(a, b)} = a / b; ∂/∂a = 1/b, ∂/∂b = −a/b²;</li>
 *   <li>{@code max(a, b)}: the larger input gets the whole upstream gradient, the other none; at a tie
 *       (a = b, where max has no derivative) each gets half, the library's convention (1/k to each of
 *       k tied inputs), a valid subgradient: the two shares are in [0, 1] and add up to 1;</li>
 *   <li>{@code softmax(z₁..zₙ)} = (p₁..pₙ), pᵢ = e^{zᵢ} / Σⱼ e^{zⱼ}; each output pᵢ has its own rule:
 *       ∂pᵢ/∂zⱼ = pᵢ·([i = j] − pⱼ).</li>
 * </ul>
 *
 * <pre>{@code
 * Scalar a = new Scalar(3.0);
 * Scalar b = new Scalar(2.0);
 * Scalar q = Rules.div(a, b);       // q.data() == 1.5
 * q.setGrad(4.0);                   // the upstream gradient
 * q.backwardStep();                 // a.grad() == 4 / 2 == 2.0, b.grad() == -4 * 3 / 4 == -3.0
 * }</pre>
 */
public final class Rules {
    private Rules() {
    }

    /** sigmoid(x) = 1 / (1 + e^{−x}), with its backward rule. */
    public static Scalar sigmoid(Scalar x) {
        Objects.requireNonNull(x, "sigmoid needs a Scalar, but got null.");
        double s = 1.0 / (1.0 + Math.exp(-x.data()));
        Scalar out = new Scalar(s, "sigmoid", x);
        out.setBackward(() -> {
            x.setGrad(x.grad() + s * (1.0 - s) * out.grad());
        });
        return out;
    }

    /** a / b, with its backward rule. */
    public static Scalar div(Scalar a, Scalar b) {
        Objects.requireNonNull(a, "div needs two Scalars, but the first is null.");
        Objects.requireNonNull(b, "div needs two Scalars, but the second is null.");
        Scalar out = new Scalar(a.data() / b.data(), "/", a, b);
        out.setBackward(() -> {
            a.setGrad(a.grad() + out.grad() / b.data());
            b.setGrad(b.grad() - a.data() / (b.data() * b.data()) * out.grad());
        });
        return out;
    }

    /** max(a, b), with its backward rule: half the upstream gradient to each input at a tie. */
    public static Scalar max(Scalar a, Scalar b) {
        Objects.requireNonNull(a, "max needs two Scalars, but the first is null.");
        Objects.requireNonNull(b, "max needs two Scalars, but the second is null.");
        Scalar out = new Scalar(Math.max(a.data(), b.data()), "max", a, b);
        out.setBackward(() -> {
            double shareOfA = a.data() > b.data() ? 1.0 : a.data() < b.data() ? 0.0 : 0.5;
            a.setGrad(a.grad() + shareOfA * out.grad());
            b.setGrad(b.grad() + (1.0 - shareOfA) * out.grad());
        });
        return out;
    }

    /** softmax(z), computed with the largest score subtracted first; each output with its backward rule. */
    public static Scalar[] softmax(Scalar... z) {
        Objects.requireNonNull(z, "softmax needs Scalars, but got null.");
        if (z.length == 0) {
            throw new IllegalArgumentException("softmax needs at least one Scalar, but got none.");
        }
        Scalar[] inputs = z.clone();   // the rules keep these, whatever the caller does to its array later
        for (Scalar zi : inputs) {
            Objects.requireNonNull(zi, "softmax needs Scalars, but one of them is null.");
        }
        double m = Double.NEGATIVE_INFINITY;
        for (Scalar zi : inputs) {
            m = Math.max(m, zi.data());
        }
        double[] p = new double[inputs.length];
        double total = 0.0;
        for (int i = 0; i < inputs.length; i++) {
            p[i] = Math.exp(inputs[i].data() - m);
            total += p[i];
        }
        for (int i = 0; i < inputs.length; i++) {
            p[i] /= total;
        }
        Scalar[] out = new Scalar[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            out[i] = new Scalar(p[i], "softmax", inputs);
            out[i].setBackward(softmaxRule(inputs, p, out[i], i));
        }
        return out;
    }

    /** The backward rule of output i of softmax: zⱼ.grad += out.grad · pᵢ·([i = j] − pⱼ). */
    private static Runnable softmaxRule(Scalar[] z, double[] p, Scalar out, int i) {
        return () -> {
            for (int j = 0; j < z.length; j++) {
                double local = p[i] * ((i == j ? 1.0 : 0.0) - p[j]);
                z[j].setGrad(z[j].grad() + local * out.grad());
            }
        };
    }
}
