package gradkit.check;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The text of a {@link GradCheckResult}: the settings, a fixed-width table of the entries with the
 * worst first, notes on puzzling rows and the summary, every line at most {@link PageWidth#COLUMNS}
 * characters long.
 *
 * <p>Numbers show four significant digits: enough to see whether backprop and finite differences
 * agree, and by how much they differ is the rel.error column's job. The kink operations, the one
 * column of unbounded length, go on below their row, aligned, when they do not fit beside the
 * numbers.
 */
final class CheckTable {

    /** A row's fixed columns, up to the kink operations. */
    private static final String ROW = "%5s  %10s  %10s  %10s  %10s  %9s  %-9s  ";
    /** Where a note's second line starts: under the text after "note: ". */
    private static final String NOTE_INDENT = "      ";

    private CheckTable() {}

    /** The table of {@code entries}, showing at most {@code maxRows} rows unless more entries failed. */
    static String render(List<GradCheckEntry> entries, String settings, List<String> notes, String summary, int maxRows) {
        List<GradCheckEntry> worstFirst = new ArrayList<>(entries);
        worstFirst.sort(Comparator.comparing((GradCheckEntry e) -> e.passed())
                .thenComparing(GradCheckEntry::relativeError, Comparator.reverseOrder())
                .thenComparingInt(GradCheckEntry::index));
        long failures = entries.stream().filter(e -> !e.passed()).count();
        int shown = (int) Math.min(worstFirst.size(), Math.max(maxRows, failures));

        List<String> lines = new ArrayList<>(wrap("gradient check (" + settings + ")", "  "));
        lines.add(String.format(Locale.ROOT, ROW, "index", "analytic", "numeric", "left", "right", "rel.error", "verdict")
                + "kink operations");
        for (GradCheckEntry e : worstFirst.subList(0, shown)) {
            lines.addAll(row(e));
        }
        if (shown < worstFirst.size()) {
            lines.add(String.format(Locale.ROOT, "%5s  (%d more passing entries, with smaller errors)", "...",
                    worstFirst.size() - shown));
        }
        for (String note : notes) {
            List<String> noteLines = note.lines().toList();
            for (int k = 0; k < noteLines.size(); k++) {
                lines.addAll(wrap(k == 0 ? noteLines.get(k) : NOTE_INDENT + noteLines.get(k), NOTE_INDENT));
            }
        }
        lines.add(summary);
        return String.join("\n", lines);
    }

    /** One entry's row: its numbers, then its kink operations, packed into as many lines as they need. */
    private static List<String> row(GradCheckEntry e) {
        String numbers = String.format(Locale.ROOT, ROW, e.index(), number(e.analytic()), number(e.numeric()),
                number(e.left()), number(e.right()), error(e.relativeError()), e.verdict());
        if (e.kinkOperations().isEmpty()) {
            return List.of(numbers.stripTrailing());
        }
        List<String> lines = new ArrayList<>();
        String indent = " ".repeat(numbers.length());
        for (String operations : PageWidth.pack(e.kinkOperations(), PageWidth.COLUMNS - numbers.length())) {
            lines.add((lines.isEmpty() ? numbers : indent) + operations);
        }
        return lines;
    }

    /** {@code line} broken between words to fit the page, its later lines indented by {@code indent}. */
    private static List<String> wrap(String line, String indent) {
        if (line.length() <= PageWidth.COLUMNS) {
            return List.of(line);
        }
        List<String> lines = new ArrayList<>();
        for (String piece : PageWidth.words(line, PageWidth.COLUMNS - indent.length())) {
            lines.add(lines.isEmpty() ? piece : indent + piece);
        }
        return lines;
    }

    private static String number(double x) {
        return Double.isNaN(x) ? "-" : String.format(Locale.ROOT, "%.3e", x);
    }

    private static String error(double x) {
        return String.format(Locale.ROOT, "%.2e", x);
    }
}
