package gradkit.exercises;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Grades exercises the way {@code ./kit grade exNN} does, from inside a notebook: it runs the grader
 * in a JVM of its own, reads the results.json the grader wrote and records each grading in the
 * progress store.
 *
 * <p>The grader's command line, run in the repository's root:
 * <pre>
 * java -cp target/grader-classes:target/classes:&lt;target/classpath.txt&gt; gradkit.grading.Grader \
 *     --submission &lt;root&gt;/exercises --results &lt;a temporary file&gt; ex06 ...
 * </pre>
 * A student's endless loop or {@code System.exit} therefore costs a test (the grader's own per-test
 * timeout), never the kernel; should the grader itself not finish within the time limit, it is
 * killed with the JVM it started and the exercise shows 0 points and why.
 */
final class ExerciseChecker {
    /** Longer than any honest grading of one notebook's exercises (the grader stops each test after 10 s). */
    static final Duration DEFAULT_TIME_LIMIT = Duration.ofMinutes(3);
    static final String GRADER = "gradkit.grading.Grader";

    private final KitFolder kit;
    private final Duration timeLimit;
    private final String mainClass;
    private final Supplier<String> classPath;

    ExerciseChecker(KitFolder kit, Duration timeLimit, String mainClass, Supplier<String> classPath) {
        this.kit = kit;
        this.timeLimit = timeLimit;
        this.mainClass = mainClass;
        this.classPath = classPath;
    }

    /** The real grader of this repository, with the default time limit. */
    static ExerciseChecker of(KitFolder kit) {
        return new ExerciseChecker(kit, DEFAULT_TIME_LIMIT, GRADER, kit::graderClassPath);
    }

    /** Grades the exercises named (see {@link KitFolder#exercise}) and records each grading. */
    CheckReport check(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("Name the exercises to check, e.g. Exercises.check(\"ex06\").");
        }
        Map<String, KitFolder.Exercise> exercises = new LinkedHashMap<>();
        for (String name : names) {
            KitFolder.Exercise e = kit.exercise(name);
            exercises.put(e.id(), e);
        }
        String cp = classPath.get();
        Map<String, String> before = fingerprints(exercises.values());
        Path results = temporaryResultsFile();
        try {
            List<String> command = new ArrayList<>(List.of(ChildJvm.javaLauncher(), "-Djava.awt.headless=true",
                    "-cp", cp, mainClass, "--submission", kit.exercisesFolder().toString(),
                    "--results", results.toString()));
            command.addAll(exercises.keySet());
            ChildJvm.Finished run = ChildJvm.run(command, kit.root(), timeLimit);
            List<GradedTest> tests = readIfWritten(results);
            List<ExerciseCheck> checks = new ArrayList<>();
            for (KitFolder.Exercise e : exercises.values()) {
                checks.add(tests == null ? notGraded(e, why(run)) : checkOf(e, tests, exercises.size() == 1));
            }
            record(checks, exercises, before);
            return new CheckReport(checks);
        } finally {
            try {
                Files.deleteIfExists(results);
            } catch (IOException ignored) {
                // a report left in the temp folder is harmless
            }
        }
    }

    private static Path temporaryResultsFile() {
        try {
            Path file = Files.createTempFile("gradkit-results-", ".json");
            Files.delete(file);   // so that a file there afterwards was written by the grader
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary file for the grader's report", e);
        }
    }

    /** The tests of the grader's report, or null when it wrote none (or half of one). */
    private static List<GradedTest> readIfWritten(Path results) {
        if (!Files.isRegularFile(results)) {
            return null;
        }
        try {
            return GradedTest.readAll(results);
        } catch (UncheckedIOException e) {
            return null;
        }
    }

    private String why(ChildJvm.Finished run) {
        if (run.timedOut()) {
            return "The grader did not finish within " + timeLimit.toSeconds() + " s, so it was stopped together with"
                    + " the JVM it ran the tests in. Its last lines:\n" + run.lastLines(8);
        }
        return "The grader ended (exit status " + run.exitCode() + ") without writing its report. Its last lines:\n"
                + run.lastLines(12);
    }

    private static ExerciseCheck notGraded(KitFolder.Exercise e, String why) {
        return new ExerciseCheck(e.id(), e.file().getFileName().toString(), List.of(), 0, why);
    }

    /** This exercise's tests; tests the report does not attribute belong to it when it is the only one. */
    private static ExerciseCheck checkOf(KitFolder.Exercise e, List<GradedTest> all, boolean only) {
        List<GradedTest> mine = all.stream()
                .filter(t -> t.exercise().equals(e.id()) || (only && t.exercise().isEmpty())).toList();
        List<GradedTest> visible = mine.stream().filter(t -> !t.hidden()).toList();
        if (mine.isEmpty()) {
            return notGraded(e, "The grader's report has no test of " + e.id() + ".");
        }
        return new ExerciseCheck(e.id(), e.file().getFileName().toString(), visible, mine.size() - visible.size(), "");
    }

    private Map<String, String> fingerprints(Iterable<KitFolder.Exercise> exercises) {
        Map<String, String> prints = new LinkedHashMap<>();
        for (KitFolder.Exercise e : exercises) {
            prints.put(e.id(), ProgressStore.fingerprint(e.file(), e.gradingTest()));
        }
        return prints;
    }

    /**
     * Files each grading under the fingerprint its files had before grading started, unless they
     * changed while it ran (then nobody knows which content earned the points).
     */
    private void record(List<ExerciseCheck> checks, Map<String, KitFolder.Exercise> exercises, Map<String, String> before) {
        Map<String, String> after = fingerprints(exercises.values());
        ProgressStore store = new ProgressStore(kit.progressFolder());
        Instant now = Instant.now();
        for (ExerciseCheck c : checks) {
            if (c.graded() && before.get(c.id()).equals(after.get(c.id()))) {
                store.save(new ProgressStore.Record(c.id(), c.file(), before.get(c.id()), c.points(), c.maxPoints(),
                        (int) c.testsPassed(), c.tests().size(), now));
            }
        }
    }
}
