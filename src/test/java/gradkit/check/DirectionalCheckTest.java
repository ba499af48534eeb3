package gradkit.check;

import static gradkit.check.WrongRules.squareMissingOneFactor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradkit.engine.Value;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DirectionalCheckTest {

    private final GradientChecker checker = GradientChecker.defaults();

    /** f(a, b, c) = tanh(a·b) + e^c·a, with gradient (b(1 - tanh²(ab)) + e^c, a(1 - tanh²(ab)), e^c·a). */
    private static final ValueFunction F = x -> x[0].mul(x[1]).tanh().add(x[2].exp().mul(x[0]));

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 2026})
    void aCorrectGradientPassesInEveryDirection(long seed) {
        double a = 0.4, b = -1.3, c = 0.2;
        DirectionalCheck check = checker.checkDirection(F, seed, a, b, c);
        double t = 1 - Math.pow(Math.tanh(a * b), 2);
        double[] gradient = {b * t + Math.exp(c), a * t, Math.exp(c) * a};
        double expected = 0;
        for (int j = 0; j < 3; j++) {
            expected += gradient[j] * check.direction().get(j);
        }
        assertEquals(expected, check.analytic(), 1e-12);
        assertEquals(expected, check.numeric(), 1e-8);
        assertTrue(check.passed(), check::toString);
        check.assertPassed();
        assertTrue(check.toString().contains("PASS"));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 42, 2026})
    void aWrongGradientFails(long seed) {
        // x² built as x·detached(x): backpropagation gives x = 3 instead of 6; along v = ±1, ±3 against ±6.
        DirectionalCheck check = checker.checkDirection(x -> squareMissingOneFactor(x[0]), seed, 3.0);
        assertFalse(check.passed());
        assertEquals(0.5, check.relativeError(), 1e-6);
        AssertionError error = assertThrows(AssertionError.class, check::assertPassed);
        assertEquals(check.toString(), error.getMessage());
        assertTrue(error.getMessage().contains("FAIL"));
    }

    @ParameterizedTest
    @ValueSource(longs = {3, 4, 5})
    void aWrongEntryAmongSeveralIsCaught(long seed) {
        // the first entry of the gradient is 1 too small; a random direction sees it unless v_0 is close to 0
        ValueFunction wrongFirstEntry = x -> F.apply(x).add(squareMissingOneFactor(x[0]));
        DirectionalCheck check = checker.checkDirection(wrongFirstEntry, seed, 1.0, 2.0, 0.5);
        assertTrue(Math.abs(check.direction().get(0)) > 0.05, "this seed's direction has a real component along x_0");
        assertFalse(check.passed(), check::toString);
    }

    @Test
    void theDirectionIsAUnitVectorDecidedByTheSeed() {
        DirectionalCheck first = checker.checkDirection(F, 7L, 1.0, 2.0, 3.0);
        DirectionalCheck again = checker.checkDirection(F, 7L, 1.0, 2.0, 3.0);
        DirectionalCheck other = checker.checkDirection(F, 8L, 1.0, 2.0, 3.0);
        assertEquals(first, again);
        assertNotEquals(first.direction(), other.direction());
        double norm = Math.sqrt(first.direction().stream().mapToDouble(v -> v * v).sum());
        assertEquals(1.0, norm, 1e-12);
        assertEquals(7L, first.seed());
    }

    @Test
    void saysWhenAProbeCrossedAKink() {
        DirectionalCheck check = checker.checkDirection(x -> x[0].relu().add(x[1]), 5L, 0.0, 1.0);
        assertTrue(check.crossedKink());
        assertTrue(check.toString().contains("crossed a kink"), check::toString);
        assertFalse(checker.checkDirection(x -> x[0].relu().add(x[1]), 5L, 2.0, 1.0).crossedKink());
    }

    @Test
    void refusesBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> checker.checkDirection((ValueFunction) null, 1L, 1.0));
        assertThrows(IllegalArgumentException.class, () -> checker.checkDirection(F, 1L));
        assertThrows(IllegalArgumentException.class, () -> checker.checkDirection(F, 1L, 1.0, Double.NaN, 2.0));
        assertThrows(IllegalArgumentException.class, () -> checker.checkDirection(java.util.List.of(), () -> Value.of(1.0), 1L));
    }
}
