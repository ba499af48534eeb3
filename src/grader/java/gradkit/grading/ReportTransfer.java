package gradkit.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries one student's grading from the child grader process back to instructor mode, as one line on
 * the child's standard output: {@code gradkit-report <token> <json>}. The token is a secret the parent
 * gives the child on its standard input, so a line printed by anything else does not count.
 *
 * <p>The line holds outcomes only (passed, message, output per test; the compiler's message per
 * exercise). The tests themselves, with their names and points, the parent takes from its own scan
 * of the grading tests, and it refuses a line whose tests do not match them one for one: a child
 * cannot award points the tests do not have.
 *
 * <pre>{@code
 * String line = ReportTransfer.line(token, report);                        // in the child
 * GradingReport back = ReportTransfer.read(stdout, token, exercises, dir);  // in the parent, or null
 * }</pre>
 */
final class ReportTransfer {
    private static final String PREFIX = "gradkit-report ";
    /** Messages and outputs travel cut to this (results.json keeps less). */
    private static final int MAX_CHARS = 2 * ResultsJson.MAX_TEST_OUTPUT_CHARS;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportTransfer() {
    }

    /** The report line the child prints. */
    static String line(String token, GradingReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("seconds", report.seconds());
        ArrayNode exercises = root.putArray("exercises");
        for (ExerciseResult ex : report.exercises()) {
            ObjectNode e = exercises.addObject();
            e.put("id", ex.id());
            e.put("compileError", cut(ex.compileError()));
            ArrayNode tests = e.putArray("tests");
            for (TestResult t : ex.tests()) {
                ObjectNode o = tests.addObject();
                o.put("method", t.test().methodName());
                o.put("passed", t.outcome().passed());
                o.put("message", cut(t.outcome().message()));
                o.put("output", cut(t.outcome().output()));
            }
        }
        try {
            return PREFIX + token + " " + JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not encode the report: " + e.getOriginalMessage(), e);
        }
    }

    private static String cut(String s) {
        return StudentText.cap(StudentText.clean(s), MAX_CHARS, "cut on the way from the student's grader");
    }

    /**
     * The report in {@code stdout} (the last line carrying {@code token}), rebuilt on {@code exercises};
     * null when there is no such line or it does not match the exercises.
     */
    static GradingReport read(String stdout, String token, List<TestScanner.Exercise> exercises, Path submission) {
        String marker = PREFIX + token + " ";
        String found = null;
        for (String line : stdout.split("\n")) {
            if (line.startsWith(marker)) {
                found = line.substring(marker.length());
            }
        }
        if (found == null) {
            return null;
        }
        try {
            return rebuild(JSON.readTree(found), exercises, submission);
        } catch (JsonProcessingException | RuntimeException e) {
            return null;
        }
    }

    private static GradingReport rebuild(JsonNode root, List<TestScanner.Exercise> exercises, Path submission) {
        JsonNode sent = root.get("exercises");
        if (sent == null || sent.size() != exercises.size()) {
            return null;
        }
        List<ExerciseResult> results = new ArrayList<>();
        for (int e = 0; e < exercises.size(); e++) {
            TestScanner.Exercise ex = exercises.get(e);
            JsonNode s = sent.get(e);
            if (!ex.id().equals(s.path("id").asText()) || s.path("tests").size() != ex.tests().size()) {
                return null;
            }
            List<TestResult> tests = new ArrayList<>();
            for (int t = 0; t < ex.tests().size(); t++) {
                GradingTest test = ex.tests().get(t);
                JsonNode o = s.get("tests").get(t);
                if (!test.methodName().equals(o.path("method").asText()) || !o.path("passed").isBoolean()) {
                    return null;
                }
                tests.add(new TestResult(test, new TestOutcome(o.get("passed").asBoolean(),
                        o.path("message").asText(), o.path("output").asText())));
            }
            results.add(new ExerciseResult(ex.id(), ex.studentFile(), s.path("compileError").asText(), tests));
        }
        return new GradingReport(submission, results, root.path("seconds").asDouble());
    }
}
