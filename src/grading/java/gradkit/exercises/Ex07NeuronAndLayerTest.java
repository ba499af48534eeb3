package gradkit.exercises;

import gradkit.engine.Value;
import gradkit.grading.Points;
import gradkit.grading.client.StudentCode;
import gradkit.grading.client.StudentThrew;
import gradkit.nn.Activation;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise 07 against the library's {@link gradkit.nn.Neuron}: built from the same seeded
 * Random, it draws the same weights and bias in the same order, so the outputs must agree.
 *
 * <p>The student's code runs in a worker JVM ({@link StudentCode}). A neuron is sent as numbers: the
 * library neuron's weights and bias for the seed, and a relu flag (1 or 0); the worker builds the
 * student's Neuron with the given constructor, sets those numbers as its parameters' data, and sends
 * back outputs and gradients. Whether parameters() returns the neuron's own Values comes back as, for
 * each entry, its index among the neuron's weights then bias (neuron after neuron in a layer), or -1
 * for another object.
 */
class Ex07NeuronAndLayerTest {
    private static final double LINEAR = 0.0;
    private static final double RELU = 1.0;
    private final StudentCode student = StudentCode.current();

    /** The library neuron for the seed: the weights and bias the given constructor draws from it. */
    private static gradkit.nn.Neuron libraryNeuron(int nin, Activation activation, long seed) {
        return new gradkit.nn.Neuron(nin, activation, new Random(seed));
    }

    private static double[] weights(gradkit.nn.Neuron n) {
        return n.weights().stream().mapToDouble(Value::data).toArray();
    }

    /** What a wrong output looks like, when it is one of the usual mistakes. */
    private static String why(double[] w, double b, double[] x, double got, boolean relu) {
        double sum = b;
        for (int i = 0; i < x.length; i++) {
            sum += w[i] * x[i];
        }
        double withoutBias = sum - b;
        if (Math.abs(got - withoutBias) < 1e-12 || Math.abs(got - Math.max(0, withoutBias)) < 1e-12 && relu) {
            return "that is the sum WITHOUT the bias (" + b + "): start the sum from the bias.";
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
            gradkit.nn.Neuron library = libraryNeuron(3, Activation.LINEAR, seed);
            double[] w = weights(library);
            double b = library.bias().data();
            double got = student.number("neuronForward", w, b, LINEAR, x);
            Feedback.near(library.forward(x).data(), got, 1e-12, "a linear neuron (weights "
                    + Arrays.toString(w) + ", bias " + b + ") at x = (0.5, -2, 1.5)", why(w, b, x, got, false));
        }
    }

    @Test
    @Points(1)
    @DisplayName("relu neuron: relu(b + w . x), zero when negative")
    void reluNeuron() {
        for (long seed = 1; seed <= 6; seed++) {
            gradkit.nn.Neuron library = libraryNeuron(2, Activation.RELU, seed);
            double[] w = weights(library);
            double b = library.bias().data();
            double[] x = {1.0, -1.0};
            double got = student.number("neuronForward", w, b, RELU, x);
            Feedback.near(library.forward(x).data(), got, 1e-12, "a relu neuron (weights "
                    + Arrays.toString(w) + ", bias " + b + ") at x = (1, -1)", why(w, b, x, got, true));
        }
    }

    @Test
    @Points(2)
    @DisplayName("gradients reach the weights, the bias and the inputs")
    void gradientsFlow() {
        gradkit.nn.Neuron library = libraryNeuron(2, Activation.LINEAR, 3);
        double[] w = weights(library);
        // after forward(x).backward(): {d/dw0, d/dw1, d/db, d/dx0, d/dx1}
        double[] grad = student.numbers("neuronGradients", w, library.bias().data(), LINEAR, new double[] {0.25, -4.0});
        String what = "after backward() of a linear neuron at x = (0.25, -4): ";
        String hint = "build the output from the neuron's own weight and bias Values (w.mul(x)), not from copies"
                + " of their data(), so that backward() reaches them.";
        Feedback.gradient(0.25, grad[0], 0, 1, what + "d out / d w0 (= x0)", hint);
        Feedback.gradient(-4.0, grad[1], 0, 1, what + "d out / d w1 (= x1)", hint);
        Feedback.gradient(1.0, grad[2], 0, 1, what + "d out / d b", hint);
        Feedback.gradient(w[1], grad[4], 0, 1, what + "d out / d x1 (= w1)", hint);
    }

    @Test
    @Points(1)
    @DisplayName("parameters(): weights then bias, the same objects")
    void neuronParameters() {
        gradkit.nn.Neuron library = libraryNeuron(3, Activation.RELU, 11);
        double[] w = weights(library);
        double b = library.bias().data();
        // For each entry of parameters(): 0, 1, 2 when it is that weight itself, 3 for the bias, -1 for another object.
        double[] who = student.numbers("neuronParameters", w, b, RELU);
        Feedback.check(who.length == 4, "parameters() of a neuron with 3 inputs gave " + who.length + " Values; expected"
                + " 4.", "the 3 weights, then the bias.");
        for (int k = 0; k < 3; k++) {
            if (who[k] != k) {
                Feedback.check(false, "parameters().get(" + k + ") is " + shown("neuronParameterText", w, b, k)
                        + ", not weight " + k + " itself (" + shown("neuronWeightText", w, b, k) + ").", who[k] == 3
                        ? "the weights come first, then the bias." : "return the neuron's own Value objects (not"
                        + " new Values with the same data), so that training changes the neuron.");
            }
        }
        if (who[3] != 3) {
            Feedback.check(false, "parameters().get(3) is " + shown("neuronParameterText", w, b, 3) + ", not the bias"
                    + " itself.", "the bias comes last, as the very object the neuron holds.");
        }
    }

    /** How entry k of a relu neuron's parameters() (or its weight k) prints, asked only for a message. */
    private String shown(String procedure, double[] w, double b, int k) {
        return student.text(procedure, w, b, RELU, (double) k);
    }

    @Test
    @Points(1)
    @DisplayName("wrong number of inputs: IllegalArgumentException")
    void wrongInputCount() {
        gradkit.nn.Neuron library = libraryNeuron(3, Activation.LINEAR, 1);
        for (double[] x : new double[][] {{1.0, 2.0}, {1.0, 2.0, 3.0, 4.0}, {}}) {
            String outcome;
            try {
                outcome = "it returned " + student.number("neuronForward", weights(library), library.bias().data(),
                        LINEAR, x);
            } catch (StudentThrew thrown) {
                if (thrown.is(IllegalArgumentException.class)) {
                    continue;
                }
                if (thrown.is(UnsupportedOperationException.class)) {
                    throw thrown;           // not written yet: the grader reports the TODO as it is
                }
                outcome = "it threw " + thrown;
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
        gradkit.nn.Layer library = new gradkit.nn.Layer(2, 3, Activation.RELU, new Random(5));
        List<gradkit.nn.Neuron> neurons = library.neurons();
        double[] w = neurons.stream().flatMap(n -> n.weights().stream()).mapToDouble(Value::data).toArray();
        double[] b = neurons.stream().mapToDouble(n -> n.bias().data()).toArray();
        double[] x = {0.3, -0.8};
        double[] out = student.numbers("layerForward", 2.0, w, b, RELU, x);
        Feedback.check(out.length == 3, "a layer of 3 neurons gave " + out.length + " outputs.", "one output per neuron.");
        Value[] expected = library.forward(x);
        for (int i = 0; i < 3; i++) {
            boolean neuronAgrees = Math.abs(out[i] - expected[i].data()) > 1e-12     // asked only on a failure
                    && out[i] == student.number("neuronForward", weights(neurons.get(i)), b[i], RELU, x);
            Feedback.near(expected[i].data(), out[i], 1e-12, "output " + i + " of a relu layer of 3 neurons"
                    + " at x = (0.3, -0.8)", neuronAgrees ? "this is what your neuron " + i + " computes, so the"
                    + " neuron's forward is off (see the neuron tests), not the layer."
                    : "out[i] is neuron i's forward(x); every neuron reads the same x.");
        }
        // For each entry of parameters(): its index among (neuron 0's w0, w1, b, neuron 1's w0, ...) or -1; then the data.
        double[] p = student.numbers("layerParameters", 2.0, w, b, RELU);
        int size = p.length / 2;
        Feedback.check(size == 9, "parameters() of a layer of 3 neurons with 2 inputs gave " + size
                + " Values; expected 9.", "every neuron's parameters(), weights AND bias, neuron after neuron.");
        if (p[3] != 3) {    // neuron 1's first weight
            double[] w1 = weights(neurons.get(1));
            String weight = student.text("neuronWeightText", w1, b[1], RELU, 0.0);
            Feedback.check(false, "parameters().get(3) is " + student.text("layerParameterText", 2.0, w, b, RELU, 3.0)
                    + ", not neuron 1's first weight " + weight + " itself.", p[size + 3] == w1[0] ? "a copy with the same"
                    + " data: return the neurons' own Value objects (the neuron's parameters() is tested on its own too)."
                    : "neuron 0's 3 parameters come first, then neuron 1's.");
        }
        Feedback.check(p[8] == 8, "the last parameter is not the last neuron's bias.",
                "neuron after neuron, each with its weights and then its bias.");
    }
}
