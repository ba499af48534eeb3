package gradkit.check;

import static gradkit.check.WrongRules.detached;
import static gradkit.check.WrongRules.extraSlope;
import static gradkit.check.WrongRules.scaledGradient;
import static gradkit.check.WrongRules.squareMissingOneFactor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradkit.engine.Value;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Wrong backward rules (built as explained in {@link WrongRules}) are caught, away from kinks and at them. */
class WrongGradientTest {

    private final GradientChecker checker = GradientChecker.defaults();

    @Test
    void theConstructionsKeepTheValueExactly() {
        Value x = Value.of(0.37);
        assertEquals(0.37 * 0.37, squareMissingOneFactor(x).data());
        assertEquals(Math.tanh(0.37), scaledGradient(x.tanh(), -1).data());
        assertEquals(0.37, extraSlope(x.relu(), x, 2.0).data());
        assertEquals(0.0, x.sub(detached(x)).data());
    }

    /** Wrong rules at smooth points, the derivative backpropagation gets, and the true one. */
    static Stream<Arguments> wrongAwayFromKinks() {
        return Stream.of(
                Arguments.of("x·x missing a factor", (ValueFunction) x -> squareMissingOneFactor(x[0]), 3.0, 3.0, 6.0),
                Arguments.of("tanh with the wrong sign", (ValueFunction) x -> scaledGradient(x[0].tanh(), -1), 0.5,
                        -(1 - Math.pow(Math.tanh(0.5), 2)), 1 - Math.pow(Math.tanh(0.5), 2)),
                Arguments.of("exp with half its gradient", (ValueFunction) x -> scaledGradient(x[0].exp(), 0.5), 1.0,
                        Math.exp(1) / 2, Math.exp(1)),
                Arguments.of("relu above 0 with slope 3", (ValueFunction) x -> extraSlope(x[0].relu(), x[0], 2.0), 2.0, 3.0, 1.0),
                Arguments.of("relu below 0 with slope 0.01", (ValueFunction) x -> extraSlope(x[0].relu(), x[0], 0.01), -2.0,
                        0.01, 0.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongAwayFromKinks")
    void aWrongRuleFailsAwayFromAKink(String name, ValueFunction f, double x, double wrong, double truth) {
        GradCheckResult result = checker.check(f, x);
        GradCheckEntry e = result.entries().get(0);
        assertEquals(Verdict.FAIL, e.verdict(), result::toString);
        assertEquals(wrong, e.analytic(), 1e-12);
        assertEquals(truth, e.numeric(), 1e-6);
        assertFalse(result.passed());
        assertEquals(1, result.failures().size());
        AssertionError error = assertThrows(AssertionError.class, result::assertPassed);
        assertEquals(result.toString(), error.getMessage());
    }

    /** Wrong rules at a kink: derivatives outside [left, right]. */
    static Stream<Arguments> wrongAtKinks() {
        return Stream.of(
                Arguments.of("relu at 0 with slope 2", (ValueFunction) x -> extraSlope(x[0].relu(), x[0], 2.0), new double[] {0.0}),
                Arguments.of("relu at 0 with slope -0.5", (ValueFunction) x -> extraSlope(x[0].relu(), x[0], -0.5),
                        new double[] {0.0}),
                Arguments.of("abs at 0 with slope 1.5", (ValueFunction) x -> extraSlope(x[0].abs(), x[0], 1.5), new double[] {0.0}),
                Arguments.of("abs at 0, gradient scaled (still 0) plus 3", (ValueFunction) x -> extraSlope(
                        scaledGradient(x[0].abs(), 5), x[0], 3.0), new double[] {0.0}),
                Arguments.of("leakyRelu at 0 with slope -1", (ValueFunction) x -> extraSlope(x[0].leakyRelu(0.1), x[0], -1.1),
                        new double[] {0.0}),
                Arguments.of("max tie with 2.5 to a", (ValueFunction) x -> extraSlope(x[0].max(x[1]), x[0], 2.0),
                        new double[] {1.0, 1.0}),
                Arguments.of("hinge relu(1 - s) at the margin with slope +1", (ValueFunction) s -> extraSlope(
                        Value.of(1.0).sub(s[0]).relu(), s[0], 1.0), new double[] {1.0}),
                Arguments.of("relu at 1e-8 with slope 0", (ValueFunction) x -> extraSlope(x[0].relu(), x[0], -1.0),
                        new double[] {1e-8}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongAtKinks")
    void aWrongRuleFailsAtAKink(String name, ValueFunction f, double[] x) {
        GradCheckResult result = checker.check(f, x);
        GradCheckEntry e = result.entries().get(0);
        assertEquals(Verdict.KINK_FAIL, e.verdict(), result::toString);
        double low = Math.min(e.left(), e.right());
        double high = Math.max(e.left(), e.right());
        assertTrue(e.analytic() < low || e.analytic() > high, result::toString);
        assertTrue(e.relativeError() > 0.1, result::toString);
        assertFalse(e.kinkOperations().isEmpty());
        assertTrue(result.toString().contains("(1 at a kink)"), result::toString);
        assertThrows(AssertionError.class, result::assertPassed);
    }

    @Test
    void onlyTheWrongEntryFails() {
        // a·b + a² with the a² built without one factor: entry 0 is wrong (b + a instead of b + 2a), entry 1 is right.
        GradCheckResult result = checker.check(x -> x[0].mul(x[1]).add(squareMissingOneFactor(x[0])), 1.5, -0.5);
        assertEquals(Verdict.FAIL, result.entries().get(0).verdict());
        assertEquals(Verdict.PASS, result.entries().get(1).verdict());
        assertEquals(1.0, result.entries().get(0).analytic(), 1e-12);
        assertEquals(2.5, result.entries().get(0).numeric(), 1e-6);
        assertEquals(result.failures(), java.util.List.of(result.entries().get(0)));
    }

    @Test
    void aSmallErrorWithinTheTolerancesPassesAndTighterTolerancesCatchIt() {
        // exp with gradient scaled by 1 + 1e-4: relative error 1e-4, inside rtol = 1e-3.
        ValueFunction slightlyOff = x -> scaledGradient(x[0].exp(), 1 + 1e-4);
        assertTrue(checker.check(slightlyOff, 1.0).passed());
        assertFalse(checker.rtol(1e-6).atol(1e-8).check(slightlyOff, 1.0).passed());
    }
}
