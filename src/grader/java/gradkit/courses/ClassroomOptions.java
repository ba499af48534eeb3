package gradkit.courses;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code package classroom} was asked for.
 *
 * <pre>{@code
 * ClassroomOptions o = ClassroomOptions.parse(new String[] {"--out", "../assignment", "ex01"});
 * }</pre>
 *
 * @param jdk            the Java release actions/setup-java installs (17, 21 or 25)
 * @param timeoutSeconds the longest one test may run
 * @param out            the template repository's folder
 * @param exercises      the exercises (ex01 ...), empty for all
 */
record ClassroomOptions(int jdk, int timeoutSeconds, Path out, List<String> exercises) {
    static ClassroomOptions parse(String[] args) {
        int jdk = 17;
        int timeout = 10;
        Path out = Path.of("classroom");
        List<String> exercises = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--jdk" -> jdk = Options.number(args, ++i, "--jdk");
                case "--timeout" -> timeout = Options.number(args, ++i, "--timeout");
                case "--out" -> out = Path.of(Options.value(args, ++i, "--out"));
                default -> exercises.add(Options.exercise(args[i]));
            }
        }
        return new ClassroomOptions(jdk, timeout, out, exercises);
    }
}
