package gradkit.courses;

import gradkit.grading.Grader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What a packaged grader grades with, in a file next to it ({@code gradkit/settings.properties} in
 * the autograder, {@code .gradkit/settings.properties} in a Classroom repository): the platforms pass
 * no settings through the environment (GitHub's autograding-command-grader passes only PATH and HOME),
 * so the grading steps read them from here.
 *
 * <pre>{@code
 * CourseSettings s = new CourseSettings(17, List.of("ex01", "ex02"), 10, 192);
 * Files.writeString(Path.of(".gradkit/settings.properties"), s.text());
 * CourseSettings.read(Path.of(".gradkit/settings.properties")).exercises();   // [ex01, ex02]
 * }</pre>
 *
 * @param jdk            the Java release the platform installs (17, 21 or 25)
 * @param exercises      the exercises graded ("ex01"); empty means all
 * @param timeoutSeconds the longest one test may run
 * @param heapMegabytes  the heap cap of the JVM that runs the tests
 */
public record CourseSettings(int jdk, List<String> exercises, int timeoutSeconds, int heapMegabytes) {
    /** The Java releases students use, and so the ones a package may ask for. */
    static final List<Integer> JDKS = List.of(17, 21, 25);

    public CourseSettings {
        if (!JDKS.contains(jdk)) {
            throw new IllegalArgumentException("--jdk must be one of " + JDKS + ", but got " + jdk + ".");
        }
        exercises = List.copyOf(exercises);
    }

    /** Reads the file whose text {@link #text} gives. */
    public static CourseSettings read(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the grading settings " + file, e);
        }
        String list = p.getProperty("exercises", "").strip();
        return new CourseSettings(Integer.parseInt(p.getProperty("jdk", "17").strip()),
                list.isEmpty() ? List.of() : Stream.of(list.split(",")).map(String::strip).toList(),
                Integer.parseInt(p.getProperty("timeout", "10").strip()),
                Integer.parseInt(p.getProperty("heap", "192").strip()));
    }

    /**
     * The grader a packaged course grades with: the grading tests built into {@code kit} (the packaged
     * grader's folder, {@code gradkit/} or {@code .gradkit/}), with the settings in its
     * {@code settings.properties}. One definition for every platform's grading step.
     *
     * <pre>{@code
     * GradingReport report = CourseSettings.packagedGrader(Path.of(".gradkit")).grade(Path.of("."));
     * }</pre>
     */
    public static Grader packagedGrader(Path kit) {
        CourseSettings settings = read(kit.resolve("settings.properties"));
        return Grader.defaults().tests(kit.resolve(KitBuild.TESTS))
                .timeout(Duration.ofSeconds(settings.timeoutSeconds())).heapMegabytes(settings.heapMegabytes())
                .only(settings.exercises());
    }

    /** The file's text: one key a line, LF line ends, a comment on top. */
    public String text() {
        return "# gradkit grading settings, read by the grading step (gradkit.courses)\n"
                + "jdk=" + jdk + "\n"
                + "exercises=" + String.join(",", exercises) + "\n"
                + "timeout=" + timeoutSeconds + "\n"
                + "heap=" + heapMegabytes + "\n";
    }
}
