// Planted bug: The neuron applies relu whether or not it has the activation.
package gradkit.exercises;

import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Exercise 07: a neuron and a layer (notebook 05), with the library's {@link Value}.
 *
 * <p>A neuron with weights w₁..wₙ and bias b computes act(b + w₁x₁ + ... + wₙxₙ), where act is relu
 * or the identity. A layer is a list of neurons that all read the same inputs. The constructors
 * (random parameters, weights first and then the bias, each uniform in [-1, 1]) are given.
 * <ul>
 *   <li>{@link Neuron#forward}: the sum as ONE node, {@code Value.sum(b, w1.mul(x1), ...)} (bias
 *       first), then relu if the neuron has one; throw {@link IllegalArgumentException} when the
 *       number of inputs is not the neuron's;</li>
 *   <li>{@link Neuron#parameters}: the weights in order, then the bias (the very same Value
 *       objects, so that training changes the neuron);</li>
 *   <li>{@link Layer#forward}: one output per neuron; {@link Layer#parameters}: every neuron's
 *       parameters, neuron after neuron.</li>
 * </ul>
 *
 * <p>Example: a linear neuron with weights (2, -1) and bias 0.5 maps (1, 3) to 0.5 + 2 - 3 = -0.5.
 */
public final class Ex07NeuronAndLayer {
    private Ex07NeuronAndLayer() {
    }

    /** One neuron: act(b + sum of w_i x_i). */
    public static final class Neuron {
        private final List<Value> weights = new ArrayList<>();
        private final Value bias;
        private final boolean relu;

        /** nin random weights then a random bias, each uniform in [-1, 1] (given). */
        public Neuron(int nin, boolean relu, Random rng) {
            for (int i = 0; i < nin; i++) {
                weights.add(Value.of(rng.nextDouble() * 2 - 1, "w" + i));
            }
            this.bias = Value.of(rng.nextDouble() * 2 - 1, "b");
            this.relu = relu;
        }

        /** The weights, in input order (given). */
        public List<Value> weights() {
            return weights;
        }

        /** The bias (given). */
        public Value bias() {
            return bias;
        }

        /** act(Value.sum(b, w1*x1, ..., wn*xn)); IllegalArgumentException if x.length differs from nin. */
        public Value forward(Value... x) {
            if (x.length != weights.size()) {
                throw new IllegalArgumentException("This neuron takes " + weights.size()
                        + " inputs, but got " + x.length + ".");
            }
            List<Value> terms = new ArrayList<>();
            terms.add(bias);
            for (int i = 0; i < x.length; i++) {
                terms.add(weights.get(i).mul(x[i]));
            }
            Value sum = Value.sum(terms);
            return sum.relu();
        }

        /** The weights, then the bias. */
        public List<Value> parameters() {
            List<Value> parameters = new ArrayList<>(weights);
            parameters.add(bias);
            return parameters;
        }
    }

    /** Neurons that read the same inputs. */
    public static final class Layer {
        private final List<Neuron> neurons = new ArrayList<>();

        /** nout neurons with nin inputs each, created one after the other from rng (given). */
        public Layer(int nin, int nout, boolean relu, Random rng) {
            for (int i = 0; i < nout; i++) {
                neurons.add(new Neuron(nin, relu, rng));
            }
        }

        /** The neurons (given). */
        public List<Neuron> neurons() {
            return neurons;
        }

        /** Each neuron's output for the same inputs x, in neuron order. */
        public Value[] forward(Value... x) {
            Value[] out = new Value[neurons.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = neurons.get(i).forward(x);
            }
            return out;
        }

        /** Every neuron's parameters, neuron after neuron. */
        public List<Value> parameters() {
            List<Value> parameters = new ArrayList<>();
            for (Neuron n : neurons) {
                parameters.addAll(n.parameters());
            }
            return parameters;
        }
    }
}
