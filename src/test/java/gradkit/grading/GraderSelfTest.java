package gradkit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the grader on the model solutions, on the untouched exercises and on every purpose-built
 * hostile submission of src/test/resources/submissions/ ({@link HostileCase}), and checks the exact
 * outcome of every graded test: the tests a case names must fail (with the words it names), every
 * other one must pass. So a case that wants points it did not earn, or costs a classmate's or another
 * exercise's points, or stops the report, fails here.
 */
class GraderSelfTest {
    private static final Path SOLUTIONS = Path.of("solutions");
    private static final Path EXERCISES = Path.of("exercises");
    private static final Path FIXTURES = Path.of("src", "test", "resources", "submissions");
    /** Short enough to keep this suite quick, long enough for a loaded machine (solutions' tests take milliseconds). */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    static Path work;
    private static Grader grader;
    private static final Map<String, GradingReport> REPORTS = new ConcurrentHashMap<>();
    private static final Map<String, HostileCase> CASES = new TreeMap<>();
    private static double solutionsSeconds;

    /** The grader, the library, JUnit with its launcher, Jackson: what ./kit passes too. */
    static String classpath() throws IOException {
        return Path.of("target", "grader-classes") + File.pathSeparator + Path.of("target", "classes")
                + File.pathSeparator + Files.readString(Path.of("target", "classpath.txt")).strip();
    }

    @BeforeAll
    static void gradeEverything() throws Exception {
        grader = Grader.defaults().classpath(classpath()).timeout(TIMEOUT);
        long start = System.nanoTime();
        REPORTS.put("solutions", grader.grade(SOLUTIONS));
        solutionsSeconds = (System.nanoTime() - start) / 1e9;
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            for (Path dir : dirs.filter(d -> Files.isRegularFile(d.resolve("expected.properties"))).toList()) {
                HostileCase c = HostileCase.load(dir);
                CASES.put(c.name(), c);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            done.add(pool.submit(() -> REPORTS.put("untouched", grader.grade(EXERCISES))));
            for (HostileCase c : CASES.values()) {
                Path submission = c.build(SOLUTIONS, work.resolve("submissions"));
                done.add(pool.submit(() -> REPORTS.put(c.name(), c.grader(grader).grade(submission))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @AfterAll
    static void printFigures() {
        System.out.printf("Grader self-test: %d hostile submissions; the model answers graded in %.1f s%n",
                CASES.size(), solutionsSeconds);
    }

    @Test
    void thereAreTenExercisesWithSeveralTestsEach() {
        List<TestScanner.Exercise> exercises = grader.exercises();
        assertTrue(exercises.size() >= 10, "at least ten exercises, found " + exercises.size());
        for (TestScanner.Exercise ex : exercises) {
            assertTrue(ex.tests().size() >= 3, ex.id() + " has only " + ex.tests().size() + " tests");
            assertTrue(Files.isRegularFile(SOLUTIONS.resolve(ex.studentFile())), "solution of " + ex.id());
            assertTrue(Files.isRegularFile(EXERCISES.resolve(ex.studentFile())), "exercise file of " + ex.id());
        }
    }

    @Test
    void solutionsScoreFullMarks() {
        GradingReport report = REPORTS.get("solutions");
        for (TestResult t : report.tests()) {
            assertTrue(t.outcome().passed(), () -> t.test().fullName() + " failed on the solutions: " + t.outcome().message());
        }
        assertEquals(report.maxPoints(), report.earned());
        assertEquals(grader.exercises().size(), report.exercises().size());
    }

    @Test
    void untouchedExercisesCompileAndScoreZero() {
        GradingReport report = REPORTS.get("untouched");
        for (ExerciseResult ex : report.exercises()) {
            assertTrue(ex.compiled(), () -> ex.id() + " does not compile: " + ex.compileError());
        }
        for (TestResult t : report.tests()) {
            assertFalse(t.outcome().passed(), () -> t.test().fullName() + " passes on the untouched exercise");
            assertTrue(t.outcome().message().contains("Not implemented yet: TODO"),
                    () -> t.test().fullName() + " should fail on a TODO, but said: " + t.outcome().message());
        }
        assertEquals(0, report.earned());
    }

    @Test
    void thereAreAtLeastFortyHostileCases() {
        assertTrue(CASES.size() >= 40, "hostile cases: " + CASES.size());
    }

    static Stream<String> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(FIXTURES)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("expected.properties")))
                    .map(d -> d.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("cases")
    void hostileSubmissionGetsExactlyTheExpectedOutcome(String name) throws IOException {
        check(CASES.get(name), REPORTS.get(name));
    }

    /**
     * Some cases again with bubblewrap turned off. On JDK 17 to 23 without the static check as well: the
     * security policy alone must hold. On JDK 24 and later, where no policy can be installed, the static
     * check alone must hold.
     */
    @Test
    void withoutNamespacesThePolicyAloneHolds() throws IOException {
        System.setProperty("gradkit.sandbox", "none");
        try {
            for (String name : List.of("forge-proc-fd", "write-into-grader", "read-solutions", "spawn-process")) {
                boolean policy = Runtime.version().feature() < 24 && guardedByPolicy(CASES.get(name));
                HostileCase c = policy ? CASES.get(name).withoutStaticCheck() : CASES.get(name);
                Grader chosen = policy ? grader.withoutStaticCheck() : grader;
                GradingReport report = chosen.only(c.graded()).grade(c.build(SOLUTIONS, work.resolve("no-namespaces")));
                assertTrue(report.toTable().contains("No Linux namespaces"), report.toTable());
                check(c, report);
            }
        } finally {
            System.clearProperty("gradkit.sandbox");
        }
    }

    /**
     * The defences behind the static check still hold on their own: on JDK 17 to 23 some cases again
     * without it ({@link Grader#withoutStaticCheck}), each with the outcome it names for that
     * (dynamic-fail, dynamic-words): the security policy and the test JVM's design stop them.
     */
    @Test
    void withoutTheStaticCheckTheDynamicDefencesHold() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.version().feature() < 24,
                "no security policy on JDK 24 and later: the static check is the defence that holds there");
        for (String name : List.of("system-exit", "reflect-into-runner", "native-library", "thread-bomb",
                "refused-call-in-static-initializer")) {
            if (!guardedByPolicy(CASES.get(name))) {
                continue;   // its exercise runs in a worker JVM, where there is no policy: see guardedByPolicy
            }
            HostileCase c = CASES.get(name).withoutStaticCheck();
            assertTrue(CASES.get(name).hasDynamicOutcome(), name + " names no dynamic-fail");
            GradingReport report = grader.withoutStaticCheck().only(c.graded()).grade(c.build(SOLUTIONS, work.resolve("dynamic")));
            check(c, report);
        }
    }

    /**
     * True when every exercise {@code c} grades runs in a test JVM, where the security policy of JDK 17 to 23
     * holds. An exercise with a probe runs the student's code in a worker JVM, which has no policy on any
     * JDK: there the static check is the defence inside the JVM, and a case made to be stopped by the policy
     * must not run without it (forge-proc-fd, run so as root without bubblewrap, truncated the JDK's
     * lib/modules through /proc/self/fd).
     */
    private static boolean guardedByPolicy(HostileCase c) {
        return grader.exercises().stream().filter(e -> c.graded().contains(e.id())).allMatch(e -> Probes.source(e) == null);
    }

    /**
     * Exercises graded through a worker JVM (01 and 02, {@code gradkit.grading.client}) hold without the
     * static check on every JDK, each case with the outcome it names for that: nothing there rests on the
     * security policy, and what the student's code does in its worker can change only its answers.
     */
    @Test
    void withoutTheStaticCheckTheWorkerHolds() throws IOException {
        for (String name : List.of("exit-in-call", "flood-in-call", "forge-file-descriptor")) {
            HostileCase c = CASES.get(name).withoutStaticCheck();
            GradingReport report = grader.withoutStaticCheck().only(c.graded())
                    .grade(c.build(SOLUTIONS, work.resolve("worker-dynamic")));
            check(c, report);
        }
    }

    private static void check(HostileCase c, GradingReport report) throws IOException {
        String name = c.name();
        assertEquals(c.graded(), report.exercises().stream().map(ExerciseResult::id).toList(), "every exercise is listed");
        for (ExerciseResult ex : report.exercises()) {
            TestScanner.Exercise declared = grader.exercises().stream().filter(e -> e.id().equals(ex.id())).findFirst().orElseThrow();
            assertEquals(declared.tests().size(), ex.tests().size(), "every test is listed");
            int expected = 0;
            for (TestResult t : ex.tests()) {
                boolean fail = c.mustFail(t.test());
                expected += fail ? 0 : t.test().points();
                assertEquals(!fail, t.outcome().passed(), () -> name + ": " + t.test().exercise() + "." + t.test().methodName()
                        + (fail ? " passed but must fail" : " failed but must pass: " + ex.compileError() + t.outcome().message()));
            }
            assertEquals(expected, ex.earned(), name + ", " + ex.id());
        }
        String failures = report.exercises().stream().map(ExerciseResult::compileError).reduce("", String::concat)
                + report.tests().stream().filter(t -> !t.outcome().passed()).map(t -> t.outcome().message()).toList();
        assertTrue(failures.contains(c.get("words")), () -> name + " should explain \"" + c.get("words") + "\" but said: " + failures);
        String everything = report.toTable() + new ObjectMapper().writeValueAsString(report.toResultsJson());
        assertTrue(everything.length() < 200_000, name + ": the report holds " + everything.length() + " characters");
        for (String text : c.list("not-in-report")) {
            assertFalse(everything.contains(text), name + ": the report shows " + text);
        }
        for (String text : c.list("clean-output")) {
            assertFalse(report.tests().stream().anyMatch(t -> t.outcome().output().contains(text)), name + ": " + text + " leaked");
        }
        if (!c.get("no-control-chars").isEmpty()) {
            assertFalse(everything.chars().anyMatch(ch -> ch == 0x1b || ch == '\r' || ch == 0x07 || ch == 0x202e),
                    name + ": control characters reached the report");
        }
        for (String path : c.list("absent")) {
            assertFalse(Files.exists(Path.of(path)), name + " created " + path);
        }
    }

    @Test
    void capturedOutputIsCapped() {
        for (TestResult t : REPORTS.get("huge-stdout").tests()) {
            assertTrue(t.outcome().output().length() < 2 * TestRunner.MAX_OUTPUT_CHARS + 200,
                    () -> t.test().fullName() + " kept " + t.outcome().output().length() + " characters of output");
        }
        assertTrue(REPORTS.get("huge-stdout").tests().stream()
                .anyMatch(t -> t.outcome().output().contains("more bytes of output dropped")));
    }

    @Test
    void theReportSaysWhatProtectedTheTestJvms() {
        String table = REPORTS.get("solutions").toTable();
        assertTrue(table.contains("Note: ") && (table.contains("bubblewrap") || table.contains("No Linux namespaces")), table);
        if ("none".equals(System.getenv("GRADKIT_SANDBOX"))) {   // so that a run meant without bubblewrap is one
            assertTrue(table.contains("No Linux namespaces") && table.contains("turned off with GRADKIT_SANDBOX=none"), table);
        }
        if (Runtime.version().feature() < 24) {
            assertFalse(table.contains("was not in force"), "the security policy must hold on Java 17 to 23: " + table);
        }
    }

    @Test
    void gradebookAndResultsJsonAreWritten() throws IOException {
        Path students = work.resolve("class");
        HostileCase.load(FIXTURES.resolve("compile-error")).build(SOLUTIONS, students);
        HostileCase.load(FIXTURES.resolve("kill-other-students")).build(SOLUTIONS, students);
        Files.createDirectories(students.resolve("alice"));
        Files.copy(SOLUTIONS.resolve("Ex02ChainRuleByHand.java"), students.resolve("alice").resolve("Ex02ChainRuleByHand.java"));
        Path out = work.resolve("out");
        Gradebook book = Gradebook.grade(grader.only(List.of("ex02")), students, out, 3);
        assertEquals(0, book.reports().get("kill-other-students").earned(), "refused by the static check");
        List<String> csv = Files.readAllLines(out.resolve("gradebook.csv"));
        assertEquals(book.reports().size() + 1, csv.size(), "a header and one line per student");
        assertTrue(csv.get(0).startsWith("student,ex02"), csv.get(0));
        JsonNode results = new ObjectMapper().readTree(out.resolve("compile-error").resolve("results.json").toFile());
        GradingReport report = book.reports().get("compile-error");
        assertEquals(0, report.earned());
        assertEquals(report.earned(), results.get("score").asDouble(), 0.0);
        for (JsonNode test : results.get("tests")) {
            assertEquals("failed", test.get("status").asText());
            assertTrue(test.get("output").asText().contains("Ex02ChainRuleByHand.java:"),
                    "the compiler's message is in the report: " + test.get("output").asText());
        }
        assertEquals(book.reports().get("alice").maxPoints(), book.reports().get("alice").earned());
    }

    @Test
    void commandLineGradesOneExerciseAlone() throws IOException {
        Path results = work.resolve("one.json");
        java.io.PrintStream console = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
            status = Grader.run(new String[] {"--submission", SOLUTIONS.toString(), "--results", results.toString(),
                "--classpath", classpath(), "ex6"});
        } finally {
            System.setOut(console);
        }
        String table = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(table.contains("ex06") && table.contains("Total") && !table.contains("ex05"), table);
        assertEquals(0, status);
        JsonNode json = new ObjectMapper().readTree(results.toFile());
        for (JsonNode test : json.get("tests")) {
            assertTrue(test.get("name").asText().startsWith("ex06"), test.get("name").asText());
        }
        assertTrue(json.get("tests").size() >= 3);
    }

    @Test
    void aMissingFileCostsOnlyItsExercise() throws IOException {
        Path student = work.resolve("missing");
        Files.createDirectories(student.resolve("nested"));
        Files.copy(SOLUTIONS.resolve("Ex01DifferenceQuotients.java"), student.resolve("nested").resolve("Ex01DifferenceQuotients.java"));
        GradingReport report = grader.only(List.of("ex01", "ex03")).grade(student);
        assertEquals(List.of("ex01", "ex03"), report.exercises().stream().map(ExerciseResult::id).toList());
        ExerciseResult ex01 = report.exercises().get(0);
        ExerciseResult ex03 = report.exercises().get(1);
        assertEquals(ex01.maxPoints(), ex01.earned(), "a file one folder down is still found");
        assertEquals(0, ex03.earned());
        assertTrue(ex03.compileError().contains("missing"), ex03.compileError());
        assertTrue(report.toTable().contains("Ex03LocalDerivatives.java is missing"), report.toTable());
    }

    @Test
    void aScratchFolderThatVanishedDoesNotStopTheReport() throws IOException {
        Path gone = work.resolve("gone");
        Files.createDirectories(gone.resolve("a").resolve("b"));
        Grader.deleteQuietly(gone);
        Grader.deleteQuietly(gone);   // already removed: NoSuchFileException inside, nothing thrown
        Grader.deleteQuietly(null);
        assertFalse(Files.exists(gone));
    }
}
