package gradkit.courses;

import gradkit.grading.Grader;
import gradkit.grading.GradingReport;
import gradkit.grading.ResultsJson;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes autograder.zip for Gradescope. At its root, {@code setup.sh} (run once, as root, when
 * Gradescope builds the image: installs the JDK, adds the user student code runs as) and
 * {@code run_autograder} (run for each submission, offline); below {@code gradkit/}, everything
 * grading needs ({@link KitBuild}), the settings ({@link CourseSettings}), the time limit, the late
 * policy if any, and {@code not-graded.json}: the results.json run_autograder leaves when the grader
 * does not finish (every test at 0 points, with the reason put in place of {@value #REASON}).
 *
 * <pre>{@code
 * Path zip = GradescopePackage.write(GradescopeOptions.parse(new String[] {"--jdk", "21"}), KitBuild.here());
 * }</pre>
 */
final class GradescopePackage {
    /** The mark in not-graded.json that run_autograder replaces with the reason. */
    static final String REASON = "__REASON__";
    /** Heap of the test JVM (MB): grader, compiler and test JVM together stay under Gradescope's 768 MB. */
    static final int TEST_HEAP_MEGABYTES = 192;

    private GradescopePackage() {
    }

    /** Writes the zip and returns its path. */
    static Path write(GradescopeOptions options, KitBuild kit) {
        List<String> ids = kit.exercises(options.exercises());
        CourseSettings settings = new CourseSettings(options.jdk(), ids, options.timeoutSeconds(), TEST_HEAP_MEGABYTES);
        if (options.latePolicy() != null) {
            LatePolicy.read(options.latePolicy());   // refuse a file that would fail on Gradescope
        }
        try (ZipBundle zip = ZipBundle.create(options.out())) {
            zip.text("setup.sh", kit.template("gradescope/setup.sh"), true);
            zip.text("run_autograder", kit.template("gradescope/run_autograder"), true);
            kit.copyInto(zip, "gradkit/");
            zip.text("gradkit/settings.properties", settings.text(), false);
            zip.text("gradkit/time-limit", options.timeLimitSeconds() + "\n", false);
            if (options.latePolicy() != null) {
                zip.copyFile(options.latePolicy(), "gradkit/" + GradescopeRun.LATE_POLICY, false);
            }
            zip.bytes("gradkit/not-graded.json", notGraded(kit, ids), false);
        }
        return options.out().toAbsolutePath();
    }

    private static byte[] notGraded(KitBuild kit, List<String> ids) {
        Grader grader = Grader.defaults().tests(kit.tests()).only(ids);
        GradingReport report = GradingReport.notGraded(Path.of("/autograder/submission"), grader.exercises(),
                REASON, 0);
        return ResultsJson.bytes(report, ResultsJson.Format.TEXT);
    }
}
