package gradkit.probes;

import gradkit.engine.Value;
import gradkit.exercises.Ex07NeuronAndLayer;
import gradkit.grading.protocol.Plain;
import gradkit.grading.worker.BadRequest;
import gradkit.grading.worker.Call;
import gradkit.grading.worker.Probe;
import gradkit.grading.worker.WorkerMain;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Exercise 07's calls. A neuron is sent as its weights, its bias and a relu flag (1 or 0): the probe
 * builds the student's Neuron with the given constructor and sets its weights' and bias's data to those
 * numbers. A layer is sent as its neurons' weights one neuron after the other, their biases, and the
 * flag. Back come outputs, gradients, and, for parameters(), which of the neuron's own Values each
 * entry IS (its index among the weights then the bias, neuron after neuron, or -1 for another object).
 *
 * <pre>
 * call neuronForward r[w0, w1] rb r1 r[x0, x1]        relu neuron (w0, w1; b) forward(x0, x1).data()
 * call layerParameters r2 r[6 weights] r[3 biases] r1  a 2-input layer of 3 neurons: who is parameters().get(k)
 * </pre>
 */
public final class Ex07Probe implements Probe {
    /** Serves exercise 07's requests. */
    public static void main(String[] args) {
        WorkerMain.serve(new Ex07Probe());
    }

    @Override
    public Plain call(Call c) {
        return switch (c.procedure()) {
            case "neuronForward" -> c.real(neuron(c).forward(Value.all(c.reals(3))).data());
            case "neuronGradients" -> c.reals(neuronGradients(neuron(c), c.reals(3)));
            case "neuronParameters" -> c.reals(neuronParameters(neuron(c)));
            case "neuronParameterText" -> c.text(String.valueOf(neuron(c).parameters().get((int) c.real(3))));
            case "neuronWeightText" -> c.text(String.valueOf(neuron(c).weights().get((int) c.real(3))));
            case "layerForward" -> c.reals(datas(layer(c).forward(Value.all(c.reals(4)))));
            case "layerParameters" -> c.reals(layerParameters(layer(c)));
            case "layerParameterText" -> c.text(String.valueOf(layer(c).parameters().get((int) c.real(4))));
            default -> throw c.unknown();
        };
    }

    /** The neuron of arguments 0 to 2: weights, bias, relu flag. */
    private static Ex07NeuronAndLayer.Neuron neuron(Call c) {
        double[] w = c.reals(0);
        Ex07NeuronAndLayer.Neuron n = new Ex07NeuronAndLayer.Neuron(w.length, c.real(2) == 1, new Random(0));
        set(n, w, 0, c.real(1));
        return n;
    }

    /** The layer of arguments 0 to 3: inputs per neuron, every weight neuron after neuron, the biases, relu flag. */
    private static Ex07NeuronAndLayer.Layer layer(Call c) {
        int nin = (int) c.real(0);
        double[] w = c.reals(1);
        double[] b = c.reals(2);
        if (w.length != nin * b.length) {
            throw new BadRequest("A layer of " + b.length + " neurons with " + nin + " inputs has " + nin * b.length
                    + " weights, but got " + w.length + ".");
        }
        Ex07NeuronAndLayer.Layer layer = new Ex07NeuronAndLayer.Layer(nin, b.length, c.real(3) == 1, new Random(0));
        for (int i = 0; i < b.length; i++) {
            set(layer.neurons().get(i), w, i * nin, b[i]);
        }
        return layer;
    }

    /** Sets the data of n's weights to w[from], w[from + 1], ... and of its bias to b (through the given accessors). */
    private static void set(Ex07NeuronAndLayer.Neuron n, double[] w, int from, double b) {
        for (int i = 0; i < n.weights().size(); i++) {
            n.weights().get(i).setData(w[from + i]);
        }
        n.bias().setData(b);
    }

    /** forward(x).backward(); the weights' grads, the bias's, then the inputs'. */
    private static double[] neuronGradients(Ex07NeuronAndLayer.Neuron n, double[] xData) {
        Value[] x = Value.all(xData);
        n.forward(x).backward();
        List<Value> read = new ArrayList<>(n.weights());
        read.add(n.bias());
        read.addAll(List.of(x));
        double[] g = new double[read.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = read.get(i).grad();
        }
        return g;
    }

    /** For each of a neuron's parameters() which Value of its own it is: 0.. for a weight, nin for the bias, or -1. */
    private static double[] neuronParameters(Ex07NeuronAndLayer.Neuron n) {
        return identities(n.parameters(), own(List.of(n)));
    }

    /** For each of a layer's parameters() which Value of its own it is (or -1), then each one's data. */
    private static double[] layerParameters(Ex07NeuronAndLayer.Layer layer) {
        List<Value> p = layer.parameters();
        double[] who = identities(p, own(layer.neurons()));
        double[] out = new double[2 * p.size()];
        for (int k = 0; k < p.size(); k++) {
            out[k] = who[k];
            out[p.size() + k] = p.get(k).data();
        }
        return out;
    }

    /** The neurons' own Values: each neuron's weights, then its bias, neuron after neuron. */
    private static List<Value> own(List<Ex07NeuronAndLayer.Neuron> neurons) {
        List<Value> own = new ArrayList<>();
        for (Ex07NeuronAndLayer.Neuron n : neurons) {
            own.addAll(n.weights());
            own.add(n.bias());
        }
        return own;
    }

    /** For each of {@code values}, the index of the very same object in {@code own} (==, not equals), or -1. */
    private static double[] identities(List<Value> values, List<Value> own) {
        double[] who = new double[values.size()];
        for (int k = 0; k < who.length; k++) {
            who[k] = -1;
            for (int i = 0; i < own.size(); i++) {
                if (values.get(k) == own.get(i)) {
                    who[k] = i;
                    break;
                }
            }
        }
        return who;
    }

    private static double[] datas(Value[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i].data();
        }
        return d;
    }
}
