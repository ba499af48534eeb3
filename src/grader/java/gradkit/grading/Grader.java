package gradkit.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Grades a folder of exercise files with the grading tests, and never gives up half way.
 *
 * <p>For each exercise, on its own ({@link ExerciseGrading}): read the student's file
 * ({@link SubmissionFile}), compile it alone against the library, compile its grading test against it
 * ({@link ExerciseCompiler}; a compile error costs that exercise only), then run the tests in a test
 * JVM of the exercise's own ({@link TestJvm}: the results over a channel student code cannot reach, a
 * security policy, bubblewrap where the machine allows it, a per-test timeout, memory and thread caps, a
 * fresh class loader per test, and recovery when the JVM dies). The tests come from the grader's own
 * tests folder, never from the submission. README.md's "Grading: what it guarantees" lists what this
 * holds against a student who tries to cheat.
 *
 * <pre>{@code
 * GradingReport report = Grader.defaults()
 *         .tests(Path.of("src/grading/java/gradkit/exercises"))
 *         .only(List.of("ex06"))
 *         .grade(Path.of("exercises"));
 * System.out.print(report.toTable());
 * }</pre>
 *
 * <p>Command line (run from the repository root, after {@code mvn -q compile}):
 * <pre>
 * java -cp target/classes:$(cat target/classpath.txt) gradkit.grading.Grader [options] [exNN ...]
 *   --submission DIR   the folder of ExNN*.java files to grade (default: exercises)
 *   --tests DIR        the grading tests (default: src/grading/java/gradkit/exercises)
 *   --results FILE     where to write Gradescope's results.json (default: results.json)
 *   --timeout SECONDS  the longest one test may run (default: 10)
 *   --heap MB          the heap cap of the JVM that runs the tests (default: 512)
 *   --classpath CP     library, JUnit (with the platform launcher), Jackson (default: this JVM's class path)
 *   --instructor DIR   grade every sub-folder of DIR (one per student) into a gradebook
 *   --out DIR          instructor mode: where the gradebook and per-student results go (default: grading-out)
 *   --jobs N           instructor mode: students graded at once (default: number of cores)
 *   exNN ...           grade only these exercises (e.g. ex06)
 * </pre>
 * Exit status: 0 when the report was produced, 2 on a usage error.
 */
public final class Grader {
    /** Where the grading tests live in the repository. */
    public static final Path DEFAULT_TESTS = Path.of("src", "grading", "java", "gradkit", "exercises");

    private final Path testsDir;
    private final String classpath;
    private final Duration timeout;
    private final int heapMegabytes;
    private final Set<String> only;

    private Grader(Path testsDir, String classpath, Duration timeout, int heapMegabytes, Set<String> only) {
        this.testsDir = testsDir;
        this.classpath = classpath;
        this.timeout = timeout;
        this.heapMegabytes = heapMegabytes;
        this.only = only;
    }

    /** The tests of {@link #DEFAULT_TESTS}, this JVM's class path, 10 s per test, a 512 MB heap, every exercise. */
    public static Grader defaults() {
        return new Grader(DEFAULT_TESTS, System.getProperty("java.class.path"), Duration.ofSeconds(10), 512, Set.of());
    }

    /** The same grader with its tests taken from {@code dir}. */
    public Grader tests(Path dir) {
        return new Grader(dir, classpath, timeout, heapMegabytes, only);
    }

    /** The same grader compiling and running against {@code path} (library, JUnit with its launcher, Jackson). */
    public Grader classpath(String path) {
        return new Grader(testsDir, path, timeout, heapMegabytes, only);
    }

    /** The same grader with another per-test timeout. */
    public Grader timeout(Duration perTest) {
        if (perTest.isNegative() || perTest.isZero()) {
            throw new IllegalArgumentException("The per-test timeout must be positive, but got " + perTest + ".");
        }
        return new Grader(testsDir, classpath, perTest, heapMegabytes, only);
    }

    /** The same grader with another heap cap (MB) for the JVM that runs the tests. */
    public Grader heapMegabytes(int megabytes) {
        if (megabytes < 64) {
            throw new IllegalArgumentException("The test JVM needs at least 64 MB of heap, but got " + megabytes + ".");
        }
        return new Grader(testsDir, classpath, timeout, megabytes, only);
    }

    /** The same grader restricted to some exercises ("ex06"); an empty list means all. */
    public Grader only(List<String> exerciseIds) {
        return new Grader(testsDir, classpath, timeout, heapMegabytes, new TreeSet<>(exerciseIds));
    }

    /** The exercises this grader grades, with their tests. */
    public List<TestScanner.Exercise> exercises() {
        List<TestScanner.Exercise> all = TestScanner.scan(testsDir);
        List<TestScanner.Exercise> chosen = all.stream().filter(e -> only.isEmpty() || only.contains(e.id())).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("No exercise matches " + only + "; the exercises are "
                    + all.stream().map(TestScanner.Exercise::id).toList() + ".");
        }
        return chosen;
    }

    /**
     * Grades the exercise files in {@code submission} and returns the complete report: every test of
     * every chosen exercise with its points, whatever the submission does. Each exercise is read,
     * compiled and run on its own ({@link ExerciseGrading}), two at a time, in a scratch folder that is
     * removed afterwards.
     */
    public GradingReport grade(Path submission) {
        long start = System.nanoTime();
        List<TestScanner.Exercise> exercises = exercises();
        List<Path> helpers = TestScanner.helpers(testsDir);
        Sandbox sandbox = Sandbox.detect();
        TestJvm jvm = new TestJvm(classpath, timeout, heapMegabytes, sandbox);
        ExerciseResult[] results = new ExerciseResult[exercises.size()];
        Path work = null;
        try {
            work = Files.createTempDirectory("gradkit-grading-");
            gradeAll(exercises, helpers, jvm, submission, work, results);
        } catch (IOException | RuntimeException e) {
            // reported below, as a failure of every exercise that has no result
        } finally {
            deleteQuietly(work);
        }
        List<ExerciseResult> complete = new ArrayList<>();
        for (int e = 0; e < exercises.size(); e++) {
            complete.add(results[e] != null ? results[e] : failedWhole(exercises.get(e)));
        }
        List<String> notes = new ArrayList<>(List.of(sandbox.note()));
        notes.addAll(jvm.notes());
        return new GradingReport(submission, complete, (System.nanoTime() - start) / 1e9, notes);
    }

    /** Two workers (each with its own compiler) take the exercises in turn. */
    private void gradeAll(List<TestScanner.Exercise> exercises, List<Path> helpers, TestJvm jvm, Path submission,
                          Path work, ExerciseResult[] results) {
        int workers = Math.max(1, Math.min(2, Math.min(exercises.size(), Runtime.getRuntime().availableProcessors())));
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                ExerciseCompiler compiler = new ExerciseCompiler(classpath);
                for (int e = next.getAndIncrement(); e < exercises.size(); e = next.getAndIncrement()) {
                    TestScanner.Exercise ex = exercises.get(e);
                    ExerciseGrading grading = new ExerciseGrading(ex, helpers, classpath, jvm);
                    results[e] = grading.grade(compiler, submission, work.resolve(ex.id()));
                    if (grading.compilerAbandoned()) {
                        compiler = new ExerciseCompiler(classpath);   // the old one is still busy on its own thread
                    }
                }
                compiler.close();
            }, "grading-worker-" + w);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while grading", e);
            }
        }
    }

    private static ExerciseResult failedWhole(TestScanner.Exercise ex) {
        List<TestResult> tests = new ArrayList<>();
        for (GradingTest t : ex.tests()) {
            tests.add(new TestResult(t, TestOutcome.failed("The grader could not run this test (its scratch folder"
                    + " failed); it counts as failed. Please tell your instructor.")));
        }
        return new ExerciseResult(ex.id(), ex.studentFile(), "", tests);
    }

    /** Removes the scratch folder; a folder that is already gone, or cannot be removed, is left as it is. */
    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException ignored) {
            // a scratch folder left in the temp directory is harmless; the report matters
        }
    }

    /** The command line; see the class comment. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The command line without System.exit: returns the exit status. */
    public static int run(String[] args) {
        Grader grader = defaults();
        Path submission = Path.of("exercises");
        Path results = Path.of("results.json");
        Path instructor = null;
        Path out = Path.of("grading-out");
        int jobs = Runtime.getRuntime().availableProcessors();
        List<String> only = new ArrayList<>();
        try {
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--submission" -> submission = Path.of(value(args, ++i, a));
                    case "--tests" -> grader = grader.tests(Path.of(value(args, ++i, a)));
                    case "--results" -> results = Path.of(value(args, ++i, a));
                    case "--timeout" -> grader = grader.timeout(Duration.ofMillis(
                            Math.round(1000 * Double.parseDouble(value(args, ++i, a)))));
                    case "--classpath" -> grader = grader.classpath(value(args, ++i, a));
                    case "--heap" -> grader = grader.heapMegabytes(Integer.parseInt(value(args, ++i, a)));
                    case "--instructor" -> instructor = Path.of(value(args, ++i, a));
                    case "--out" -> out = Path.of(value(args, ++i, a));
                    case "--jobs" -> jobs = Integer.parseInt(value(args, ++i, a));
                    case "--help", "-h" -> {
                        System.out.println(usage());
                        return 0;
                    }
                    default -> {
                        if (!a.matches("ex\\d+")) {
                            throw new IllegalArgumentException("Unknown argument " + a + ".");
                        }
                        only.add(String.format("ex%02d", Integer.parseInt(a.substring(2))));
                    }
                }
            }
            grader = grader.only(only);
            if (instructor != null) {
                Gradebook book = Gradebook.grade(grader, instructor, out, jobs);
                System.out.print(book.toTable());
                System.out.println("Wrote " + out.resolve("gradebook.csv") + ", " + out.resolve("gradebook.json")
                        + " and one results.json per student.");
                return 0;
            }
            GradingReport report = grader.grade(submission);
            System.out.print(report.toTable());
            report.writeResultsJson(results);
            System.out.println("Details (every test, full messages): " + results);
            return 0;
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            return 2;
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args[i];
    }

    private static String usage() {
        return """
                usage: gradkit.grading.Grader [options] [exNN ...]
                  --submission DIR   the folder of ExNN*.java files to grade (default: exercises)
                  --tests DIR        the grading tests (default: src/grading/java/gradkit/exercises)
                  --results FILE     Gradescope results.json to write (default: results.json)
                  --timeout SECONDS  the longest one test may run (default: 10)
                  --heap MB          heap cap of the JVM that runs the tests (default: 512)
                  --classpath CP     library + JUnit + Jackson for compiling and running (default: this JVM's)
                  --instructor DIR   grade every sub-folder of DIR (one per student) into a gradebook
                  --out DIR          instructor mode output folder (default: grading-out)
                  --jobs N           instructor mode: students graded at once (default: cores)
                  exNN ...           grade only these exercises, e.g. ex06""";
    }
}
