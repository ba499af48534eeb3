package gradkit.grading;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The main of the child grader that instructor mode starts for each student: grades one submission
 * with the options it is given (as {@link CommandLine} reads them) and prints the report as one line
 * ({@link ReportTransfer}), with the token it reads first from its standard input.
 *
 * <pre>
 * echo TOKEN | java -cp ... gradkit.grading.StudentProcess --tests T --classpath CP --timeout 10 --heap 512 \
 *     --submission DIR ex01 ex02
 * </pre>
 */
public final class StudentProcess {
    private StudentProcess() {
    }

    /** Grades {@code --submission}, prints the report line, exits 0 (1 when grading threw). */
    public static void main(String[] args) throws Exception {
        String token = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        PrintStream stdout = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true,
                StandardCharsets.UTF_8);
        System.setOut(System.err);   // nothing but the report line reaches the parent's pipe
        try {
            CommandLine.Options options = CommandLine.parse(args);
            GradingReport report = options.grader().grade(options.submission());
            stdout.println(ReportTransfer.line(token == null ? "" : token, report));
            stdout.flush();
        } catch (Throwable e) {
            System.err.println("The grader failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }
}
