package gradkit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradkit.engine.Settings;
import gradkit.engine.Value;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Verdicts at kinks: valid subgradients pass, the false alarms of a plain checker disappear. */
class KinkTest {

    private final GradientChecker checker = GradientChecker.defaults();

    @AfterEach
    void resetSettings() {
        Settings.reset();
    }

    /**
     * A function of one number with a kink at the point, the engine's derivative there, and the
     * one-sided derivatives worked out by hand.
     */
    static Stream<Arguments> kinks() {
        return Stream.of(
                Arguments.of("relu at 0", (ValueFunction) x -> x[0].relu(), 0.0, 0.0, 0.0, 1.0, "relu #1 at KINK"),
                Arguments.of("abs at 0", (ValueFunction) x -> x[0].abs(), 0.0, 0.0, -1.0, 1.0, "abs #1 at KINK"),
                Arguments.of("leakyRelu(0.1) at 0", (ValueFunction) x -> x[0].leakyRelu(0.1), 0.0, 0.1, 0.1, 1.0,
                        "leakyRelu #1 at KINK"),
                Arguments.of("max(x, 0) at 0", (ValueFunction) x -> x[0].max(0.0), 0.0, 0.5, 0.0, 1.0, "max #2 at KINK"),
                Arguments.of("min(x, 0) at 0", (ValueFunction) x -> x[0].min(0.0), 0.0, 0.5, 1.0, 0.0, "min #2 at KINK"),
                // hinge loss relu(1 - y·s) with label y = 1, at the margin s = 1
                Arguments.of("hinge at the margin", (ValueFunction) s -> Value.of(1.0).sub(s[0].mul(1.0)).relu(), 1.0, 0.0,
                        -1.0, 0.0, "relu #5 at KINK"),
                Arguments.of("2·abs(x - 3) at 3", (ValueFunction) x -> x[0].sub(3.0).abs().mul(2.0), 3.0, 0.0, -2.0, 2.0,
                        "abs #3 at KINK"),
                // not on the kink, but the left probe at 1e-8 - 1e-6 crosses it: both sides have slope 1
                Arguments.of("relu at 1e-8", (ValueFunction) x -> x[0].relu(), 1e-8, 1.0, 1.0, 1.0, "relu #1 ABOVE->BELOW"),
                Arguments.of("relu at -1e-8", (ValueFunction) x -> x[0].relu(), -1e-8, 0.0, 0.0, 0.0, "relu #1 BELOW->ABOVE"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinks")
    void validSubgradientsPassAtAKink(String name, ValueFunction f, double x, double analytic, double left, double right,
            String operation) {
        GradCheckResult result = checker.check(f, x);
        GradCheckEntry e = result.entries().get(0);
        assertEquals(Verdict.KINK_PASS, e.verdict(), result::toString);
        assertEquals(analytic, e.analytic(), 1e-12);
        assertEquals(left, e.left(), 1e-5);
        assertEquals(right, e.right(), 1e-5);
        assertEquals(List.of(operation), e.kinkOperations());
        assertEquals(0.0, e.relativeError());
        assertEquals(List.of(e), result.kinks());
        assertTrue(result.passed());
        assertTrue(result.toString().endsWith("1 entry: 0 pass, 1 pass at a kink, 0 fail"), result::toString);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, 0.25, 1.0})
    void reluPassesAtZeroWhateverSubgradientTheEngineUses(double reluGradAtZero) {
        try (var restore = Settings.withReluGradAtZero(reluGradAtZero)) {
            GradCheckEntry e = checker.check(x -> x[0].relu(), 0.0).entries().get(0);
            assertEquals(reluGradAtZero, e.analytic());
            assertEquals(Verdict.KINK_PASS, e.verdict());
        }
    }

    @Test
    void thePlainCheckerRaisesAFalseAlarmAtReluZero() {
        GradCheckEntry plain = checker.kinkAware(false).check(x -> x[0].relu(), 0.0).entries().get(0);
        assertEquals(Verdict.FAIL, plain.verdict());
        assertEquals(0.5, plain.numeric(), 1e-9); // the average of the slopes 0 and 1
        assertTrue(plain.kinkOperations().isEmpty());
        assertTrue(Double.isNaN(plain.left()));
        GradCheckEntry aware = checker.check(x -> x[0].relu(), 0.0).entries().get(0);
        assertEquals(Verdict.KINK_PASS, aware.verdict());
        assertEquals(0.5, aware.numeric(), 1e-9); // the same central difference is still reported
    }

    @Test
    void aTieInMaxPassesForBothOperands() {
        GradCheckResult result = checker.check(x -> x[0].max(x[1]), 1.0, 1.0);
        for (GradCheckEntry e : result.entries()) {
            assertEquals(Verdict.KINK_PASS, e.verdict());
            assertEquals(0.5, e.analytic());
            assertEquals(0.0, e.left(), 1e-9);
            assertEquals(1.0, e.right(), 1e-9);
        }
        GradCheckResult min = checker.check(x -> x[0].min(x[1]), -2.0, -2.0);
        assertEquals(2, min.count(Verdict.KINK_PASS), min::toString);
    }

    /**
     * relu(x) - relu(-x) is x itself: slope 1 on both sides of 0. Backpropagation at 0 gives
     * relu'(0)·1 - relu'(0)·(-1)·(-1)... precisely relu'(0) + relu'(0): 0 with PyTorch's relu'(0) = 0,
     * and 2 with relu'(0) = 1. Each relu got a valid subgradient, but the sum did not: no side of x
     * has slope 0 or 2. A plain checker cannot tell this from the false alarm of relu at 0; this one can.
     */
    @ParameterizedTest
    @ValueSource(doubles = {0.0, 1.0})
    void validSubgradientsOfPartsNeedNotAddUpToOneOfTheWhole(double reluGradAtZero) {
        try (var restore = Settings.withReluGradAtZero(reluGradAtZero)) {
            GradCheckResult result = checker.check(x -> x[0].relu().sub(x[0].neg().relu()), 0.0);
            GradCheckEntry e = result.entries().get(0);
            assertEquals(2 * reluGradAtZero, e.analytic());
            assertEquals(1.0, e.left(), 1e-9);
            assertEquals(1.0, e.right(), 1e-9);
            assertEquals(1.0, e.numeric(), 1e-9);
            assertEquals(Verdict.KINK_FAIL, e.verdict(), result::toString);
            assertEquals(List.of("relu #1 at KINK", "relu #3 at KINK"), e.kinkOperations());
            assertFalse(result.passed());
        }
    }

    @Test
    void aKinkThatAnInputDoesNotMoveLeavesThatEntrySmooth() {
        // relu(a)·b at a = 0: moving b leaves relu exactly on its kink, so entry 1 is an ordinary PASS.
        GradCheckResult result = checker.check(x -> x[0].relu().mul(x[1]), 0.0, 2.0);
        assertEquals(Verdict.KINK_PASS, result.entries().get(0).verdict());
        assertEquals(2.0, result.entries().get(0).right(), 1e-9);
        assertEquals(Verdict.PASS, result.entries().get(1).verdict());
        assertEquals(0.0, result.entries().get(1).analytic());
        assertTrue(result.toString().endsWith("2 entries: 1 pass, 1 pass at a kink, 0 fail"), result::toString);
    }

    @Test
    void aSmoothFunctionThroughAKinkedOperationStillPasses() {
        // relu(x²) at 0 is differentiable with derivative 0; the probes move relu off its kink.
        GradCheckEntry e = checker.check(x -> x[0].pow(2).relu(), 0.0).entries().get(0);
        assertEquals(Verdict.KINK_PASS, e.verdict());
        assertEquals(0.0, e.right(), 1e-5);
        assertEquals(0.0, e.left(), 1e-5);
    }

    @Test
    void aStepLargerThanTheDistanceToAFartherKinkIsShrunk() {
        // abs(x) + relu(x - 5e-7) at 0: the right probe at 1e-6 crosses a second kink at 5e-7.
        // The right slope next to 0 is 1 (abs only), not 2.
        GradCheckEntry e = checker.check(x -> x[0].abs().add(x[0].sub(5e-7).relu()), 0.0).entries().get(0);
        assertEquals(1.0, e.right(), 1e-6);
        assertEquals(-1.0, e.left(), 1e-6);
        assertEquals(Verdict.KINK_PASS, e.verdict());
        assertTrue(e.kinkOperations().contains("abs #1 at KINK"), e.kinkOperations()::toString);
        assertTrue(e.kinkOperations().contains("relu #4 BELOW->ABOVE"), e.kinkOperations()::toString);
    }

    /**
     * A known blind spot, pinned here so that it stays documented: the kink test looks at one
     * coordinate at a time. At a tie, max(a, b) has subgradients (t, 1 - t) for t in [0, 1]; a wrong
     * rule giving (1, 1) has each entry in [0, 1], so each entry passes, although the vector is no
     * subgradient (its entries must add up to 1). The directional check complements it here: along v
     * the central difference at the tie is (max(v0, v1) + min(v0, v1)) / 2 = (v0 + v1) / 2, which is
     * grad·v for the correct (0.5, 0.5) and half of grad·v for the wrong (1, 1).
     */
    @Test
    void aJointErrorAcrossCoordinatesAtATieIsMissedPerEntryButSeenAlongADirection() {
        ValueFunction wrongMax = x -> WrongRules.extraSlope(WrongRules.extraSlope(x[0].max(x[1]), x[0], 0.5), x[1], 0.5);
        GradCheckResult result = checker.check(wrongMax, 1.0, 1.0);
        assertEquals(1.0, result.entries().get(0).analytic());
        assertEquals(1.0, result.entries().get(1).analytic());
        assertEquals(2, result.count(Verdict.KINK_PASS), result::toString);
        DirectionalCheck along = checker.checkDirection(wrongMax, 3L, 1.0, 1.0);
        assertEquals(along.analytic() / 2, along.numeric(), 1e-9);
        assertFalse(along.passed(), along::toString);
        assertTrue(checker.checkDirection((ValueFunction) x -> x[0].max(x[1]), 3L, 1.0, 1.0).passed());
        // away from the tie the same wrong rule is caught at once
        assertFalse(checker.check(wrongMax, 2.0, 1.0).passed());
    }

    @Test
    void aKinkCloserThanTheSmallestStepIsReported() {
        // relu(x - 1e-13) at 0: the kink is 1e-13 to the right, closer than the floor of the step search (1e-12),
        // so no right step stays on the branch of x; the entry says so instead of pretending.
        GradCheckEntry e = checker.check(x -> x[0].sub(1e-13).relu(), 0.0).entries().get(0);
        assertTrue(e.verdict().isKink());
        assertEquals(List.of("relu #3 BELOW->ABOVE", "no right step down to 1e-12 stays on one branch"), e.kinkOperations());
        assertEquals(0.0, e.left());
    }

    @Test
    void dataDependentControlFlowIsReportedNotCompared() {
        // An if on the data: x² for x > 0, -x otherwise. The graph at x + eps has other operations.
        ValueFunction branchy = x -> x[0].data() > 0 ? x[0].mul(x[0]) : x[0].neg();
        GradCheckEntry e = checker.check(branchy, 0.0).entries().get(0);
        assertTrue(e.verdict().isKink(), e::toString);
        assertTrue(e.kinkOperations().get(0).contains("the graph changes shape at x+eps"), e.kinkOperations()::toString);
        assertEquals(-1.0, e.left(), 1e-9);
        assertEquals(0.0, e.right(), 1e-5);
        assertEquals(Verdict.KINK_PASS, e.verdict()); // -1 is the left slope
    }

    @Test
    void curvatureNextToAKinkDoesNotFailACorrectGradient() {
        // relu(x) - 2000x² at 0: one-sided slopes 0 and 1; first-order differences with h = 1e-6 would
        // measure 0.002 and 0.998 and fail the correct analytic 0.
        ValueFunction curved = x -> x[0].relu().sub(x[0].mul(x[0]).mul(2000));
        GradCheckEntry e = checker.check(curved, 0.0).entries().get(0);
        assertEquals(Verdict.KINK_PASS, e.verdict(), e::toString);
        assertEquals(0.0, e.left(), 1e-7);
        assertEquals(1.0, e.right(), 1e-7);
    }

    @Test
    void curvatureNextToAKinkDoesNotPassAWrongGradient() {
        // relu with relu'(0) = 1.15 (outside [0, 1]) plus 2e5·x²: first-order slopes -0.2 and 1.2 would let it pass.
        try (var restore = Settings.withReluGradAtZero(1.0)) {
            ValueFunction wrong = x -> WrongRules.extraSlope(x[0].relu(), x[0], 0.15).add(x[0].mul(x[0]).mul(2e5));
            GradCheckEntry e = checker.check(wrong, 0.0).entries().get(0);
            assertEquals(1.15, e.analytic(), 1e-12);
            assertEquals(Verdict.KINK_FAIL, e.verdict(), e::toString);
            assertEquals(0.0, e.left(), 1e-5);
            assertEquals(1.0, e.right(), 1e-5);
        }
    }

    @Test
    void theSecondOrderOneSidedSlopeIsExactForAParabola() {
        // f(x) = 3 + 2x + 5x²: f'(0) = 2 from points on one side only, with equal or unequal steps
        java.util.function.DoubleUnaryOperator f = x -> 3 + 2 * x + 5 * x * x;
        assertEquals(2.0, KinkProbe.secondOrderSlope(f.applyAsDouble(0), 0.5, f.applyAsDouble(0.5), 1.0, f.applyAsDouble(1.0)), 1e-12);
        assertEquals(2.0, KinkProbe.secondOrderSlope(f.applyAsDouble(0), -0.25, f.applyAsDouble(-0.25), -0.7, f.applyAsDouble(-0.7)), 1e-12);
    }

    @Test
    void everyEntryCarriesThePlainCheckersVerdictToo() {
        GradCheckEntry atKink = checker.check(x -> x[0].relu(), 0.0).entries().get(0);
        assertEquals(Verdict.KINK_PASS, atKink.verdict());
        assertEquals(Verdict.FAIL, atKink.plainVerdict());
        assertFalse(atKink.plainPassed());
        assertEquals(checker.kinkAware(false).check(x -> x[0].relu(), 0.0).entries().get(0).verdict(), atKink.plainVerdict());
        GradCheckEntry smooth = checker.check(x -> x[0].exp(), 0.3).entries().get(0);
        assertEquals(Verdict.PASS, smooth.plainVerdict());
        assertTrue(smooth.plainPassed());
    }
}
