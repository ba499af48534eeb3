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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the grader, in instructor mode, on the model solutions, on the untouched exercises and on
 * deliberately broken submissions, and checks the exact scores.
 *
 * <p>Each broken submission is a folder under src/test/resources/submissions/ holding only the file
 * that differs from the solutions; here it becomes a full submission: the solutions copied, the
 * broken file laid over them. So a fixture stays one small readable file, and it stays in step with
 * the solutions when they change.
 */
class GraderSelfTest {
    private static final Path SOLUTIONS = Path.of("solutions");
    private static final Path EXERCISES = Path.of("exercises");
    private static final Path FIXTURES = Path.of("src", "test", "resources", "submissions");
    /** Short enough to keep this suite quick, long enough for a loaded machine (solutions' tests take milliseconds). */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /**
     * The points each broken submission should lose: exercise id and the points it keeps. Every
     * exercise not listed keeps all its points. The words are what the failed test's message must say.
     */
    private static final Map<String, Expected> EXPECTED = Map.of(
            "compile-error", new Expected("ex02", 0, "error"),
            "infinite-loop", new Expected("ex01", 9, "Timed out"),
            "system-exit", new Expected("ex04", 5, "System.exit"),
            "runtime-halt", new Expected("ex10", 7, "exit code 3"),
            "stack-overflow", new Expected("ex05", 7, "StackOverflowError"),
            "out-of-memory", new Expected("ex08", 5, "Out of memory"),
            "lingering-thread", Expected.FULL,
            "huge-stdout", Expected.FULL,
            "static-state", Expected.FULL,
            "forged-events", new Expected("ex02", 4, "forged"));

    private record Expected(String exercise, int keeps, String words) {
        static final Expected FULL = new Expected("", 0, "");
    }

    @TempDir
    static Path work;
    private static Gradebook book;
    private static Grader grader;

    /** The grader, the library, JUnit with its launcher, Jackson: what ./kit passes too. */
    static String classpath() throws IOException {
        return Path.of("target", "grader-classes") + File.pathSeparator + Path.of("target", "classes")
                + File.pathSeparator + Files.readString(Path.of("target", "classpath.txt")).strip();
    }

    @BeforeAll
    static void gradeEverything() throws IOException {
        Path submissions = work.resolve("submissions");
        copyJava(SOLUTIONS, submissions.resolve("solutions"));
        copyJava(EXERCISES, submissions.resolve("untouched"));
        for (String fixture : EXPECTED.keySet()) {
            Path student = submissions.resolve(fixture);
            copyJava(SOLUTIONS, student);
            copyJava(FIXTURES.resolve(fixture), student);
        }
        grader = Grader.defaults().classpath(classpath()).timeout(TIMEOUT);
        book = Gradebook.grade(grader, submissions, work.resolve("out"), 2);
    }

    private static void copyJava(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
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
        GradingReport report = book.reports().get("solutions");
        for (TestResult t : report.tests()) {
            assertTrue(t.outcome().passed(), () -> t.test().fullName() + " failed on the solutions: " + t.outcome().message());
        }
        assertEquals(report.maxPoints(), report.earned());
    }

    @Test
    void untouchedExercisesCompileAndScoreZero() {
        GradingReport report = book.reports().get("untouched");
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

    static Stream<String> fixtures() {
        return EXPECTED.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void brokenSubmissionGetsExactlyTheExpectedScore(String fixture) {
        Expected expected = EXPECTED.get(fixture);
        GradingReport report = book.reports().get(fixture);
        assertEquals(book.reports().get("solutions").tests().size(), report.tests().size(), "every test is listed");
        for (ExerciseResult ex : report.exercises()) {
            int keeps = ex.id().equals(expected.exercise()) ? expected.keeps() : ex.maxPoints();
            assertEquals(keeps, ex.earned(), () -> fixture + ", " + ex.id() + ": " + ex.tests().stream()
                    .filter(t -> !t.outcome().passed()).map(t -> t.test().methodName() + ": " + t.outcome().message())
                    .toList());
            if (ex.id().equals(expected.exercise())) {
                String all = ex.compileError() + ex.tests().stream().map(t -> t.outcome().message()).toList();
                assertTrue(all.contains(expected.words()), () -> fixture + " should explain \"" + expected.words()
                        + "\" but said: " + all);
            }
        }
    }

    @Test
    void capturedOutputIsCapped() {
        for (TestResult t : book.reports().get("huge-stdout").tests()) {
            assertTrue(t.outcome().output().length() < 2 * TestRunner.MAX_OUTPUT_CHARS,
                    () -> t.test().fullName() + " kept " + t.outcome().output().length() + " characters of output");
        }
        assertTrue(book.reports().get("huge-stdout").tests().stream()
                .anyMatch(t -> t.outcome().output().contains("more bytes of output dropped")));
    }

    @Test
    void gradebookAndResultsJsonAreWritten() throws IOException {
        Path out = work.resolve("out");
        List<String> csv = Files.readAllLines(out.resolve("gradebook.csv"));
        assertEquals(book.reports().size() + 1, csv.size(), "a header and one line per student");
        assertTrue(csv.get(0).startsWith("student,ex01,ex02"), csv.get(0));
        JsonNode gradebook = new ObjectMapper().readTree(out.resolve("gradebook.json").toFile());
        assertEquals(book.reports().size(), gradebook.get("students").size());

        JsonNode results = new ObjectMapper().readTree(out.resolve("compile-error").resolve("results.json").toFile());
        GradingReport report = book.reports().get("compile-error");
        assertEquals(report.earned(), results.get("score").asDouble(), 0.0);
        assertEquals(report.tests().size(), results.get("tests").size());
        for (JsonNode test : results.get("tests")) {
            for (String field : List.of("name", "score", "max_score", "output", "status", "visibility")) {
                assertTrue(test.has(field), "results.json test without " + field + ": " + test);
            }
            assertTrue(List.of("passed", "failed").contains(test.get("status").asText()));
            if (test.get("name").asText().startsWith("ex02")) {
                assertEquals("failed", test.get("status").asText());
                assertTrue(test.get("output").asText().contains("Ex02ChainRuleByHand.java:"),
                        "the compiler's message is in the report: " + test.get("output").asText());
            }
        }
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
                "ex6"});
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
}
