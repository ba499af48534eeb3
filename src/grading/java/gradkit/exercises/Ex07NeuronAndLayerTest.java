package gradkit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gradkit.engine.Value;
import gradkit.grading.Points;
import gradkit.nn.Activation;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise 07 against the library's {@link gradkit.nn.Neuron}: built from the same seeded
 * Random, it draws the same weights and bias in the same order, so the outputs must agree.
 */
class Ex07NeuronAndLayerTest {

    /** The library neuron's output, for the same seed: the same weights, the same order of additions. */
    private static double libraryNeuron(int nin, Activation activation, long seed, double[] x) {
        return new gradkit.nn.Neuron(nin, activation, new Random(seed)).forward(x).data();
    }

    @Test
    @Points(2)
    @DisplayName("linear neuron: b + w . x")
    void linearNeuron() {
        Ex07NeuronAndLayer.Neuron n = new Ex07NeuronAndLayer.Neuron(3, false, new Random(7));
        double[] x = {0.5, -2.0, 1.5};
        double expected = libraryNeuron(3, Activation.LINEAR, 7, x);
        assertEquals(expected, n.forward(Value.all(x)).data(), 1e-12, "a linear neuron's output for x = (0.5, -2,"
                + " 1.5). Hint: start the sum from the bias, add w_i * x_i, no activation.");
    }

    @Test
    @Points(1)
    @DisplayName("relu neuron: relu(b + w . x), zero when negative")
    void reluNeuron() {
        for (long seed = 1; seed <= 6; seed++) {
            Ex07NeuronAndLayer.Neuron n = new Ex07NeuronAndLayer.Neuron(2, true, new Random(seed));
            double[] x = {1.0, -1.0};
            double expected = libraryNeuron(2, Activation.RELU, seed, x);
            long s = seed;
            assertEquals(expected, n.forward(Value.all(x)).data(), 1e-12, () -> "relu neuron (seed " + s
                    + "). Hint: apply relu() to the sum when the neuron has it.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("gradients reach the weights, the bias and the inputs")
    void gradientsFlow() {
        Ex07NeuronAndLayer.Neuron n = new Ex07NeuronAndLayer.Neuron(2, false, new Random(3));
        Value[] x = Value.all(0.25, -4.0);
        n.forward(x).backward();
        assertEquals(0.25, n.weights().get(0).grad(), 1e-12, "d out / d w0 must be x0 = 0.25. Hint: use the"
                + " neuron's own weight Values (w.mul(x)), not copies of their data.");
        assertEquals(-4.0, n.weights().get(1).grad(), 1e-12, "d out / d w1 must be x1 = -4.");
        assertEquals(1.0, n.bias().grad(), 1e-12, "d out / d b must be 1.");
        assertEquals(n.weights().get(1).data(), x[1].grad(), 1e-12, "d out / d x1 must be w1.");
    }

    @Test
    @Points(1)
    @DisplayName("parameters(): weights then bias, the same objects")
    void neuronParameters() {
        Ex07NeuronAndLayer.Neuron n = new Ex07NeuronAndLayer.Neuron(3, true, new Random(11));
        List<Value> p = n.parameters();
        assertEquals(4, p.size(), "a neuron with 3 inputs has 4 parameters.");
        for (int i = 0; i < 3; i++) {
            assertSame(n.weights().get(i), p.get(i), "parameter " + i + " must be weight " + i + " itself.");
        }
        assertSame(n.bias(), p.get(3), "the last parameter must be the bias itself.");
    }

    @Test
    @Points(1)
    @DisplayName("wrong number of inputs: IllegalArgumentException")
    void wrongInputCount() {
        Ex07NeuronAndLayer.Neuron n = new Ex07NeuronAndLayer.Neuron(3, false, new Random(1));
        assertThrows(IllegalArgumentException.class, () -> n.forward(Value.all(1.0, 2.0)),
                "a 3-input neuron given 2 inputs must refuse with IllegalArgumentException. Hint: compare"
                        + " x.length with the number of weights first.");
    }

    @Test
    @Points(2)
    @DisplayName("layer: one output per neuron, parameters neuron after neuron")
    void layer() {
        Ex07NeuronAndLayer.Layer layer = new Ex07NeuronAndLayer.Layer(2, 3, true, new Random(5));
        double[] x = {0.3, -0.8};
        Value[] out = layer.forward(Value.all(x));
        assertEquals(3, out.length, "a layer of 3 neurons has 3 outputs.");
        Value[] expected = new gradkit.nn.Layer(2, 3, Activation.RELU, new Random(5)).forward(x);
        for (int i = 0; i < 3; i++) {
            int k = i;
            assertEquals(expected[k].data(), out[k].data(), 1e-12,
                    () -> "output " + k + " must be neuron " + k + "'s forward (a relu layer). Hint: out[i] ="
                            + " neurons.get(i).forward(x), every neuron reads the same x.");
        }
        List<Value> p = layer.parameters();
        assertEquals(9, p.size(), "3 neurons with 2 inputs each: 9 parameters.");
        assertSame(layer.neurons().get(1).weights().get(0), p.get(3), "parameter 3 must be neuron 1's first weight.");
        assertSame(layer.neurons().get(2).bias(), p.get(8), "the last parameter must be the last neuron's bias.");
    }
}
