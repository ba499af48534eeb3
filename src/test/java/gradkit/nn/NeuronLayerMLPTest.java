package gradkit.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradkit.engine.Graph;
import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NeuronLayerMLPTest {

    private static double[] data(List<Value> values) {
        double[] numbers = new double[values.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = values.get(i).data();
        }
        return numbers;
    }

    // ------------------------------------------------------------------ Neuron

    @Test
    void neuronDrawsWeightsThenBiasUniformFromTheRandom() {
        Neuron n = new Neuron(3, Activation.RELU, new Random(5));
        Random same = new Random(5);
        for (int i = 0; i < 3; i++) {
            assertEquals(same.nextDouble() * 2 - 1, n.weights().get(i).data());
        }
        assertEquals(same.nextDouble() * 2 - 1, n.bias().data());
        for (Value p : n.parameters()) {
            assertTrue(p.data() >= -1 && p.data() < 1);
        }
    }

    @Test
    void neuronOutputMatchesAHandComputation() {
        Neuron n = new Neuron(2, Activation.LINEAR, new Random(3));
        double w1 = n.weights().get(0).data(), w2 = n.weights().get(1).data(), b = n.bias().data();
        // micrograd's order: (b + w1*x1) + w2*x2
        double expected = (b + w1 * 1.5) + w2 * -2.0;
        assertEquals(expected, n.forward(1.5, -2.0).data(), 0.0);

        Neuron tanh = new Neuron(2, Activation.TANH, new Random(3));
        assertEquals(Math.tanh(expected), tanh.forward(1.5, -2.0).data(), 0.0);
    }

    @Test
    void neuronSetToKnownWeightsComputesReluOfWeightedSum() {
        Neuron n = new Neuron(2, Activation.RELU, new Random(0));
        n.weights().get(0).setData(2.0);
        n.weights().get(1).setData(-3.0);
        n.bias().setData(0.5);
        assertEquals(0.5 + 2 * 1 + -3 * 0.25, n.forward(1.0, 0.25).data(), 0.0); // 1.75
        assertEquals(0.0, n.forward(-1.0, 1.0).data(), 0.0);                    // relu(-4.5)

        Value x1 = Value.of(1.0), x2 = Value.of(0.25);
        Value out = n.forward(x1, x2);
        out.backward();
        assertEquals(1.0, n.weights().get(0).grad()); // d out / d w1 = x1
        assertEquals(0.25, n.weights().get(1).grad());
        assertEquals(1.0, n.bias().grad());
        assertEquals(2.0, x1.grad());                  // d out / d x1 = w1
        assertEquals(-3.0, x2.grad());
    }

    @Test
    void neuronIsOneSumNodeFromTheBias() {
        Neuron n = new Neuron(3, Activation.LINEAR, new Random(1));
        Value out = n.forward(1, 2, 3);
        assertEquals("sum", out.op());
        assertSame(n.bias(), out.parents().get(0));
        assertEquals(4, out.parents().size());
        assertEquals("*", out.parents().get(1).op());
    }

    @Test
    void neuronRejectsWrongInputCountAndBadArguments() {
        Neuron n = new Neuron(2, Activation.RELU, new Random(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> n.forward(1, 2, 3));
        assertEquals("This neuron takes 2 inputs, but got 3.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> n.forward(Value.of(1)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Neuron(0, Activation.RELU, new Random()))
                .getMessage().contains("nin = 0"));
        assertThrows(IllegalArgumentException.class, () -> new Neuron(2, null, new Random()));
        assertThrows(IllegalArgumentException.class, () -> new Neuron(2, Activation.RELU, null));
    }

    @Test
    void neuronToStringIsMicrogradsForm() {
        assertEquals("ReLUNeuron(2)", new Neuron(2, Activation.RELU, new Random()).toString());
        assertEquals("LinearNeuron(16)", new Neuron(16, Activation.LINEAR, new Random()).toString());
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void activationsApplyTheirFunction(Activation a) {
        double x = -0.7;
        double expected = switch (a) {
            case RELU -> 0.0;
            case TANH -> Math.tanh(x);
            case SIGMOID -> 1 / (1 + Math.exp(-x));
            case LINEAR -> x;
        };
        assertEquals(expected, a.apply(Value.of(x)).data(), 1e-15);
    }

    // ------------------------------------------------------------------ Layer

    @Test
    void layerHasNoutNeuronsAndOutputs() {
        Layer layer = new Layer(2, 3, Activation.TANH, new Random(4));
        assertEquals(3, layer.neurons().size());
        assertEquals(3, layer.forward(0.5, -1.0).length);
        assertEquals(9, layer.parameterCount());
        assertEquals("Layer of 3 TanhNeuron(2)", layer.toString());
    }

    @Test
    void layerNeuronsAreDrawnOneAfterAnotherFromTheSameRandom() {
        Layer layer = new Layer(2, 3, Activation.RELU, new Random(8));
        Random same = new Random(8);
        List<Value> expected = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            expected.addAll(new Neuron(2, Activation.RELU, same).parameters());
        }
        assertArrayEquals(data(expected), data(layer.parameters()), 0.0);
    }

    @Test
    void layerRejectsWrongInputCountAndSizes() {
        Layer layer = new Layer(2, 4, Activation.RELU, new Random(1));
        assertEquals("This layer takes 2 inputs, but got 3.",
                assertThrows(IllegalArgumentException.class, () -> layer.forward(1, 2, 3)).getMessage());
        assertEquals("This layer takes 2 inputs, but got 0.",
                assertThrows(IllegalArgumentException.class, () -> layer.forward(new double[0])).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Layer(2, 0, Activation.RELU, new Random()))
                .getMessage().contains("nout = 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Layer(-1, 2, Activation.RELU, new Random()))
                .getMessage().contains("nin = -1"));
    }

    // ------------------------------------------------------------------ MLP

    @Test
    void mlp2_16_16_1Has337ParametersInLayerNeuronWeightsBiasOrder() {
        MLP model = new MLP(2, 16, 16, 1);
        assertEquals(337, model.parameterCount());
        assertEquals(2 * 16 + 16 + 16 * 16 + 16 + 16 + 1, model.parameters().size());
        assertEquals(3, model.layers().size());
        assertArrayEquals(new int[] {16, 16, 1}, model.sizes());
        assertEquals(2, model.nin());

        List<Value> expectedOrder = new ArrayList<>();
        for (Layer layer : model.layers()) {
            for (Neuron neuron : layer.neurons()) {
                expectedOrder.addAll(neuron.weights());
                expectedOrder.add(neuron.bias());
            }
        }
        List<Value> parameters = model.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            assertSame(expectedOrder.get(i), parameters.get(i), "parameter " + i);
        }
        assertEquals(16, model.layers().get(1).neurons().get(0).weights().size());
    }

    @Test
    void mlpHasReluHiddenAndLinearOutputByDefault() {
        MLP model = new MLP(2, 4, 3, 1);
        assertEquals(Activation.RELU, model.layers().get(0).activation());
        assertEquals(Activation.RELU, model.layers().get(1).activation());
        assertEquals(Activation.LINEAR, model.layers().get(2).activation());
        assertEquals(Activation.RELU, model.hiddenActivation());
        assertEquals(Activation.LINEAR, model.outputActivation());
        assertEquals("MLP(2 -> 4 ReLU -> 3 ReLU -> 1 Linear, 31 parameters)", model.toString());
    }

    @Test
    void mlpForwardComposesItsLayers() {
        MLP model = new MLP(new Random(2), Activation.TANH, Activation.SIGMOID, 3, 4, 2);
        double[] x = {0.1, -0.4, 0.9};
        Value[] hidden = model.layers().get(0).forward(x);
        Value[] expected = model.layers().get(1).forward(hidden);
        Value[] out = model.forward(x);
        assertEquals(2, out.length);
        assertEquals(expected[0].data(), out[0].data(), 0.0);
        assertEquals(expected[1].data(), out[1].data(), 0.0);
        assertTrue(out[0].data() > 0 && out[0].data() < 1); // sigmoid output
    }

    @Test
    void sameSeedSameNetworkDifferentSeedDifferentNetwork() {
        MLP a = MLP.withSeed(11, 2, 16, 16, 1);
        MLP b = MLP.withSeed(11, 2, 16, 16, 1);
        MLP c = MLP.withSeed(12, 2, 16, 16, 1);
        assertArrayEquals(data(a.parameters()), data(b.parameters()), 0.0);
        assertNotEquals(data(a.parameters())[0], data(c.parameters())[0]);
        assertEquals(a.score(0.3, -0.2).data(), b.score(0.3, -0.2).data(), 0.0);
        assertArrayEquals(data(new MLP(2, 16, 16, 1).parameters()),
                data(MLP.withSeed(MLP.DEFAULT_SEED, 2, 16, 16, 1).parameters()), 0.0);
    }

    @Test
    void mlpGraphHasTheExpectedNodeCount() {
        // per neuron: nin products, one sum, one relu (none for the linear output); plus the 2 inputs
        // and the 337 parameters as leaves.
        MLP model = new MLP(2, 16, 16, 1);
        Value score = model.score(0.5, 0.5);
        int operations = 16 * (2 + 2) + 16 * (16 + 2) + (16 + 1);
        assertEquals(2 + 337 + operations, Graph.of(score).size());
    }

    @Test
    void mlpRejectsBadSizesAndWrongInputs() {
        MLP model = new MLP(2, 16, 16, 1);
        assertEquals("This MLP takes 2 inputs, but got 3.",
                assertThrows(IllegalArgumentException.class, () -> model.forward(1, 2, 3)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> model.score(1.0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MLP(2)).getMessage().contains("at least one layer size"));
        assertEquals("Every layer needs at least 1 neuron, but layer 1 has size 0.",
                assertThrows(IllegalArgumentException.class, () -> new MLP(2, 16, 0, 1)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new MLP(0, 1)).getMessage().contains("nin = 0"));
        assertThrows(IllegalArgumentException.class, () -> new MLP(null, Activation.RELU, Activation.LINEAR, 2, 1));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new MLP(2, 3, 2).score(1, 2));
        assertTrue(e.getMessage().contains("has 2 outputs"));
    }

    @Test
    void zeroGradClearsEveryParameter() {
        MLP model = new MLP(2, 3, 1);
        model.score(1, 1).backward();
        assertTrue(model.parameters().stream().anyMatch(p -> p.grad() != 0));
        model.zeroGrad();
        assertTrue(model.parameters().stream().allMatch(p -> p.grad() == 0));
    }
}
