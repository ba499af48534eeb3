package gradkit.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the exercises and their grading tests in a folder of test sources, by reading the source
 * text (not by loading classes), so that every test can be listed, with its points, even when the
 * student's file does not compile.
 *
 * <p>Conventions the test sources follow: a file {@code ExNNSomething}Test.java grades the student
 * file {@code ExNNSomething.java} (exercise id "exNN"); a test is a {@code void} method annotated with
 * {@link Points} (read by {@link TestDeclarations}, which understands comments, strings and
 * annotations over several lines); other {@code .java} files in the folder are helpers compiled with
 * every exercise.
 *
 * <pre>{@code
 * List<TestScanner.Exercise> exercises = TestScanner.scan(Path.of("src/grading/java/gradkit/exercises"));
 * exercises.get(0).id();          // "ex01"
 * exercises.get(0).tests().size() // 6
 * }</pre>
 */
public final class TestScanner {
    private static final Pattern TEST_FILE = Pattern.compile("(Ex(\\d+)\\w*)Test\\.java");
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

    private TestScanner() {
    }

    /**
     * One exercise: its id, the student file it grades, its test source and its tests in declaration order.
     *
     * @param id           "exNN"
     * @param studentFile  the file name the student edits, e.g. "Ex03LocalDerivatives.java"
     * @param testSource   the grading test source file
     * @param tests        the tests, in the order they are declared
     */
    public record Exercise(String id, String studentFile, Path testSource, List<GradingTest> tests) {
        /** The points all tests of this exercise are worth together. */
        public int maxPoints() {
            return tests.stream().mapToInt(GradingTest::points).sum();
        }
    }

    /** All exercises of the test folder, sorted by id. */
    public static List<Exercise> scan(Path testsDir) {
        if (!Files.isDirectory(testsDir)) {
            throw new IllegalArgumentException("The grading tests folder " + testsDir + " does not exist.");
        }
        List<Exercise> exercises = new ArrayList<>();
        for (Path file : javaFiles(testsDir)) {
            Matcher m = TEST_FILE.matcher(file.getFileName().toString());
            if (m.matches()) {
                String id = String.format("ex%02d", Integer.parseInt(m.group(2)));
                exercises.add(new Exercise(id, m.group(1) + ".java", file, testsOf(id, file)));
            }
        }
        exercises.sort((a, b) -> a.id().compareTo(b.id()));
        return exercises;
    }

    /** The helper sources of the test folder: every .java file that is not an ExNN...Test.java. */
    public static List<Path> helpers(Path testsDir) {
        return javaFiles(testsDir).stream()
                .filter(f -> !TEST_FILE.matcher(f.getFileName().toString()).matches())
                .toList();
    }

    private static List<Path> javaFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<GradingTest> testsOf(String exercise, Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher pkg = PACKAGE.matcher(JavaText.mask(text));
        String className = file.getFileName().toString().replace(".java", "");
        if (pkg.find()) {
            className = pkg.group(1) + "." + className;
        }
        List<GradingTest> tests = new ArrayList<>();
        for (TestDeclarations.Declared d : TestDeclarations.parse(text, file.getFileName().toString())) {
            tests.add(new GradingTest(exercise, className, d.methodName(), d.displayName(), d.points(), d.visibility()));
        }
        return tests;
    }
}
