package gradkit.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradkit.engine.Graph;
import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Backpropagated gradients of network parameters against central finite differences. */
class GradientTest {

    private static final double H = 1e-6;

    /** (f(p + h) - f(p - h)) / 2h for one parameter, restoring it afterwards. */
    private static double centralDifference(Value parameter, Supplier<Value> loss) {
        double original = parameter.data();
        try {
            parameter.setData(original + H);
            double up = loss.get().data();
            parameter.setData(original - H);
            double down = loss.get().data();
            return (up - down) / (2 * H);
        } finally {
            parameter.setData(original);
        }
    }

    /** Backpropagates once, then compares every parameter's grad with its central difference. */
    private static void assertGradientsMatch(List<Value> parameters, Supplier<Value> loss) {
        for (Value p : parameters) {
            p.setGrad(0.0);
        }
        Value output = loss.get();
        // A probe of +-h must not move any relu across its kink, or the difference quotient is meaningless.
        assertTrue(Graph.of(output).kinks().isEmpty(), "the check point lies on a kink");
        output.backward();
        for (int i = 0; i < parameters.size(); i++) {
            Value p = parameters.get(i);
            double numeric = centralDifference(p, loss);
            assertEquals(numeric, p.grad(), 1e-6 * Math.max(1, Math.abs(numeric)), "parameter " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void mlpParameterGradientsMatchFiniteDifferences(Activation hidden) {
        MLP model = new MLP(new Random(21), hidden, Activation.LINEAR, 3, 5, 4, 1);
        double[][] x = {{0.5, -1.2, 0.3}, {-0.7, 0.1, 0.9}, {1.1, 0.4, -0.6}};
        double[] y = {1, -1, 1};
        Supplier<Value> loss = () -> {
            List<Value> scores = new ArrayList<>();
            for (double[] point : x) {
                scores.add(model.score(point));
            }
            return Loss.mse(scores, y).add(Loss.l2(model.parameters(), 0.01));
        };
        assertGradientsMatch(model.parameters(), loss);
        // The gradients are not trivially zero.
        assertTrue(model.parameters().stream().filter(p -> p.grad() != 0).count() > model.parameterCount() / 2);
    }

    @Test
    void moonsSizedNetworkWithHingeLossMatchesFiniteDifferences() {
        MLP model = MLP.withSeed(5, 2, 16, 16, 1);
        double[][] x = {{0.2, 0.9}, {1.5, -0.4}, {-0.8, 0.3}, {0.9, 0.1}};
        double[] y = {-1, 1, -1, 1};
        Supplier<Value> loss = () -> {
            List<Value> scores = new ArrayList<>();
            for (double[] point : x) {
                scores.add(model.score(point));
            }
            return Loss.hinge(scores, y).add(Loss.l2(model.parameters(), 1e-4));
        };
        assertGradientsMatch(model.parameters(), loss);
    }

    @Test
    void sigmoidOutputWithBinaryCrossEntropyMatchesFiniteDifferences() {
        MLP model = new MLP(new Random(3), Activation.TANH, Activation.LINEAR, 2, 6, 1);
        double[][] x = {{0.2, 0.9}, {1.5, -0.4}, {-0.8, 0.3}};
        double[] t = {0, 1, 1};
        Supplier<Value> loss = () -> {
            List<Value> logits = new ArrayList<>();
            for (double[] point : x) {
                logits.add(model.score(point));
            }
            return Loss.bceWithLogits(logits, t);
        };
        assertGradientsMatch(model.parameters(), loss);
    }
}
