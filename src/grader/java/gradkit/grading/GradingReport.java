package gradkit.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The complete grading of one submission: every exercise, every test, the total. Shown to the student
 * as a table ({@link #toTable()}) and given to a grading platform as Gradescope's
 * {@code results.json} ({@link #writeResultsJson(Path)}).
 *
 * <pre>{@code
 * GradingReport report = Grader.defaults().grade(Path.of("exercises"));
 * System.out.println(report.toTable());
 * report.writeResultsJson(Path.of("results.json"));
 * report.earned();    // e.g. 87
 * }</pre>
 *
 * @param submission the folder that was graded
 * @param exercises  the exercises, by id
 * @param seconds    how long grading took
 * @param notes      what the reader should know about how it was graded (e.g. the sandbox the machine allowed)
 */
public record GradingReport(Path submission, List<ExerciseResult> exercises, double seconds, List<String> notes) {
    /** A report without notes. */
    public GradingReport(Path submission, List<ExerciseResult> exercises, double seconds) {
        this(submission, exercises, seconds, List.of());
    }

    /** How many lines of a failure message the table shows (results.json has all of it). */
    private static final int TABLE_MESSAGE_LINES = 6;

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

    /** The student's view: one line per exercise, the failed tests with their messages, the total. */
    public String toTable() {
        StringBuilder out = new StringBuilder();
        out.append("Grading ").append(submission).append('\n');
        out.append(String.format(Locale.ROOT, "%-6s %-28s %7s  %s%n", "", "exercise", "points", "tests passed"));
        for (ExerciseResult ex : exercises) {
            long passed = ex.tests().stream().filter(t -> t.outcome().passed()).count();
            out.append(String.format(Locale.ROOT, "%-6s %-28s %3d/%-3d  %d of %d%s%n", ex.id(),
                    ex.studentFile().replace(".java", ""), ex.earned(), ex.maxPoints(), passed, ex.tests().size(),
                    ex.compiled() ? "" : "  (did not compile)"));
            if (!ex.compiled()) {
                out.append(indent(firstLines(ex.compileError(), 12), "         | ")).append('\n');
                continue;
            }
            for (TestResult t : ex.tests()) {
                if (!t.outcome().passed()) {
                    out.append(String.format(Locale.ROOT, "       x %s (%d %s)%n", t.test().displayName(),
                            t.test().points(), t.test().points() == 1 ? "point" : "points"));
                    out.append(indent(firstLines(t.outcome().message(), TABLE_MESSAGE_LINES), "         | ")).append('\n');
                }
            }
        }
        out.append(String.format(Locale.ROOT, "%-35s %3d/%-3d  (%.1f%%), graded in %.1f s%n", "Total", earned(),
                maxPoints(), percent(), seconds));
        notes.forEach(n -> out.append("Note: ").append(n).append('\n'));
        return out.toString();
    }

    /** earned / maxPoints in percent (0 when there is nothing to earn). */
    public double percent() {
        return maxPoints() == 0 ? 0 : 100.0 * earned() / maxPoints();
    }

    /**
     * Gradescope's autograder format: {@code score}, {@code execution_time}, {@code output}, and
     * {@code tests[]} with {@code name}, {@code number}, {@code score}, {@code max_score},
     * {@code status} ("passed"/"failed"), {@code output} and {@code visibility}.
     */
    public Map<String, Object> toResultsJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("score", (double) earned());
        root.put("max_score", (double) maxPoints());
        root.put("execution_time", Math.round(seconds));
        root.put("output", String.format(Locale.ROOT, "%d / %d points (%.1f%%)", earned(), maxPoints(), percent())
                + (notes.isEmpty() ? "" : "\n" + String.join("\n", notes)));
        root.put("visibility", "visible");
        root.put("stdout_visibility", "visible");
        List<Map<String, Object>> tests = new ArrayList<>();
        for (ExerciseResult ex : exercises) {
            int n = 0;
            for (TestResult t : ex.tests()) {
                n++;
                Map<String, Object> test = new LinkedHashMap<>();
                test.put("name", t.test().fullName());
                test.put("number", ex.id().substring(2).replaceFirst("^0", "") + "." + n);
                test.put("score", (double) t.earned());
                test.put("max_score", (double) t.test().points());
                test.put("status", t.outcome().passed() ? "passed" : "failed");
                test.put("output", ex.compiled() ? t.feedback()
                        : ex.studentFile() + " did not compile, so this test could not run:\n" + ex.compileError());
                test.put("visibility", "visible");
                tests.add(test);
            }
        }
        root.put("tests", tests);
        return root;
    }

    /** Writes {@link #toResultsJson()} to {@code file} (creating its folder), pretty-printed. */
    public void writeResultsJson(Path file) {
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), toResultsJson());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    private static String firstLines(String text, int max) {
        String[] lines = text.strip().split("\n");
        if (lines.length <= max) {
            return String.join("\n", lines);
        }
        return String.join("\n", java.util.Arrays.copyOf(lines, max)) + "\n... (" + (lines.length - max) + " more lines)";
    }

    private static String indent(String text, String prefix) {
        return prefix + text.replace("\n", "\n" + prefix);
    }
}
