package gradkit.nn;

import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * One neuron: a weighted sum of its inputs plus a bias, passed through an activation.
 *
 * <pre>
 *   out = activation(b + w1*x1 + w2*x2 + ... + wn*xn)
 * </pre>
 *
 * The sum is one {@code sum} node that adds left to right from the bias, exactly the order of
 * micrograd's {@code sum((wi*xi for ...), self.b)}, so the same weights and inputs give the same
 * numbers to the last bit.
 *
 * <pre>{@code
 * Neuron n = new Neuron(2, Activation.RELU, new Random(42));
 * Value out = n.forward(1.0, -2.0);
 * out.backward();
 * n.weights().get(0).grad();   // x1 = 1.0 if the neuron is active, else 0.0
 * }</pre>
 */
public final class Neuron implements Module {

    private final Value[] weights;
    private final Value bias;
    private final Activation activation;

    /**
     * A neuron with {@code nin} inputs. Draws the {@code nin} weights, then the bias, each uniform in
     * [-1, 1) from {@code rng} (as {@code rng.nextDouble() * 2 - 1}), in that order.
     *
     * @throws IllegalArgumentException if {@code nin <= 0}, or {@code activation} or {@code rng} is null
     */
    public Neuron(int nin, Activation activation, Random rng) {
        if (nin <= 0) {
            throw new IllegalArgumentException("A neuron needs at least 1 input, but got nin = " + nin + ".");
        }
        if (activation == null) {
            throw new IllegalArgumentException("A neuron needs an activation (for example Activation.RELU), but got null.");
        }
        if (rng == null) {
            throw new IllegalArgumentException("A neuron needs a java.util.Random to draw its weights from, but got null.");
        }
        this.activation = activation;
        this.weights = new Value[nin];
        for (int i = 0; i < nin; i++) {
            weights[i] = Value.of(rng.nextDouble() * 2 - 1);
        }
        this.bias = Value.of(rng.nextDouble() * 2 - 1);
    }

    /** The output for inputs that are themselves values (so gradients flow into them too). */
    public Value forward(Value... x) {
        checkInputCount(x == null ? 0 : x.length);
        // terms = [b, w1*x1, ..., wn*xn], added left to right in one node.
        Value[] terms = new Value[weights.length + 1];
        terms[0] = bias;
        for (int i = 0; i < weights.length; i++) {
            terms[i + 1] = weights[i].mul(x[i]);
        }
        return activation.apply(Value.sum(terms));
    }

    /** The output for plain numbers; each becomes a leaf {@code Value}. */
    public Value forward(double... x) {
        checkInputCount(x == null ? 0 : x.length);
        return forward(Value.all(x));
    }

    /** The weights, one per input, in order (live values). */
    public List<Value> weights() {
        return Collections.unmodifiableList(java.util.Arrays.asList(weights));
    }

    /** The bias (a live value). */
    public Value bias() {
        return bias;
    }

    /** The number of inputs. */
    public int nin() {
        return weights.length;
    }

    /** The activation applied to the weighted sum. */
    public Activation activation() {
        return activation;
    }

    /** The weights, then the bias. */
    @Override
    public List<Value> parameters() {
        List<Value> parameters = new ArrayList<>(weights.length + 1);
        Collections.addAll(parameters, weights);
        parameters.add(bias);
        return parameters;
    }

    /** Like micrograd: {@code ReLUNeuron(2)}. */
    @Override
    public String toString() {
        return activation.displayName() + "Neuron(" + weights.length + ")";
    }

    private void checkInputCount(int got) {
        if (got != weights.length) {
            throw new IllegalArgumentException("This neuron takes " + weights.length + " inputs, but got " + got + ".");
        }
    }
}
