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
 * ({@link ExerciseCompiler} in a JVM of its own, {@link CompilerProcess}; a compile error costs that exercise only), then run the tests in a test
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
 * <p>The command line ({@code ./kit grade}) is {@link CommandLine}; instructor mode, which grades a
 * folder of students each in a process of its own, is {@link Gradebook}.
 */
public final class Grader {
    /** The command-line option of {@link #withoutStaticCheck}, for the grader's own tests (not in --help). */
    static final String WITHOUT_STATIC_CHECK = "--without-static-check-for-tests";

    /** Where the grading tests live in the repository. */
    public static final Path DEFAULT_TESTS = Path.of("src", "grading", "java", "gradkit", "exercises");

    private final Path testsDir;
    private final String classpath;
    private final Duration timeout;
    private final int heapMegabytes;
    private final Set<String> only;
    private final Duration compileLimit;
    /** False only in the grader's own tests of the defences behind the static check ({@link #withoutStaticCheck}). */
    private final boolean staticCheck;

    private Grader(Path testsDir, String classpath, Duration timeout, int heapMegabytes, Set<String> only,
                   Duration compileLimit, boolean staticCheck) {
        this.testsDir = testsDir;
        this.classpath = classpath;
        this.timeout = timeout;
        this.heapMegabytes = heapMegabytes;
        this.only = only;
        this.compileLimit = compileLimit;
        this.staticCheck = staticCheck;
    }

    /**
     * The tests of {@link #DEFAULT_TESTS}, this JVM's class path, 10 s per test, a 512 MB heap, every
     * exercise, 60 s per compilation (the solutions take well under a second).
     */
    public static Grader defaults() {
        return new Grader(DEFAULT_TESTS, System.getProperty("java.class.path"), Duration.ofSeconds(10), 512, Set.of(),
                Duration.ofSeconds(60), true);
    }

    /** The same grader with its tests taken from {@code dir}. */
    public Grader tests(Path dir) {
        return new Grader(dir, classpath, timeout, heapMegabytes, only, compileLimit, staticCheck);
    }

    /** The same grader compiling and running against {@code path} (library, JUnit with its launcher, Jackson). */
    public Grader classpath(String path) {
        return new Grader(testsDir, path, timeout, heapMegabytes, only, compileLimit, staticCheck);
    }

    /** The same grader with another per-test timeout. */
    public Grader timeout(Duration perTest) {
        if (perTest.isNegative() || perTest.isZero()) {
            throw new IllegalArgumentException("The per-test timeout must be positive, but got " + perTest + ".");
        }
        return new Grader(testsDir, classpath, perTest, heapMegabytes, only, compileLimit, staticCheck);
    }

    /** The same grader with another heap cap (MB) for the JVM that runs the tests. */
    public Grader heapMegabytes(int megabytes) {
        if (megabytes < 64) {
            throw new IllegalArgumentException("The test JVM needs at least 64 MB of heap, but got " + megabytes + ".");
        }
        return new Grader(testsDir, classpath, timeout, megabytes, only, compileLimit, staticCheck);
    }

    /**
     * The same grader with another limit on one compilation: javac runs in a JVM of its own, killed
     * when it works longer than this ({@link CompilerProcess}).
     */
    public Grader compileLimit(Duration perCompilation) {
        if (perCompilation.isNegative() || perCompilation.isZero()) {
            throw new IllegalArgumentException("The compile limit must be positive, but got " + perCompilation + ".");
        }
        return new Grader(testsDir, classpath, timeout, heapMegabytes, only, perCompilation, staticCheck);
    }

    /** The same grader restricted to some exercises ("ex06"); an empty list means all. */
    public Grader only(List<String> exerciseIds) {
        return new Grader(testsDir, classpath, timeout, heapMegabytes, new TreeSet<>(exerciseIds), compileLimit, staticCheck);
    }

    /**
     * The same grader without the static check of the student's classes ({@code gradkit.grading.bytecode}),
     * for the grader's own tests alone: they show that the defences behind it (the test JVM's design,
     * the security policy on JDK 17 to 23, bubblewrap) still hold on their own. Never for grading students.
     */
    Grader withoutStaticCheck() {
        return new Grader(testsDir, classpath, timeout, heapMegabytes, only, compileLimit, false);
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

    /** Two workers (each with its own compiler JVM) take the exercises in turn. */
    private void gradeAll(List<TestScanner.Exercise> exercises, List<Path> helpers, TestJvm jvm, Path submission,
                          Path work, ExerciseResult[] results) {
        int workers = Math.max(1, Math.min(2, Math.min(exercises.size(), Runtime.getRuntime().availableProcessors())));
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            Thread t = new Thread(() -> {
                try (CompilerProcess compiler = new CompilerProcess(classpath, compileLimit)) {
                    for (int e = next.getAndIncrement(); e < exercises.size(); e = next.getAndIncrement()) {
                        TestScanner.Exercise ex = exercises.get(e);
                        ExerciseGrading grading = new ExerciseGrading(ex, helpers, classpath, jvm, staticCheck);
                        results[e] = grading.grade(compiler, submission, work.resolve(ex.id()));
                    }
                }
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
     * {@code --timeout}, {@code --heap}, {@code --compile-limit}, the option of {@link #withoutStaticCheck}
     * when it is off, and the exercise ids), with absolute paths: what a child grader
     * process needs to grade exactly as this one would.
     */
    public List<String> commandLineOptions() {
        List<String> options = new ArrayList<>(List.of("--tests", testsDir.toAbsolutePath().toString(),
                "--classpath", absoluteClasspath(classpath), "--timeout", Double.toString(timeout.toMillis() / 1000.0),
                "--heap", Integer.toString(heapMegabytes),
                "--compile-limit", Double.toString(compileLimit.toMillis() / 1000.0)));
        if (!staticCheck) {
            options.add(WITHOUT_STATIC_CHECK);
        }
        exercises().forEach(e -> options.add(e.id()));
        return options;
    }

    /** The longest one test may run. */
    public Duration timeout() {
        return timeout;
    }

    /** The java launcher of the JDK the grader runs on: the one every JVM it starts (tests, javac, students) uses. */
    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
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
