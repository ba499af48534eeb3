package gradkit.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Grades a folder of exercise files with the grading tests, and never gives up half way.
 *
 * <p>For each exercise: compile the student's file with its grading test and the test helpers
 * ({@link ExerciseCompiler}; a compile error costs that exercise only), then run all tests of all
 * exercises that compiled in a separate JVM ({@link TestJvm}: a per-test timeout, a heap cap, a
 * fresh class loader per test, and recovery when the JVM dies). The tests come from the grader's own
 * tests folder, never from the submission.
 *
 * <pre>{@code
 * GradingReport report = Grader.defaults()
 *         .tests(Path.of("src/grading/java/gradkit/exercises"))
 *         .only(List.of("ex06"))
 *         .grade(Path.of("exercises"));
 * System.out.print(report.toTable());
 * }</pre>
 *
 * <p>The command line ({@code ./kit grade}) is {@link CommandLine}; instructor mode, which grades a
 * folder of students each in a process of its own, is {@link Gradebook}.
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

    /** Grades the exercise files in {@code submission} and returns the complete report. */
    public GradingReport grade(Path submission) {
        long start = System.nanoTime();
        List<TestScanner.Exercise> exercises = exercises();
        List<Path> helpers = TestScanner.helpers(testsDir);
        Path work;
        try {
            work = Files.createTempDirectory("gradkit-grading-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a scratch folder", e);
        }
        try {
            List<String> compileErrors = compileAll(exercises, submission, helpers, work);
            List<TestJvm.Test> toRun = new ArrayList<>();
            for (int e = 0; e < exercises.size(); e++) {
                if (compileErrors.get(e).isEmpty()) {
                    Path classes = work.resolve("classes").resolve(exercises.get(e).id());
                    for (GradingTest t : exercises.get(e).tests()) {
                        toRun.add(new TestJvm.Test(classes, t.className(), t.methodName()));
                    }
                }
            }
            List<TestOutcome> outcomes = toRun.isEmpty() ? List.of()
                    : new TestJvm(classpath, timeout, heapMegabytes).run(toRun, work.resolve("jvm"));
            List<ExerciseResult> results = new ArrayList<>();
            int next = 0;
            for (int e = 0; e < exercises.size(); e++) {
                TestScanner.Exercise ex = exercises.get(e);
                String error = compileErrors.get(e);
                List<TestResult> tests = new ArrayList<>();
                for (GradingTest t : ex.tests()) {
                    TestOutcome o = error.isEmpty() ? outcomes.get(next++)
                            : TestOutcome.failed(ex.studentFile() + " did not compile (see the compiler's message).");
                    tests.add(new TestResult(t, o));
                }
                results.add(new ExerciseResult(ex.id(), ex.studentFile(), error, tests));
            }
            return new GradingReport(submission, results, (System.nanoTime() - start) / 1e9);
        } finally {
            deleteRecursively(work);
        }
    }

    /**
     * Compiles each exercise on its own into work/classes/exNN, so that a file that does not compile
     * costs its own exercise only and no exercise can lean on another one's file. Two threads share
     * the work (each with its own compiler, whose file manager caches the class path's jars).
     * Returns the compiler's messages per exercise, "" where it compiled.
     */
    private List<String> compileAll(List<TestScanner.Exercise> exercises, Path submission, List<Path> helpers,
                                    Path work) {
        int threads = Math.min(2, Math.min(exercises.size(), Runtime.getRuntime().availableProcessors()));
        String[] errors = new String[exercises.size()];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int first = t;
                parts.add(pool.submit(() -> {
                    try (ExerciseCompiler compiler = new ExerciseCompiler(classpath)) {
                        for (int e = first; e < exercises.size(); e += threads) {
                            errors[e] = compileAlone(compiler, submission, exercises.get(e), helpers, work);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> part : parts) {
                part.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while compiling", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Compiling failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return List.of(errors);
    }

    /** Compiles one exercise into work/classes/exNN; returns the compiler's messages, "" on success. */
    private static String compileAlone(ExerciseCompiler compiler, Path submission, TestScanner.Exercise ex,
                                       List<Path> helpers, Path work) throws IOException {
        Path studentFile = locate(submission, ex.studentFile());
        if (!Files.isRegularFile(studentFile)) {
            return "The file " + ex.studentFile() + " is missing from " + submission + ".";
        }
        Path classes = work.resolve("classes").resolve(ex.id());
        Files.createDirectories(classes);
        List<Path> sources = new ArrayList<>(List.of(studentFile, ex.testSource()));
        sources.addAll(helpers);
        return compiler.compile(sources, classes).messages();
    }

    /**
     * The student's file: right in the submission folder, or else the first file of that name in a
     * sub-folder (uploads are sometimes nested, e.g. submission/exercises/Ex01....java).
     */
    static Path locate(Path submission, String fileName) {
        Path direct = submission.resolve(fileName);
        if (Files.isRegularFile(direct) || !Files.isDirectory(submission)) {
            return direct;
        }
        try (Stream<Path> files = Files.walk(submission, 4)) {
            return files.filter(p -> p.getFileName().toString().equals(fileName) && Files.isRegularFile(p))
                    .sorted().findFirst().orElse(direct);
        } catch (IOException e) {
            return direct;
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a scratch folder left in the temp directory is harmless
        }
    }

    /** The folder the grading tests are read from. */
    public Path testsFolder() {
        return testsDir;
    }

    /** The class path the grader compiles and runs tests against (it holds the grader's own classes too). */
    public String classpath() {
        return classpath;
    }

    /**
     * This grader's settings as command-line options ({@code --tests}, {@code --classpath},
     * {@code --timeout}, {@code --heap} and the exercise ids), with absolute paths: what a child grader
     * process needs to grade exactly as this one would.
     */
    public List<String> commandLineOptions() {
        List<String> options = new ArrayList<>(List.of("--tests", testsDir.toAbsolutePath().toString(),
                "--classpath", absoluteClasspath(classpath), "--timeout", Double.toString(timeout.toMillis() / 1000.0),
                "--heap", Integer.toString(heapMegabytes)));
        exercises().forEach(e -> options.add(e.id()));
        return options;
    }

    /** The longest one test may run. */
    public Duration timeout() {
        return timeout;
    }

    /** Each entry of a class path made absolute. */
    static String absoluteClasspath(String path) {
        List<String> entries = new ArrayList<>();
        for (String entry : path.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** The command line ({@link CommandLine}); exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** The command line without System.exit: returns the exit status ({@link CommandLine}). */
    public static int run(String[] args) {
        return new CommandLine(System.out, System.err).run(args);
    }
}
