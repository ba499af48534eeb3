package gradkit.exercises;

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

    /** What a wrong output looks like, when it is one of the usual mistakes. */
    private static String why(Ex07NeuronAndLayer.Neuron n, double[] x, double got, boolean relu) {
        double sum = n.bias().data();
        for (int i = 0; i < x.length; i++) {
            sum += n.weights().get(i).data() * x[i];
        }
        double withoutBias = sum - n.bias().data();
        if (Math.abs(got - withoutBias) < 1e-12 || Math.abs(got - Math.max(0, withoutBias)) < 1e-12 && relu) {
            return "that is the sum WITHOUT the bias (" + n.bias().data() + "): start the sum from the bias.";
        }
        if (!relu && got == 0 && sum < 0) {
            return "0 came where the sum is " + sum + ": this neuron is linear, so no relu.";
        }
        if (relu && Math.abs(got - sum) < 1e-12 && sum < 0) {
            return "that is the sum itself (" + sum + "); a relu neuron gives relu(sum) = 0 here.";
        }
        return relu ? "relu of (bias + w_1 x_1 + ... + w_n x_n): the activation comes once, after the whole sum."
                : "bias + w_1 x_1 + ... + w_n x_n, no activation.";
    }

    @Test
    @Points(2)
    @DisplayName("linear neuron: b + w . x")
    void linearNeuron() {
        double[] x = {0.5, -2.0, 1.5};
        for (long seed : new long[] {7, 1, 2, 3}) {
            Ex07NeuronAndLayer.Neuron n = new Ex07NeuronAndLayer.Neuron(3, false, new Random(seed));
            double got = n.forward(Value.all(x)).data();
            Feedback.near(libraryNeuron(3, Activation.LINEAR, seed, x), got, 1e-12, "a linear neuron (weights "
                    + values(n.weights()) + ", bias " + n.bias().data() + ") at x = (0.5, -2, 1.5)", why(n, x, got, false));
        }
    }

    private static String values(List<Value> vs) {
        return vs.stream().map(v -> Double.toString(v.data())).toList().toString();
    }

    @Test
    @Points(1)
    @DisplayName("relu neuron: relu(b + w . x), zero when negative")
    void reluNeuron() {
        for (long seed = 1; seed <= 6; seed++) {
            Ex07NeuronAndLayer.Neuron n = new Ex07NeuronAndLayer.Neuron(2, true, new Random(seed));
            double[] x = {1.0, -1.0};
            double got = n.forward(Value.all(x)).data();
            Feedback.near(libraryNeuron(2, Activation.RELU, seed, x), got, 1e-12, "a relu neuron (weights "
                    + values(n.weights()) + ", bias " + n.bias().data() + ") at x = (1, -1)", why(n, x, got, true));
        }
    }

    @Test
    @Points(2)
    @DisplayName("gradients reach the weights, the bias and the inputs")
    void gradientsFlow() {
        Ex07NeuronAndLayer.Neuron n = new Ex07NeuronAndLayer.Neuron(2, false, new Random(3));
        Value[] x = Value.all(0.25, -4.0);
        n.forward(x).backward();
        String what = "after backward() of a linear neuron at x = (0.25, -4): ";
        String hint = "build the output from the neuron's own weight and bias Values (w.mul(x)), not from copies"
                + " of their data(), so that backward() reaches them.";
        Feedback.gradient(0.25, n.weights().get(0).grad(), 0, 1, what + "d out / d w0 (= x0)", hint);
        Feedback.gradient(-4.0, n.weights().get(1).grad(), 0, 1, what + "d out / d w1 (= x1)", hint);
        Feedback.gradient(1.0, n.bias().grad(), 0, 1, what + "d out / d b", hint);
        Feedback.gradient(n.weights().get(1).data(), x[1].grad(), 0, 1, what + "d out / d x1 (= w1)", hint);
    }

    @Test
    @Points(1)
    @DisplayName("parameters(): weights then bias, the same objects")
    void neuronParameters() {
        Ex07NeuronAndLayer.Neuron n = new Ex07NeuronAndLayer.Neuron(3, true, new Random(11));
        List<Value> p = n.parameters();
        Feedback.check(p.size() == 4, "parameters() of a neuron with 3 inputs gave " + p.size() + " Values; expected"
                + " 4.", "the 3 weights, then the bias.");
        for (int i = 0; i < 3; i++) {
            int k = i;
            Feedback.check(p.get(k) == n.weights().get(k), "parameters().get(" + k + ") is " + p.get(k)
                    + ", not weight " + k + " itself (" + n.weights().get(k) + ").", p.get(k) == n.bias()
                    ? "the weights come first, then the bias." : "return the neuron's own Value objects (not"
                    + " new Values with the same data), so that training changes the neuron.");
        }
        Feedback.check(p.get(3) == n.bias(), "parameters().get(3) is " + p.get(3) + ", not the bias itself.",
                "the bias comes last, as the very object the neuron holds.");
    }

    @Test
    @Points(1)
    @DisplayName("wrong number of inputs: IllegalArgumentException")
    void wrongInputCount() {
        Ex07NeuronAndLayer.Neuron n = new Ex07NeuronAndLayer.Neuron(3, false, new Random(1));
        for (double[] x : new double[][] {{1.0, 2.0}, {1.0, 2.0, 3.0, 4.0}, {}}) {
            String outcome;
            try {
                Value out = n.forward(Value.all(x));
                outcome = "it returned " + out.data();
            } catch (IllegalArgumentException expected) {
                continue;
            } catch (UnsupportedOperationException todo) {
                throw todo;                 // not written yet: the grader reports the TODO as it is
            } catch (RuntimeException other) {
                outcome = "it threw " + other;
            }
            Feedback.check(false, "a 3-input neuron given " + x.length + " inputs must refuse with"
                    + " IllegalArgumentException, but " + outcome + ".", "compare x.length with the number of"
                    + " weights first, and refuse too many inputs as well as too few.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("layer: one output per neuron, parameters neuron after neuron")
    void layer() {
        Ex07NeuronAndLayer.Layer layer = new Ex07NeuronAndLayer.Layer(2, 3, true, new Random(5));
        double[] x = {0.3, -0.8};
        Value[] out = layer.forward(Value.all(x));
        Feedback.check(out.length == 3, "a layer of 3 neurons gave " + out.length + " outputs.", "one output per neuron.");
        Value[] expected = new gradkit.nn.Layer(2, 3, Activation.RELU, new Random(5)).forward(x);
        for (int i = 0; i < 3; i++) {
            boolean neuronAgrees = Math.abs(out[i].data() - expected[i].data()) > 1e-12     // asked only on a failure
                    && out[i].data() == layer.neurons().get(i).forward(Value.all(x)).data();
            Feedback.near(expected[i].data(), out[i].data(), 1e-12, "output " + i + " of a relu layer of 3 neurons"
                    + " at x = (0.3, -0.8)", neuronAgrees ? "this is what your neuron " + i + " computes, so the"
                    + " neuron's forward is off (see the neuron tests), not the layer."
                    : "out[i] is neuron i's forward(x); every neuron reads the same x.");
        }
        List<Value> p = layer.parameters();
        Feedback.check(p.size() == 9, "parameters() of a layer of 3 neurons with 2 inputs gave " + p.size()
                + " Values; expected 9.", "every neuron's parameters(), weights AND bias, neuron after neuron.");
        Value weight = layer.neurons().get(1).weights().get(0);
        Feedback.check(p.get(3) == weight, "parameters().get(3) is " + p.get(3) + ", not neuron 1's first weight "
                + weight + " itself.", p.get(3).data() == weight.data() ? "a copy with the same data: return the"
                + " neurons' own Value objects (the neuron's parameters() is tested on its own too)."
                : "neuron 0's 3 parameters come first, then neuron 1's.");
        Feedback.check(p.get(8) == layer.neurons().get(2).bias(), "the last parameter is not the last neuron's bias.",
                "neuron after neuron, each with its weights and then its bias.");
    }
}
