package gradkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The derivative each operation uses where it has none, as documented in {@link Value}'s table. */
class KinkConventionTest {

    @AfterEach
    void restoreDefaults() {
        Settings.reset();
    }

    private static double gradAt(double x, java.util.function.UnaryOperator<Value> op) {
        Value input = Value.of(x);
        op.apply(input).backward();
        return input.grad();
    }

    @Test
    void reluAtZeroUsesZeroByDefault() {
        assertEquals(0.0, gradAt(0.0, Value::relu));
        assertEquals(0.0, gradAt(-0.0, Value::relu), "-0.0 == 0.0, so it is on the kink too");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.25, 0.5, 1.0})
    void reluGradAtZeroCanBeAnySubgradient(double slope) {
        try (var restore = Settings.withReluGradAtZero(slope)) {
            assertEquals(slope, gradAt(0.0, Value::relu));
            assertEquals(1.0, gradAt(1e-300, Value::relu), "the switch changes nothing off the kink");
            assertEquals(0.0, gradAt(-1e-300, Value::relu));
        }
        assertEquals(0.0, Settings.reluGradAtZero(), "closing the handle restores the default");
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.5, Double.NaN, Double.POSITIVE_INFINITY})
    void reluGradAtZeroOutsideTheSubdifferentialIsRefused(double slope) {
        var error = assertThrows(IllegalArgumentException.class, () -> Settings.setReluGradAtZero(slope));
        assertTrue(error.getMessage().contains("[0, 1]"), error.getMessage());
        assertEquals(0.0, Settings.reluGradAtZero(), "a refused value leaves the setting alone");
    }

    @Test
    void reluGradAtZeroIsFixedWhenTheReluRunsNotWhenBackwardRuns() {
        Value x = Value.of(0.0);
        Value y;
        try (var restore = Settings.withReluGradAtZero(1.0)) {
            y = x.relu();
        }
        y.backward();                   // after the block: the setting is 0 again
        assertEquals(1.0, x.grad(), "the graph keeps the convention it was built with");

        Value z = Value.of(0.0);
        Value w = z.relu();
        try (var restore = Settings.withReluGradAtZero(1.0)) {
            w.backward();
        }
        assertEquals(0.0, z.grad(), "built under 0, differentiated under 1: still 0");
    }

    @Test
    void aRestoreHandlePrintsWhatItWillPutBack() {
        var restore = Settings.withReluGradAtZero(1.0);
        assertEquals("Restore(relu'(0) = 1.0 now; close() puts back 0.0)", restore.toString());
        restore.close();
        assertEquals(0.0, Settings.reluGradAtZero());
        try (var p = Settings.withPrecision(Precision.FLOAT32)) {
            assertEquals("Restore(precision = FLOAT32 now; close() puts back FLOAT64)", p.toString());
        }
    }

    @Test
    void setterReturnsThePreviousValue() {
        assertEquals(0.0, Settings.setReluGradAtZero(0.7));
        assertEquals(0.7, Settings.setReluGradAtZero(0.0));
    }

    @Test
    void absAtZeroUsesZero() {
        assertEquals(0.0, gradAt(0.0, Value::abs));
    }

    @Test
    void leakyReluAtZeroTakesTheNegativeSlope() {
        assertEquals(0.01, gradAt(0.0, x -> x.leakyRelu(0.01)));
        assertEquals(0.01, gradAt(-2.0, x -> x.leakyRelu(0.01)));
        assertEquals(1.0, gradAt(2.0, x -> x.leakyRelu(0.01)));
    }

    @Test
    void maxAndMinOfATieSplitTheGradientEvenly() {
        Value a = Value.of(3.0);
        Value b = Value.of(3.0);
        a.max(b).backward();
        assertEquals(0.5, a.grad());
        assertEquals(0.5, b.grad());

        Value c = Value.of(-1.0);
        Value d = Value.of(-1.0);
        c.min(d).backward();
        assertEquals(0.5, c.grad());
        assertEquals(0.5, d.grad());
    }

    @Test
    void sqrtAtZeroHasAnInfiniteDerivative() {
        assertEquals(Double.POSITIVE_INFINITY, gradAt(0.0, Value::sqrt));
    }

    @Test
    void logAtZeroIsMinusInfinityWithAnInfiniteDerivative() {
        Value x = Value.of(0.0);
        Value y = x.log();
        y.backward();
        assertEquals(Double.NEGATIVE_INFINITY, y.data());
        assertEquals(Double.POSITIVE_INFINITY, x.grad());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -2.0, 3.0})
    void powerZeroHasDerivativeZeroEverywhere(double x) {
        assertEquals(0.0, gradAt(x, v -> v.pow(0)), "x^0 is the constant 1");
    }

    @Test
    void powerOneAtZeroHasDerivativeOne() {
        assertEquals(1.0, gradAt(0.0, v -> v.pow(1)));
    }

    @Test
    void theIdentityTrapGivesTwiceReluGradAtZero() {
        // relu(x) - relu(-x) equals x everywhere, whose derivative is 1, but backward() sees two kinks.
        java.util.function.UnaryOperator<Value> identity = x -> x.relu().sub(x.neg().relu());
        assertEquals(0.0, gradAt(0.0, identity));
        try (var restore = Settings.withReluGradAtZero(1.0)) {
            assertEquals(2.0, gradAt(0.0, identity));
        }
        assertEquals(1.0, gradAt(0.3, identity));
    }

    @Test
    void kinkedOperationsRecordTheirBranch() {
        assertEquals(Branch.BELOW, Value.of(-1).relu().branch());
        assertEquals(Branch.KINK, Value.of(0).relu().branch());
        assertEquals(Branch.ABOVE, Value.of(2).relu().branch());
        assertEquals(Branch.KINK, Value.of(0).abs().branch());
        assertEquals(Branch.BELOW, Value.of(-1).leakyRelu(0.1).branch());
        assertEquals(Branch.ABOVE, Value.of(5).max(Value.of(2)).branch(), "left operand won");
        assertEquals(Branch.BELOW, Value.of(1).max(Value.of(2)).branch(), "right operand won");
        assertEquals(Branch.KINK, Value.of(2).min(Value.of(2)).branch(), "a tie");
        assertEquals(Branch.NONE, Value.of(2).exp().branch());
        assertEquals(Branch.NONE, Value.of(2).branch());
        assertTrue(Value.of(0).relu().isOnKink());
    }

    @Test
    void aHingeBuiltFromReluRecordsItsKink() {
        // hinge(y, s) = relu(1 - y*s): on its kink when y*s == 1.
        Value score = Value.of(0.5);
        Value hinge = Value.of(1.0).sub(score.mul(2.0)).relu();
        assertEquals(Branch.KINK, hinge.branch());
        assertEquals(1, Graph.of(hinge).kinks().size());
    }
}
