package gradkit.exercises;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Stand-ins for gradkit.grading.Grader, started by ExerciseChecker with the grader's command line
 * (--submission DIR --results FILE exNN ...), each misbehaving or reporting in its own way.
 */
final class FakeGraders {
    private FakeGraders() {
    }

    static String results(String[] args) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--results")) {
                return args[i + 1];
            }
        }
        throw new IllegalArgumentException("no --results in " + List.of(args));
    }

    /** Starts a JVM of its own that sleeps (its pid goes to grandchild.pid), then sleeps too. */
    static final class Hanging {
        public static void main(String[] args) throws Exception {
            if (args.length == 1 && args[0].equals("--sleep")) {
                Thread.sleep(600_000);
                return;
            }
            List<String> command = new ArrayList<>(List.of(ChildJvm.javaLauncher(), "-cp",
                    System.getProperty("java.class.path"), Hanging.class.getName(), "--sleep"));
            Process grandchild = new ProcessBuilder(command).inheritIO().start();
            Files.writeString(Path.of("grandchild.pid"), Long.toString(grandchild.pid()), StandardCharsets.UTF_8);
            System.out.println("started the test JVM; now looping for ever");
            Thread.sleep(600_000);
        }
    }

    /** Prints a line and ends with System.exit(3), writing no report. */
    static final class Exiting {
        public static void main(String[] args) {
            System.out.println("a student's System.exit reached the grader itself");
            System.exit(3);
        }
    }

    /**
     * Writes a results.json in Gradescope's format with fields this kit does not read, a hidden
     * and an after-due-date test, a test of another exercise and one whose name says no exercise.
     */
    static final class Reporting {
        static final String JSON = """
                {"score": 3.0, "execution_time": 2, "output": "3 / 6", "visibility": "visible", "extra": {"a": 1},
                 "tests": [
                  {"name": "ex06 › relu at the kink", "number": "6.1", "score": 2.0, "max_score": 2.0,
                   "status": "passed", "output": "", "visibility": "visible", "execution_time": 0.1, "tags": ["x"]},
                  {"name": "ex06 › max on a tie", "number": "6.2", "score": 0.0, "max_score": 3.0,
                   "status": "failed", "output": "expected 0.5, got 1.0\\nHint: split the gradient", "visibility": "visible"},
                  {"name": "ex06 › secret", "number": "6.3", "score": 1.0, "max_score": 1.0,
                   "status": "passed", "output": "", "visibility": "hidden"},
                  {"name": "ex06 › after the deadline", "number": "6.4", "score": 0.0, "max_score": 4.0,
                   "status": "failed", "output": "shown later", "visibility": "after_due_date"},
                  {"name": "ex07 › another exercise", "number": "7.1", "score": 5.0, "max_score": 5.0, "status": "passed"},
                  {"name": "a test without an exercise", "number": "6.5", "score": 1.0, "max_score": 1.0}
                 ]}
                """;

        public static void main(String[] args) throws IOException {
            Files.writeString(Path.of(results(args)), JSON, StandardCharsets.UTF_8);
        }
    }
}
