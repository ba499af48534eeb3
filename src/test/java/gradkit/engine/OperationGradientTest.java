package gradkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every operation's gradient at smooth points, against two independent truths: the derivative
 * worked out by hand, and a central finite difference of the forward computation.
 */
class OperationGradientTest {

    /** A one-input operation, its derivative written out by hand, and points where it is smooth. */
    record Unary(String name, UnaryOperator<Value> op, DoubleUnaryOperator derivative, double... points) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Unary> unaryOps() {
        return Stream.of(
                new Unary("neg", Value::neg, x -> -1, -2.5, 0.0, 3.0),
                new Unary("add const", x -> x.add(3.0), x -> 1, -1.0, 0.5),
                new Unary("sub const", x -> x.sub(3.0), x -> 1, -1.0, 0.5),
                new Unary("mul const", x -> x.mul(-4.0), x -> -4, -1.0, 0.5),
                new Unary("div const", x -> x.div(8.0), x -> 0.125, -1.0, 0.5),
                new Unary("pow 2", x -> x.pow(2), x -> 2 * x, -1.5, 0.0, 2.0),
                new Unary("pow 3", x -> x.pow(3), x -> 3 * x * x, -1.5, 0.3, 2.0),
                new Unary("pow -1", x -> x.pow(-1), x -> -1 / (x * x), -1.5, 0.3, 2.0),
                new Unary("pow 0.5", x -> x.pow(0.5), x -> 0.5 / Math.sqrt(x), 0.3, 2.0, 9.0),
                new Unary("exp", Value::exp, Math::exp, -3.0, 0.0, 1.7),
                new Unary("log", Value::log, x -> 1 / x, 0.1, 1.0, 7.0),
                new Unary("sqrt", Value::sqrt, x -> 0.5 / Math.sqrt(x), 0.04, 1.0, 5.0),
                new Unary("tanh", Value::tanh, x -> 1 - Math.tanh(x) * Math.tanh(x), -2.0, 0.0, 0.7),
                new Unary("sigmoid", Value::sigmoid, x -> Math.exp(-x) / Math.pow(1 + Math.exp(-x), 2), -4.0, 0.0, 2.5),
                new Unary("softplus", Value::softplus, x -> 1 / (1 + Math.exp(-x)), -3.0, 0.0, 4.0),
                new Unary("relu", Value::relu, x -> x > 0 ? 1 : 0, -2.0, 1e-3, 3.0),
                new Unary("leakyRelu 0.1", x -> x.leakyRelu(0.1), x -> x > 0 ? 1 : 0.1, -2.0, 0.5),
                new Unary("abs", Value::abs, x -> Math.signum(x), -2.0, 0.25),
                new Unary("max const", x -> x.max(1.0), x -> x > 1 ? 1 : 0, 0.0, 2.0),
                new Unary("min const", x -> x.min(1.0), x -> x < 1 ? 1 : 0, 0.0, 2.0),
                new Unary("composite", x -> x.mul(x).add(x.exp()).tanh(),
                        x -> (2 * x + Math.exp(x)) * (1 - Math.pow(Math.tanh(x * x + Math.exp(x)), 2)), -1.0, 0.2));
    }

    static Stream<Arguments> unaryCases() {
        return unaryOps().flatMap(op -> java.util.Arrays.stream(op.points()).mapToObj(x -> Arguments.of(op, x)));
    }

    @ParameterizedTest(name = "{0} at x = {1}")
    @MethodSource("unaryCases")
    void unaryGradientMatchesHandDerivativeAndFiniteDifference(Unary op, double x) {
        Value input = Value.of(x);
        Value out = op.op().apply(input);
        out.backward();

        double byHand = op.derivative().applyAsDouble(x);
        assertEquals(byHand, input.grad(), 1e-12 * Math.max(1, Math.abs(byHand)),
                () -> op + "'(" + x + ") from backward()");

        double h = 1e-6;
        double numeric = (forward(op.op(), x + h) - forward(op.op(), x - h)) / (2 * h);
        assertEquals(numeric, input.grad(), 1e-6 * Math.max(1, Math.abs(numeric)),
                () -> op + "'(" + x + ") against a central difference");
    }

    private static double forward(UnaryOperator<Value> op, double x) {
        return op.apply(Value.of(x)).data();
    }

    /** A two-input operation with both partial derivatives written out by hand. */
    record Binary(String name, java.util.function.BinaryOperator<Value> op,
                  java.util.function.DoubleBinaryOperator dA, java.util.function.DoubleBinaryOperator dB) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> binaryCases() {
        Stream<Binary> ops = Stream.of(
                new Binary("add", Value::add, (a, b) -> 1, (a, b) -> 1),
                new Binary("sub", Value::sub, (a, b) -> 1, (a, b) -> -1),
                new Binary("mul", Value::mul, (a, b) -> b, (a, b) -> a),
                new Binary("div", Value::div, (a, b) -> 1 / b, (a, b) -> -a / (b * b)),
                new Binary("max", Value::max, (a, b) -> a > b ? 1 : 0, (a, b) -> a > b ? 0 : 1),
                new Binary("min", Value::min, (a, b) -> a < b ? 1 : 0, (a, b) -> a < b ? 0 : 1),
                new Binary("sum of two", (a, b) -> Value.sum(a, b), (a, b) -> 1, (a, b) -> 1));
        double[][] points = {{2.0, -3.0}, {-0.5, 4.0}, {1.25, 0.75}};
        return ops.flatMap(op -> Stream.of(points).map(p -> Arguments.of(op, p[0], p[1])));
    }

    @ParameterizedTest(name = "{0} at ({1}, {2})")
    @MethodSource("binaryCases")
    void binaryGradientsMatchHandDerivativesAndFiniteDifferences(Binary op, double a, double b) {
        Value va = Value.of(a);
        Value vb = Value.of(b);
        op.op().apply(va, vb).backward();

        assertEquals(op.dA().applyAsDouble(a, b), va.grad(), 1e-12, op + ": d/da");
        assertEquals(op.dB().applyAsDouble(a, b), vb.grad(), 1e-12, op + ": d/db");

        double h = 1e-6;
        double numericA = (op.op().apply(Value.of(a + h), Value.of(b)).data()
                - op.op().apply(Value.of(a - h), Value.of(b)).data()) / (2 * h);
        double numericB = (op.op().apply(Value.of(a), Value.of(b + h)).data()
                - op.op().apply(Value.of(a), Value.of(b - h)).data()) / (2 * h);
        assertEquals(numericA, va.grad(), 1e-6, op + ": d/da against a central difference");
        assertEquals(numericB, vb.grad(), 1e-6, op + ": d/db against a central difference");
    }
}
