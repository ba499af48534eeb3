package gradkit.courses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import gradkit.grading.Grader;
import gradkit.grading.TestScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Classroom package's contract, without GitHub: the workflow is YAML whose reporter step
 * reads, for each runner id, the {@code <ID>_RESULTS} variable its grading step's output fills; the
 * grading step's command, run with only PATH and HOME as autograding-command-grader runs a command,
 * prints (or writes to $GITHUB_OUTPUT) a result that decodes to the reporter's format and adds up to the
 * kit's points: all of them for the model answers, none for the untouched exercises, exercise 1's for a
 * half-done submission. Two exercises keep it affordable.
 */
class ClassroomWorkflowTest {
    private static final Set<String> TEST_KEYS = Set.of("name", "status", "score", "message", "test_code", "filename",
            "line_no", "execution_time");
    private static final String JDK_BIN = Path.of(System.getProperty("java.home"), "bin").toString();

    @TempDir
    static Path template;
    @TempDir
    Path work;

    @BeforeAll
    static void writeTemplateRepository() {
        ClassroomPackage.write(ClassroomOptions.parse(new String[] {"--out", template.toString(), "ex01", "ex02"}),
                KitBuild.here());
    }

    @Test
    void workflowIsYamlWhoseReporterReadsTheGradingStepsResult() throws IOException {
        JsonNode workflow = new YAMLMapper().readTree(template.resolve(ClassroomPackage.WORKFLOW).toFile());
        assertTrue(workflow.path("on").toString().contains("push"), workflow.path("on").toString());
        JsonNode steps = workflow.path("jobs").path("run-autograding-tests").path("steps");
        assertTrue(steps.isArray() && steps.size() == 4, steps.toString());
        assertTrue(steps.get(0).path("uses").asText().startsWith("actions/checkout@"));
        assertTrue(steps.get(1).path("uses").asText().startsWith("actions/setup-java@"));
        assertEquals("17", steps.get(1).path("with").path("java-version").asText());
        JsonNode reporter = steps.get(3);
        assertEquals("classroom-resources/autograding-grading-reporter@v1", reporter.path("uses").asText());
        for (String id : reporter.path("with").path("runners").asText().split(",")) {
            JsonNode step = stepWithId(steps, id.strip());
            assertEquals("bash .gradkit/grade", step.path("run").asText());
            assertEquals("${{ steps." + id.strip() + ".outputs.result }}",
                    reporter.path("env").path(id.strip().toUpperCase(java.util.Locale.ROOT) + "_RESULTS").asText());
        }
        assertTrue(Files.isExecutable(template.resolve(".gradkit/grade")));
        assertTrue(Files.exists(template.resolve("exercises/Ex01DifferenceQuotients.java")));
    }

    @Test
    void modelAnswersEarnEveryPoint() throws Exception {
        Path repo = repository(Path.of("solutions"), Path.of("solutions"));
        Path output = work.resolve("github_output");
        String printed = grade(repo, List.of("GITHUB_OUTPUT=" + output));
        assertTrue(printed.lines().noneMatch(l -> l.startsWith("result=")), "the result goes to $GITHUB_OUTPUT only");
        JsonNode result = decode(lastResultLine(Files.readString(output)));
        checkFormat(result);
        assertEquals(points("ex01", "ex02"), result.path("max_score").asInt());
        assertEquals(points("ex01", "ex02"), scoreSum(result));
        assertEquals("pass", result.path("status").asText());
    }

    @Test
    void untouchedExercisesEarnNothing() throws Exception {
        JsonNode result = decode(lastResultLine(grade(repository(Path.of("exercises"), Path.of("exercises")), List.of())));
        checkFormat(result);
        assertEquals(points("ex01", "ex02"), result.path("max_score").asInt());
        assertEquals(0, scoreSum(result));
        assertEquals("fail", result.path("status").asText());
    }

    @Test
    void halfDoneEarnsTheFinishedExercisesPoints() throws Exception {
        JsonNode result = decode(lastResultLine(grade(repository(Path.of("solutions"), Path.of("exercises")), List.of())));
        checkFormat(result);
        assertEquals(points("ex01"), scoreSum(result));
        assertEquals(points("ex01", "ex02"), result.path("max_score").asInt());
    }

    /** A copy of the template with ex01 from {@code ex01From} and ex02 from {@code ex02From} in exercises/. */
    private Path repository(Path ex01From, Path ex02From) throws IOException {
        Path repo = work.resolve("repo");
        try (Stream<Path> files = Files.walk(template)) {
            for (Path f : files.toList()) {
                Path to = repo.resolve(template.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        Files.copy(ex01From.resolve("Ex01DifferenceQuotients.java"), repo.resolve("exercises/Ex01DifferenceQuotients.java"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.copy(ex02From.resolve("Ex02ChainRuleByHand.java"), repo.resolve("exercises/Ex02ChainRuleByHand.java"),
                StandardCopyOption.REPLACE_EXISTING);
        return repo;
    }

    /** Runs the grading step's command as the command grader would: env -i PATH HOME (and {@code more}). */
    private String grade(Path repo, List<String> more) throws Exception {
        Path home = Files.createDirectories(work.resolve("home"));
        List<String> command = new ArrayList<>(List.of("env", "-i", "PATH=" + JDK_BIN + ":/usr/bin:/bin",
                "HOME=" + home));
        command.addAll(more);
        command.addAll(List.of("bash", ".gradkit/grade"));
        Process p = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), output);
        return output;
    }

    private static String lastResultLine(String text) {
        List<String> lines = text.lines().filter(l -> l.startsWith("result=")).toList();
        assertEquals(1, lines.size(), text);
        return lines.get(0).substring("result=".length());
    }

    private static JsonNode decode(String base64) throws IOException {
        return new ObjectMapper().readTree(Base64.getDecoder().decode(base64));
    }

    /** The reporter's format: version 1, a status, max_score, and every test with all its keys. */
    private static void checkFormat(JsonNode result) {
        assertEquals(1, result.path("version").asInt());
        assertTrue(Set.of("pass", "fail", "error").contains(result.path("status").asText()));
        assertTrue(result.path("max_score").isNumber());
        assertTrue(result.path("tests").size() > 0);
        for (JsonNode t : result.path("tests")) {
            List<String> keys = new ArrayList<>();
            t.fieldNames().forEachRemaining(keys::add);
            assertEquals(TEST_KEYS, Set.copyOf(keys), t.toString());
            assertTrue(Set.of("pass", "fail", "error").contains(t.path("status").asText()));
            assertTrue(t.path("score").isNumber() && t.path("line_no").isInt() && t.path("execution_time").isTextual());
        }
    }

    private static int scoreSum(JsonNode result) {
        int s = 0;
        for (JsonNode t : result.path("tests")) {
            s += t.path("score").asInt();
        }
        return s;
    }

    private static int points(String... exercises) {
        return Grader.defaults().only(List.of(exercises)).exercises().stream().mapToInt(TestScanner.Exercise::maxPoints).sum();
    }

    private static JsonNode stepWithId(JsonNode steps, String id) {
        for (JsonNode s : steps) {
            if (s.path("id").asText().equals(id)) {
                return s;
            }
        }
        throw new AssertionError("no step with id " + id + " in " + steps);
    }
}
