package gradkit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradkit.engine.Precision;
import gradkit.engine.Settings;
import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Everything the checker prints fits a notebook's page (100 characters a line), and fitting it cut
 * nothing: every kink operation and note is still there in full.
 */
class PageWidthTest {

    private static final int PAGE = 100;

    private final GradientChecker checker = GradientChecker.defaults();

    /** The lines of {@code text} longer than the page, with their lengths. */
    private static List<String> tooWide(String text) {
        return text.lines().filter(line -> line.length() > PAGE).map(line -> line.length() + ": " + line).toList();
    }

    private static void assertFits(String text) {
        assertEquals(List.of(), tooWide(text), text);
    }

    /**
     * The kink operations of the row of entry {@code index}: what follows the verdict on the row's
     * line and on the lines below it that hold only operations (they start with spaces up to that column).
     */
    private static String operationsOf(String table, int index) {
        List<String> lines = table.lines().toList();
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k);
            String[] words = line.trim().split(" +");
            // a row with operations: index, four numbers, rel.error, KINK_PASS or KINK_FAIL, operations
            if (words.length > 7 && words[0].equals(Integer.toString(index)) && words[6].startsWith("KINK_")) {
                int column = line.indexOf(words[6]) + "KINK_PASS  ".length();
                List<String> parts = new ArrayList<>(List.of(line.substring(column)));
                for (int j = k + 1; j < lines.size() && lines.get(j).length() > column
                        && lines.get(j).substring(0, column).isBlank(); j++) {
                    parts.add(lines.get(j).substring(column));
                }
                return String.join(" ", parts);
            }
        }
        throw new AssertionError("no row for entry " + index + " in\n" + table);
    }

    @Test
    void notebook04sFiveCornersFitWithTheirOperations() {
        ValueFunction f5 = v -> v[0].relu().add(v[1].abs()).add(v[2].max(v[3])).add(v[4].relu());
        GradCheckResult result = checker.check(f5, 0.0, 0.0, 1.0, 1.0, 3e-7);
        assertFits(result.toString());
        for (GradCheckEntry e : result.entries()) {
            assertEquals(String.join(", ", e.kinkOperations()), operationsOf(result.toString(), e.index()));
        }
    }

    @Test
    void manyOperationsOnOneEntryGoOnBelowTheirRow() {
        // twelve relus all at their kink when x0 = 0: twelve operations for entry 0
        ValueFunction f = x -> {
            Value[] terms = new Value[12];
            for (int k = 0; k < terms.length; k++) {
                terms[k] = x[0].mul(k + 1).relu();
            }
            return Value.sum(terms).mul(x[1]);
        };
        GradCheckResult result = checker.check(f, 0.0, 1.5);
        String table = result.toString();
        assertFits(table);
        GradCheckEntry entry = result.entries().get(0);
        assertEquals(12, entry.kinkOperations().size());
        assertEquals(String.join(", ", entry.kinkOperations()), operationsOf(table, 0));
        assertTrue(table.lines().count() > 6, "the operations take several lines:\n" + table);
    }

    @Test
    void aGraphThatChangesShapeIsExplainedInFull() {
        ValueFunction branchy = x -> x[0].data() > 0 ? x[0].mul(x[0]) : x[0].neg();
        GradCheckResult result = checker.check(branchy, 0.0);
        GradCheckEntry entry = result.entries().get(0);
        assertTrue(String.join(", ", entry.kinkOperations()).length() > PAGE / 2, entry::toString);
        assertFits(result.toString());
        assertEquals(String.join(", ", entry.kinkOperations()), operationsOf(result.toString(), 0));
    }

    @Test
    void hugeAndTinyNumbersFit() {
        ValueFunction f = x -> x[0].mul(-1e150).relu().add(x[1].mul(1e-150)).add(x[2].abs().mul(-1e200));
        String table = checker.check(f, 0.0, 2.0, 0.0).toString();
        assertTrue(table.contains("e+200") || table.contains("e+150"), table);
        assertFits(table);
    }

    @Test
    void theNotesAndTheSettingsInFloat32Fit() {
        try (var restore = Settings.withPrecision(Precision.FLOAT32)) {
            GradientChecker plain = checker.kinkAware(false);
            GradCheckResult result = plain.check(x -> x[0].tanh().mul(x[1]), 0.3, 1.7);
            String table = result.toString();
            assertFits(table);
            assertFits(plain.toString());
            String text = table.lines().map(String::strip).collect(Collectors.joining(" "));
            assertTrue(text.contains("note: in FLOAT32 a step of 1.0E-6 is swamped by rounding; try eps(1e-2), "
                    + "or eps(1e-3) with atol(1e-4) and rtol(1e-2)."), table);
        }
        // both derivatives 0: the note under the table explains the large rel.error
        Value w = Value.of(0.5), b = Value.of(-1.0);
        String table = checker.checkParameters(List.of(w, b), () -> w.mul(2.0).add(b).tanh().pow(2)).toString();
        assertTrue(table.contains("note: a large rel.error"), table);
        assertFits(table);
    }

    @Test
    void aLongTableFits() {
        double[] x = new double[60];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 3 == 0 ? 0.0 : 0.1 * i;
        }
        ValueFunction f = v -> {
            Value[] terms = new Value[v.length];
            for (int i = 0; i < v.length; i++) {
                terms[i] = i % 7 == 0 ? WrongRules.extraSlope(v[i].relu(), v[i], 0.5 * i) : v[i].relu().mul(v[i].abs());
            }
            return Value.sum(terms);
        };
        GradCheckResult result = checker.check(f, x);
        assertFalse(result.passed());
        assertFits(result.toString());
    }

    @Test
    void theDirectionalCheckFitsAlsoWhenAProbeCrossedAKink() {
        DirectionalCheck smooth = checker.checkDirection(x -> x[0].mul(x[1]).exp(), Long.MIN_VALUE, 0.3, -0.7);
        assertFits(smooth.toString());
        double[] many = new double[1000];
        DirectionalCheck kink = checker.checkDirection(x -> Value.sum(x).relu(), -1234567890123L, many);
        assertTrue(kink.crossedKink());
        assertTrue(kink.toString().contains("a probe crossed a kink"), kink::toString);
        assertFits(kink.toString());
    }

    @Test
    void theRefusalOfALossBuiltOnceFits() {
        Value w = Value.of(0.5);
        Value builtOnce = w.mul(w);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> checker.checkParameters(List.of(w), () -> builtOnce));
        // printed as notebook 06 prints it, after "refused: "
        assertFits("refused: " + e.getMessage());
        assertTrue(e.getMessage().contains("same Value object twice"), e.getMessage());
    }
}
