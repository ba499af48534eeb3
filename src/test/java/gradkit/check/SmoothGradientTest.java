package gradkit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradkit.engine.Value;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Correct gradients of smooth functions pass, and both sides agree with derivatives worked out by hand. */
class SmoothGradientTest {

    private static Arguments of(String name, ValueFunction f, Function<double[], double[]> byHand, double... x) {
        return Arguments.of(name, f, byHand, x);
    }

    static Stream<Arguments> functions() {
        return Stream.of(
                of("x^2", x -> x[0].pow(2), x -> new double[] {2 * x[0]}, 1.3),
                of("x^3", x -> x[0].pow(3), x -> new double[] {3 * x[0] * x[0]}, -0.7),
                of("1/x", x -> x[0].pow(-1), x -> new double[] {-1 / (x[0] * x[0])}, 2.0),
                of("exp", x -> x[0].exp(), x -> new double[] {Math.exp(x[0])}, 0.4),
                of("log", x -> x[0].log(), x -> new double[] {1 / x[0]}, 2.5),
                of("sqrt", x -> x[0].sqrt(), x -> new double[] {0.5 / Math.sqrt(x[0])}, 1.7),
                of("tanh", x -> x[0].tanh(), x -> new double[] {1 - Math.pow(Math.tanh(x[0]), 2)}, 0.3),
                of("sigmoid", x -> x[0].sigmoid(), x -> new double[] {sigmoid(x[0]) * (1 - sigmoid(x[0]))}, -1.2),
                of("softplus", x -> x[0].softplus(), x -> new double[] {sigmoid(x[0])}, 0.8),
                of("x/(1+x^2)", x -> x[0].div(x[0].pow(2).add(1)),
                        x -> new double[] {(1 - x[0] * x[0]) / Math.pow(1 + x[0] * x[0], 2)}, 0.6),
                of("relu away from 0", x -> x[0].relu(), x -> new double[] {1}, 2.0),
                of("relu below 0", x -> x[0].relu(), x -> new double[] {0}, -2.0),
                of("abs below 0", x -> x[0].abs(), x -> new double[] {-1}, -3.0),
                of("leakyRelu below 0", x -> x[0].leakyRelu(0.1), x -> new double[] {0.1}, -2.0),
                of("a*b + e^a", x -> x[0].mul(x[1]).add(x[0].exp()),
                        x -> new double[] {x[1] + Math.exp(x[0]), x[0]}, 1.0, 2.0),
                of("(a-b)/(a+b)", x -> x[0].sub(x[1]).div(x[0].add(x[1])),
                        x -> new double[] {2 * x[1] / Math.pow(x[0] + x[1], 2), -2 * x[0] / Math.pow(x[0] + x[1], 2)}, 1.5, 0.5),
                of("tanh(a*b + c)", x -> x[0].mul(x[1]).add(x[2]).tanh(), x -> {
                    double d = 1 - Math.pow(Math.tanh(x[0] * x[1] + x[2]), 2);
                    return new double[] {d * x[1], d * x[0], d};
                }, 0.5, -0.4, 0.1),
                of("log(a^2 + b^2)", x -> x[0].pow(2).add(x[1].pow(2)).log(), x -> {
                    double r = x[0] * x[0] + x[1] * x[1];
                    return new double[] {2 * x[0] / r, 2 * x[1] / r};
                }, 0.3, -1.1),
                of("sum(a, a*b, b^2)", x -> Value.sum(x[0], x[0].mul(x[1]), x[1].pow(2)),
                        x -> new double[] {1 + x[1], x[0] + 2 * x[1]}, 0.7, 1.9),
                of("max(a, b) with a > b", x -> x[0].max(x[1]), x -> new double[] {1, 0}, 2.0, 1.0),
                of("min(a, b) with a > b", x -> x[0].min(x[1]), x -> new double[] {0, 1}, 2.0, 1.0),
                of("x used in three places", x -> x[0].mul(x[0]).mul(x[0]).add(x[0].exp()),
                        x -> new double[] {3 * x[0] * x[0] + Math.exp(x[0])}, 0.9),
                of("identity", x -> x[0], x -> new double[] {1}, 4.0),
                of("unused input", x -> x[0].pow(2), x -> new double[] {2 * x[0], 0}, 1.5, 7.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void correctGradientsPass(String name, ValueFunction f, Function<double[], double[]> byHand, double[] x) {
        GradCheckResult result = GradientChecker.defaults().check(f, x);
        double[] expected = byHand.apply(x);
        assertEquals(x.length, result.entries().size());
        for (GradCheckEntry e : result.entries()) {
            assertEquals(Verdict.PASS, e.verdict(), result::toString);
            assertEquals(expected[e.index()], e.analytic(), 1e-12 * Math.max(1, Math.abs(expected[e.index()])));
            assertEquals(expected[e.index()], e.numeric(), 1e-6 * Math.max(1, Math.abs(expected[e.index()])));
            assertTrue(Double.isNaN(e.left()) && Double.isNaN(e.right()), "no one-sided derivatives away from kinks");
            assertTrue(e.kinkOperations().isEmpty());
            assertTrue(e.relativeError() < 1e-6, result::toString);
        }
        result.assertPassed();
        assertTrue(result.toString().endsWith(x.length + (x.length == 1 ? " entry: " : " entries: ") + x.length
                + " pass, 0 pass at a kink, 0 fail"), result::toString);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("functions")
    void thePlainCheckerAgreesAwayFromKinks(String name, ValueFunction f, Function<double[], double[]> byHand, double[] x) {
        assertEquals(GradientChecker.defaults().check(f, x).entries(),
                GradientChecker.defaults().kinkAware(false).check(f, x).entries());
    }

    private static double sigmoid(double t) {
        return 1 / (1 + Math.exp(-t));
    }
}
