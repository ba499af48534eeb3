package gradkit.exercises;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One test of a grading, as the grader's results.json (Gradescope's format) reports it.
 *
 * <pre>{@code
 * List<GradedTest> tests = GradedTest.readAll(Path.of("results.json"));
 * tests.get(0).name();      // "relu and abs away from the kink match the library"
 * tests.get(0).passed();    // false
 * }</pre>
 *
 * @param exercise "ex06", or "" when the test's name and number do not say
 * @param name     the test's name without its "ex06 › " prefix
 * @param score    points earned
 * @param maxScore points it is worth
 * @param status   "passed" or "failed" (worked out from the points when the file has none)
 * @param output   the failure message and hint ("" when it passed)
 * @param hidden   whether the test's visibility keeps it from the student
 */
public record GradedTest(String exercise, String name, double score, double maxScore, String status, String output,
                  boolean hidden) {

    /** Gradescope's visibilities that keep a test from the student before the grades are out. */
    static final Set<String> HIDDEN_VISIBILITIES = Set.of("hidden", "after_due_date", "after_published");
    private static final Pattern NAME_PREFIX = Pattern.compile("(?i)(ex\\d+)\\s*[›>:.\\-]?\\s*(.*)", Pattern.DOTALL);
    private static final Pattern NUMBER = Pattern.compile("(\\d+)\\..*");

    /** Whether the test passed. */
    public boolean passed() {
        return status.equals("passed");
    }

    /**
     * Every test of a results.json. Only {@code tests[]} with {@code name}, {@code score},
     * {@code max_score}, {@code status}, {@code output}, {@code visibility} and {@code number} are
     * read; other fields are ignored, missing ones get neutral values.
     */
    static List<GradedTest> readAll(Path resultsJson) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(resultsJson.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the grader's report " + resultsJson, e);
        }
        List<GradedTest> tests = new ArrayList<>();
        for (JsonNode test : root.path("tests")) {
            tests.add(of(test));
        }
        return tests;
    }

    private static GradedTest of(JsonNode test) {
        String fullName = test.path("name").asText("");
        String exercise = "";
        String name = fullName;
        Matcher prefix = NAME_PREFIX.matcher(fullName);
        Matcher number = NUMBER.matcher(test.path("number").asText(""));
        if (prefix.matches()) {
            exercise = id(prefix.group(1).substring(2));
            name = prefix.group(2);
        } else if (number.matches()) {
            exercise = id(number.group(1));
        }
        double score = test.path("score").asDouble(0);
        double maxScore = test.path("max_score").asDouble(0);
        String status = test.path("status").asText(score >= maxScore && maxScore > 0 ? "passed" : "failed")
                .toLowerCase(Locale.ROOT);
        boolean hidden = HIDDEN_VISIBILITIES.contains(test.path("visibility").asText("visible").toLowerCase(Locale.ROOT));
        return new GradedTest(exercise, name.isBlank() ? fullName : name, score, maxScore, status,
                test.path("output").asText("").strip(), hidden);
    }

    private static String id(String digits) {
        return String.format("ex%02d", Integer.parseInt(digits));
    }
}
