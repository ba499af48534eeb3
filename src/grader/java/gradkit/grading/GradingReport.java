package gradkit.grading;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The complete grading of one submission: every exercise, every test, the total. Shown to the student
 * as a table ({@link #toTable()}) and given to a grading platform as Gradescope's
 * {@code results.json} ({@link ResultsJson}).
 *
 * <pre>{@code
 * GradingReport report = Grader.defaults().grade(Path.of("exercises"));
 * System.out.println(report.toTable());
 * ResultsJson.write(report, Path.of("results.json"), ResultsJson.Format.TEXT);
 * report.earned();    // e.g. 87
 * }</pre>
 *
 * @param submission the folder that was graded
 * @param exercises  the exercises, by id
 * @param seconds    how long grading took
 * @param notes      what the reader should know about how it was graded (e.g. the sandbox the machine allowed)
 * @param failure    why the submission could not be graded (then every test failed with that reason),
 *                   or "" when it was graded
 */
public record GradingReport(Path submission, List<ExerciseResult> exercises, double seconds, List<String> notes,
                            String failure) {
    /** How many lines of a failure message the table shows (results.json has more). */
    private static final int TABLE_MESSAGE_LINES = 6;
    /** Longer lines of student text are cut in the table, so that it stays a table. */
    private static final int TABLE_LINE_CHARS = 160;

    /** A report of a submission that was graded. */
    public GradingReport(Path submission, List<ExerciseResult> exercises, double seconds) {
        this(submission, exercises, seconds, List.of(), "");
    }

    /** A report of a submission that was graded, with notes on how. */
    public GradingReport(Path submission, List<ExerciseResult> exercises, double seconds, List<String> notes) {
        this(submission, exercises, seconds, notes, "");
    }

    /**
     * The report of a submission that could not be graded at all: every test of {@code exercises}
     * listed with 0 points and {@code why}.
     */
    public static GradingReport notGraded(Path submission, List<TestScanner.Exercise> exercises, String why,
                                          double seconds) {
        List<ExerciseResult> results = new ArrayList<>();
        for (TestScanner.Exercise ex : exercises) {
            List<TestResult> tests = ex.tests().stream()
                    .map(t -> new TestResult(t, TestOutcome.failed("Not graded: " + why))).toList();
            results.add(new ExerciseResult(ex.id(), ex.studentFile(), "", tests));
        }
        return new GradingReport(submission, results, seconds, List.of(), why);
    }

    /** True when the submission was graded (even if it scored 0); false when grading itself failed. */
    public boolean graded() {
        return failure.isEmpty();
    }

    /** Points earned in all exercises. */
    public int earned() {
        return exercises.stream().mapToInt(ExerciseResult::earned).sum();
    }

    /** Points all exercises are worth. */
    public int maxPoints() {
        return exercises.stream().mapToInt(ExerciseResult::maxPoints).sum();
    }

    /** Every test result, exercise after exercise. */
    public List<TestResult> tests() {
        return exercises.stream().flatMap(e -> e.tests().stream()).toList();
    }

    /** earned / maxPoints in percent (0 when there is nothing to earn). */
    public double percent() {
        return maxPoints() == 0 ? 0 : 100.0 * earned() / maxPoints();
    }

    /**
     * The student's view: one line per exercise, the failed tests with the start of their messages, the
     * total. Everything the student's code controls is cleaned ({@link StudentText#clean}) and shown
     * only on lines that start with "|", so it can never pass for a line of the grader's own.
     */
    public String toTable() {
        StringBuilder out = new StringBuilder();
        out.append("Grading ").append(StudentText.clean(submission.toString()).replace('\n', ' ')).append('\n');
        if (!graded()) {
            out.append(indent(lines(failure, TABLE_MESSAGE_LINES), "  grading failed | ")).append('\n');
        }
        out.append(String.format(Locale.ROOT, "%-6s %-28s %7s  %s%n", "", "exercise", "points", "tests passed"));
        for (ExerciseResult ex : exercises) {
            long passed = ex.tests().stream().filter(t -> t.outcome().passed()).count();
            out.append(String.format(Locale.ROOT, "%-6s %-28s %3d/%-3d  %d of %d%s%n", ex.id(),
                    ex.studentFile().replace(".java", ""), ex.earned(), ex.maxPoints(), passed, ex.tests().size(),
                    ex.compiled() ? "" : "  (did not compile)"));
            if (!ex.compiled()) {
                out.append(indent(lines(ex.compileError(), 12), "         | ")).append('\n');
                continue;
            }
            if (!graded()) {
                continue;   // the reason is above, once
            }
            for (TestResult t : ex.tests()) {
                if (!t.outcome().passed()) {
                    out.append(String.format(Locale.ROOT, "       x %s (%d %s)%n", t.test().displayName(),
                            t.test().points(), t.test().points() == 1 ? "point" : "points"));
                    out.append(indent(lines(t.outcome().message(), TABLE_MESSAGE_LINES), "         | ")).append('\n');
                }
            }
        }
        out.append(String.format(Locale.ROOT, "%-35s %3d/%-3d  (%.1f%%), graded in %.1f s%n", "Total", earned(),
                maxPoints(), percent(), seconds));
        notes.forEach(n -> out.append("Note: ").append(n).append('\n'));
        return out.toString();
    }

    /** Gradescope's results.json as a tree, in text format; see {@link ResultsJson}. */
    public com.fasterxml.jackson.databind.node.ObjectNode toResultsJson() {
        return ResultsJson.tree(this, ResultsJson.Format.TEXT);
    }

    /** Writes Gradescope's results.json to {@code file}, atomically, in text format; see {@link ResultsJson}. */
    public void writeResultsJson(Path file) {
        ResultsJson.write(this, file, ResultsJson.Format.TEXT);
    }

    /** The first {@code max} lines of the cleaned text, each cut to the table's width. */
    private static String lines(String text, int max) {
        String[] lines = StudentText.clean(text).strip().split("\n");
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < Math.min(max, lines.length); i++) {
            String line = lines[i];
            kept.add(line.length() <= TABLE_LINE_CHARS ? line
                    : line.substring(0, TABLE_LINE_CHARS) + " ... (" + (line.length() - TABLE_LINE_CHARS) + " more characters)");
        }
        if (lines.length > max) {
            kept.add("... (" + (lines.length - max) + " more lines in results.json)");
        }
        return String.join("\n", kept);
    }

    private static String indent(String text, String prefix) {
        return prefix + text.replace("\n", "\n" + prefix);
    }
}
