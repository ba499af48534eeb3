package gradkit.courses;

import gradkit.grading.GradingReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Base64;

/**
 * The grading step of the Classroom workflow ({@code .gradkit/grade}): grades the repository with the
 * kit's grader as {@code .gradkit/settings.properties} says and writes {@code result=<base64 JSON>}
 * ({@link ReporterJson}) to the file {@code GITHUB_OUTPUT} names, or, without one, as the last line
 * of its output. It reads nothing else from the environment. Exit status 0 whatever the grade (the
 * reporter shows it); 1 when grading itself failed.
 *
 * <pre>
 * java -cp "$(cat .gradkit/classpath.txt)" gradkit.courses.ClassroomRun .
 * </pre>
 */
public final class ClassroomRun {
    private ClassroomRun() {
    }

    /** Grades the repository whose root is {@code args[0]} (default: the current folder). */
    public static void main(String[] args) {
        Path repo = Path.of(args.length > 0 ? args[0] : ".");
        try {
            String line = "result=" + result(repo) + "\n";
            String output = System.getenv("GITHUB_OUTPUT");
            if (output != null && !output.isBlank()) {
                Files.writeString(Path.of(output), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } else {
                System.out.print(line);
            }
            System.exit(0);
        } catch (IOException | RuntimeException e) {
            System.err.println("Grading failed: " + e);
            System.exit(1);
        }
    }

    /** Grades and returns the reporter's result, base64 of its JSON; the table goes to the output. */
    static String result(Path repo) {
        GradingReport report = CourseSettings.packagedGrader(repo.resolve(".gradkit")).grade(repo);
        System.out.print(report.toTable());
        byte[] json = ReporterJson.tree(report).toString().getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(json);
    }
}
