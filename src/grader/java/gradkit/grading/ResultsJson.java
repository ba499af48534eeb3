package gradkit.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Gradescope's autograder results ({@code results.json}) for one {@link GradingReport}.
 *
 * <p>Top level: {@code score}, {@code execution_time} (whole seconds), {@code output} (a summary that
 * counts only the tests a student may see now), {@code output_format}, {@code test_output_format},
 * {@code test_name_format}, {@code visibility}, {@code stdout_visibility} ("hidden" as soon as one test
 * is not "visible", since the grader's console table shows every test), {@code extra_data} (total and
 * per-exercise points for the instructor) and {@code tests[]}. Each test: {@code name},
 * {@code name_format}, {@code number} ("6.2": exercise 6, second test), {@code score},
 * {@code max_score}, {@code status} ("passed"/"failed"), {@code output}, {@code output_format} and
 * {@code visibility} (from {@link Points#visibility()}).
 *
 * <p>Bounds: every string is cleaned ({@link StudentText#clean}), so the file is valid JSON in UTF-8
 * whatever a submission prints; each test's output keeps at most {@value #MAX_TEST_OUTPUT_CHARS}
 * characters and the whole file stays under {@value #MAX_REPORT_BYTES} bytes, cutting the longest
 * outputs further when needed, each cut with a note saying how much and why.
 *
 * <pre>{@code
 * ResultsJson.write(report, Path.of("/autograder/results/results.json"), ResultsJson.Format.TEXT);
 * }</pre>
 */
public final class ResultsJson {
    /** The most characters one test's output keeps. */
    public static final int MAX_TEST_OUTPUT_CHARS = 64 * 1024;
    /** The most bytes the whole results.json may have. */
    public static final int MAX_REPORT_BYTES = 1024 * 1024;
    /** No test's output is cut below this to make the whole report fit. */
    private static final int MIN_TEST_OUTPUT_CHARS = 256;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsJson() {
    }

    /** How Gradescope renders the outputs: plain text, or Markdown (student text then sits in code blocks). */
    public enum Format {
        TEXT("text"), MARKDOWN("md");

        private final String gradescopeName;

        Format(String gradescopeName) {
            this.gradescopeName = gradescopeName;
        }

        /** "text" or "md", as results.json spells it. */
        public String gradescopeName() {
            return gradescopeName;
        }

        /** The format named "text" or "md" (as on the command line). */
        public static Format named(String name) {
            for (Format f : values()) {
                if (f.gradescopeName.equals(name)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("The output format must be \"text\" or \"md\", but got \"" + name + "\".");
        }
    }

    /** The results as a JSON tree, within the bounds of the class comment. */
    public static ObjectNode tree(GradingReport report, Format format) {
        int perTest = MAX_TEST_OUTPUT_CHARS;
        while (true) {
            ObjectNode root = build(report, format, perTest);
            if (perTest == MIN_TEST_OUTPUT_CHARS || bytes(root).length <= MAX_REPORT_BYTES) {
                return root;
            }
            perTest = Math.max(MIN_TEST_OUTPUT_CHARS, perTest * 2 / 3);
        }
    }

    /** The results as the UTF-8 bytes of results.json. */
    public static byte[] bytes(GradingReport report, Format format) {
        return bytes(tree(report, format));
    }

    /** Writes results.json to {@code file} atomically ({@link AtomicFile}). */
    public static void write(GradingReport report, Path file, Format format) {
        AtomicFile.write(file, bytes(report, format));
    }

    private static byte[] bytes(ObjectNode root) {
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write results.json: " + e.getOriginalMessage(), e);
        }
    }

    private static ObjectNode build(GradingReport report, Format format, int perTest) {
        ObjectNode root = JSON.createObjectNode();
        root.put("score", (double) report.earned());
        root.put("execution_time", Math.max(0, Math.round(report.seconds())));
        boolean allVisible = report.tests().stream()
                .allMatch(t -> t.test().visibility() == Points.Visibility.VISIBLE);
        int cuts = 0;
        ArrayNode tests = JSON.createArrayNode();
        for (ExerciseResult ex : report.exercises()) {
            int n = 0;
            for (TestResult t : ex.tests()) {
                n++;
                String raw = StudentText.clean(output(report, ex, t));
                String why = perTest == MAX_TEST_OUTPUT_CHARS
                        ? "each test's output is capped at " + MAX_TEST_OUTPUT_CHARS + " characters"
                        : "outputs were cut to " + perTest + " characters so that results.json stays under "
                                + MAX_REPORT_BYTES / 1024 + " KiB";
                String capped = StudentText.cap(raw, perTest, why);
                cuts += capped.length() == raw.length() ? 0 : 1;
                ObjectNode test = tests.addObject();
                test.put("name", StudentText.clean(t.test().fullName()));
                test.put("name_format", "text");
                test.put("number", Integer.parseInt(ex.id().replaceAll("\\D", "")) + "." + n);
                test.put("score", (double) t.earned());
                test.put("max_score", (double) t.test().points());
                test.put("status", t.outcome().passed() ? "passed" : "failed");
                test.put("output", format == Format.MARKDOWN ? Markdown.codeBlock(capped) : capped);
                test.put("output_format", format.gradescopeName());
                test.put("visibility", t.test().visibility().gradescopeName());
            }
        }
        root.put("output", summary(report, cuts));
        root.put("output_format", "text");
        root.put("test_output_format", format.gradescopeName());
        root.put("test_name_format", "text");
        root.put("visibility", "visible");
        root.put("stdout_visibility", allVisible ? "visible" : "hidden");
        root.set("extra_data", extraData(report));
        root.set("tests", tests);
        return root;
    }

    /** What a test's output says: its message and what it printed, or why it could not run. */
    private static String output(GradingReport report, ExerciseResult ex, TestResult t) {
        if (!report.graded()) {
            return t.outcome().message();
        }
        if (!ex.compiled()) {
            return ex.studentFile() + " did not compile, so this test could not run:\n" + ex.compileError();
        }
        return t.feedback();
    }

    /** The summary counts only tests shown at once, so that it gives nothing hidden away. */
    private static String summary(GradingReport report, int cuts) {
        int earned = 0;
        int max = 0;
        int hiddenTests = 0;
        int hiddenPoints = 0;
        for (TestResult t : report.tests()) {
            if (t.test().visibility() == Points.Visibility.VISIBLE) {
                earned += t.earned();
                max += t.test().points();
            } else {
                hiddenTests++;
                hiddenPoints += t.test().points();
            }
        }
        StringBuilder s = new StringBuilder();
        if (!report.graded()) {
            s.append("Grading failed: ").append(StudentText.clean(report.failure())).append("\n");
        }
        s.append(String.format(Locale.ROOT, "%d / %d points in the tests shown now.", earned, max));
        if (hiddenTests > 0) {
            s.append(String.format(Locale.ROOT, " %d more %s (%d points) will be shown later.", hiddenTests,
                    hiddenTests == 1 ? "test" : "tests", hiddenPoints));
        }
        if (cuts > 0) {
            s.append(String.format(Locale.ROOT, "\nThe output of %d %s was cut (each says where and why).", cuts,
                    cuts == 1 ? "test" : "tests"));
        }
        report.notes().forEach(n -> s.append("\nNote: ").append(StudentText.clean(n)));
        return s.toString();
    }

    private static ObjectNode extraData(GradingReport report) {
        ObjectNode extra = JSON.createObjectNode();
        extra.put("earned", report.earned());
        extra.put("max_score", report.maxPoints());
        extra.put("graded", report.graded());
        if (!report.graded()) {
            extra.put("failure", StudentText.clean(report.failure()));
        }
        ObjectNode perExercise = extra.putObject("exercises");
        for (ExerciseResult ex : report.exercises()) {
            ObjectNode cell = perExercise.putObject(ex.id());
            cell.put("earned", ex.earned());
            cell.put("max_score", ex.maxPoints());
            cell.put("compiled", ex.compiled());
        }
        return extra;
    }
}
