package gradkit.courses;

import gradkit.grading.Grader;
import gradkit.grading.TestScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes GitHub Classroom autograding into a folder, the assignment's template repository:
 * {@code .github/workflows/classroom.yml} (checkout, actions/setup-java, one grading step, the
 * reporter), {@code .gradkit/} with the grading step's script ({@code grade}), its settings
 * ({@link CourseSettings}) and everything grading needs ({@link KitBuild}), and the starter file of
 * each exercise in {@code exercises/} unless the folder already has it (a teacher's edited starter is
 * kept).
 *
 * <pre>{@code
 * Path repo = ClassroomPackage.write(ClassroomOptions.parse(new String[] {"--out", "assignment"}), KitBuild.here());
 * }</pre>
 */
final class ClassroomPackage {
    /** The workflow's path in the repository. */
    static final String WORKFLOW = ".github/workflows/classroom.yml";
    /** The step id, which is also the reporter's runner id: the reporter reads GRADKIT_RESULTS. */
    static final String RUNNER = "gradkit";
    /** The test JVM's heap on GitHub's runners (7 GB of memory and more). */
    static final int TEST_HEAP_MEGABYTES = 512;

    private ClassroomPackage() {
    }

    /** Writes the files and returns the folder. */
    static Path write(ClassroomOptions options, KitBuild kit) {
        List<String> ids = kit.exercises(options.exercises());
        Bundle repo = new FolderBundle(options.out());
        repo.text(WORKFLOW, kit.template("classroom/classroom.yml").replace("@JDK@", String.valueOf(options.jdk())), false);
        repo.text(".gradkit/grade", kit.template("classroom/grade"), true);
        kit.copyInto(repo, ".gradkit/");
        repo.text(".gradkit/settings.properties",
                new CourseSettings(options.jdk(), ids, options.timeoutSeconds(), TEST_HEAP_MEGABYTES).text(), false);
        for (TestScanner.Exercise e : Grader.defaults().tests(kit.tests()).only(ids).exercises()) {
            Path starter = kit.root().resolve("exercises").resolve(e.studentFile());
            if (Files.exists(starter) && !Files.exists(options.out().resolve("exercises").resolve(e.studentFile()))) {
                repo.copyFile(starter, "exercises/" + e.studentFile(), false);
            }
        }
        return options.out().toAbsolutePath();
    }
}
