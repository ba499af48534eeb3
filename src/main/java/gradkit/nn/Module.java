package gradkit.nn;

import gradkit.engine.Value;
import java.util.List;

/**
 * Anything with trainable parameters: a {@link Neuron}, a {@link Layer}, an {@link MLP}.
 *
 * <pre>{@code
 * MLP model = new MLP(2, 16, 16, 1);
 * model.parameterCount();   // 337
 * model.zeroGrad();         // every weight's and bias's grad back to 0
 * }</pre>
 *
 * <p>The name is micrograd's, and it clashes with {@code java.lang.Module}: after
 * {@code import gradkit.nn.*;} the bare name {@code Module} is ambiguous. Import it by name,
 * {@code import gradkit.nn.Module;}, which wins over {@code java.lang}, or write {@code gradkit.nn.Module}.
 */
public interface Module {

    /**
     * The parameters in a fixed order: layer by layer, neuron by neuron, and within a neuron its
     * weights first, then its bias. The list holds the live values, so an optimizer can change them.
     */
    List<Value> parameters();

    /** Sets the gradient of every parameter to 0, as before each new backward pass. */
    default void zeroGrad() {
        for (Value p : parameters()) {
            p.setGrad(0.0);
        }
    }

    /** The number of parameters. */
    default int parameterCount() {
        return parameters().size();
    }
}
