package gradkit.courses;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code package gradescope} was asked for.
 *
 * <pre>{@code
 * GradescopeOptions o = GradescopeOptions.parse(new String[] {"--jdk", "21", "ex01"});
 * o.jdk();   // 21
 * }</pre>
 *
 * @param jdk              the Java release setup.sh installs (17, 21 or 25)
 * @param latePolicy       the late policy file to carry ({@link LatePolicy}), or null for none
 * @param timeLimitSeconds how long run_autograder lets the grader run before it writes a results.json
 *                         that says so (keep it under the assignment's timeout on Gradescope)
 * @param timeoutSeconds   the longest one test may run
 * @param out              the zip to write
 * @param exercises        the exercises (ex01 ...), empty for all
 */
record GradescopeOptions(int jdk, Path latePolicy, int timeLimitSeconds, int timeoutSeconds, Path out,
                         List<String> exercises) {
    /** Under Gradescope's default limit of 10 minutes, with time left to write the results. */
    static final int DEFAULT_TIME_LIMIT = 540;

    static GradescopeOptions parse(String[] args) {
        int jdk = 17;
        Path latePolicy = null;
        int timeLimit = DEFAULT_TIME_LIMIT;
        int timeout = 10;
        Path out = Path.of("autograder.zip");
        List<String> exercises = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jdk" -> jdk = Options.number(args, ++i, "--jdk");
                case "--late-policy" -> latePolicy = Path.of(Options.value(args, ++i, "--late-policy"));
                case "--time-limit" -> timeLimit = Options.number(args, ++i, "--time-limit");
                case "--timeout" -> timeout = Options.number(args, ++i, "--timeout");
                case "--out" -> out = Path.of(Options.value(args, ++i, "--out"));
                default -> exercises.add(Options.exercise(args[i]));
            }
        }
        if (latePolicy != null && !java.nio.file.Files.isRegularFile(latePolicy)) {
            throw new IllegalArgumentException("--late-policy names " + latePolicy + ", which is not a file.");
        }
        if (timeLimit < 60) {
            throw new IllegalArgumentException("--time-limit must leave the grader at least 60 seconds, but got "
                    + timeLimit + ".");
        }
        return new GradescopeOptions(jdk, latePolicy, timeLimit, timeout, out, exercises);
    }
}
