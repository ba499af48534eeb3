package gradkit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Gradescope's results.json and the console table, built from reports made by hand (no JVM runs):
 * every field of the format, visibility from {@code @Points}, the caps and their notes, and text that
 * student code controls (escapes, lone surrogates, NULs, Markdown) kept harmless.
 */
class GradescopeFormatTest {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @TempDir
    Path dir;

    private static GradingTest test(String exercise, String method, int points, Points.Visibility visibility) {
        return new GradingTest(exercise, "gradkit.exercises.Test", method, method + " works", points, visibility);
    }

    private static TestResult passed(GradingTest t) {
        return new TestResult(t, new TestOutcome(true, "", ""));
    }

    private static TestResult failed(GradingTest t, String message, String output) {
        return new TestResult(t, new TestOutcome(false, message, output));
    }

    /** ex01: two visible tests (one failing); ex02: one hidden-until-due-date test, passing. */
    private static GradingReport smallReport(String message, String output) {
        GradingTest a = test("ex01", "a", 2, Points.Visibility.VISIBLE);
        GradingTest b = test("ex01", "b", 3, Points.Visibility.VISIBLE);
        GradingTest c = test("ex02", "c", 4, Points.Visibility.AFTER_DUE_DATE);
        return new GradingReport(Path.of("exercises"), List.of(
                new ExerciseResult("ex01", "Ex01A.java", "", List.of(passed(a), failed(b, message, output))),
                new ExerciseResult("ex02", "Ex02B.java", "", List.of(passed(c)))), 2.6);
    }

    private static JsonNode parse(byte[] bytes) throws Exception {
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        return STRICT.readTree(bytes);
    }

    @Test
    void everyFieldOfTheFormatIsThere() throws Exception {
        JsonNode json = parse(ResultsJson.bytes(smallReport("expected 1.0 but was 2.0", "hello"), ResultsJson.Format.TEXT));
        assertEquals(6.0, json.get("score").asDouble(), 0.0);
        assertEquals(3, json.get("execution_time").asInt(), "whole seconds, rounded");
        assertTrue(json.get("execution_time").isIntegralNumber());
        assertEquals("text", json.get("output_format").asText());
        assertEquals("text", json.get("test_output_format").asText());
        assertEquals("visible", json.get("visibility").asText());
        assertEquals("hidden", json.get("stdout_visibility").asText(), "the console shows hidden tests too");
        assertEquals(9, json.get("extra_data").get("max_score").asInt());
        assertEquals(3, json.get("tests").size());
        Set<String> fields = Set.of("name", "name_format", "number", "score", "max_score", "status", "output",
                "output_format", "visibility");
        for (JsonNode t : json.get("tests")) {
            List<String> names = new ArrayList<>();
            t.fieldNames().forEachRemaining(names::add);
            assertEquals(fields, Set.copyOf(names), t.toString());
        }
        JsonNode b = json.get("tests").get(1);
        assertEquals("ex01 › b works", b.get("name").asText());
        assertEquals("1.2", b.get("number").asText());
        assertEquals("failed", b.get("status").asText());
        assertEquals(0.0, b.get("score").asDouble(), 0.0);
        assertEquals(3.0, b.get("max_score").asDouble(), 0.0);
        assertEquals("expected 1.0 but was 2.0\n--- the test printed ---\nhello", b.get("output").asText());
        assertEquals("passed", json.get("tests").get(0).get("status").asText());
    }

    @Test
    void aHiddenTestStaysHiddenEverywhereAStudentLooks() throws Exception {
        JsonNode json = parse(ResultsJson.bytes(smallReport("no", ""), ResultsJson.Format.TEXT));
        JsonNode c = json.get("tests").get(2);
        assertEquals("after_due_date", c.get("visibility").asText());
        assertEquals("visible", json.get("tests").get(0).get("visibility").asText());
        String summary = json.get("output").asText();
        assertTrue(summary.startsWith("2 / 5 points in the tests shown now."), summary);
        assertTrue(summary.contains("1 more test (4 points) will be shown later"), summary);
    }

    @Test
    void withoutHiddenTestsTheConsoleOutputIsVisible() throws Exception {
        GradingTest a = test("ex01", "a", 2, Points.Visibility.VISIBLE);
        GradingReport report = new GradingReport(Path.of("s"),
                List.of(new ExerciseResult("ex01", "Ex01A.java", "", List.of(passed(a)))), 0.2);
        JsonNode json = parse(ResultsJson.bytes(report, ResultsJson.Format.TEXT));
        assertEquals("visible", json.get("stdout_visibility").asText());
        assertEquals(0, json.get("execution_time").asInt());
    }

    @Test
    void oneTestsOutputIsCappedWithANote() throws Exception {
        String huge = "x".repeat(5_000_000);
        byte[] bytes = ResultsJson.bytes(smallReport(huge, ""), ResultsJson.Format.TEXT);
        assertTrue(bytes.length < ResultsJson.MAX_REPORT_BYTES, bytes.length + " bytes");
        String output = parse(bytes).get("tests").get(1).get("output").asText();
        assertTrue(output.length() < ResultsJson.MAX_TEST_OUTPUT_CHARS + 200, output.length() + " characters");
        int cut = "x".length() * 5_000_000 - ResultsJson.MAX_TEST_OUTPUT_CHARS;
        assertTrue(output.endsWith("[... " + cut + " more characters cut: each test's output is capped at 65536"
                + " characters]"), output.substring(65_000));
        assertTrue(parse(bytes).get("output").asText().contains("The output of 1 test was cut"));
    }

    @Test
    void theWholeReportStaysUnderOneMebibyte() throws Exception {
        List<TestResult> tests = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            tests.add(failed(test("ex03", "t" + i, 1, Points.Visibility.VISIBLE), "é\u0001".repeat(60_000), ""));
        }
        GradingReport report = new GradingReport(Path.of("s"),
                List.of(new ExerciseResult("ex03", "Ex03C.java", "", tests)), 1);
        byte[] bytes = ResultsJson.bytes(report, ResultsJson.Format.TEXT);
        assertTrue(bytes.length <= ResultsJson.MAX_REPORT_BYTES, bytes.length + " bytes");
        JsonNode json = parse(bytes);
        assertEquals(60, json.get("tests").size(), "every test is still listed");
        for (JsonNode t : json.get("tests")) {
            assertTrue(t.get("output").asText().contains("so that results.json stays under 1024 KiB"),
                    t.get("output").asText().substring(0, 100));
        }
    }

    @Test
    void anyStudentStringGivesValidJson() throws Exception {
        String hostile = "a\u0000b \ud800 lone high, \udc00 lone low, \u001b[31mred\u001b[0m, \u202Eevil, "
                + "\"quotes\" \\ back\\slash, \u2028line, \ud83d\ude00 emoji, \r\nend";
        GradingReport report = smallReport(hostile, hostile);
        JsonNode json = parse(ResultsJson.bytes(report, ResultsJson.Format.TEXT));
        String output = json.get("tests").get(1).get("output").asText();
        assertFalse(output.contains("\u0000") || output.contains("\u001b") || output.contains("\u202E")
                || output.contains("\r"), output);
        assertTrue(output.contains("a\uFFFDb \uFFFD lone high, \uFFFD lone low, red, evil, \"quotes\" \\ back\\slash,"
                + " \nline, \ud83d\ude00 emoji, \nend"), output);
    }

    @Test
    void markdownPutsStudentTextInACodeBlockItCannotClose() throws Exception {
        GradingReport report = smallReport("```\n<script>alert(1)</script>\n# Total 9/9", "");
        JsonNode json = parse(ResultsJson.bytes(report, ResultsJson.Format.MARKDOWN));
        assertEquals("md", json.get("test_output_format").asText());
        JsonNode b = json.get("tests").get(1);
        assertEquals("md", b.get("output_format").asText());
        assertTrue(b.get("output").asText().startsWith("````\n```\n<script>"), b.get("output").asText());
        assertTrue(b.get("output").asText().endsWith("\n````"));
        assertEquals(ResultsJson.Format.MARKDOWN, ResultsJson.Format.named("md"));
        assertThrows(IllegalArgumentException.class, () -> ResultsJson.Format.named("html"));
    }

    @Test
    void aReportThatCouldNotBeGradedListsEveryTestWithTheReason() throws Exception {
        List<TestScanner.Exercise> exercises = List.of(new TestScanner.Exercise("ex01", "Ex01A.java", Path.of("t"),
                List.of(test("ex01", "a", 2, Points.Visibility.VISIBLE), test("ex01", "b", 1, Points.Visibility.HIDDEN))));
        GradingReport report = GradingReport.notGraded(Path.of("bob"), exercises, "the grader stopped (exit code 137)", 4);
        JsonNode json = parse(ResultsJson.bytes(report, ResultsJson.Format.TEXT));
        assertEquals(0.0, json.get("score").asDouble(), 0.0);
        assertEquals(2, json.get("tests").size());
        assertEquals("Not graded: the grader stopped (exit code 137)", json.get("tests").get(0).get("output").asText());
        assertEquals("hidden", json.get("tests").get(1).get("visibility").asText());
        assertTrue(json.get("output").asText().startsWith("Grading failed: the grader stopped"));
        assertFalse(json.get("extra_data").get("graded").asBoolean());
        assertTrue(report.toTable().contains("grading failed | the grader stopped (exit code 137)"), report.toTable());
    }

    @Test
    void theConsoleTableCannotBeFakedByStudentText() {
        String fake = "\u001b[2K\u001b[1A\rTotal                                91/91   (100.0%), graded in 0.1 s\n"
                + "\u001b]0;title\u0007\bTotal 91/91";
        String table = smallReport(fake, "").toTable();
        assertFalse(table.contains("\u001b") || table.contains("\r") || table.contains("\b") || table.contains("\u0007"),
                table);
        long totals = table.lines().filter(l -> l.startsWith("Total")).count();
        assertEquals(1, totals, table);
        assertTrue(table.lines().filter(l -> l.contains("91/91")).allMatch(l -> l.startsWith("         | ")), table);
        assertTrue(table.lines().reduce((x, y) -> y).orElseThrow().startsWith("Total"));
    }

    @Test
    void theConsoleTableCutsLongStudentLines() {
        String table = smallReport("y".repeat(5000) + "\n" + "line\n".repeat(30), "").toTable();
        assertTrue(table.lines().allMatch(l -> l.length() < 220), table);
        assertTrue(table.contains("more characters)") && table.contains("more lines in results.json"), table);
    }

    @Test
    void resultsAreWrittenAtomicallyAndAFolderIsRefused() throws Exception {
        Path file = dir.resolve("out").resolve("results.json");
        ResultsJson.write(smallReport("m", ""), file, ResultsJson.Format.TEXT);
        assertEquals(6.0, parse(Files.readAllBytes(file)).get("score").asDouble(), 0.0);
        try (var left = Files.list(file.getParent())) {
            assertEquals(List.of(file), left.toList(), "no temporary file left behind");
        }
        Files.createDirectories(dir.resolve("taken"));
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> ResultsJson.write(smallReport("m", ""), dir.resolve("taken"), ResultsJson.Format.TEXT));
        assertTrue(e.getMessage().contains("is a folder"), e.getMessage());
    }

    @Test
    void aHiddenTestIsHiddenFromItsAnnotationToResultsJson() throws Exception {
        Path tests = Files.createDirectories(dir.resolve("tests"));
        Files.writeString(tests.resolve("Ex01TinyTest.java"), """
                package gradkit.exercises;

                import static org.junit.jupiter.api.Assertions.assertEquals;

                import gradkit.grading.Points;
                import org.junit.jupiter.api.DisplayName;
                import org.junit.jupiter.api.Test;

                class Ex01TinyTest {
                    @Test
                    @Points(1)
                    @DisplayName("twice 2 is 4")
                    void seen() {
                        assertEquals(4, Ex01Tiny.twice(2));
                    }

                    @Test
                    @Points(value = 2, visibility = Points.Visibility.AFTER_DUE_DATE)
                    void later() {
                        assertEquals(-6, Ex01Tiny.twice(-3));
                    }
                }
                """);
        Path submission = Files.createDirectories(dir.resolve("submission"));
        Files.writeString(submission.resolve("Ex01Tiny.java"),
                "package gradkit.exercises;\npublic final class Ex01Tiny {\n"
                        + "    public static int twice(int x) { System.out.print(\"\\u001b[2J\"); return 2 * x; }\n}\n");
        Path results = dir.resolve("results.json");
        GradingReport report = Grader.defaults().classpath(GraderSelfTest.classpath()).tests(tests).grade(submission);
        ResultsJson.write(report, results, ResultsJson.Format.TEXT);
        JsonNode json = parse(Files.readAllBytes(results));
        assertEquals(3.0, json.get("score").asDouble(), 0.0, report.toTable());
        assertEquals("visible", json.get("tests").get(0).get("visibility").asText());
        assertEquals("ex01 › twice 2 is 4", json.get("tests").get(0).get("name").asText());
        assertEquals("after_due_date", json.get("tests").get(1).get("visibility").asText());
        assertEquals("hidden", json.get("stdout_visibility").asText());
        assertTrue(json.get("output").asText().startsWith("1 / 1 points in the tests shown now. 1 more test (2 points)"),
                json.get("output").asText());
        String printed = json.get("tests").get(0).get("output").asText();
        assertEquals("", printed, "what the student printed, without its escape: nothing");
        assertFalse(new String(Files.readAllBytes(results), StandardCharsets.UTF_8).toLowerCase().contains("\\u001b"));
    }

    @Test
    void cleanRemovesEscapesButKeepsText() {
        assertEquals("\nTotal 91/91", StudentText.clean("\u001b[2K\rTotal 91/91"));
        assertEquals("red plain", StudentText.clean("\u001b[1;31mred\u001b[0m plain"));
        assertEquals("a\tb\nc\nd", StudentText.clean("a\tb\r\nc\rd"));
        assertEquals("link", StudentText.clean("\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\"));
        assertEquals("\u00e9\ud83d\ude00", StudentText.clean("\u00e9\ud83d\ude00\u200b"));
        assertEquals("aaaa\n[... 6 more characters cut: why]", StudentText.cap("a".repeat(10), 4, "why"));
        assertEquals("a\n[... 2 more characters cut: w]", StudentText.cap("a\ud83d\ude00", 2, "w"),
                "a surrogate pair is never split");
    }
}
