package gradkit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The progress view trusts a grading only for the exact content it graded. */
class ProgressTest {

    private static ProgressReport.Row row(KitFolder kit, String id) {
        return ProgressReport.of(kit).rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static ExerciseChecker reporting(KitFolder kit) {
        return new ExerciseChecker(kit, Duration.ofSeconds(60), FakeGraders.Reporting.class.getName(),
                () -> System.getProperty("java.class.path"));
    }

    @Test
    void everyExerciseStartsNotGraded(@TempDir Path dir) {
        KitFolder kit = TestKit.create(dir, "exercises");
        ProgressReport progress = ProgressReport.of(kit);
        assertEquals(kit.exercises().size(), progress.rows().size());
        assertTrue(progress.rows().stream().allMatch(r -> r.status() == ProgressReport.Status.NOT_GRADED), progress.toString());
    }

    @Test
    void aGradingCountsUntilTheFileChangesAndAgainWhenTheContentIsBack(@TempDir Path dir) throws Exception {
        KitFolder kit = TestKit.create(dir, "exercises");
        reporting(kit).check(List.of("ex06"));
        ProgressReport.Row graded = row(kit, "ex06");
        assertEquals(ProgressReport.Status.PARTLY_PASSED, graded.status());
        assertEquals("3/6", graded.pointsText());
        assertEquals(ProgressReport.Status.NOT_GRADED, row(kit, "ex07").status(), "only what was asked for is recorded");

        Path file = kit.exercise("ex06").file();
        String original = Files.readString(file);
        Files.writeString(file, original + "\n// one more line\n");
        ProgressReport.Row changed = row(kit, "ex06");
        assertEquals(ProgressReport.Status.NOT_GRADED_SINCE_CHANGE, changed.status());
        assertEquals("-", changed.pointsText());
        assertEquals("last grading: 3/6", changed.note());
        String table = ProgressReport.of(kit).toString();
        assertTrue(table.lines().anyMatch(line -> line.startsWith("ex06 ") && line.contains(" - ")
                && line.endsWith("not graded since last change (last grading: 3/6)")), table);

        Files.writeString(file, original);
        assertEquals(ProgressReport.Status.PARTLY_PASSED, row(kit, "ex06").status());
    }

    @Test
    void aChangedGradingTestAlsoVoidsTheGrading(@TempDir Path dir) throws Exception {
        KitFolder kit = TestKit.create(dir, "exercises");
        reporting(kit).check(List.of("ex06"));
        Path test = kit.exercise("ex06").gradingTest();
        Files.writeString(test, Files.readString(test) + "\n");
        assertEquals(ProgressReport.Status.NOT_GRADED_SINCE_CHANGE, row(kit, "ex06").status());
    }

    @Test
    void theFingerprintIsTheSha256OfBothFilesHashes(@TempDir Path dir) throws Exception {
        Path a = Files.writeString(dir.resolve("A.java"), "class A {}");
        Path t = Files.writeString(dir.resolve("ATest.java"), "class ATest {}");
        // an independent SHA-256 of a known text: FIPS 180-2's example "abc"
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                ProgressStore.sha256("abc".getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        String expected = ProgressStore.sha256(("exercise " + ProgressStore.sha256(Files.readAllBytes(a)) + "\ntest "
                + ProgressStore.sha256(Files.readAllBytes(t)) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(expected, ProgressStore.fingerprint(a, t));
        assertNotEquals(expected, ProgressStore.fingerprint(t, a));
    }

    @Test
    void aRecordWhoseContentDoesNotMatchItsFileNameIsNotTrusted(@TempDir Path dir) throws Exception {
        KitFolder kit = TestKit.create(dir, "exercises");
        KitFolder.Exercise ex06 = kit.exercise("ex06");
        String now = ProgressStore.fingerprint(ex06.file(), ex06.gradingTest());
        ProgressStore store = new ProgressStore(kit.progressFolder());
        // a passing record filed under the current fingerprint but made for other content
        store.save(new ProgressStore.Record("ex06", "Ex06KinkRules.java", "0".repeat(64), 11, 11, 6, 6, Instant.now()));
        Files.move(kit.progressFolder().resolve("ex06").resolve("0".repeat(64) + ".json"),
                kit.progressFolder().resolve("ex06").resolve(now + ".json"));
        assertEquals(ProgressReport.Status.NOT_GRADED_SINCE_CHANGE, row(kit, "ex06").status());
        // and a file that is no record at all
        Files.writeString(kit.progressFolder().resolve("ex06").resolve(now + ".json"), "passed");
        assertEquals(ProgressReport.Status.NOT_GRADED, row(kit, "ex06").status());
    }

    @Test
    void aSolvedExerciseShowsAsPassedWithFullMarks(@TempDir Path dir) throws Exception {
        KitFolder kit = TestKit.create(dir, "solutions");
        TestKit.checker(kit).check(List.of("ex02"));
        ProgressReport.Row row = row(kit, "ex02");
        assertEquals(ProgressReport.Status.PASSED, row.status());
        int points = TestKit.pointsInTestSource(kit.exercise("ex02"));
        assertEquals(points + "/" + points, row.pointsText());
        assertTrue(ProgressReport.of(kit).toString().contains("1 of " + kit.exercises().size() + " exercises passed"));
    }
}
