package gradkit.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradkit.engine.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LossTest {

    private static List<Value> values(double... x) {
        return List.of(Value.all(x));
    }

    @Test
    void mseValueAndGradient() {
        List<Value> p = values(3, -1);
        Value loss = Loss.mse(p, new double[] {1, 0.5});
        assertEquals((4 + 2.25) / 2, loss.data(), 1e-15);
        loss.backward();
        assertEquals(2 * (3 - 1) / 2.0, p.get(0).grad(), 1e-15);      // 2(p - t)/n
        assertEquals(2 * (-1 - 0.5) / 2.0, p.get(1).grad(), 1e-15);
    }

    @Test
    void hingeValueAndGradient() {
        List<Value> s = values(2, -0.5, 0.25);
        Value loss = Loss.hinge(s, new double[] {1, 1, -1});
        // relu(1 - 2) + relu(1 + 0.5) + relu(1 + 0.25), over 3
        assertEquals((0 + 1.5 + 1.25) / 3, loss.data(), 1e-15);
        loss.backward();
        assertEquals(0.0, s.get(0).grad());            // margin met: no gradient
        assertEquals(-1.0 / 3, s.get(1).grad(), 1e-15); // -y/n
        assertEquals(1.0 / 3, s.get(2).grad(), 1e-15);
    }

    @Test
    void hingeAtItsKinkUsesReluGradientZero() {
        // y * s = 1 exactly: relu(0), whose derivative is 0 by the engine's (PyTorch's) convention.
        List<Value> s = values(1.0, -1.0);
        Value loss = Loss.hinge(s, new double[] {1, -1});
        assertEquals(0.0, loss.data());
        loss.backward();
        assertEquals(0.0, s.get(0).grad());
        assertEquals(0.0, s.get(1).grad());
    }

    @Test
    void bceWithLogitsValueAndGradient() {
        List<Value> z = values(0, 2, -3);
        Value loss = Loss.bceWithLogits(z, new double[] {1, 0, 1});
        double expected = (Math.log(2) + Math.log1p(Math.exp(2)) + Math.log1p(Math.exp(-3)) + 3) / 3;
        assertEquals(expected, loss.data(), 1e-14);
        loss.backward();
        assertEquals((0.5 - 1) / 3, z.get(0).grad(), 1e-15);                        // (sigmoid(z) - y)/n
        assertEquals(1 / (1 + Math.exp(-2)) / 3, z.get(1).grad(), 1e-15);
        assertEquals((1 / (1 + Math.exp(3)) - 1) / 3, z.get(2).grad(), 1e-15);
    }

    @ParameterizedTest(name = "z = {0}, y = {1}")
    @CsvSource({"1000, 1, 0, 0", "1000, 0, 1000, 1", "-1000, 1, 1000, -1", "-1000, 0, 0, 0"})
    void bceWithLogitsIsFiniteForHugeLogits(double z, double y, double expectedLoss, double expectedGrad) {
        Value logit = Value.of(z);
        Value loss = Loss.bceWithLogits(List.of(logit), new double[] {y});
        assertTrue(Double.isFinite(loss.data()));
        assertEquals(expectedLoss, loss.data(), 1e-12);
        loss.backward();
        assertEquals(expectedGrad, logit.grad(), 1e-12);
    }

    @Test
    void l2ValueAndGradient() {
        List<Value> p = values(3, -2);
        Value penalty = Loss.l2(p, 0.1);
        assertEquals(0.1 * (9 + 4), penalty.data(), 1e-15);
        penalty.backward();
        assertEquals(2 * 0.1 * 3, p.get(0).grad(), 1e-15);   // 2 alpha p
        assertEquals(2 * 0.1 * -2, p.get(1).grad(), 1e-15);
    }

    @Test
    void accuracyCountsSignMatchesAndZeroAsWrong() {
        double acc = Loss.accuracy(values(0.3, -0.2, 0.0, -5), new double[] {1, 1, 1, -1});
        assertEquals(0.5, acc);
        assertEquals(1.0, Loss.accuracy(values(-0.1), new double[] {-1}));
    }

    @Test
    void sizeMismatchesAreExplained() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Loss.hinge(values(1, 2), new double[] {1}));
        assertEquals("hinge needs as many labels as scores, but got 2 scores and 1 labels.", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Loss.mse(values(1), new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> Loss.bceWithLogits(values(1), new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Loss.accuracy(values(1, 2, 3), new double[] {1}));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Loss.mse(List.of(), new double[0]))
                .getMessage().contains("at least one example"));
        assertThrows(IllegalArgumentException.class, () -> Loss.hinge(null, new double[] {1}));
    }

    @Test
    void badLabelsAreRejected() {
        assertEquals("hinge needs labels -1 or +1, but label 1 is 0.0.", assertThrows(IllegalArgumentException.class,
                () -> Loss.hinge(values(1, 2), new double[] {1, 0})).getMessage());
        assertEquals("bceWithLogits needs targets 0 or 1, but target 0 is -1.0.", assertThrows(IllegalArgumentException.class,
                () -> Loss.bceWithLogits(values(1), new double[] {-1})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Loss.accuracy(values(1), new double[] {2}));
        assertThrows(IllegalArgumentException.class, () -> Loss.mse(values(1), new double[] {Double.NaN}));
    }

    @Test
    void l2RejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Loss.l2(List.of(), 0.1));
        assertThrows(IllegalArgumentException.class, () -> Loss.l2(values(1), -0.1));
        assertThrows(IllegalArgumentException.class, () -> Loss.l2(values(1), Double.NaN));
    }
}
