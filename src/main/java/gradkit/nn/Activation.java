package gradkit.nn;

import gradkit.engine.Value;

/**
 * The nonlinearity a {@link Neuron} applies to its weighted sum.
 *
 * <pre>{@code
 * Activation.RELU.apply(Value.of(-2.0)).data();   // 0.0
 * Activation.LINEAR.apply(Value.of(-2.0)).data(); // -2.0 (no new node: the same Value)
 * }</pre>
 */
public enum Activation {
    /** max(0, x): the default for hidden layers, as in micrograd. */
    RELU("ReLU"),
    /** tanh(x), between -1 and 1. */
    TANH("Tanh"),
    /** 1/(1+e^-x), between 0 and 1. */
    SIGMOID("Sigmoid"),
    /** x itself: the output layer's default, so that scores can be any number. */
    LINEAR("Linear");

    private final String displayName;

    Activation(String displayName) {
        this.displayName = displayName;
    }

    /** Applies this activation to {@code x}. LINEAR returns {@code x} itself and adds no node. */
    public Value apply(Value x) {
        switch (this) {
            case RELU:
                return x.relu();
            case TANH:
                return x.tanh();
            case SIGMOID:
                return x.sigmoid();
            default:
                return x;
        }
    }

    /** The name used in printouts, as in micrograd's {@code ReLUNeuron(2)}: "ReLU", "Tanh", ... */
    public String displayName() {
        return displayName;
    }
}
