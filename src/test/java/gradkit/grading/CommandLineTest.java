package gradkit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grader's command line: exercise names, usage errors, exit statuses, and files it cannot write. */
class CommandLineTest {
    private static final List<TestScanner.Exercise> EXERCISES = TestScanner.scan(Grader.DEFAULT_TESTS);

    @TempDir
    Path dir;

    /** Exit status, standard output, standard error. */
    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new CommandLine(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anExerciseHasManyNames() {
        for (String name : List.of("ex06", "EX06", "Ex6", "6", "06", "Ex06KinkRules", "ex06kinkrules",
                "Ex06KinkRules.java", "exercises/Ex06KinkRules.java", "Ex06KinkRulesTest")) {
            assertEquals(List.of("ex06"), ExerciseNames.resolve(List.of(name), EXERCISES), name);
        }
        assertEquals(List.of("ex03", "ex06"), ExerciseNames.resolve(List.of("Ex06KinkRules", "3", "ex06"), EXERCISES));
        assertEquals(List.of(), ExerciseNames.resolve(List.of(), EXERCISES), "none named: all");
    }

    @Test
    void anUnknownNameListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExerciseNames.resolve(List.of("ex99", "Ex06Kinks", "ex06"), EXERCISES));
        assertTrue(e.getMessage().startsWith("Unknown exercises \"ex99\", \"Ex06Kinks\"."), e.getMessage());
        for (TestScanner.Exercise ex : EXERCISES) {
            assertTrue(e.getMessage().contains("\n  " + ex.id() + "  " + ex.studentFile().replace(".java", "")),
                    e.getMessage());
        }
        Run run = run("--submission", "solutions", "ex99");
        assertEquals(CommandLine.USAGE, run.status());
        assertTrue(run.err().contains("Unknown exercise \"ex99\"") && run.err().contains("ex06  Ex06KinkRules")
                && run.err().contains("usage: ./kit grade"), run.err());
    }

    @Test
    void usageErrorsSayWhatWasExpected() {
        Run unknownOption = run("--colour");
        assertEquals(CommandLine.USAGE, unknownOption.status());
        assertTrue(unknownOption.err().startsWith("Unknown option --colour."), unknownOption.err());
        Run jobs = run("--instructor", "x", "--jobs", "many");
        assertEquals(CommandLine.USAGE, jobs.status());
        assertTrue(jobs.err().startsWith("--jobs needs a whole number (students graded at once), but got \"many\"."),
                jobs.err());
        Run timeout = run("--timeout", "-3");
        assertTrue(timeout.err().startsWith("--timeout needs a positive number of seconds"), timeout.err());
        Run missing = run("--results");
        assertTrue(missing.err().startsWith("--results needs a value."), missing.err());
        Run both = run("--instructor", "x", "--results", "r.json");
        assertTrue(both.err().contains("does not take --submission or --results"), both.err());
        Run format = run("--format", "html");
        assertTrue(format.err().contains("\"text\" or \"md\""), format.err());
        Run help = run("--help");
        assertEquals(CommandLine.OK, help.status());
        assertTrue(help.out().contains("exit status: 0 graded and written"), help.out());
    }

    @Test
    void aFolderAtTheResultsPathStillPrintsTheReportAndSaysWhy() throws IOException {
        Path taken = Files.createDirectories(dir.resolve("results.json"));
        Run run = run("--classpath", GraderSelfTest.classpath(), "--submission", "solutions",
                "--results", taken.toString(), "Ex02ChainRuleByHand");
        assertEquals(CommandLine.NOT_WRITTEN, run.status(), run.err());
        assertTrue(run.out().contains("ex02") && run.out().contains("Total"), run.out());
        assertTrue(run.err().startsWith("The results were not written: " + taken + " is a folder; a file was expected"
                + " there. The table above is the whole grading"), run.err());
        assertTrue(Files.isDirectory(taken), "the folder is left as it was");
    }

    @Test
    void anUnwritableGradebookFolderStillPrintsTheTable() throws IOException {
        Path classDir = Files.createDirectories(dir.resolve("class"));
        Files.writeString(classDir.resolve("stray.txt"), "not a student");
        Path blocked = Files.writeString(dir.resolve("out"), "a file where the output folder should go");
        Run run = run("--classpath", GraderSelfTest.classpath(), "--instructor", classDir.toString(),
                "--out", blocked.toString(), "ex01");
        assertEquals(CommandLine.NOT_WRITTEN, run.status(), run.err());
        assertTrue(run.out().contains("stray.txt") && run.out().contains("not graded: it is a file"), run.out());
        assertTrue(run.err().startsWith("The gradebook was not written: Could not create " + blocked), run.err());
    }

    @Test
    void aMissingClassFolderIsAUsageError() {
        Run run = run("--instructor", dir.resolve("nobody").toString(), "ex01");
        assertEquals(CommandLine.USAGE, run.status());
        assertTrue(run.err().contains("does not exist or is not a folder"), run.err());
    }
}
