package gradkit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Do the grading tests catch the mistakes students really make? Each folder under
 * src/test/resources/planted-bugs/ holds one copy of a model answer with one realistic mistake
 * (its first line says which). Here each bug is laid over a copy of solutions/ and graded: the bug
 * must cost points in its own exercise and nothing anywhere else.
 *
 * <p>"Nowhere else" holds by the grader's design (each exercise is compiled from its own file alone
 * and its tests run in a test JVM of their own; GraderSelfTest's hostile cases test that), so each bug
 * is graded in its own exercise and in one other, the next one, as a check that nothing leaks: two
 * test JVMs per bug instead of one per exercise keeps this suite to a couple of minutes.
 *
 * <p>A bug's file may say more after its first line: "// Loses: dfdx 2, dgdx 2" (exactly the tests of its
 * exercise it fails, with their points, in the tests' order) and "// Says: words" (words every one of
 * those failures holds); then those are checked too.
 *
 * <p>Prints "planted bugs caught: K of N" and writes every bug's failure messages to
 * target/planted-bugs.txt, so that one can read what a student with that mistake is told. While
 * working on some exercises, {@code -Dplanted=ex03,ex04} grades only the bugs whose names start so
 * (the counts per exercise are then not checked).
 */
class PlantedBugsTest {
    private static final Path SOLUTIONS = Path.of("solutions");
    private static final Path BUGS = Path.of("src", "test", "resources", "planted-bugs");
    private static final Path REPORT = Path.of("target", "planted-bugs.txt");
    private static final String HEADER = "// Planted bug: ";
    /** Optional lines after the header: exactly the tests the bug fails, and words each of their messages holds. */
    private static final String LOSES = "// Loses: ";
    private static final String SAYS = "// Says: ";
    /** Bugs graded at once: two, to share the machine's cores with the test JVMs they start. */
    private static final int PARALLEL = 2;
    /** Only the bugs whose folder names start with one of these comma-separated prefixes (all when empty). */
    private static final String ONLY = System.getProperty("planted", "");

    /**
     * One planted bug: its folder name ("ex03-add-overwrites"), its exercise ("ex03"), its file, and what
     * its file's "// Loses: " and "// Says: " lines expect ("" when it has none): the failed tests of its
     * exercise with their points ("dfdx 2, dgdx 2") and words every one of their messages holds.
     */
    private record Bug(String name, String exercise, Path file, String description, String loses, String says) {
    }

    /** What grading one bug gave: the report, and whether it is caught (own exercise loses, others keep all). */
    private record Verdict(Bug bug, GradingReport report) {
        ExerciseResult own() {
            return report.exercises().stream().filter(e -> e.id().equals(bug.exercise())).findFirst().orElseThrow();
        }

        List<ExerciseResult> othersLosingPoints() {
            return report.exercises().stream()
                    .filter(e -> !e.id().equals(bug.exercise()) && e.earned() < e.maxPoints()).toList();
        }

        /** A bug that does not compile is a broken fixture, not a caught mistake. */
        boolean caught() {
            return own().compiled() && own().earned() < own().maxPoints() && othersLosingPoints().isEmpty();
        }
    }

    @TempDir
    static Path work;
    private static List<Bug> bugs;
    private static List<Verdict> verdicts;
    private static double seconds;

    /** The grader, the library, JUnit with its launcher, Jackson: what ./kit passes too. */
    private static String classpath() throws IOException {
        return Path.of("target", "grader-classes") + File.pathSeparator + Path.of("target", "classes")
                + File.pathSeparator + Files.readString(Path.of("target", "classpath.txt")).strip();
    }

    @BeforeAll
    static void gradeEveryBug() throws Exception {
        long start = System.nanoTime();
        bugs = readBugs();
        // A generous timeout: a loaded machine must not make a correct exercise lose points by a timeout.
        Grader grader = Grader.defaults().classpath(classpath()).timeout(Duration.ofSeconds(30));
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            // The neighbour is never exercise 12, whose grading starts eight test JVMs (Ex12GradingTest grades it).
            List<String> exercises = grader.exercises().stream().map(TestScanner.Exercise::id)
                    .filter(id -> !Files.isDirectory(Grader.DEFAULT_TESTS.resolve("implementations").resolve(id))).toList();
            List<Future<Verdict>> pending = new ArrayList<>();
            for (Bug bug : bugs) {
                String next = exercises.get((exercises.indexOf(bug.exercise()) + 1) % exercises.size());
                Grader ownAndNext = grader.only(List.of(bug.exercise(), next));
                pending.add(pool.submit(() -> new Verdict(bug, ownAndNext.grade(submissionWith(bug)))));
            }
            verdicts = new ArrayList<>();
            for (Future<Verdict> v : pending) {
                verdicts.add(v.get());
            }
        } finally {
            pool.shutdownNow();
        }
        seconds = (System.nanoTime() - start) / 1e9;
        writeReport();
    }

    private static List<Bug> readBugs() throws IOException {
        List<Bug> found = new ArrayList<>();
        try (Stream<Path> folders = Files.list(BUGS)) {
            for (Path folder : folders.filter(Files::isDirectory).sorted()
                    .filter(f -> ONLY.isEmpty() || Stream.of(ONLY.split(","))
                            .anyMatch(prefix -> f.getFileName().toString().startsWith(prefix.strip())))
                    .toList()) {
                List<Path> files;
                try (Stream<Path> inside = Files.list(folder)) {
                    files = inside.toList();
                }
                String name = folder.getFileName().toString();
                assertEquals(1, files.size(), () -> name + " must hold exactly one file, but holds " + files);
                List<String> lines = Files.readAllLines(files.get(0));
                String first = lines.get(0);
                assertTrue(first.startsWith(HEADER), () -> name + "'s file must start with \"" + HEADER
                        + "<what the student did wrong>\", but starts with: " + first);
                found.add(new Bug(name, name.substring(0, 4), files.get(0), first.substring(HEADER.length()),
                        expectation(lines, LOSES), expectation(lines, SAYS)));
            }
        }
        return found;
    }

    /** The text of the comment line after the header that starts with {@code prefix}, or "". */
    private static String expectation(List<String> lines, String prefix) {
        return lines.stream().skip(1).takeWhile(l -> l.startsWith("// ")).filter(l -> l.startsWith(prefix))
                .map(l -> l.substring(prefix.length()).strip()).findFirst().orElse("");
    }

    /** The solutions copied into a fresh folder, with the bug's file laid over its model answer. */
    private static Path submissionWith(Bug bug) {
        Path dir = work.resolve(bug.name());
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.list(SOLUTIONS)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Files.copy(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.copy(bug.file(), dir.resolve(bug.file().getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    /** The failed tests of one exercise, each with the message the student reads. */
    private static String failures(ExerciseResult ex) {
        if (!ex.compiled()) {
            return "  does not compile: " + ex.compileError().strip() + "\n";
        }
        return ex.tests().stream().filter(t -> !t.outcome().passed())
                .map(t -> "  " + t.test().methodName() + " (-" + t.test().points() + "): "
                        + t.outcome().message().strip().replace("\n", "\n      ") + "\n")
                .collect(Collectors.joining());
    }

    private static void writeReport() throws IOException {
        StringBuilder text = new StringBuilder();
        for (Verdict v : verdicts) {
            ExerciseResult own = v.own();
            text.append(v.bug().name()).append(v.caught() ? "  caught" : "  NOT CAUGHT").append(", ")
                    .append(v.bug().exercise()).append(' ').append(own.earned()).append('/').append(own.maxPoints())
                    .append("\n  bug: ").append(v.bug().description()).append('\n').append(failures(own));
            for (ExerciseResult other : v.othersLosingPoints()) {
                text.append("  ").append(other.id()).append(" lost points too:\n").append(failures(other));
            }
            text.append('\n');
        }
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, text);
    }

    @Test
    void thereAreAtLeastFiveBugsPerExerciseAndSixtyInAll() {
        org.junit.jupiter.api.Assumptions.assumeTrue(ONLY.isEmpty(), "only the bugs " + ONLY + "* were graded");
        Map<String, Long> perExercise = new TreeMap<>(bugs.stream()
                .collect(Collectors.groupingBy(Bug::exercise, Collectors.counting())));
        for (TestScanner.Exercise ex : Grader.defaults().exercises()) {
            if (ex.id().compareTo("ex10") <= 0) {
                assertTrue(perExercise.getOrDefault(ex.id(), 0L) >= 5, () -> ex.id() + " has only "
                        + perExercise.getOrDefault(ex.id(), 0L) + " planted bugs: " + perExercise);
            }
        }
        assertTrue(bugs.size() >= 60, () -> "only " + bugs.size() + " planted bugs: " + perExercise);
    }

    @Test
    void everyBugFileIsTheModelAnswerOfItsExercise() {
        List<String> exerciseFiles = Grader.defaults().exercises().stream().map(TestScanner.Exercise::studentFile).toList();
        for (Bug bug : bugs) {
            String file = bug.file().getFileName().toString();
            assertTrue(file.startsWith("Ex" + bug.exercise().substring(2)) && exerciseFiles.contains(file),
                    () -> bug.name() + " holds " + file + ", which is not the file of exercise " + bug.exercise());
        }
    }

    @Test
    void everyPlantedBugCostsPointsInItsOwnExerciseOnly() {
        long caught = verdicts.stream().filter(Verdict::caught).count();
        System.out.printf("planted bugs caught: %d of %d (graded in %.0f s; messages in %s)%n",
                caught, verdicts.size(), seconds, REPORT);
        String missed = verdicts.stream().filter(v -> !v.caught())
                .map(v -> v.bug().name() + " (" + v.bug().description() + "): " + v.bug().exercise() + " "
                        + v.own().earned() + "/" + v.own().maxPoints() + "\n" + failures(v.own())
                        + v.othersLosingPoints().stream().map(o -> "  " + o.id() + " lost points:\n" + failures(o))
                                .collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
        assertEquals(verdicts.size(), caught, () -> "planted bugs caught: " + caught + " of " + verdicts.size()
                + "; not caught (full marks in their own exercise, or points lost elsewhere):\n" + missed);
    }

    /** A bug whose file says which tests it fails ("// Loses: ") fails exactly those, each with the words of "// Says: ". */
    @Test
    void bugsThatSayWhatTheyLoseLoseExactlyThatWithTheirWords() {
        for (Verdict v : verdicts) {
            if (v.bug().loses().isEmpty()) {
                continue;
            }
            List<TestResult> failed = v.own().tests().stream().filter(t -> !t.outcome().passed()).toList();
            String lost = failed.stream().map(t -> t.test().methodName() + " " + t.test().points())
                    .collect(Collectors.joining(", "));
            assertEquals(v.bug().loses(), lost, () -> v.bug().name() + " fails other tests than its file says:\n"
                    + failures(v.own()));
            for (TestResult t : failed) {
                assertTrue(t.outcome().message().contains(v.bug().says()), () -> v.bug().name() + "'s message in "
                        + t.test().methodName() + " lacks \"" + v.bug().says() + "\": " + t.outcome().message());
            }
        }
    }
}
