package gradkit.courses;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * Applies a {@link LatePolicy} to a results.json tree: the top-level {@code score} (which Gradescope
 * takes over the tests' sum) becomes the tests' points times the share kept, the summary says why in
 * its first line, and {@code extra_data.late} records the numbers. The tests keep their own points, so
 * a student still sees what each earned.
 *
 * <pre>{@code
 * LateScore.apply(results, LatePolicy.read(policyFile), SubmissionMetadata.read(metadataFile));
 * }</pre>
 */
final class LateScore {
    private LateScore() {
    }

    /** Changes {@code results} in place when the submission is late; an on-time submission is left as it is. */
    static void apply(ObjectNode results, LatePolicy policy, SubmissionMetadata metadata) {
        long days = policy.daysLate(metadata.late());
        if (days == 0) {
            return;
        }
        double earned = results.path("score").asDouble();
        double kept = policy.kept(days);
        double score = Math.round(earned * kept * 100) / 100.0;
        String line = String.format(Locale.ROOT, "Late: submitted %s, due %s: %d %s late, so %s%% of the points"
                        + " are kept (%s of %s).", metadata.submitted(), metadata.due(), days, days == 1 ? "day" : "days",
                trim(100 * kept), trim(score), trim(earned));
        results.put("score", score);
        results.put("output", line + "\n" + results.path("output").asText());
        ObjectNode extra = results.get("extra_data") instanceof ObjectNode e ? e : results.putObject("extra_data");
        ObjectNode late = extra.putObject("late");
        late.put("days", days);
        late.put("kept", kept);
        late.put("points_before", earned);
    }

    private static String trim(double x) {
        return x == Math.rint(x) ? String.valueOf((long) x) : String.format(Locale.ROOT, "%.2f", x);
    }
}
