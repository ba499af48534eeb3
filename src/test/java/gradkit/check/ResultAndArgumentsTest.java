package gradkit.check;

import static gradkit.check.WrongRules.extraSlope;
import static gradkit.check.WrongRules.squareMissingOneFactor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradkit.engine.Precision;
import gradkit.engine.Settings;
import gradkit.engine.Value;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The table, the summary, the settings and the messages for bad arguments. */
class ResultAndArgumentsTest {

    private final GradientChecker checker = GradientChecker.defaults();

    /** Three inputs: entry 0 correct, entry 1 wrong at relu's kink, entry 2 wrong away from kinks. */
    private final ValueFunction mixed = x -> Value.sum(x[0].exp(), extraSlope(x[1].relu(), x[1], 2.0),
            squareMissingOneFactor(x[2]));

    @Test
    void theTableShowsTheWorstEntriesFirstAndASummary() {
        GradCheckResult result = checker.check(mixed, 0.5, 0.0, 4.0);
        String[] lines = result.toString().split("\n");
        assertEquals("gradient check (eps=1.0e-06, atol=1.0e-05, rtol=1.0e-03, kink-aware)", lines[0]);
        assertTrue(lines[1].startsWith("index") && lines[1].contains("verdict"), lines[1]);
        // failures first, larger relative error first: entry 1 (|2 - 1| / 2 = 0.5) ties with entry 2 (|4 - 8| / 8 = 0.5),
        // then by index; the passing entry comes last
        assertTrue(lines[2].trim().startsWith("1 ") && lines[2].contains("KINK_FAIL") && lines[2].contains("relu #"), lines[2]);
        assertTrue(lines[3].trim().startsWith("2 ") && lines[3].contains("FAIL"), lines[3]);
        assertTrue(lines[4].trim().startsWith("0 ") && lines[4].contains("PASS"), lines[4]);
        assertTrue(lines[4].contains(" - "), "left and right are not measured away from kinks: " + lines[4]);
        assertEquals("3 entries: 1 pass, 0 pass at a kink, 2 fail (1 at a kink)", lines[5]);
        assertEquals(6, lines.length);
        assertEquals(result.summary(), lines[5]);
        assertEquals(List.of(1, 2), result.failures().stream().map(GradCheckEntry::index).toList());
        assertEquals(List.of(1), result.kinks().stream().map(GradCheckEntry::index).toList());
    }

    @Test
    void theAssertionMessageIsTheTable() {
        GradCheckResult result = checker.check(mixed, 0.5, 0.0, 4.0);
        AssertionError error = assertThrows(AssertionError.class, result::assertPassed);
        assertEquals(result.toString(), error.getMessage());
        assertTrue(error.getMessage().contains("KINK_FAIL"));
        assertTrue(error.getMessage().contains("2 fail"));
    }

    @Test
    void aLongTableKeepsEveryFailureAndLeavesOutPassingRows() {
        double[] x = new double[40];
        for (int i = 0; i < x.length; i++) {
            x[i] = 0.1 * (i + 1);
        }
        // the sum of squares, with entry 33 squared without one factor
        ValueFunction f = v -> {
            Value[] terms = new Value[v.length];
            for (int i = 0; i < v.length; i++) {
                terms[i] = i == 33 ? squareMissingOneFactor(v[i]) : v[i].pow(2);
            }
            return Value.sum(terms);
        };
        GradCheckResult result = checker.check(f, x);
        String[] lines = result.toString().split("\n");
        assertTrue(lines[2].trim().startsWith("33 "), lines[2]);
        assertEquals(2 + GradCheckResult.MAX_ROWS + 2, lines.length);
        assertTrue(lines[lines.length - 2].contains("15 more passing entries"), lines[lines.length - 2]);
        assertEquals("40 entries: 39 pass, 0 pass at a kink, 1 fail", lines[lines.length - 1]);
    }

    @Test
    void settingsAreImmutableAndShown() {
        GradientChecker custom = checker.eps(1e-4).atol(1e-7).rtol(1e-2).kinkAware(false);
        assertEquals(1e-6, checker.eps());
        assertEquals(1e-5, checker.atol());
        assertEquals(1e-3, checker.rtol());
        assertTrue(checker.isKinkAware());
        assertEquals(1e-4, custom.eps());
        assertEquals(1e-7, custom.atol());
        assertEquals(1e-2, custom.rtol());
        assertEquals("GradientChecker(eps=1.0e-04, atol=1.0e-07, rtol=1.0e-02, plain (not kink-aware))", custom.toString());
        assertEquals(checker.toString(), new GradientChecker().toString());
    }

    @Test
    void theToleranceRuleIsGradchecks() {
        // numeric e^1 = 2.718...; analytic off by exactly atol + rtol·|numeric| passes, a little more fails
        double numeric = Math.exp(1.0);
        GradientChecker loose = checker.atol(1e-2).rtol(1e-1);
        double limit = 1e-2 + 1e-1 * numeric;
        assertTrue(loose.check(x -> WrongRules.scaledGradient(x[0].exp(), 1 + 0.99 * limit / numeric), 1.0).passed());
        assertFalse(loose.check(x -> WrongRules.scaledGradient(x[0].exp(), 1 + 1.01 * limit / numeric), 1.0).passed());
    }

    @Test
    void aLargeRelativeErrorBetweenTwoZerosIsExplained() {
        // tanh(2w + b)² at 2w + b = 0: both derivatives are 0, the central difference is rounding noise
        Value w = Value.of(0.5), b = Value.of(-1.0);
        GradCheckResult result = checker.checkParameters(List.of(w, b), () -> w.mul(2.0).add(b).tanh().pow(2));
        assertTrue(result.passed());
        assertTrue(result.entries().stream().allMatch(e -> e.analytic() == 0.0 && Math.abs(e.numeric()) < 1e-12));
        assertTrue(result.toString().contains("both derivatives are about 0"), result::toString);
        assertFalse(checker.check(x -> x[0].exp(), 1.0).toString().contains("note:"));
    }

    @Test
    void inFloat32TheDefaultStepIsTooSmallAndTheTableSaysSo() {
        ValueFunction f = x -> x[0].tanh().mul(x[1]);
        try (var restore = Settings.withPrecision(Precision.FLOAT32)) {
            GradCheckResult tiny = checker.check(f, 0.3, 1.7);
            assertFalse(tiny.passed(), tiny::toString); // rounding to 7 digits, divided by 2e-6: errors near 1%
            assertTrue(tiny.toString().startsWith("gradient check (eps=1.0e-06, atol=1.0e-05, rtol=1.0e-03, kink-aware, "
                    + "precision FLOAT32)"), tiny::toString);
            assertTrue(tiny.toString().contains("try eps(1e-2)"), tiny::toString);
            checker.eps(1e-2).check(f, 0.3, 1.7).assertPassed();
        }
        checker.check(f, 0.3, 1.7).assertPassed();
    }

    @Test
    void relativeErrorIsTheCs231nMeasure() {
        assertEquals(0.0, GradientChecker.relativeError(2.0, 2.0));
        assertEquals(0.5, GradientChecker.relativeError(1.0, 2.0));
        assertEquals(0.5, GradientChecker.relativeError(2.0, 1.0));
        assertEquals(2.0, GradientChecker.relativeError(-1.0, 1.0));
        assertEquals(Double.POSITIVE_INFINITY, GradientChecker.relativeError(Double.POSITIVE_INFINITY, 1.0));
        assertEquals(Double.POSITIVE_INFINITY, GradientChecker.relativeError(Double.NaN, 1.0));
    }

    @Test
    void aProbeOutsideTheDomainIsReportedWithItsCulprit() {
        // sqrt is finite at 0, but the left probe at -eps is not: no verdict, an explanation
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> checker.check(x -> x[0].sqrt(), 0.0));
        assertTrue(e.getMessage().contains("sqrt(-1.0E-6) = NaN"), e.getMessage());
        // a point farther than eps from the edge is fine
        GradCheckResult fine = checker.check(x -> x[0].sqrt(), 1e-2);
        fine.assertPassed();
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1e-6, Double.NaN, Double.POSITIVE_INFINITY})
    void refusesABadEps(double eps) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> checker.eps(eps));
        assertTrue(e.getMessage().contains("but got " + eps), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1e-9, Double.NaN, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY})
    void refusesBadTolerances(double tolerance) {
        IllegalArgumentException atol = assertThrows(IllegalArgumentException.class, () -> checker.atol(tolerance));
        assertTrue(atol.getMessage().startsWith("atol must be") && atol.getMessage().contains(String.valueOf(tolerance)));
        IllegalArgumentException rtol = assertThrows(IllegalArgumentException.class, () -> checker.rtol(tolerance));
        assertTrue(rtol.getMessage().startsWith("rtol must be"), rtol.getMessage());
    }

    @Test
    void refusesAnEpsTooSmallToMoveTheInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> checker.check(x -> x[0].pow(2), 1e12));
        assertTrue(e.getMessage().contains("too small to move x 0 = 1.0E12"), e.getMessage());
    }

    @Test
    void zeroTolerancesAreAllowed() {
        assertEquals(0.0, checker.atol(0).rtol(0).atol());
    }

    @Test
    void refusesBadFunctionsAndPoints() {
        IllegalArgumentException nullF = assertThrows(IllegalArgumentException.class, () -> checker.check(null, 1.0));
        assertTrue(nullF.getMessage().contains("got null"));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> checker.check(x -> x[0]));
        assertTrue(empty.getMessage().contains("got none"));
        assertThrows(IllegalArgumentException.class, () -> checker.check(x -> x[0], (double[]) null));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class, () -> checker.check(x -> x[0], 1.0, Double.NaN));
        assertTrue(nan.getMessage().contains("x[1] = NaN"), nan.getMessage());
        IllegalStateException returnsNull = assertThrows(IllegalStateException.class, () -> checker.check(x -> null, 1.0));
        assertTrue(returnsNull.getMessage().contains("returned null"), returnsNull.getMessage());
        IllegalArgumentException notFinite = assertThrows(IllegalArgumentException.class, () -> checker.check(x -> x[0].log(), 0.0));
        assertTrue(notFinite.getMessage().contains("log(0.0) = -Infinity"), notFinite.getMessage());
        IllegalArgumentException overflow = assertThrows(IllegalArgumentException.class,
                () -> checker.check(x -> x[0].exp().mul(x[1]), 1000.0, 2.0));
        assertTrue(overflow.getMessage().contains("Infinity"), overflow.getMessage());
    }

    @Test
    void entriesRefuseAMissingVerdict() {
        assertThrows(IllegalArgumentException.class, () -> new GradCheckEntry(0, 1, 1, Double.NaN, Double.NaN, 0, null, List.of(), Verdict.PASS));
        GradCheckEntry e = new GradCheckEntry(0, 1, 1, Double.NaN, Double.NaN, 0, Verdict.PASS, null, Verdict.PASS);
        assertEquals(List.of(), e.kinkOperations());
    }
}
