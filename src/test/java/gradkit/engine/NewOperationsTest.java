package gradkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradkit.nn.Loss;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * clamp, hardtanh, relu6, elu, sign, pow(Value), the n-ary max and min, logSumExp, softmax and
 * crossEntropy: against derivatives worked out by hand, finite differences away from the kinks,
 * one-sided differences and PyTorch 1.13's choices at the kinks, and NaN.
 */
class NewOperationsTest {

    record Unary(String name, UnaryOperator<Value> op, DoubleUnaryOperator forward, DoubleUnaryOperator derivative) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Unary CLAMP = new Unary("clamp(-1, 2)", x -> x.clamp(-1, 2), x -> Math.min(Math.max(x, -1), 2),
            x -> x >= -1 && x <= 2 ? 1 : 0);
    static final Unary HARDTANH = new Unary("hardtanh", Value::hardtanh, x -> Math.min(Math.max(x, -1), 1),
            x -> x > -1 && x < 1 ? 1 : 0);
    static final Unary RELU6 = new Unary("relu6", Value::relu6, x -> Math.min(Math.max(x, 0), 6), x -> x > 0 && x < 6 ? 1 : 0);
    static final Unary ELU = new Unary("elu", Value::elu, x -> x > 0 ? x : Math.exp(x) - 1, x -> x > 0 ? 1 : Math.exp(x));
    static final Unary ELU2 = new Unary("elu(2)", x -> x.elu(2.0), x -> x > 0 ? x : 2 * (Math.exp(x) - 1),
            x -> x > 0 ? 1 : 2 * Math.exp(x));
    static final Unary SIGN = new Unary("sign", Value::sign, Math::signum, x -> 0);

    static Stream<Arguments> smoothPoints() {
        return Stream.of(
                Arguments.of(CLAMP, new double[] {-3.0, -0.5, 0.5, 1.9, 4.0}),
                Arguments.of(HARDTANH, new double[] {-2.0, -0.3, 0.9, 2.0}),
                Arguments.of(RELU6, new double[] {-1.0, 0.1, 3.0, 7.0}),
                Arguments.of(ELU, new double[] {-2.5, -0.1, 0.1, 1.7}),
                Arguments.of(ELU2, new double[] {-0.5, 0.5}),
                Arguments.of(SIGN, new double[] {-2.0, 3.0}));
    }

    @ParameterizedTest(name = "{0} away from its kinks")
    @MethodSource("smoothPoints")
    void awayFromTheKinksTheGradientIsTheDerivativeAndTheCentralDifference(Unary op, double[] points) {
        for (double x : points) {
            Value input = Value.of(x);
            Value out = op.op().apply(input);
            assertEquals(op.forward().applyAsDouble(x), out.data(), 1e-15, op + "(" + x + ")");
            out.backward();
            assertEquals(op.derivative().applyAsDouble(x), input.grad(), 1e-15, op + "'(" + x + ")");
            double h = 1e-6;
            double central = (value(op.op(), x + h) - value(op.op(), x - h)) / (2 * h);
            assertEquals(central, input.grad(), 1e-7, op + "'(" + x + ") against a central difference");
        }
    }

    static Stream<Arguments> kinks() {
        // op, kink, PyTorch 1.13's derivative there, and which side's slope that is (+1 right, -1 left)
        return Stream.of(
                Arguments.of(CLAMP, -1.0, 1.0, +1), Arguments.of(CLAMP, 2.0, 1.0, -1),
                Arguments.of(HARDTANH, -1.0, 0.0, -1), Arguments.of(HARDTANH, 1.0, 0.0, +1),
                Arguments.of(RELU6, 0.0, 0.0, -1), Arguments.of(RELU6, 6.0, 0.0, +1),
                Arguments.of(ELU, 0.0, 1.0, -1), Arguments.of(ELU2, 0.0, 2.0, -1),
                Arguments.of(SIGN, 0.0, 0.0, 0));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("kinks")
    void atAKinkTheGradientIsPyTorchsOneSidedSlope(Unary op, double kink, double torch, int side) {
        Value input = Value.of(kink);
        Value out = op.op().apply(input);
        assertEquals(Branch.KINK, out.branch());
        out.backward();
        assertEquals(torch, input.grad(), 0.0, op + "'(" + kink + ")");
        if (side != 0) {
            double h = 1e-7 * side;
            double oneSided = (value(op.op(), kink + h) - value(op.op(), kink)) / h;
            assertEquals(oneSided, input.grad(), 1e-6, op + ": the one-sided difference on the side PyTorch takes");
        }
    }

    @Test
    void clampRecordsWhichOfItsThreePiecesItIsOn() {
        assertEquals(Branch.BELOW, Value.of(-5).clamp(-1, 1).branch());
        assertEquals(Branch.BETWEEN, Value.of(0).clamp(-1, 1).branch());
        assertEquals(Branch.ABOVE, Value.of(5).clamp(-1, 1).branch());
        var error = assertThrows(IllegalArgumentException.class, () -> Value.of(0).clamp(1, -1));
        assertTrue(error.getMessage().contains("lo <= hi"), error.getMessage());
    }

    // ---------------------------------------------------------------- pow(Value)

    @ParameterizedTest(name = "{0} ^ {1}")
    @MethodSource("powPoints")
    void powOfTwoValuesHasBothPartialDerivatives(double a, double b) {
        Value base = Value.of(a);
        Value exponent = Value.of(b);
        Value out = base.pow(exponent);
        assertEquals(Math.pow(a, b), out.data());
        out.backward();
        assertEquals(b * Math.pow(a, b - 1), base.grad(), 1e-12 * Math.abs(base.grad()));
        assertEquals(Math.pow(a, b) * Math.log(a), exponent.grad(), 1e-12 * Math.abs(exponent.grad()));
        double h = 1e-6;
        assertEquals((Math.pow(a + h, b) - Math.pow(a - h, b)) / (2 * h), base.grad(), 1e-6 * Math.max(1, Math.abs(base.grad())));
        assertEquals((Math.pow(a, b + h) - Math.pow(a, b - h)) / (2 * h), exponent.grad(),
                1e-6 * Math.max(1, Math.abs(exponent.grad())));
    }

    static Stream<Arguments> powPoints() {
        return Stream.of(Arguments.of(2.0, 3.0), Arguments.of(0.5, -1.5), Arguments.of(3.0, 0.5), Arguments.of(1.7, 2.2));
    }

    @Test
    void powOfTwoValuesAtTheEdgesFollowsPyTorch() {
        // 0^b with b >= 0: d/db = 0 (PyTorch masks 0 * log 0); d/da = b * 0^(b-1)
        Value zero = Value.of(0.0);
        Value two = Value.of(2.0);
        zero.pow(two).backward();
        assertEquals(0.0, zero.grad());
        assertEquals(0.0, two.grad());
        // x^0: d/da = 0 everywhere, 0 included
        Value z = Value.of(0.0);
        Value e0 = Value.of(0.0);
        Value one = z.pow(e0);
        assertEquals(1.0, one.data());
        one.backward();
        assertEquals(0.0, z.grad());
        assertEquals(0.0, e0.grad());
        // 0^-1 = +inf: d/db = inf * log 0 = -inf, as PyTorch
        Value z2 = Value.of(0.0);
        Value minusOne = Value.of(-1.0);
        z2.pow(minusOne).backward();
        assertEquals(Double.NEGATIVE_INFINITY, minusOne.grad());
        // a negative base with a whole exponent: real value, d/da real, d/db NaN (log of a negative number)
        Value neg = Value.of(-2.0);
        Value three = Value.of(3.0);
        Value cube = neg.pow(three);
        assertEquals(-8.0, cube.data());
        cube.backward();
        assertEquals(12.0, neg.grad());
        assertTrue(Double.isNaN(three.grad()));
    }

    @Test
    void powOfANegativeBaseWithAFractionalExponentIsRefused() {
        var error = assertThrows(IllegalArgumentException.class, () -> Value.of(-2.0).pow(Value.of(0.5)));
        assertTrue(error.getMessage().contains("negative base") && error.getMessage().contains("-2.0 ^ 0.5"), error.getMessage());
    }

    // ---------------------------------------------------------------- n-ary max and min

    @Test
    void naryMaxAndMinGiveTheWholeGradientToTheExtremeOperand() {
        List<Value> xs = leaves(1.0, 3.0, 2.0);
        Value m = Value.max(xs);
        assertEquals(3.0, m.data());
        m.backward();
        assertEquals(List.of(0.0, 1.0, 0.0), grads(xs));
        assertClose(List.of(0.0, 1.0, 0.0), centralDifferences(v -> Value.max(v), 1.0, 3.0, 2.0));

        List<Value> ys = leaves(1.0, 3.0, 2.0);
        Value n = Value.min(ys);
        assertEquals(1.0, n.data());
        n.backward();
        assertEquals(List.of(1.0, 0.0, 0.0), grads(ys));
        assertClose(List.of(1.0, 0.0, 0.0), centralDifferences(v -> Value.min(v), 1.0, 3.0, 2.0));
    }

    @Test
    void aTieSplitsTheGradientEvenlyAmongAllTiedOperands() {
        List<Value> three = leaves(2.0, 2.0, 2.0);
        Value m = Value.max(three);
        assertEquals(Branch.KINK, m.branch());
        m.backward();
        for (Value x : three) {
            assertEquals(1.0 / 3, x.grad(), 0.0);
        }
        List<Value> two = leaves(-1.0, 5.0, -1.0);
        Value n = Value.min(two);
        n.backward();
        assertEquals(List.of(0.5, 0.0, 0.5), grads(two));
        assertEquals(Branch.ABOVE, Value.max(leaves(1.0, 2.0)).branch(), "no tie: off the kink");
    }

    // ---------------------------------------------------------------- logSumExp, softmax, crossEntropy

    @Test
    void logSumExpIsTheLogOfTheSumOfExponentialsWithSoftmaxAsGradient() {
        double[] x = {0.5, -1.0, 2.0};
        List<Value> xs = leaves(x);
        Value lse = Value.logSumExp(xs);
        double sum = Math.exp(0.5) + Math.exp(-1.0) + Math.exp(2.0);
        assertEquals(Math.log(sum), lse.data(), 1e-15);
        lse.backward();
        for (int i = 0; i < x.length; i++) {
            assertEquals(Math.exp(x[i]) / sum, xs.get(i).grad(), 1e-15);
        }
        List<Double> numeric = centralDifferences(Value::logSumExp, x);
        for (int i = 0; i < x.length; i++) {
            assertEquals(numeric.get(i), xs.get(i).grad(), 1e-8);
        }
    }

    @Test
    void logSumExpAndSoftmaxAreStableForHugeScores() {
        assertEquals(1000 + Math.log(2), Value.logSumExp(leaves(1000, 1000)).data(), 1e-12);
        assertEquals(-1000 + Math.log(2), Value.logSumExp(leaves(-1000, -1000)).data(), 1e-12);
        List<Value> p = Value.softmax(leaves(1000, 0, -1000));
        assertEquals(1.0, p.get(0).data(), 0.0);
        assertEquals(Math.exp(-1000), p.get(1).data(), 0.0);
        assertEquals(0.0, p.get(2).data(), 0.0);
    }

    @Test
    void softmaxSumsToOneAndItsJacobianIsSiTimesDeltaMinusSj() {
        double[] x = {0.3, -0.7, 1.1};
        double[] s = new double[3];
        double z = 0;
        for (double v : x) {
            z += Math.exp(v);
        }
        for (int i = 0; i < 3; i++) {
            s[i] = Math.exp(x[i]) / z;
        }
        for (int i = 0; i < 3; i++) {
            List<Value> xs = leaves(x);
            List<Value> p = Value.softmax(xs);
            assertEquals(s[i], p.get(i).data(), 1e-15);
            p.get(i).backward();
            for (int j = 0; j < 3; j++) {
                assertEquals(s[i] * ((i == j ? 1 : 0) - s[j]), xs.get(j).grad(), 1e-15, "d s" + i + " / d x" + j);
            }
        }
        assertEquals(1.0, Value.sum(Value.softmax(leaves(x))).data(), 1e-15);
    }

    @Test
    void crossEntropyIsMinusLogSoftmaxWithGradientSoftmaxMinusOneHot() {
        double[] x = {2.0, 0.5, -1.0};
        List<Value> scores = leaves(x);
        Value loss = Loss.crossEntropy(scores, 1);
        double z = Math.exp(2.0) + Math.exp(0.5) + Math.exp(-1.0);
        assertEquals(-Math.log(Math.exp(0.5) / z), loss.data(), 1e-14);
        loss.backward();
        for (int i = 0; i < 3; i++) {
            assertEquals(Math.exp(x[i]) / z - (i == 1 ? 1 : 0), scores.get(i).grad(), 1e-15);
        }
        List<Double> numeric = centralDifferences(v -> Loss.crossEntropy(v, 1), x);
        for (int i = 0; i < 3; i++) {
            assertEquals(numeric.get(i), scores.get(i).grad(), 1e-8);
        }
    }

    @Test
    void crossEntropyIsFiniteForScoresOfPlusMinusAThousand() {
        List<Value> right = leaves(1000, -1000, 0);
        Value small = Loss.crossEntropy(right, 0);
        assertEquals(0.0, small.data(), 1e-300);
        small.backward();
        assertEquals(List.of(0.0, Math.exp(-2000), Math.exp(-1000)), grads(right), "softmax - one-hot, underflowing to 0");

        List<Value> wrong = leaves(1000, -1000, 0);
        Value big = Loss.crossEntropy(wrong, 1);
        assertEquals(2000.0, big.data(), 1e-9);
        big.backward();
        assertEquals(List.of(1.0, -1.0, Math.exp(-1000)), grads(wrong));
        var error = assertThrows(IllegalArgumentException.class, () -> Loss.crossEntropy(leaves(1, 2), 2));
        assertTrue(error.getMessage().contains("from 0 to 1"), error.getMessage());
    }

    // ---------------------------------------------------------------- NaN and null

    static Stream<Arguments> kinkOps() {
        return Stream.of(
                Arguments.of("relu", (UnaryOperator<Value>) Value::relu),
                Arguments.of("leakyRelu", (UnaryOperator<Value>) x -> x.leakyRelu(0.1)),
                Arguments.of("abs", (UnaryOperator<Value>) Value::abs),
                Arguments.of("max", (UnaryOperator<Value>) x -> x.max(Value.of(1.0))),
                Arguments.of("max, NaN second", (UnaryOperator<Value>) x -> Value.of(1.0).max(x)),
                Arguments.of("min", (UnaryOperator<Value>) x -> x.min(Value.of(1.0))),
                Arguments.of("min, NaN second", (UnaryOperator<Value>) x -> Value.of(1.0).min(x)),
                Arguments.of("clamp", (UnaryOperator<Value>) x -> x.clamp(-1, 1)),
                Arguments.of("hardtanh", (UnaryOperator<Value>) Value::hardtanh),
                Arguments.of("relu6", (UnaryOperator<Value>) Value::relu6),
                Arguments.of("elu", (UnaryOperator<Value>) Value::elu),
                Arguments.of("sign", (UnaryOperator<Value>) Value::sign),
                Arguments.of("n-ary max", (UnaryOperator<Value>) x -> Value.max(List.of(Value.of(5.0), x, Value.of(-5.0)))),
                Arguments.of("n-ary min", (UnaryOperator<Value>) x -> Value.min(List.of(Value.of(5.0), x, Value.of(-5.0)))),
                Arguments.of("logSumExp", (UnaryOperator<Value>) x -> Value.logSumExp(List.of(Value.of(5.0), x))),
                Arguments.of("pow(Value)", (UnaryOperator<Value>) x -> Value.of(2.0).pow(x)));
    }

    @ParameterizedTest(name = "{0}(NaN)")
    @MethodSource("kinkOps")
    void nanPropagatesThroughValueAndGradient(String name, UnaryOperator<Value> op) {
        Value x = Value.of(Double.NaN);
        Value out = op.apply(x);
        assertTrue(Double.isNaN(out.data()), name + ": value " + out.data());
        out.backward();
        assertTrue(Double.isNaN(x.grad()), name + ": gradient " + x.grad());
    }

    @Test
    void aNullOperandIsAClearError() {
        Value x = Value.of(1.0);
        List<Runnable> calls = List.of(() -> x.add(null), () -> x.sub(null), () -> x.mul(null), () -> x.div(null),
                () -> x.max((Value) null), () -> x.min((Value) null), () -> x.pow((Value) null),
                () -> Value.max(Arrays.asList(x, null)), () -> Value.logSumExp(Arrays.asList(null, x)),
                () -> Loss.hinge(Arrays.asList(x, null), new double[] {1, -1}),
                () -> Loss.crossEntropy(Arrays.asList(x, null), 0));
        for (Runnable call : calls) {
            var error = assertThrows(IllegalArgumentException.class, call::run);
            assertTrue(error.getMessage().contains("null"), error.getMessage());
        }
    }

    // ---------------------------------------------------------------- helpers

    private static double value(UnaryOperator<Value> op, double x) {
        return op.apply(Value.of(x)).data();
    }

    private static void assertClose(List<Double> expected, List<Double> actual) {
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), actual.get(i), 1e-8, "component " + i);
        }
    }

    private static List<Value> leaves(double... x) {
        return new ArrayList<>(Arrays.asList(Value.all(x)));
    }

    private static List<Double> grads(List<Value> xs) {
        return xs.stream().map(Value::grad).toList();
    }

    private static List<Double> centralDifferences(Function<List<Value>, Value> f, double... x) {
        List<Double> slopes = new ArrayList<>();
        double h = 1e-6;
        for (int i = 0; i < x.length; i++) {
            double[] up = x.clone();
            double[] down = x.clone();
            up[i] += h;
            down[i] -= h;
            slopes.add((f.apply(leaves(up)).data() - f.apply(leaves(down)).data()) / (2 * h));
        }
        return slopes;
    }
}
