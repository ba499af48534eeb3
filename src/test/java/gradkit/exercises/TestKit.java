package gradkit.exercises;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * A copy of this repository's exercise layout in a temporary folder: pom.xml, an exercises/ folder
 * (copied from exercises/ or solutions/) and the grading tests; {@link #checker} grades it with this
 * repository's build. Its own target/progress starts empty, so tests never see or touch the real one.
 */
final class TestKit {
    static final Path REPOSITORY = Path.of("").toAbsolutePath();

    private TestKit() {
    }

    static KitFolder create(Path dir, String exercisesFrom) {
        try {
            Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
            copyFolder(REPOSITORY.resolve(exercisesFrom), dir.resolve("exercises"));
            // The grading tests and, beside them, the probes that call the student's code in a worker JVM.
            Path grading = KitFolder.GRADING_TESTS.getParent();
            copyFolder(REPOSITORY.resolve(grading), dir.resolve(grading));
            return new KitFolder(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The real grader, built in this repository, grading the copy. */
    static ExerciseChecker checker(KitFolder kit) {
        return new ExerciseChecker(kit, ExerciseChecker.DEFAULT_TIME_LIMIT, ExerciseChecker.GRADER,
                new KitFolder(REPOSITORY)::graderClassPath);
    }

    /** Copies a folder with its subfolders (the grading tests' implementations/ for exercise 12). */
    static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    /** The points the grading test of an exercise is worth: the sum of its @Points, read from the source. */
    static int pointsInTestSource(KitFolder.Exercise exercise) throws IOException {
        var m = java.util.regex.Pattern.compile("@Points\\((\\d+)\\)").matcher(Files.readString(exercise.gradingTest()));
        int sum = 0;
        while (m.find()) {
            sum += Integer.parseInt(m.group(1));
        }
        return sum;
    }

    static long testsInTestSource(KitFolder.Exercise exercise) throws IOException {
        return java.util.regex.Pattern.compile("@Points\\(").matcher(Files.readString(exercise.gradingTest())).results().count();
    }
}
