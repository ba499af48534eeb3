package gradkit.courses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The late policy against days and shares counted by hand, at the edges of the grace period and of each day. */
class LatePolicyTest {
    private static final LatePolicy POLICY = new LatePolicy(Duration.ofMinutes(15), 10, 7);

    @TempDir
    Path dir;

    @Test
    void daysAreStartedDaysFromTheDueDateOnceBeyondTheGracePeriod() {
        assertEquals(0, POLICY.daysLate(Duration.ofMinutes(-5)));
        assertEquals(0, POLICY.daysLate(Duration.ZERO));
        assertEquals(0, POLICY.daysLate(Duration.ofMinutes(15)));
        assertEquals(1, POLICY.daysLate(Duration.ofMinutes(15).plusSeconds(1)));
        assertEquals(1, POLICY.daysLate(Duration.ofHours(24)));
        assertEquals(2, POLICY.daysLate(Duration.ofHours(24).plusSeconds(1)));
        assertEquals(8, POLICY.daysLate(Duration.ofDays(7).plusMinutes(1)));
    }

    @Test
    void eachDayTakesItsShareAndPastTheLastDayNothingIsLeft() {
        assertEquals(1.0, POLICY.kept(0));
        assertEquals(0.8, POLICY.kept(2), 1e-12);
        assertEquals(0.3, POLICY.kept(7), 1e-12);
        assertEquals(0.0, POLICY.kept(8));
        assertEquals(0.0, new LatePolicy(Duration.ZERO, 40, 9).kept(3), "never below zero");
    }

    @Test
    void readsTheTeachersFileAndRefusesAnIncompleteOne() throws IOException {
        Path file = dir.resolve("late.properties");
        Files.writeString(file, "# ours\ngrace-minutes=15\npercent-per-day=10  # a tenth\nzero-after-days=7\n");
        assertEquals(POLICY, LatePolicy.read(file));
        Files.writeString(file, "grace-minutes=15\npercent-per-day=10\n");
        assertThrows(IllegalArgumentException.class, () -> LatePolicy.read(file));
        Files.writeString(file, "grace-minutes=15\npercent-per-day=110\nzero-after-days=7\n");
        assertThrows(IllegalArgumentException.class, () -> LatePolicy.read(file));
    }

    @Test
    void theSubmittersOwnDueDateCarriesAnExtension() throws IOException {
        Path file = dir.resolve("submission_metadata.json");
        Files.writeString(file, AutograderSandbox.metadata("2026-12-03T10:30:00.000000-08:00", "2026-12-01T23:00:00.000000-08:00"));
        assertEquals(Duration.ofMinutes(35 * 60 + 30), SubmissionMetadata.read(file).late());
        Files.writeString(file, """
                {"created_at": "2026-12-03T10:30:00.000000-08:00",
                 "assignment": {"due_date": "2026-12-01T23:00:00.000000-08:00"},
                 "users": [{"assignment": {"due_date": "2026-12-04T23:00:00.000000-08:00"}}]}""");
        assertTrue(SubmissionMetadata.read(file).late().isNegative(), "an extension to the 4th: on time");
    }

    @Test
    void aLateScoreKeepsTheTestsPointsAndSaysWhy() throws IOException {
        Path file = dir.resolve("submission_metadata.json");
        Files.writeString(file, AutograderSandbox.metadata("2026-12-03T10:30:00.000000-08:00", "2026-12-01T23:00:00.000000-08:00"));
        ObjectNode results = (ObjectNode) new ObjectMapper().readTree("{\"score\": 17.0, \"output\": \"17 / 17\","
                + " \"extra_data\": {}, \"tests\": [{\"score\": 17.0}]}");
        LateScore.apply(results, POLICY, SubmissionMetadata.read(file));
        assertEquals(13.6, results.path("score").asDouble(), 1e-12);
        assertEquals(17.0, results.path("tests").path(0).path("score").asDouble());
        assertTrue(results.path("output").asText().startsWith("Late: ") && results.path("output").asText().endsWith("17 / 17"));
        assertEquals(2, results.path("extra_data").path("late").path("days").asInt());
    }
}
