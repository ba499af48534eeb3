package gradkit.courses;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The shape Gradescope requires of results.json (its "Autograder specifications": a numeric
 * {@code score}, and {@code tests[]} each with {@code name}, {@code score}, {@code max_score},
 * {@code status} "passed"/"failed", {@code output} and a {@code visibility} Gradescope knows), and what
 * it allows of the top-level visibilities. Returns every violation, so a failing test says all.
 *
 * <pre>{@code
 * assertEquals(List.of(), GradescopeSchema.violations(results));
 * }</pre>
 */
final class GradescopeSchema {
    private static final Set<String> VISIBILITIES = Set.of("hidden", "after_due_date", "after_published", "visible");

    private GradescopeSchema() {
    }

    static List<String> violations(JsonNode results) {
        List<String> v = new ArrayList<>();
        if (!results.isObject()) {
            return List.of("results.json is not a JSON object");
        }
        number(results, "score", "results", v);
        for (String key : List.of("visibility", "stdout_visibility")) {
            if (results.has(key) && !VISIBILITIES.contains(results.get(key).asText())) {
                v.add("results." + key + " is " + results.get(key));
            }
        }
        JsonNode tests = results.path("tests");
        if (!tests.isArray()) {
            v.add("results.tests is not an array");
            return v;
        }
        for (int i = 0; i < tests.size(); i++) {
            JsonNode t = tests.get(i);
            String where = "tests[" + i + "]";
            text(t, "name", where, v);
            text(t, "output", where, v);
            number(t, "score", where, v);
            number(t, "max_score", where, v);
            if (!Set.of("passed", "failed").contains(t.path("status").asText())) {
                v.add(where + ".status is " + t.get("status"));
            }
            if (!VISIBILITIES.contains(t.path("visibility").asText())) {
                v.add(where + ".visibility is " + t.get("visibility"));
            }
            if (t.path("score").asDouble() > t.path("max_score").asDouble()) {
                v.add(where + " scores more than its max_score");
            }
        }
        return v;
    }

    private static void number(JsonNode node, String key, String where, List<String> v) {
        if (!node.path(key).isNumber()) {
            v.add(where + "." + key + " is not a number: " + node.get(key));
        }
    }

    private static void text(JsonNode node, String key, String where, List<String> v) {
        if (!node.path(key).isTextual()) {
            v.add(where + "." + key + " is not a string: " + node.get(key));
        }
    }
}
