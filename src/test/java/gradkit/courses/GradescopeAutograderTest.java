package gradkit.courses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import gradkit.grading.Grader;
import gradkit.grading.TestScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Gradescope autograder's contract, on this machine in Gradescope's place
 * ({@link AutograderSandbox}): the zip's root, modes and line ends; full marks for the model answers,
 * 0 for the untouched exercises and for an empty submission, a file that does not compile costing its
 * exercise only, a submission nested in a repository (and late, under a late policy); and for hostile
 * submissions (one kills every process it can see, one fills every disk it can write
 * to, one loops, and a grader that dies) a results.json valid against Gradescope's format, within
 * 768 MB. Two exercises (ex01, ex02) keep it affordable: the hostile fixtures are in those two.
 */
class GradescopeAutograderTest {
    private static final long MEMORY_LIMIT = 768L << 20;
    private static final Path TEMURIN_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    private static final List<String> EXERCISES = List.of("ex01", "ex02");

    @TempDir
    static Path shared;
    private static Path zip17;
    private static int maxPoints;

    @TempDir
    Path scratch;

    @BeforeAll
    static void writeZip() throws IOException {
        // Gradescope runs run_autograder as root; the stand-in does too (it copies /etc and adds a user).
        assumeTrue("root".equals(System.getProperty("user.name")), "Gradescope's stand-in needs root, as Gradescope has");
        assumeTrue(AutograderSandbox.available(), "bubblewrap cannot make the /autograder sandbox here");
        Path policy = shared.resolve("late-policy.properties");
        Files.writeString(policy, "grace-minutes=0\npercent-per-day=10\nzero-after-days=7\n");
        zip17 = zip(17, policy);
        maxPoints = Grader.defaults().only(EXERCISES).exercises().stream().mapToInt(TestScanner.Exercise::maxPoints).sum();
    }

    private static Path zip(int jdk, Path policy) {
        return GradescopePackage.write(GradescopeOptions.parse(new String[] {"--jdk", String.valueOf(jdk),
                "--late-policy", policy.toString(), "--out", shared.resolve("autograder-" + jdk + ".zip").toString(),
                "ex01", "ex02"}), KitBuild.here());
    }

    @Test
    void zipHasBothScriptsAtItsRootExecutableWithLfLineEnds() throws IOException {
        Map<String, Integer> modes = ZipEntries.unixModes(zip17);
        assertEquals(0100755, modes.get("setup.sh"));
        assertEquals(0100755, modes.get("run_autograder"));
        assertEquals(0100644, modes.get("gradkit/settings.properties"));
        assertTrue(modes.keySet().stream().filter(n -> !n.contains("/")).allMatch(n -> n.equals("setup.sh")
                || n.equals("run_autograder")), "only the two scripts at the root: " + modes.keySet());
        assertTrue(modes.values().stream().allMatch(m -> m == 0100644 || m == 0100755 || m == 040755),
                "every entry has a Unix mode: " + modes.values());
        try (java.nio.file.FileSystem fs = java.nio.file.FileSystems.newFileSystem(zip17)) {
            for (String script : List.of("setup.sh", "run_autograder")) {
                String text = Files.readString(fs.getPath(script), StandardCharsets.UTF_8);
                assertTrue(text.startsWith("#!/usr/bin/env bash\n"), script);
                assertTrue(text.indexOf('\r') < 0, script + " has only LF line ends");
            }
        }
    }

    @Test
    void modelAnswersEarnFullMarks() throws Exception {
        JsonNode results = valid(run(zip17, Path.of("solutions"), AutograderSandbox.onTime()));
        assertEquals(maxPoints, results.path("score").asDouble());
        results.path("tests").forEach(t -> assertEquals("passed", t.path("status").asText(), t.toString()));
    }

    @Test
    void untouchedExercisesEarnNothing() throws Exception {
        JsonNode results = valid(run(zip17, Path.of("exercises"), AutograderSandbox.onTime()));
        assertEquals(0, results.path("score").asDouble());
        assertEquals(maxPoints, sum(results, "max_score"));
    }

    @Test
    void anEmptySubmissionEarnsNothingAndSaysWhatIsMissing() throws Exception {
        JsonNode results = valid(run(zip17, Files.createDirectories(scratch.resolve("empty")), AutograderSandbox.onTime()));
        assertEquals(0, results.path("score").asDouble());
        assertTrue(test(results, "ex01", "forward").path("output").asText().contains("missing"), results.toString());
    }

    @Test
    void aFileThatDoesNotCompileCostsItsExerciseOnly() throws Exception {
        JsonNode results = valid(run(zip17, hostile("submissions/compile-error"), AutograderSandbox.onTime()));
        exercisePassed(results, "ex01");
        assertTrue(test(results, "ex02", "df/dx").path("output").asText().contains("did not compile"), results.toString());
        int ex02 = Grader.defaults().only(List.of("ex02")).exercises().get(0).maxPoints();
        assertEquals(maxPoints - ex02, results.path("score").asDouble());
    }

    @Test
    void aWholeRepositoryTwoDaysLateEarnsFullMarksLessTheLatePolicy() throws Exception {
        Path repo = scratch.resolve("in").resolve("my-gradkit-fork");
        Path nested = repo.resolve("src/main/java/gradkit/exercises");
        Files.createDirectories(nested);
        copyJava(Path.of("solutions"), nested);
        Files.writeString(repo.resolve("README.md"), "my work\n");
        String late = AutograderSandbox.metadata("2026-12-03T10:30:00.000000-08:00", "2026-12-01T23:00:00.000000-08:00");
        JsonNode results = valid(run(zip17, scratch.resolve("in"), late));
        assertEquals(maxPoints, sum(results, "score"), "each test keeps its points");
        assertEquals(Math.round(maxPoints * 0.8 * 100) / 100.0, results.path("score").asDouble(), 1e-9);
        assertTrue(results.path("output").asText().startsWith("Late: "), results.path("output").asText());
    }

    @Test
    void killingEveryProcessItCanSeeLeavesValidResults() throws Exception {
        JsonNode results = valid(run(zip17, hostile("submissions/kill-other-students"), AutograderSandbox.onTime()));
        exercisePassed(results, "ex01");
    }

    @Test
    void fillingTheDiskLeavesValidResults() throws Exception {
        AutograderSandbox.Run run = run(zip17, hostile("courses/fill-disk"), AutograderSandbox.onTime());
        valid(run);
        exercisePassed(run.results(), "ex02");
        // The grader's static check refuses the filler's file calls before any of ex01 runs, on every
        // JDK: the exercise scores 0 with the reason, and nothing is written.
        String printed = test(run.results(), "ex01", "forward").path("output").asText();
        assertTrue(printed.contains("grading refuses reading or writing files"), "the static check's refusal: " + printed);
        assertEquals(0.0, test(run.results(), "ex01", "forward").path("score").asDouble(), 0.0);
        List<String> large;
        try (Stream<Path> files = Files.walk(scratch)) {
            large = files.filter(p -> Files.isRegularFile(p) && p.toFile().length() > 1 << 20)
                    .filter(p -> !p.toString().endsWith(".jar")).map(p -> p + " " + (p.toFile().length() >> 20) + " MB").toList();
        }
        assertEquals(List.of(), large, "files of a megabyte or more, besides the jars, after the run");
    }

    @Test
    void anEndlessLoopCostsItsTestOnly() throws Exception {
        JsonNode results = valid(run(zip17, hostile("submissions/infinite-loop"), AutograderSandbox.onTime()));
        JsonNode loop = test(results, "ex01", "backward");
        assertEquals(0, loop.path("score").asDouble());
        assertTrue(loop.path("output").asText().contains("Timed out"), loop.toString());
        exercisePassed(results, "ex02");
    }

    @Test
    void aGraderThatDiesStillLeavesValidResultsSayingSo() throws Exception {
        AutograderSandbox.Run run = AutograderSandbox.run(zip17, Path.of("solutions"), AutograderSandbox.onTime(),
                scratch, List.of(), source -> delete(source.resolve("gradkit/grader-classes/gradkit/courses/GradescopeRun.class")));
        JsonNode results = valid(run);
        assertEquals(0, results.path("score").asDouble());
        assertTrue(results.path("output").asText().contains("exit status 1"), results.path("output").asText());
        assertEquals(maxPoints, sum(results, "max_score"));
    }

    @Test
    void onTemurin25TheModelAnswersAndTheKillerToo() throws Exception {
        assumeTrue(startsJava(TEMURIN_25), TEMURIN_25 + " is missing or does not start on this machine");
        Path zip25 = zip(25, shared.resolve("late-policy.properties"));
        JsonNode full = valid(run(zip25, Path.of("solutions"), AutograderSandbox.onTime()));
        assertEquals(maxPoints, full.path("score").asDouble());
        Path killerScratch = Files.createDirectories(shared.resolve("killer-25"));
        AutograderSandbox.Run killer = AutograderSandbox.run(zip25, hostile("submissions/kill-other-students"),
                AutograderSandbox.onTime(), killerScratch, List.of(), source -> { });
        exercisePassed(valid(killer), "ex01");
    }

    // ---- helpers

    private AutograderSandbox.Run run(Path zip, Path submission, String metadata) throws Exception {
        assumeTrue(AutograderSandbox.available(), "bubblewrap cannot make the /autograder sandbox here");
        return AutograderSandbox.run(zip, submission, metadata, Files.createDirectories(scratch.resolve("root")),
                List.of(), source -> { });
    }

    /** Asserts the run left a results.json valid for Gradescope within 768 MB, and returns it. */
    private static JsonNode valid(AutograderSandbox.Run run) {
        System.out.printf("autograder run: %.1f s, peak %d MB%n", run.seconds(), run.peakBytes() >> 20);
        assertNotNull(run.results(), "no results.json; the run said:\n" + run.log());
        assertEquals(List.of(), GradescopeSchema.violations(run.results()), run.log());
        assertTrue(run.peakBytes() < MEMORY_LIMIT, "peak " + (run.peakBytes() >> 20) + " MB\n" + run.log());
        return run.results();
    }

    /** The model answers with a fixture's files laid over them (as HostileCase builds them). */
    private Path hostile(String fixture) throws IOException {
        Path submission = Files.createDirectories(scratch.resolve("submission"));
        copyJava(Path.of("solutions"), submission);
        copyJava(Path.of("src/test/resources").resolve(fixture), submission);
        return submission;
    }

    private static void copyJava(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Files.copy(f, to.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    private static double sum(JsonNode results, String key) {
        double s = 0;
        for (JsonNode t : results.path("tests")) {
            s += t.path(key).asDouble();
        }
        return s;
    }

    private static void exercisePassed(JsonNode results, String exercise) {
        results.path("tests").forEach(t -> {
            if (t.path("name").asText().startsWith(exercise + " ")) {
                assertEquals("passed", t.path("status").asText(), t.toString());
            }
        });
    }

    private static JsonNode test(JsonNode results, String exercise, String nameStart) {
        for (JsonNode t : results.path("tests")) {
            if (t.path("name").asText().startsWith(exercise + " › " + nameStart)) {
                return t;
            }
        }
        throw new AssertionError("no test " + exercise + " › " + nameStart + "… in " + results);
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean startsJava(Path jdk) {
        try {
            Process p = new ProcessBuilder(jdk.resolve("bin/java").toString(), "-version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
