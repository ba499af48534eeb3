package gradkit.nn;

import gradkit.engine.Value;
import java.util.List;

/**
 * Plain stochastic gradient descent: move every parameter a small step against its gradient.
 *
 * <pre>{@code
 * SGD sgd = new SGD(model.parameters());
 * sgd.zeroGrad();
 * loss.backward();
 * sgd.step(0.1);        // p.data -= 0.1 * p.grad, for every parameter
 * }</pre>
 */
public final class SGD {

    private final List<Value> parameters;

    /** An optimizer for these parameters (the live values, as {@link Module#parameters()} gives them). */
    public SGD(List<Value> parameters) {
        if (parameters == null) {
            throw new IllegalArgumentException("SGD needs a list of parameters, but got null.");
        }
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i) == null) {
                throw new IllegalArgumentException("SGD got null as parameter " + i + ".");
            }
        }
        this.parameters = List.copyOf(parameters);
    }

    /**
     * One step downhill: {@code p.data -= learningRate * p.grad} for every parameter.
     *
     * @throws IllegalArgumentException if {@code learningRate} is NaN or infinite
     */
    public void step(double learningRate) {
        if (!Double.isFinite(learningRate)) {
            throw new IllegalArgumentException("SGD needs a finite learning rate, but got " + learningRate + ".");
        }
        for (Value p : parameters) {
            p.setData(p.data() - learningRate * p.grad());
        }
    }

    /** Sets every parameter's gradient to 0; call it before each {@code backward()}, since gradients add up. */
    public void zeroGrad() {
        for (Value p : parameters) {
            p.setGrad(0.0);
        }
    }

    /** The parameters this optimizer updates. */
    public List<Value> parameters() {
        return parameters;
    }
}
