package gradkit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The text tables of {@link Exercises#check} and {@link Exercises#progress} fit a notebook's page
 * (100 characters a line) with the kit's real test names, files and the skeletons' own TODO
 * messages, and wrapping them lost no character of a message.
 */
class TableWidthTest {

    private static final int PAGE = 100;
    private static final Pattern DISPLAY_NAME = Pattern.compile("@DisplayName\\(\"((?:[^\"\\\\]|\\\\.)*)\"\\)");
    private static final Pattern TODO = Pattern.compile("\"(TODO:(?:[^\"\\\\]|\\\\.)*)\"");

    private static List<String> tooWide(String text) {
        return text.lines().filter(line -> line.length() > PAGE).map(line -> line.length() + ": " + line).toList();
    }

    private static List<String> matches(Pattern pattern, Path file) throws IOException {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(Files.readString(file));
        while (m.find()) {
            found.add(m.group(1).replace("\\\"", "\""));
        }
        return found;
    }

    private static String withoutSpace(String text) {
        return text.replaceAll("\\s+", "");
    }

    /** Every exercise untouched: each real test failed with its skeleton's message and a stack line. */
    private static CheckReport untouchedExercises() throws IOException {
        List<ExerciseCheck> checks = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/grading/java/gradkit/exercises"))) {
            for (Path test : files.filter(f -> f.getFileName().toString().matches("Ex\\d\\d.*Test\\.java")).sorted().toList()) {
                String file = test.getFileName().toString().replace("Test.java", ".java");
                String id = "ex" + file.substring(2, 4);
                List<String> todos = matches(TODO, Path.of("exercises", file));
                List<GradedTest> tests = new ArrayList<>();
                List<String> names = matches(DISPLAY_NAME, test);
                for (int k = 0; k < names.size(); k++) {
                    String message = "Not implemented yet: " + todos.get(k % todos.size()) + "\n    at gradkit.exercises."
                            + file.replace(".java", "") + ".method(" + file + ":" + (28 + k) + ")";
                    tests.add(new GradedTest(id, names.get(k), 0, 2, "failed", message, false));
                }
                checks.add(new ExerciseCheck(id, file, tests, 3, ""));
            }
        }
        return new CheckReport(checks);
    }

    @Test
    void theCheckTableOfEveryUntouchedExerciseFits() throws IOException {
        CheckReport report = untouchedExercises();
        assertEquals(12, report.exercises().size());
        String text = report.toString();
        assertEquals(List.of(), tooWide(text), text);
        for (ExerciseCheck ex : report.exercises()) {
            for (GradedTest t : ex.tests()) {
                assertTrue(text.contains(t.name()), t.name());
            }
            // the first message of each exercise is shown in full (later equal ones say "the same message as above")
            String message = ex.tests().get(0).output();
            assertTrue(withoutSpace(text).contains(withoutSpace(message)), message);
        }
    }

    @Test
    void aCompileErrorAndAMessageWithoutSpacesFit() {
        String compileError = "exercises/Ex06KinkRules.java:31: error: incompatible types: possible lossy conversion from "
                + "double to int in the expression slope * (int) Math.signum(x) + reluSlopeAtZero()";
        String oneWord = "x".repeat(250);
        CheckReport report = new CheckReport(List.of(
                new ExerciseCheck("ex06", "Ex06KinkRules.java", List.of(), 0, compileError),
                new ExerciseCheck("ex09", "Ex09GradientChecker.java",
                        List.of(new GradedTest("ex09", "relativeError", 0, 2, "failed", oneWord, false)), 0, "")));
        String text = report.toString();
        assertEquals(List.of(), tooWide(text), text);
        assertTrue(withoutSpace(text).contains(withoutSpace(compileError)), text);
        assertTrue(withoutSpace(text).contains(oneWord), text);
    }

    @Test
    void theProgressTableFitsWithEveryStatus() throws IOException {
        List<ProgressReport.Row> rows = new ArrayList<>();
        ProgressReport.Status[] statuses = ProgressReport.Status.values();
        try (Stream<Path> files = Files.list(Path.of("exercises"))) {
            List<Path> sorted = files.filter(f -> f.getFileName().toString().matches("Ex\\d\\d.*\\.java")).sorted().toList();
            assertFalse(sorted.isEmpty());
            for (int k = 0; k < sorted.size(); k++) {
                String file = sorted.get(k).getFileName().toString();
                ProgressReport.Status status = statuses[k % statuses.length];
                String note = status == ProgressReport.Status.NOT_GRADED_SINCE_CHANGE ? "last grading: 10.5/12" : "";
                rows.add(new ProgressReport.Row("ex" + file.substring(2, 4), file, status, 10.5, 12, note));
            }
        }
        String text = new ProgressReport(rows).toString();
        assertEquals(List.of(), tooWide(text), text);
        assertTrue(text.contains("not graded since last change (last grading: 10.5/12)"), text);
    }
}
