package gradkit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exercises' checks run the real grader in a child JVM, on untouched and on solved exercises. */
class ExercisesCheckTest {

    @Test
    void anUntouchedExerciseGetsZeroPointsAndATableWithEveryTest(@TempDir Path dir) throws Exception {
        KitFolder kit = TestKit.create(dir, "exercises");
        KitFolder.Exercise ex06 = kit.exercise("ex06");

        CheckReport report = TestKit.checker(kit).check(List.of("ex06"));

        ExerciseCheck check = report.exercises().get(0);
        assertTrue(check.graded(), check.problem());
        assertEquals(0.0, report.points());
        assertEquals(TestKit.pointsInTestSource(ex06), report.maxPoints());
        assertEquals(TestKit.testsInTestSource(ex06), check.tests().size());
        assertEquals(0, check.testsPassed());
        String table = report.toString();
        assertTrue(table.contains("ex06 Ex06KinkRules.java: 0 of " + TestKit.pointsInTestSource(ex06) + " points"), table);
        assertTrue(table.contains("Not implemented yet: TODO"), table);   // the grader's message for a TODO
        assertTrue(table.endsWith("Total: 0 of " + TestKit.pointsInTestSource(ex06) + " points\n"), table);
        assertTrue(table.lines().allMatch(line -> line.length() <= CheckReport.WIDTH), table);
        String html = report.toHtml();
        assertEquals(check.tests().size(), html.split("failed</td>", -1).length - 1, html);
    }

    @Test
    void solvedExercisesGetFullMarksAndTheirFileNamesWorkAsNames(@TempDir Path dir) throws Exception {
        KitFolder kit = TestKit.create(dir, "solutions");

        CheckReport report = TestKit.checker(kit).check(List.of("Ex06KinkRules", "ex2"));

        assertEquals(List.of("ex06", "ex02"), report.exercises().stream().map(ExerciseCheck::id).toList());
        for (ExerciseCheck check : report.exercises()) {
            assertTrue(check.passed(), check.id() + "\n" + report);
            assertEquals(TestKit.pointsInTestSource(kit.exercise(check.id())), check.points(), report.toString());
        }
        assertEquals(report.maxPoints(), report.points());
        assertFalse(report.toString().contains("failed"), report.toString());
    }

    @Test
    void aGraderThatNeverFinishesIsKilledWithTheJvmItStarted(@TempDir Path dir) throws Exception {
        KitFolder kit = TestKit.create(dir, "exercises");
        var checker = new ExerciseChecker(kit, Duration.ofSeconds(4), FakeGraders.Hanging.class.getName(),
                () -> System.getProperty("java.class.path"));

        long start = System.nanoTime();
        CheckReport report = checker.check(List.of("ex06"));
        double seconds = (System.nanoTime() - start) / 1e9;

        ExerciseCheck check = report.exercises().get(0);
        assertFalse(check.graded());
        assertEquals(0.0, report.points());
        assertTrue(check.problem().contains("did not finish within 4 s"), check.problem());
        assertTrue(seconds < 60, "took " + seconds + " s");
        long grandchild = Long.parseLong(Files.readString(dir.resolve("grandchild.pid")).strip());
        assertFalse(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false),
                "the grader's own child JVM " + grandchild + " is still running");
        assertTrue(report.toString().contains("ex06 Ex06KinkRules.java: not graded"), report.toString());
        assertFalse(Files.exists(kit.progressFolder().resolve("ex06")), "a grading without a report was recorded");
    }

    @Test
    void aGraderThatExitsWithoutAReportGivesZeroPointsAndItsLastLines(@TempDir Path dir) {
        KitFolder kit = TestKit.create(dir, "exercises");
        var checker = new ExerciseChecker(kit, Duration.ofSeconds(60), FakeGraders.Exiting.class.getName(),
                () -> System.getProperty("java.class.path"));

        CheckReport report = checker.check(List.of("ex06"));

        String problem = report.exercises().get(0).problem();
        assertTrue(problem.contains("exit status 3"), problem);
        assertTrue(problem.contains("a student's System.exit reached the grader itself"), problem);
        assertEquals(0.0, report.points());
    }

    @Test
    void hiddenTestsStayHiddenAndUnknownFieldsAreIgnored(@TempDir Path dir) {
        KitFolder kit = TestKit.create(dir, "exercises");
        var checker = new ExerciseChecker(kit, Duration.ofSeconds(60), FakeGraders.Reporting.class.getName(),
                () -> System.getProperty("java.class.path"));

        ExerciseCheck check = checker.check(List.of("ex06")).exercises().get(0);

        // visible: the two ex06 tests and the one that names no exercise (attributed to the only one asked for)
        assertEquals(List.of("relu at the kink", "max on a tie", "a test without an exercise"),
                check.tests().stream().map(GradedTest::name).toList());
        assertEquals(2, check.hiddenTests());
        assertEquals(3.0, check.points());
        assertEquals(6.0, check.maxPoints());
        assertEquals("passed", check.tests().get(2).status(), "status worked out from the points");
        String table = new CheckReport(List.of(check)).toString();
        assertFalse(table.contains("secret") || table.contains("after the deadline") || table.contains("shown later"), table);
        assertTrue(table.contains("Hint: split the gradient"), table);
        assertTrue(table.contains("2 hidden tests"), table);
    }

    @Test
    void aNameThatIsNoExerciseIsRefusedWithTheKnownOnes(@TempDir Path dir) {
        KitFolder kit = TestKit.create(dir, "exercises");
        var e = assertThrows(IllegalArgumentException.class, () -> ExerciseChecker.of(kit).check(List.of("ex99")));
        assertTrue(e.getMessage().contains("\"ex99\"") && e.getMessage().contains("ex06"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ExerciseChecker.of(kit).check(List.of()));
    }

    @Test
    void anUnbuiltRepositoryIsReportedWithWhatToRun(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("pom.xml"), "<project/>");
        Files.createDirectories(dir.resolve("exercises"));
        TestKit.copyFolder(TestKit.REPOSITORY.resolve(KitFolder.GRADING_TESTS), dir.resolve(KitFolder.GRADING_TESTS));
        var e = assertThrows(IllegalStateException.class, () -> ExerciseChecker.of(new KitFolder(dir)).check(List.of("ex06")));
        assertTrue(e.getMessage().contains("mvn -q compile"), e.getMessage());
    }

    @Test
    void theRepositoryIsFoundFromTheWorkingDirectory() {
        assertEquals(TestKit.REPOSITORY, KitFolder.find().root());
        assertTrue(KitFolder.isRoot(TestKit.REPOSITORY));
        assertFalse(KitFolder.isRoot(TestKit.REPOSITORY.resolve("notebooks")));
    }
}
