package gradkit.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gradkit.engine.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SGDTest {

    @Test
    void stepMovesEachParameterAgainstItsGradient() {
        Value a = Value.of(1.0), b = Value.of(-2.0);
        a.setGrad(0.5);
        b.setGrad(-4.0);
        new SGD(List.of(a, b)).step(0.1);
        assertEquals(1.0 - 0.1 * 0.5, a.data(), 0.0);
        assertEquals(-2.0 - 0.1 * -4.0, b.data(), 0.0);
        assertEquals(0.5, a.grad()); // step leaves the gradients alone
    }

    @Test
    void stepsDescendAQuadratic() {
        // f(w) = (w - 3)^2 has its minimum at 3; with lr 0.25, w - 3 halves each step.
        Value w = Value.of(0.0);
        SGD sgd = new SGD(List.of(w));
        for (int i = 0; i < 3; i++) {
            sgd.zeroGrad();
            w.sub(3).pow(2).backward();
            sgd.step(0.25);
        }
        assertEquals(3 - 3 / 8.0, w.data(), 1e-15);
    }

    @Test
    void zeroGradClearsGradients() {
        Value a = Value.of(1.0);
        a.setGrad(7);
        new SGD(List.of(a)).zeroGrad();
        assertEquals(0.0, a.grad());
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void rejectsNonFiniteLearningRate(double lr) {
        SGD sgd = new SGD(List.of(Value.of(1)));
        assertEquals("SGD needs a finite learning rate, but got " + lr + ".",
                assertThrows(IllegalArgumentException.class, () -> sgd.step(lr)).getMessage());
    }

    @Test
    void rejectsNullParameters() {
        assertThrows(IllegalArgumentException.class, () -> new SGD(null));
        assertThrows(IllegalArgumentException.class, () -> new SGD(java.util.Arrays.asList(Value.of(1), null)));
    }
}
