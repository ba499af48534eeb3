package gradkit.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradkit.nn.Loss;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * In FLOAT32 mode a backward pass gives, bit for bit, the gradients of the same computation written
 * by hand with Java {@code float} variables: every local derivative and every {@code +=} in float.
 * Each construction below is written twice, once with values and once as plain float code that
 * follows the engine's formulas and its order of accumulation (reverse topological order).
 */
class Float32BackwardTest {

    @AfterEach
    void restoreDefaults() {
        Settings.reset();
    }

    record Construction(String name, float[] inputs, Function<List<Value>, Value> graph, Function<float[], float[]> floatCode) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Construction> constructions() {
        return Stream.of(
                new Construction("(a*b + a) * tanh(b)", new float[] {0.1f, 0.7f},
                        v -> v.get(0).mul(v.get(1)).add(v.get(0)).mul(v.get(1).tanh()),
                        x -> {
                            float a = x[0], b = x[1];
                            float ab = a * b, s = ab + a, t = (float) Math.tanh(b);
                            float gs = t, gt = s;                         // f = s * t
                            float gb = (1 - t * t) * gt;                  // t = tanh(b)
                            float gab = gs, ga = gs;                      // s = ab + a
                            ga = ga + b * gab;                            // ab = a * b
                            gb = gb + a * gab;
                            return new float[] {ga, gb};
                        }),
                new Construction("(sigmoid(b + w1*x1 + w2*x2) - 0.3)^2", new float[] {0.35f, -1.3f, 0.77f, 0.61f, 2.9f},
                        v -> Value.sum(v.get(0), v.get(1).mul(v.get(2)), v.get(3).mul(v.get(4))).sigmoid().sub(0.3).pow(2),
                        x -> {
                            float b = x[0], w1 = x[1], x1 = x[2], w2 = x[3], x2 = x[4];
                            float z = (b + w1 * x1) + w2 * x2;
                            float s = (float) (1 / (1 + Math.exp(-z)));   // z > 0 here
                            float e = s - (float) 0.3;
                            float ge = 2 * e;                             // L = e^2
                            float gs = ge;                                // e = s - 0.3
                            float gz = s * (1 - s) * gs;                  // s = sigmoid(z)
                            return new float[] {gz, x1 * gz, w1 * gz, x2 * gz, w2 * gz};
                        }),
                new Construction("log(a / b + exp(a))", new float[] {0.3f, 1.7f},
                        v -> v.get(0).div(v.get(1)).add(v.get(0).exp()).log(),
                        x -> {
                            float a = x[0], b = x[1];
                            float q = a / b, ea = (float) Math.exp(a), s = q + ea;
                            float gs = 1 / s;                             // f = log(s)
                            float gq = gs, gea = gs;                      // s = q + ea
                            float ga = ea * gea;                          // ea = exp(a)
                            ga = ga + (1 / b) * gq;                       // q = a / b
                            float gb = (-q / b) * gq;
                            return new float[] {ga, gb};
                        }),
                new Construction("sqrt(a*a + b*b) * a", new float[] {0.9f, -2.3f},
                        v -> v.get(0).mul(v.get(0)).add(v.get(1).mul(v.get(1))).sqrt().mul(v.get(0)),
                        x -> {
                            float a = x[0], b = x[1];
                            float r = (float) Math.sqrt(a * a + b * b);
                            float gr = a, ga = r;                         // f = r * a
                            float gs = (0.5f / r) * gr;                   // r = sqrt(s)
                            float gb = b * gs;                            // bb = b * b
                            gb = gb + b * gs;
                            ga = ga + a * gs;                             // aa = a * a
                            ga = ga + a * gs;
                            return new float[] {ga, gb};
                        }),
                new Construction("crossEntropy([a, b, c], 0)", new float[] {1.1f, 0.2f, -0.45f},
                        v -> Loss.crossEntropy(v, 0),
                        x -> {
                            float m = Math.max(x[0], Math.max(x[1], x[2]));
                            float total = 0;
                            for (float xi : x) {
                                total = total + (float) Math.exp(xi - m);
                            }
                            float out = m + (float) Math.log(total);
                            float ga = -1;                                // L = lse - a
                            float[] g = new float[3];
                            for (int i = 2; i >= 0; i--) {                // lse's local derivatives: the softmax
                                g[i] = (float) Math.exp(x[i] - out);
                            }
                            g[0] = ga + g[0];
                            return g;
                        }),
                new Construction("a^b * b", new float[] {1.3f, 2.1f},
                        v -> v.get(0).pow(v.get(1)).mul(v.get(1)),
                        x -> {
                            float a = x[0], b = x[1];
                            float pw = (float) Math.pow(a, b);
                            float gpw = b, gb = pw;                       // f = pw * b
                            float da = b * (float) Math.pow(a, b - 1), db = pw * (float) Math.log(a);
                            float ga = da * gpw;
                            gb = gb + db * gpw;
                            return new float[] {ga, gb};
                        }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constructions")
    void float32GradientsAreThoseOfPlainFloatCode(Construction c) {
        double[] engine;
        try (var restore = Settings.withPrecision(Precision.FLOAT32)) {
            engine = gradients(c);
        }
        float[] byHand = c.floatCode().apply(c.inputs());
        assertArrayEquals(toDouble(byHand), engine, 0.0, c + ": the engine's float32 gradients, bit for bit");
    }

    @Test
    void roundingOnlyTheFinishedGradientWouldNotBeEnough() {
        // The same graphs in double, each gradient rounded to float at the end: some of them differ
        // from the float code, so the test above can tell the two ways apart.
        long differing = constructions().filter(c -> {
            double[] rounded = gradients(c);
            for (int i = 0; i < rounded.length; i++) {
                rounded[i] = (float) rounded[i];
            }
            return !Arrays.equals(rounded, toDouble(c.floatCode().apply(c.inputs())));
        }).count();
        assertTrue(differing >= 2, differing + " of 6 constructions differ");
    }

    private static double[] gradients(Construction c) {
        List<Value> inputs = Arrays.stream(toDouble(c.inputs())).mapToObj(Value::of).toList();
        c.graph().apply(inputs).backward();
        return inputs.stream().mapToDouble(Value::grad).toArray();
    }

    private static double[] toDouble(float[] x) {
        double[] d = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i];
        }
        return d;
    }
}
