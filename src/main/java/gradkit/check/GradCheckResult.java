package gradkit.check;

import java.util.List;

/**
 * The outcome of a gradient check: one {@link GradCheckEntry} per input or parameter, and a table to
 * read them by.
 *
 * <pre>{@code
 * GradCheckResult r = GradientChecker.defaults().check(x -> x[0].relu().mul(x[1]), 0.0, 2.0);
 * r.passed();             // true
 * r.kinks().size();       // 1: entry 0 sits on relu's kink
 * System.out.println(r);  // the table, worst entries first, then
 *                         // "2 entries: 1 pass, 1 pass at a kink, 0 fail"
 * }</pre>
 */
public final class GradCheckResult {

    /** Tables longer than this show every failure but leave out passing rows, saying how many. */
    static final int MAX_ROWS = 25;

    private final List<GradCheckEntry> entries;
    private final String settings;
    private final List<String> notes;

    GradCheckResult(List<GradCheckEntry> entries, String settings, List<String> notes) {
        this.entries = List.copyOf(entries);
        this.settings = settings;
        this.notes = List.copyOf(notes);
    }

    /**
     * All entries, in input order.
     *
     * <pre>{@code double a0 = result.entries().get(0).analytic(); }</pre>
     */
    public List<GradCheckEntry> entries() {
        return entries;
    }

    /**
     * Whether every entry passed (PASS or KINK_PASS).
     *
     * <pre>{@code if (!result.passed()) System.out.println(result); }</pre>
     */
    public boolean passed() {
        return failures().isEmpty();
    }

    /**
     * The entries that failed (FAIL or KINK_FAIL), in input order.
     *
     * <pre>{@code result.failures().forEach(System.out::println); }</pre>
     */
    public List<GradCheckEntry> failures() {
        return entries.stream().filter(e -> !e.passed()).toList();
    }

    /**
     * The entries at a kink (KINK_PASS or KINK_FAIL), in input order.
     *
     * <pre>{@code result.kinks().get(0).kinkOperations();   // e.g. [relu #1 at KINK] }</pre>
     */
    public List<GradCheckEntry> kinks() {
        return entries.stream().filter(e -> e.verdict().isKink()).toList();
    }

    /**
     * How many entries got {@code verdict}.
     *
     * <pre>{@code result.count(Verdict.KINK_PASS); }</pre>
     */
    public int count(Verdict verdict) {
        return (int) entries.stream().filter(e -> e.verdict() == verdict).count();
    }

    /**
     * Throws if an entry failed, with the table as the message; does nothing otherwise.
     *
     * <pre>{@code GradientChecker.defaults().check(f, 1.0, 2.0).assertPassed(); }</pre>
     *
     * @throws AssertionError whose message is {@link #toString()}
     */
    public void assertPassed() {
        if (!passed()) {
            throw new AssertionError(toString());
        }
    }

    /**
     * The one-line summary, for example {@code "12 entries: 10 pass, 2 pass at a kink, 0 fail"}; when
     * some failures were at a kink it adds how many: {@code "..., 3 fail (1 at a kink)"}.
     *
     * <pre>{@code System.out.println(result.summary()); }</pre>
     */
    public String summary() {
        int failed = count(Verdict.FAIL) + count(Verdict.KINK_FAIL);
        String text = entries.size() + (entries.size() == 1 ? " entry: " : " entries: ") + count(Verdict.PASS) + " pass, "
                + count(Verdict.KINK_PASS) + " pass at a kink, " + failed + " fail";
        return count(Verdict.KINK_FAIL) > 0 ? text + " (" + count(Verdict.KINK_FAIL) + " at a kink)" : text;
    }

    /**
     * A fixed-width table of the entries, failures first and then by relative error, largest first,
     * followed by notes on puzzling rows (if any) and the summary line. Left and right derivatives
     * show "-" where they were not measured. No line is longer than 100 characters, the width of a
     * notebook's page: numbers show four significant digits, and kink operations that do not fit
     * beside their row go on below it.
     *
     * <pre>{@code
     * gradient check (eps=1.0e-06, atol=1.0e-05, rtol=1.0e-03, kink-aware)
     * index    analytic     numeric        left       right  rel.error  verdict    kink operations
     *     0   0.000e+00   1.000e+00   1.000e+00   1.000e+00   1.00e+00  KINK_FAIL  relu #1 at KINK,
     *                                                                              relu #3 at KINK
     * 1 entry: 0 pass, 0 pass at a kink, 1 fail (1 at a kink)
     * }</pre>
     */
    @Override
    public String toString() {
        return CheckTable.render(entries, settings, notes, summary(), MAX_ROWS);
    }
}
