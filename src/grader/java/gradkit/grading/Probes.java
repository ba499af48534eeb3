package gradkit.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an exercise's probe is: {@code ExNNProbe.java} in the folder {@code probes} beside the grading
 * tests' folder (src/grading/java/gradkit/probes), of package {@code gradkit.probes}. An exercise with a
 * probe is graded the new way: its tests run in the grader's JVM ({@link InProcessTests}) and call the
 * student's code in a worker JVM; the others still run in a test JVM ({@link TestJvm}).
 *
 * <pre>{@code
 * Path probe = Probes.source(exercise);   // null while the exercise is graded in a test JVM
 * }</pre>
 */
final class Probes {
    /** The package of every probe: not gradkit.exercises, so no student class can be one. */
    static final String PACKAGE = "gradkit.probes";

    private Probes() {
    }

    /**
     * The probe's source file for {@code exercise}, or null when it has none.
     *
     * @throws IllegalStateException when the grading test calls the student's code through a worker
     *                               ({@code StudentCode}) but the probe is missing: graded without it, every
     *                               test would fail with a misleading sentence
     */
    static Path source(TestScanner.Exercise exercise) {
        Path file = exercise.testSource().toAbsolutePath().getParent().resolveSibling("probes")
                .resolve(className(exercise) + ".java");
        if (Files.isRegularFile(file)) {
            return file;
        }
        if (callsAWorker(exercise.testSource())) {
            throw new IllegalStateException(exercise.id() + "'s grading test calls the student's code in a worker JVM,"
                    + " but its probe " + file + " is missing: copy the probes folder with the grading tests.");
        }
        return null;
    }

    private static boolean callsAWorker(Path testSource) {
        try {
            return Files.readString(testSource).contains("gradkit.grading.client.StudentCode");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the grading test " + testSource, e);
        }
    }

    /** The probe's class name without its package: "Ex01Probe" for ex01. */
    static String className(TestScanner.Exercise exercise) {
        return "Ex" + exercise.id().substring(2) + "Probe";
    }
}
