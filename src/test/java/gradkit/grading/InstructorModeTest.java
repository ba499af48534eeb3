package gradkit.grading;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Instructor mode on a class with hostile students (src/test/resources/classes/hostile/, see its
 * README), students with odd names (..x among them), a link and a file where folders belong, a .git
 * and a .DS_Store, and honest students: each gets exactly its expected score, every entry but the
 * two that are certainly not students gets a row (those two are listed as skipped), and the gradebook
 * files are what the grader wrote and stay so. Only exercise 02 is graded, to keep this quick; each student folder is a copy of
 * solutions/ (or exercises/) made here, with a hostile student's static block put into its Ex02.
 */
class InstructorModeTest {
    private static final Path HOSTILE = Path.of("src", "test", "resources", "classes", "hostile");
    private static final String EXERCISE_FILE = "Ex02ChainRuleByHand.java";
    private static final String FORMULA = "=HYPERLINK(\"evil.example\",\"click\")";
    private static final String QUOTED = "Doe, \"Jane\"\nsecond line";

    /** Expected points per student: FULL (all of ex02), 0 graded, or 0 with grading failed and the reason's words. */
    private record Expected(boolean full, Boolean graded, String words, boolean ownTimeoutsAllowed) {
        static final Expected FULL = new Expected(true, true, "", false);
        static final Expected ZERO = new Expected(false, true, "", false);
        /**
         * Full marks, or tests lost only to timeouts of the student's own code: a hostile block whose
         * attack runs unrefused in its worker (no policy there) and may take longer than the test's
         * limit on a busy machine. What matters is that nobody else lost a point.
         */
        static final Expected FULL_UNLESS_OWN_TIMEOUTS = new Expected(true, true, "", true);

        Expected(boolean full, Boolean graded, String words) {
            this(full, graded, words, false);
        }

        static Expected failed(String words) {
            return new Expected(false, false, words);
        }

        /** Zero points, whether the grader stopped (a row with the reason) or the student's tests did. */
        static Expected zeroEitherWay(String words) {
            return new Expected(false, null, words);
        }
    }

    @TempDir
    static Path work;
    private static Path classDir;
    private static Path out;
    private static Gradebook book;
    private static int maxPoints;
    private static final Map<String, Expected> EXPECTED = new LinkedHashMap<>();
    private static boolean sandboxed;

    @BeforeAll
    static void gradeTheClass() throws IOException {
        sandboxed = StudentSandbox.detect().isBubblewrap();
        classDir = Files.createDirectories(work.resolve("class"));
        out = work.resolve("out");
        student("alice", "solutions", "", Expected.FULL);
        student("carol", "exercises", "", Expected.ZERO);
        student(FORMULA, "solutions", "", Expected.FULL);
        student(QUOTED, "exercises", "", Expected.ZERO);
        student("@SUM(A1)", "solutions", "", Expected.FULL);
        student("..x", "solutions", "", Expected.FULL);
        if (sandboxed) {
            for (String hostile : List.of("killer", "overwriter", "busy", "detacher")) {
                student(hostile, "solutions", hostile,
                        hostile.equals("overwriter") ? Expected.FULL_UNLESS_OWN_TIMEOUTS : Expected.FULL);
            }
            // These two attack only when they see bubblewrap as their pid 1, which they did as root here;
            // run by an ordinary user on JDK 25 they found nothing to attack and earned full marks, so
            // they are graded where the attack is sure to run.
            if ("root".equals(System.getProperty("user.name"))) {
                student("crasher", "solutions", "crasher", Expected.zeroEitherWay("without a complete report"));
                student("hanger", "solutions", "hanger", Expected.zeroEitherWay("longer than 40 s"));
            }
            student("snooper", "solutions", "snooper", Expected.ZERO);
        }
        looper();
        Files.createSymbolicLink(classDir.resolve("link-to-alice"), classDir.resolve("alice"));
        EXPECTED.put("link-to-alice", Expected.failed("symbolic link"));
        Files.writeString(classDir.resolve("notes.txt"), "not a student");
        EXPECTED.put("notes.txt", Expected.failed("not a folder"));
        Files.createDirectories(classDir.resolve(".git"));
        Files.writeString(classDir.resolve(".DS_Store"), "not a student either");

        // Without the static check, which would refuse every hostile student's block before it runs: here
        // the student processes, bubblewrap and the policy must keep the students apart on their own.
        Grader grader = Grader.defaults().classpath(GraderSelfTest.classpath()).timeout(Duration.ofSeconds(8))
                .only(List.of("ex02")).withoutStaticCheck();
        maxPoints = grader.exercises().get(0).maxPoints();
        book = Gradebook.grade(grader, classDir, new Gradebook.Settings(2, Duration.ofSeconds(40), ResultsJson.Format.TEXT));
        book.write(out);
    }

    /** A student folder: a copy of {@code base}, with the hostile block of {@code hostile} in its Ex02 (if any). */
    private static void student(String name, String base, String hostile, Expected expected) throws IOException {
        Path folder = Files.createDirectories(classDir.resolve(name));
        try (Stream<Path> files = Files.list(Path.of(base))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Files.copy(f, folder.resolve(f.getFileName()));
            }
        }
        if (!hostile.isEmpty()) {
            String block = Files.readString(HOSTILE.resolve(hostile).resolve("Ex02ChainRuleByHand.static"))
                    .replace("@CLASS@", classDir.toString()).replace("@OUT@", work.resolve("out").toString())
                    .replace("@REPO@", Path.of("").toAbsolutePath().toString());
            String source = Files.readString(folder.resolve(EXERCISE_FILE));
            String opening = "public final class Ex02ChainRuleByHand {\n";
            assertTrue(source.contains(opening), "the solution's class line changed; update this test");
            Files.writeString(folder.resolve(EXERCISE_FILE), source.replace(opening, opening + block));
        }
        if (expected != null) {
            EXPECTED.put(name, expected);
        }
    }

    /**
     * A student whose dgdx never returns: that test times out. In bubblewrap, students are graded two
     * at a time, so the timeout could be the others' doing: this student is graded again alone. Without
     * bubblewrap students are graded one at a time, so the first grading already was alone. Either way
     * it loses exactly dgdx's points.
     */
    private static void looper() throws IOException {
        student("looper", "solutions", "", null);
        Path file = classDir.resolve("looper").resolve(EXERCISE_FILE);
        String source = Files.readString(file);
        String method = "public static double dgdx(double x) {";
        assertTrue(source.contains(method), "the solution's dgdx changed; update this test");
        Files.writeString(file, source.replace(method, method + "\n        while (x == x) {\n            x += 0;\n        }"));
    }

    static Stream<String> students() {
        return EXPECTED.keySet().stream();
    }

    @Test
    void aStudentWhoseTestTimedOutLosesOnlyThatTestAndIsGradedAgainAloneIfOthersRanBesideIt() {
        Gradebook.Student looper = book.students().stream().filter(s -> s.name().equals("looper")).findFirst()
                .orElseThrow();
        int dgdx = looper.report().tests().stream().filter(t -> t.test().methodName().equals("dgdx"))
                .mapToInt(t -> t.test().points()).sum();
        assertTrue(dgdx > 0);
        assertEquals(maxPoints - dgdx, looper.report().earned(), looper.report().toTable());
        assertTrue(looper.report().tests().stream().filter(t -> !t.outcome().passed())
                .allMatch(t -> t.test().methodName().equals("dgdx") && t.outcome().message().contains("Timed out")));
        // Graded beside others (in bubblewrap, two at once) the timeout may be theirs: graded again alone.
        // Without bubblewrap every student was graded alone already, so there is nothing to grade again.
        assertEquals(sandboxed ? 2 : 1, book.mostAtOnce(), "students graded at the same time");
        assertEquals(sandboxed ? ClassGrading.REGRADED : "", looper.note());
        assertTrue(book.students().stream().filter(s -> s.name().equals("alice")).allMatch(s -> s.note().isEmpty()),
                "an honest student is graded once");
    }

    @ParameterizedTest
    @MethodSource("students")
    void everyStudentGetsExactlyTheExpectedScore(String name) {
        Expected expected = EXPECTED.get(name);
        GradingReport report = book.reports().get(name);
        assertEquals(maxPoints, report.maxPoints(), "every test is listed for " + name);
        String why = report.graded() ? report.tests().stream().filter(t -> !t.outcome().passed())
                .map(t -> t.outcome().message()).toList().toString() : report.failure();
        boolean ownTimeoutsOnly = report.graded() && report.tests().stream().filter(t -> !t.outcome().passed())
                .allMatch(t -> t.outcome().message().startsWith("Timed out"));
        if (!(expected.ownTimeoutsAllowed() && ownTimeoutsOnly)) {
            assertEquals(expected.full() ? maxPoints : 0, report.earned(), () -> name + ": " + why);
        }
        if (expected.graded() != null) {
            assertEquals(expected.graded(), report.graded(), () -> name + ": " + why);
        }
        if (!report.graded()) {
            assertTrue(report.failure().contains(expected.words()), () -> name + " should say \"" + expected.words()
                    + "\" but said: " + report.failure());
        }
    }

    @Test
    void everyEntryHasOneRowInBothGradebookFiles() throws IOException {
        List<List<String>> rows = Rfc4180.parse(Files.readString(out.resolve("gradebook.csv")));
        assertEquals(List.of("student", "ex02", "total", "max", "percent", "status", "folder", "note"), rows.get(0));
        assertEquals(book.students().size() + 1, rows.size(), "a header and one row per entry");
        assertEquals(EXPECTED.size() + 1, book.students().size(), "every entry of the folder, the looper too");
        JsonNode json = new ObjectMapper().readTree(out.resolve("gradebook.json").toFile());
        assertEquals(book.students().size(), json.get("students").size());
        assertEquals(sandboxed ? "bubblewrap" : "processes", json.get("isolation").asText());
        assertTrue(json.get("defences").get(0).asText().startsWith("Between students: "
                + (sandboxed ? "bubblewrap" : "processes only")), json.get("defences").toString());
        assertEquals(List.of(".DS_Store", ".git"), book.skipped(), "only what is certainly not a student is skipped");
        assertEquals("[\".DS_Store\",\".git\"]", json.get("skipped").toString());
        for (int i = 0; i < book.students().size(); i++) {
            Gradebook.Student s = book.students().get(i);
            List<String> row = rows.get(i + 1);
            String shown = s.name().matches("[=+\\-@].*") ? "'" + s.name() : s.name();
            assertEquals(shown, row.get(0), "the CSV names the student as on disk, formulas defused");
            assertEquals(Integer.toString(s.report().earned()), row.get(1));
            assertEquals(Integer.toString(s.report().earned()), row.get(2));
            assertEquals(s.report().graded() ? "graded" : "not graded", row.get(5));
            assertEquals(s.folder(), row.get(6));
            assertEquals(s.report().graded() ? s.note() : s.report().failure(), row.get(7));
            JsonNode j = json.get("students").get(i);
            assertEquals(s.name(), j.get("student").asText());
            assertEquals(s.report().earned(), j.get("total").asInt());
            assertEquals(s.report().graded(), j.get("graded").asBoolean());
        }
    }

    @Test
    void theCsvFollowsRfc4180AndNoNameIsAFormula() throws IOException {
        String csv = Files.readString(out.resolve("gradebook.csv"));
        assertTrue(csv.endsWith("\r\n"));
        assertTrue(csv.contains("\"'=HYPERLINK(\"\"evil.example\"\",\"\"click\"\")\""), csv);
        assertTrue(csv.contains("\"Doe, \"\"Jane\"\"\nsecond line\""), csv);
        assertTrue(csv.contains("\r\n'@SUM(A1),"), csv);
        for (List<String> row : Rfc4180.parse(csv)) {
            for (String field : row) {
                assertFalse(!field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0, "a formula in the CSV: " + field);
            }
        }
    }

    @Test
    void resultsFoldersAreSafeNamesInsideTheOutputFolder() throws IOException {
        try (Stream<Path> entries = Files.list(out)) {
            for (Path p : entries.toList()) {
                String name = p.getFileName().toString();
                assertFalse(Files.isSymbolicLink(p), name);
                if (!name.startsWith("gradebook.")) {
                    assertTrue(name.matches("[A-Za-z0-9_][A-Za-z0-9._-]*"), name);
                    assertTrue(Files.isDirectory(p), name);
                }
            }
        }
        for (Gradebook.Student s : book.students()) {
            JsonNode results = new ObjectMapper().readTree(out.resolve(s.folder()).resolve("results.json").toFile());
            assertEquals(s.report().earned(), results.get("score").asDouble(), 0.0, s.name());
            assertEquals(s.report().tests().size(), results.get("tests").size(), s.name());
        }
        assertEquals("_HYPERLINK__evil.example___click__", book.students().stream()
                .filter(s -> s.name().equals(FORMULA)).findFirst().orElseThrow().folder());
    }

    @Test
    void aLinkWhereAFolderBelongsIsRefusedAndReadNothing() {
        GradingReport link = book.reports().get("link-to-alice");
        assertFalse(link.graded());
        assertEquals(0, link.earned());
        assertTrue(link.tests().stream().allMatch(t -> t.outcome().message().startsWith("Not graded: it is a symbolic link")));
    }

    @Test
    void noStudentChangedTheClassFolder() throws IOException {
        assumeTrue(sandboxed, "without bubblewrap the hostile students are left out");
        String solution = Files.readString(Path.of("solutions", EXERCISE_FILE));
        for (String honest : List.of("alice", "@SUM(A1)")) {
            assertEquals(solution, Files.readString(classDir.resolve(honest).resolve(EXERCISE_FILE)), honest);
        }
    }

    @Test
    void aDetachedProcessCannotRewriteTheGradebookAfterwards() throws Exception {
        assumeTrue(sandboxed, "without bubblewrap the hostile students are left out");
        byte[] csv = GradebookFiles.csv(book).getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(csv, Files.readAllBytes(out.resolve("gradebook.csv")));
        Thread.sleep(2000);   // the detached loop writes every 0.5 s for 30 s, if it still lived
        assertArrayEquals(csv, Files.readAllBytes(out.resolve("gradebook.csv")));
        String results = Files.readString(out.resolve("detacher").resolve("results.json"));
        assertTrue(results.startsWith("{"), results);
        assertFalse(Files.exists(Path.of("/tmp/gradkit-forged")), "the detached process wrote outside its sandbox");
        assertFalse(ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("")
                .contains("gradkit-forged")), "the detached process outlived the grading");
    }

    @Test
    void theGradebookFilesAreWrittenWholeWithNoTemporaryFileLeft() throws IOException {
        try (Stream<Path> entries = Files.list(out)) {
            assertTrue(entries.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
        assertEquals(GradebookFiles.csv(book), Files.readString(out.resolve("gradebook.csv")));
    }

    @Test
    void theTableShowsEveryStudentOnOneLineWithoutControlCharacters() {
        String table = book.toTable();
        assertTrue(table.chars().noneMatch(c -> c < 32 && c != '\n'), table);
        assertTrue(table.contains("Doe, \"Jane\" second line"), table);
        assertTrue(table.contains("not graded: it is a symbolic link"), table);
        assertTrue(table.contains("\n..x "), table);
        assertTrue(table.contains("\nSkipped, not students: .DS_Store, .git\n"), table);
    }

    @Test
    void withoutBubblewrapEachStudentStillHasItsOwnProcessAndRow() throws IOException {
        Path small = Files.createDirectories(work.resolve("small"));
        Path honest = Files.createDirectories(small.resolve("dora, \"d\""));
        Files.copy(Path.of("solutions", EXERCISE_FILE), honest.resolve(EXERCISE_FILE));
        Files.createSymbolicLink(honest.resolve("Ex03LocalDerivatives.java"), Path.of("solutions", "Ex03LocalDerivatives.java").toAbsolutePath());
        Files.createSymbolicLink(small.resolve("link"), Path.of("solutions").toAbsolutePath());
        for (String other : List.of("erin", "finn")) {
            Files.copy(Path.of("solutions", EXERCISE_FILE), Files.createDirectories(small.resolve(other)).resolve(EXERCISE_FILE));
        }
        Grader grader = Grader.defaults().classpath(GraderSelfTest.classpath()).timeout(Duration.ofSeconds(8))
                .only(List.of("ex02", "ex03"));
        Gradebook processes = Gradebook.grade(grader, small,
                new Gradebook.Settings(3, Duration.ofSeconds(60), ResultsJson.Format.TEXT), StudentSandbox.processesOnly());
        assertEquals("processes", processes.isolation());
        // Without namespaces students could reach one another's processes: so one at a time, whatever --jobs says,
        // and the gradebook says so.
        assertEquals(1, processes.mostAtOnce(), "students graded at the same time without bubblewrap");
        assertTrue(processes.toTable().contains("Defences: Between students: processes only"), processes.toTable());
        assertTrue(processes.defences().stream().anyMatch(d -> d.contains("security policy")), processes.defences().toString());
        Path written = work.resolve("small-out");
        processes.write(written);
        JsonNode json = new ObjectMapper().readTree(written.resolve("gradebook.json").toFile());
        assertEquals(1, json.get("studentsAtOnce").asInt());
        assertTrue(json.get("defences").get(0).asText().contains("one at a time"), json.toString());
        GradingReport dora = processes.reports().get("dora, \"d\"");
        assertTrue(dora.graded(), dora.failure());
        assertEquals(grader.exercises().get(0).maxPoints(), dora.exercises().get(0).earned());
        assertEquals(0, dora.exercises().get(1).earned(), "a linked file is not copied, so ex03 is missing");
        assertTrue(processes.students().get(0).note().contains("1 symbolic link was not copied (Ex03LocalDerivatives.java)"),
                processes.students().get(0).note());
        assertFalse(processes.reports().get("link").graded());
    }
}
