package gradkit.exercises;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The gradkit repository this code runs in: where the exercises, their grading tests, the built
 * grader and the progress records are.
 *
 * <p>A notebook runs in {@code notebooks/}, JShell and the tests in the repository itself, and the
 * library's classes sit in {@code target/kit-classes} or {@code target/classes}: the root is the
 * first folder, going up from the working directory and then from where this class was loaded,
 * that holds {@code pom.xml}, {@code exercises/} and the grading tests.
 *
 * <pre>{@code
 * KitFolder kit = KitFolder.find();
 * kit.exercise("Ex06KinkRules");    // ex06, exercises/Ex06KinkRules.java, its grading test
 * }</pre>
 */
final class KitFolder {
    /** Where the grading tests are, relative to the root (the grader's default, too). */
    static final Path GRADING_TESTS = Path.of("src", "grading", "java", "gradkit", "exercises");
    private static final Pattern TEST_FILE = Pattern.compile("(Ex(\\d+)\\w*)Test\\.java");
    private static final Pattern EXERCISE_NAME = Pattern.compile("(?i)ex0*(\\d+)\\w*?(?:Test)?(?:\\.java)?");

    /**
     * One exercise: its id, the file the student edits and the test that grades it.
     *
     * @param id           "ex06"
     * @param file         exercises/Ex06KinkRules.java
     * @param gradingTest  src/grading/java/gradkit/exercises/Ex06KinkRulesTest.java
     */
    record Exercise(String id, Path file, Path gradingTest) {
        /** The file's name without ".java", e.g. "Ex06KinkRules". */
        String className() {
            return file.getFileName().toString().replaceFirst("\\.java$", "");
        }
    }

    private final Path root;

    KitFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The repository around the working directory or around this library's classes. */
    static KitFolder find() {
        List<Path> starts = new ArrayList<>();
        starts.add(Path.of("").toAbsolutePath());
        classLocation().ifPresent(starts::add);
        for (Path start : starts) {
            for (Path dir = start; dir != null; dir = dir.getParent()) {
                if (isRoot(dir)) {
                    return new KitFolder(dir);
                }
            }
        }
        throw new IllegalStateException("Could not find the gradkit folder (the one with pom.xml, exercises/ and "
                + GRADING_TESTS + ") above " + starts + ". Open the notebooks from the gradkit folder"
                + " (./kit notebook) or start JShell there (./kit jshell).");
    }

    static boolean isRoot(Path dir) {
        return Files.isRegularFile(dir.resolve("pom.xml")) && Files.isDirectory(dir.resolve("exercises"))
                && Files.isDirectory(dir.resolve(GRADING_TESTS));
    }

    private static Optional<Path> classLocation() {
        try {
            CodeSource source = KitFolder.class.getProtectionDomain().getCodeSource();
            return source == null || source.getLocation() == null ? Optional.empty()
                    : Optional.of(Path.of(source.getLocation().toURI()).toAbsolutePath());
        } catch (URISyntaxException | RuntimeException e) {
            return Optional.empty();   // a class loader that does not say where it loads from
        }
    }

    Path root() {
        return root;
    }

    Path exercisesFolder() {
        return root.resolve("exercises");
    }

    /** Where gradings are recorded: target/progress (mvn clean forgets them, as it forgets the build). */
    Path progressFolder() {
        return root.resolve("target").resolve("progress");
    }

    /** Every exercise that has a grading test, by id. */
    List<Exercise> exercises() {
        List<Exercise> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(root.resolve(GRADING_TESTS))) {
            for (Path test : files.sorted().toList()) {
                Matcher m = TEST_FILE.matcher(test.getFileName().toString());
                if (m.matches()) {
                    String id = String.format("ex%02d", Integer.parseInt(m.group(2)));
                    all.add(new Exercise(id, exercisesFolder().resolve(m.group(1) + ".java"), test));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the grading tests in " + root.resolve(GRADING_TESTS), e);
        }
        all.sort((a, b) -> a.id().compareTo(b.id()));
        return all;
    }

    /** The exercise named "ex06", "ex6", "Ex06", "Ex06KinkRules" or "Ex06KinkRules.java". */
    Exercise exercise(String name) {
        List<Exercise> all = exercises();
        Matcher m = EXERCISE_NAME.matcher(name == null ? "" : name.strip());
        if (m.matches()) {
            String id = String.format("ex%02d", Integer.parseInt(m.group(1)));
            for (Exercise e : all) {
                if (e.id().equals(id)) {
                    return e;
                }
            }
        }
        throw new IllegalArgumentException("There is no exercise \"" + name + "\"; expected one of "
                + all.stream().map(Exercise::id).toList() + " (or a file name such as "
                + (all.isEmpty() ? "Ex06KinkRules" : all.get(0).className()) + ").");
    }

    /**
     * The class path the grader runs with: target/grader-classes, target/classes and the jars of
     * target/classpath.txt, as {@code ./kit grade} uses it.
     */
    String graderClassPath() {
        Path graderClasses = root.resolve("target/grader-classes");
        Path classes = root.resolve("target/classes");
        Path jars = root.resolve("target/classpath.txt");
        if (!Files.isRegularFile(graderClasses.resolve("gradkit/grading/Grader.class"))
                || !Files.isDirectory(classes) || !Files.isRegularFile(jars)) {
            throw new IllegalStateException("The grader is not built in " + root + " (expected "
                    + graderClasses + ", " + classes + " and " + jars + "). Run mvn -q compile there"
                    + " (./kit notebook does it too), then check again.");
        }
        try {
            String dependencies = Files.readString(jars, StandardCharsets.UTF_8).strip();
            return String.join(java.io.File.pathSeparator, graderClasses.toString(), classes.toString(), dependencies);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + jars, e);
        }
    }
}
