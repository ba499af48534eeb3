package gradkit.courses;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gradkit.grading.AtomicFile;
import gradkit.grading.GradingReport;
import gradkit.grading.ResultsJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The grading step of run_autograder: grades /autograder/submission with the kit's grader, offline,
 * as the autograder's settings say ({@link CourseSettings}), applies the late policy if the
 * autograder has one ({@link LateScore}), and writes /autograder/results/results.json.
 *
 * <pre>
 * cd /autograder/source &amp;&amp; java -Dgradkit.runAs=student -cp "$(cat gradkit/classpath.txt)" gradkit.courses.GradescopeRun
 * </pre>
 *
 * <p>Options (for tests; Gradescope uses the defaults): {@code --autograder DIR} (default /autograder),
 * below which are source/, submission/, submission_metadata.json and results/. Exit status 0 when
 * results.json was written, 1 when not (run_autograder then writes one that says so).
 */
public final class GradescopeRun {
    /** The late policy's name below gradkit/ in the autograder. */
    static final String LATE_POLICY = "late-policy.properties";

    private GradescopeRun() {
    }

    /** Grades, writes results.json, exits 0; 1 when it could not. */
    public static void main(String[] args) {
        Path autograder = Path.of(args.length == 2 && args[0].equals("--autograder") ? args[1] : "/autograder");
        try {
            run(autograder);
            System.exit(0);
        } catch (RuntimeException e) {
            System.err.println("Grading failed: " + e);
            System.exit(1);
        }
    }

    static void run(Path autograder) {
        Path kit = autograder.resolve("source/gradkit");
        GradingReport report = CourseSettings.packagedGrader(kit).grade(autograder.resolve("submission"));
        System.out.print(report.toTable());
        ObjectNode results = ResultsJson.tree(report, ResultsJson.Format.TEXT);
        Path policy = kit.resolve(LATE_POLICY);
        if (Files.exists(policy)) {
            applyLatePolicy(results, policy, autograder.resolve("submission_metadata.json"));
        }
        try {
            byte[] bytes = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(results);
            AtomicFile.write(autograder.resolve("results/results.json"), bytes);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write results.json: " + e.getMessage(), e);
        }
    }

    /** A policy that cannot be applied (no metadata, no due date) leaves the score and says why. */
    private static void applyLatePolicy(ObjectNode results, Path policy, Path metadata) {
        try {
            LateScore.apply(results, LatePolicy.read(policy), SubmissionMetadata.read(metadata));
        } catch (RuntimeException e) {
            results.put("output", "The late policy was not applied: " + e.getMessage() + "\n"
                    + results.path("output").asText());
        }
    }
}
