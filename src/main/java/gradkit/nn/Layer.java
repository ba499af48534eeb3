package gradkit.nn;

import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A row of neurons that all see the same inputs; the layer's outputs are their outputs.
 *
 * <pre>{@code
 * Layer layer = new Layer(2, 3, Activation.RELU, new Random(1));
 * Value[] out = layer.forward(0.5, -1.0);   // 3 values
 * layer.parameterCount();                   // 3 * (2 + 1) = 9
 * }</pre>
 */
public final class Layer implements Module {

    private final Neuron[] neurons;
    private final int nin;

    /**
     * {@code nout} neurons with {@code nin} inputs each, created one after another from {@code rng}.
     *
     * @throws IllegalArgumentException if {@code nin <= 0} or {@code nout <= 0}
     */
    public Layer(int nin, int nout, Activation activation, Random rng) {
        if (nin <= 0) {
            throw new IllegalArgumentException("A layer needs at least 1 input, but got nin = " + nin + ".");
        }
        if (nout <= 0) {
            throw new IllegalArgumentException("A layer needs at least 1 neuron, but got nout = " + nout + ".");
        }
        this.nin = nin;
        this.neurons = new Neuron[nout];
        for (int i = 0; i < nout; i++) {
            neurons[i] = new Neuron(nin, activation, rng);
        }
    }

    /** Each neuron's output, in order. */
    public Value[] forward(Value... x) {
        checkInputCount(x == null ? 0 : x.length);
        Value[] out = new Value[neurons.length];
        for (int i = 0; i < neurons.length; i++) {
            out[i] = neurons[i].forward(x);
        }
        return out;
    }

    /** Each neuron's output for plain-number inputs (one leaf per number, shared by all neurons). */
    public Value[] forward(double... x) {
        checkInputCount(x == null ? 0 : x.length);
        return forward(Value.all(x));
    }

    /** The neurons, in order. */
    public List<Neuron> neurons() {
        return List.of(neurons);
    }

    /** The number of inputs of every neuron. */
    public int nin() {
        return nin;
    }

    /** The number of neurons, which is the number of outputs. */
    public int nout() {
        return neurons.length;
    }

    /** The activation of this layer's neurons. */
    public Activation activation() {
        return neurons[0].activation();
    }

    /** Neuron by neuron: each neuron's weights, then its bias. */
    @Override
    public List<Value> parameters() {
        List<Value> parameters = new ArrayList<>(neurons.length * (nin + 1));
        for (Neuron neuron : neurons) {
            parameters.addAll(neuron.parameters());
        }
        return parameters;
    }

    /** A compact form: {@code Layer of 16 ReLUNeuron(2)}. */
    @Override
    public String toString() {
        return "Layer of " + neurons.length + " " + neurons[0];
    }

    private void checkInputCount(int got) {
        if (got != nin) {
            throw new IllegalArgumentException("This layer takes " + nin + " inputs, but got " + got + ".");
        }
    }
}
