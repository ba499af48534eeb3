package gradkit.check;

import static gradkit.check.WrongRules.detached;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * checkParameters on a tiny two-layer network written out by hand from leaves: 2 inputs, 2 hidden
 * units, 1 output, 9 parameters, and a loss over 3 samples.
 */
class CheckParametersTest {

    enum Hidden { TANH, RELU }

    private static final double[][] INPUTS = {{0.5, -1.0}, {-0.3, 0.8}, {1.2, 0.1}};
    private static final double[] TARGETS = {1.0, -1.0, 0.5};

    /** The weights w[hidden][input], hidden biases, output weights and output bias, as leaves. */
    private final List<Value> parameters = new ArrayList<>();

    CheckParametersTest() {
        double[] start = {0.3, -0.7, 0.9, 0.4, 0.1, -0.2, 0.8, -0.5, 0.05};
        for (int i = 0; i < start.length; i++) {
            parameters.add(Value.of(start[i], "p" + i));
        }
    }

    private Value score(double[] x, Function<Value, Value> activation) {
        Value[] hidden = new Value[2];
        for (int j = 0; j < 2; j++) {
            Value w0 = parameters.get(2 * j), w1 = parameters.get(2 * j + 1), b = parameters.get(4 + j);
            hidden[j] = activation.apply(Value.sum(b, w0.mul(x[0]), w1.mul(x[1])));
        }
        return Value.sum(parameters.get(8), parameters.get(6).mul(hidden[0]), parameters.get(7).mul(hidden[1]));
    }

    /** Mean squared error over the samples, built anew from the parameters on every call. */
    private Supplier<Value> mse(Hidden hidden) {
        Function<Value, Value> activation = hidden == Hidden.TANH ? Value::tanh : Value::relu;
        return () -> {
            List<Value> terms = new ArrayList<>();
            for (int n = 0; n < INPUTS.length; n++) {
                terms.add(score(INPUTS[n], activation).sub(TARGETS[n]).pow(2));
            }
            return Value.sum(terms).div(INPUTS.length);
        };
    }

    private double[] data() {
        return parameters.stream().mapToDouble(Value::data).toArray();
    }

    @ParameterizedTest
    @EnumSource(Hidden.class)
    void aCorrectNetworkPassesAndTheDataAreRestoredExactly(Hidden hidden) {
        double[] before = data();
        GradCheckResult result = GradientChecker.defaults().checkParameters(parameters, mse(hidden));
        assertArrayEquals(before, data(), 0.0);
        assertEquals(9, result.entries().size());
        result.assertPassed();
        // the analytic gradient is left in the parameters, as after loss.backward()
        for (GradCheckEntry e : result.entries()) {
            assertEquals(e.analytic(), parameters.get(e.index()).grad());
        }
        assertTrue(result.entries().stream().anyMatch(e -> Math.abs(e.analytic()) > 0.01), "a gradient that is not all 0");
    }

    @Test
    void theAnalyticGradientIsFreshEvenIfGradientsWereLeftOver() {
        for (Value p : parameters) {
            p.setGrad(123.0);
        }
        GradientChecker.defaults().checkParameters(parameters, mse(Hidden.TANH)).assertPassed();
    }

    @Test
    void aHingeLossOverARelUNetworkPasses() {
        Supplier<Value> hinge = () -> {
            List<Value> terms = new ArrayList<>();
            for (int n = 0; n < INPUTS.length; n++) {
                double label = TARGETS[n] > 0 ? 1 : -1;
                terms.add(Value.of(1.0).sub(score(INPUTS[n], Value::relu).mul(label)).relu());
            }
            return Value.sum(terms).div(INPUTS.length);
        };
        GradCheckResult result = GradientChecker.defaults().checkParameters(parameters, hinge);
        result.assertPassed();
    }

    @Test
    void aWrongRuleInsideTheNetworkIsFoundAtTheRightParameter() {
        // The output bias c (p8) enters a second time as c² - c·detached(c) + c: its value is c (c² - c² + c),
        // but backpropagation sees the derivative 2c - c + 1 = c + 1 where the truth is 1.
        Supplier<Value> loss = () -> {
            Value c = parameters.get(8);
            Value wrongBias = c.pow(2).sub(c.mul(detached(c))).add(c);
            List<Value> terms = new ArrayList<>();
            for (int n = 0; n < INPUTS.length; n++) {
                Value s = score(INPUTS[n], Value::tanh).sub(c).add(wrongBias);
                terms.add(s.sub(TARGETS[n]).pow(2));
            }
            return Value.sum(terms);
        };
        parameters.get(8).setData(0.7); // so that c + 1 is far from 1
        GradCheckResult result = GradientChecker.defaults().checkParameters(parameters, loss);
        assertEquals(List.of(8), result.failures().stream().map(GradCheckEntry::index).toList(), result::toString);
        assertEquals(Verdict.FAIL, result.entries().get(8).verdict());
        assertEquals(0.7, parameters.get(8).data());
    }

    @Test
    void theDataAreRestoredWhenTheLossThrows() {
        double[] before = data();
        Supplier<Value> correct = mse(Hidden.TANH);
        int[] calls = {0};
        Supplier<Value> failsOnItsFifthCall = () -> {
            if (++calls[0] == 5) {
                throw new IllegalStateException("boom");
            }
            return correct.get();
        };
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GradientChecker.defaults().checkParameters(parameters, failsOnItsFifthCall));
        assertEquals("boom", e.getMessage());
        assertArrayEquals(before, data(), 0.0);
    }

    @Test
    void aSupplierThatDoesNotRebuildIsRefused() {
        Value cached = mse(Hidden.TANH).get();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> GradientChecker.defaults().checkParameters(parameters, () -> cached));
        assertTrue(e.getMessage().contains("same Value"), e.getMessage());
    }

    @Test
    void anUnusedParameterHasGradientZeroAndPasses() {
        Value unused = Value.of(5.0);
        List<Value> withUnused = new ArrayList<>(parameters);
        withUnused.add(unused);
        unused.setGrad(9.0);
        GradCheckResult result = GradientChecker.defaults().checkParameters(withUnused, mse(Hidden.TANH));
        assertEquals(0.0, result.entries().get(9).analytic());
        assertEquals(0.0, result.entries().get(9).numeric());
        result.assertPassed();
    }

    @Test
    void aParameterOnAKinkGetsAKinkVerdict() {
        // The loss relu(p0)·p1 + p1² with p0 = 0 on relu's kink: slopes 0 (left) and p1 = 3 (right) for p0.
        Value p0 = Value.of(0.0), p1 = Value.of(3.0);
        GradCheckResult result = GradientChecker.defaults().checkParameters(List.of(p0, p1),
                () -> p0.relu().mul(p1).add(p1.pow(2)));
        assertEquals(Verdict.KINK_PASS, result.entries().get(0).verdict());
        assertEquals(3.0, result.entries().get(0).right(), 1e-6);
        assertEquals(0.0, result.entries().get(0).left(), 1e-6);
        assertEquals(Verdict.PASS, result.entries().get(1).verdict());
        assertEquals(0.0, p0.data());
    }

    @Test
    void refusesBadArguments() {
        GradientChecker checker = GradientChecker.defaults();
        Supplier<Value> loss = mse(Hidden.TANH);
        assertThrows(IllegalArgumentException.class, () -> checker.checkParameters(null, loss));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> checker.checkParameters(List.of(), loss));
        assertTrue(empty.getMessage().contains("empty"), empty.getMessage());
        List<Value> withNull = new ArrayList<>(parameters);
        withNull.set(3, null);
        IllegalArgumentException nullEntry = assertThrows(IllegalArgumentException.class,
                () -> checker.checkParameters(withNull, loss));
        assertTrue(nullEntry.getMessage().contains("parameter 3 is null"), nullEntry.getMessage());
        assertThrows(IllegalArgumentException.class, () -> checker.checkParameters(parameters, null));
        IllegalStateException nullLoss = assertThrows(IllegalStateException.class, () -> checker.checkParameters(parameters, () -> null));
        assertTrue(nullLoss.getMessage().contains("null"), nullLoss.getMessage());
        Value p = Value.of(-1.0);
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> checker.checkParameters(List.of(p), () -> p.log()));
        assertTrue(nan.getMessage().contains("log(-1.0) = NaN"), nan.getMessage());
    }

    @Test
    void directionalCheckOverParametersPassesAndRestores() {
        double[] before = data();
        DirectionalCheck check = GradientChecker.defaults().checkDirection(parameters, mse(Hidden.TANH), 11L);
        check.assertPassed();
        assertArrayEquals(before, data(), 0.0);
        assertEquals(9, check.direction().size());
        assertNotEquals(0.0, check.analytic());
        assertFalse(check.crossedKink());
    }
}
