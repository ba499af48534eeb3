package gradkit.courses;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gradkit.grading.ExerciseResult;
import gradkit.grading.GradingReport;
import gradkit.grading.StudentText;
import gradkit.grading.TestResult;

/**
 * One runner's result for classroom-resources/autograding-grading-reporter: {@code version} 1,
 * {@code status}, {@code max_score} (the kit's points of every graded test) and {@code tests[]}, each
 * with {@code name}, {@code status}, {@code score} (the points it earned), {@code message},
 * {@code test_code}, {@code filename}, {@code line_no} and {@code execution_time}. The reporter adds
 * the tests' scores and divides by {@code max_score}, so the total it reports is the kit's.
 *
 * <pre>{@code
 * ObjectNode json = ReporterJson.tree(report);
 * String output = "result=" + Base64.getEncoder().encodeToString(json.toString().getBytes(UTF_8));
 * }</pre>
 */
final class ReporterJson {
    /** The most characters one test's message keeps (the reporter prints them in the job's log). */
    static final int MAX_MESSAGE_CHARS = 4000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private ReporterJson() {
    }

    /** The result: "pass" when every test passed, "fail" when one did not, "error" when grading failed. */
    static ObjectNode tree(GradingReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", 1);
        boolean allPassed = report.tests().stream().allMatch(t -> t.outcome().passed());
        root.put("status", !report.graded() ? "error" : allPassed ? "pass" : "fail");
        root.put("max_score", report.maxPoints());
        ArrayNode tests = root.putArray("tests");
        for (ExerciseResult ex : report.exercises()) {
            for (TestResult t : ex.tests()) {
                ObjectNode test = tests.addObject();
                test.put("name", StudentText.clean(t.test().fullName()));
                test.put("status", t.outcome().passed() ? "pass" : "fail");
                test.put("score", t.earned());
                test.put("message", StudentText.cap(StudentText.clean(message(ex, t)), MAX_MESSAGE_CHARS));
                test.put("test_code", t.test().className() + "#" + t.test().methodName());
                test.put("filename", "");
                test.put("line_no", 0);
                test.put("execution_time", "");
            }
        }
        return root;
    }

    private static String message(ExerciseResult ex, TestResult t) {
        if (!ex.compiled()) {
            return ex.studentFile() + " did not compile, so this test could not run:\n" + ex.compileError();
        }
        return t.outcome().passed() ? "" : t.feedback();
    }
}
