package gradkit.nn;

import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A multi-layer perceptron: layers of neurons, each layer's outputs feeding the next layer.
 *
 * <p>{@code new MLP(2, 16, 16, 1)} takes 2 inputs, has two hidden layers of 16 relu neurons and one
 * linear output neuron, as micrograd's {@code MLP(2, [16, 16, 1])}.
 *
 * <pre>{@code
 * MLP model = MLP.withSeed(42, 2, 16, 16, 1); // a seed, then nin, then the layer sizes
 * Value score = model.score(0.5, -0.3);     // the single output
 * model.parameterCount();                   // 2*16+16 + 16*16+16 + 16*1+1 = 337
 * }</pre>
 *
 * <p>Weights are drawn from a {@link Random} seeded with {@link #DEFAULT_SEED} unless you give
 * another seed or your own {@code Random}, so the same code always builds the same network.
 */
public final class MLP implements Module {

    /** The seed used by {@link #MLP(int, int...)}: the same code always builds the same network. */
    public static final long DEFAULT_SEED = 1L;

    private final int nin;
    private final int[] sizes;
    private final Layer[] layers;
    private final Activation hidden;
    private final Activation output;

    /**
     * An MLP with relu hidden layers and a linear output layer, weights drawn with {@link #DEFAULT_SEED}.
     *
     * @param nin   the number of inputs
     * @param sizes the number of neurons in each layer, the last being the number of outputs
     */
    public MLP(int nin, int... sizes) {
        this(new Random(DEFAULT_SEED), Activation.RELU, Activation.LINEAR, nin, sizes);
    }

    /**
     * An MLP with relu hidden layers and a linear output layer, weights drawn with {@code seed}.
     * A named factory rather than a constructor, so that a seed can never be mistaken for nin.
     *
     * <pre>{@code MLP model = MLP.withSeed(7, 2, 16, 16, 1);   // same seed, same weights }</pre>
     */
    public static MLP withSeed(long seed, int nin, int... sizes) {
        return new MLP(new Random(seed), Activation.RELU, Activation.LINEAR, nin, sizes);
    }

    /**
     * An MLP with the given activations for the hidden layers and for the output layer, weights
     * drawn from {@code rng} layer by layer, neuron by neuron (weights, then bias).
     *
     * @throws IllegalArgumentException if {@code nin <= 0}, there are no sizes, or a size is {@code <= 0}
     */
    public MLP(Random rng, Activation hidden, Activation output, int nin, int... sizes) {
        if (rng == null) {
            throw new IllegalArgumentException("An MLP needs a java.util.Random to draw its weights from, but got null.");
        }
        if (hidden == null || output == null) {
            throw new IllegalArgumentException("An MLP needs a hidden and an output activation, but got "
                    + hidden + " and " + output + ".");
        }
        if (nin <= 0) {
            throw new IllegalArgumentException("An MLP needs at least 1 input, but got nin = " + nin + ".");
        }
        if (sizes == null || sizes.length == 0) {
            throw new IllegalArgumentException("An MLP needs at least one layer size, such as new MLP(2, 16, 16, 1), but got none.");
        }
        for (int i = 0; i < sizes.length; i++) {
            if (sizes[i] <= 0) {
                throw new IllegalArgumentException("Every layer needs at least 1 neuron, but layer " + i + " has size "
                        + sizes[i] + ".");
            }
        }
        this.nin = nin;
        this.sizes = sizes.clone();
        this.hidden = hidden;
        this.output = output;
        this.layers = new Layer[sizes.length];
        int inputs = nin;
        for (int i = 0; i < sizes.length; i++) {
            boolean last = i == sizes.length - 1;
            layers[i] = new Layer(inputs, sizes[i], last ? output : hidden, rng);
            inputs = sizes[i];
        }
    }

    /** The outputs of the last layer for inputs that are values. */
    public Value[] forward(Value... x) {
        checkInputCount(x == null ? 0 : x.length);
        Value[] activations = x;
        for (Layer layer : layers) {
            activations = layer.forward(activations);
        }
        return activations;
    }

    /** The outputs of the last layer for plain-number inputs. */
    public Value[] forward(double... x) {
        checkInputCount(x == null ? 0 : x.length);
        return forward(Value.all(x));
    }

    /**
     * The single output of a network with one output neuron, such as a classifier's score.
     *
     * @throws IllegalStateException if the network has more than one output
     */
    public Value score(double... x) {
        if (sizes[sizes.length - 1] != 1) {
            throw new IllegalStateException("score() is for a network with 1 output, but this one has "
                    + sizes[sizes.length - 1] + " outputs; use forward() instead.");
        }
        return forward(x)[0];
    }

    /** The layers, input side first. */
    public List<Layer> layers() {
        return List.of(layers);
    }

    /** The number of inputs. */
    public int nin() {
        return nin;
    }

    /** The number of neurons in each layer (a copy). */
    public int[] sizes() {
        return sizes.clone();
    }

    /** The activation of every layer but the last. */
    public Activation hiddenActivation() {
        return hidden;
    }

    /** The activation of the last layer. */
    public Activation outputActivation() {
        return output;
    }

    /** Layer by layer, neuron by neuron, each neuron's weights then its bias. */
    @Override
    public List<Value> parameters() {
        List<Value> parameters = new ArrayList<>();
        for (Layer layer : layers) {
            parameters.addAll(layer.parameters());
        }
        return parameters;
    }

    /** A compact form: {@code MLP(2 -> 16 ReLU -> 16 ReLU -> 1 Linear, 337 parameters)}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("MLP(").append(nin);
        for (Layer layer : layers) {
            text.append(" -> ").append(layer.nout()).append(' ').append(layer.activation().displayName());
        }
        return text.append(", ").append(parameterCount()).append(" parameters)").toString();
    }

    private void checkInputCount(int got) {
        if (got != nin) {
            throw new IllegalArgumentException("This MLP takes " + nin + " inputs, but got " + got + ".");
        }
    }
}
