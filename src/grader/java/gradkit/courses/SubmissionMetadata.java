package gradkit.courses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The two dates a late policy needs from Gradescope's /autograder/submission_metadata.json: when the
 * submission was made ({@code created_at}) and when it was due: the submitter's own due date
 * ({@code users[0].assignment.due_date}, which carries an extension) if there is one, else the
 * assignment's ({@code assignment.due_date}).
 *
 * <pre>{@code
 * SubmissionMetadata m = SubmissionMetadata.read(Path.of("/autograder/submission_metadata.json"));
 * m.late();   // PT26H: a day and two hours after the due date
 * }</pre>
 *
 * @param submitted when the submission was made
 * @param due       when it was due
 */
public record SubmissionMetadata(OffsetDateTime submitted, OffsetDateTime due) {
    /** Reads the metadata file; an IllegalArgumentException says which date is missing or malformed. */
    public static SubmissionMetadata read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the submission metadata " + file, e);
        }
        JsonNode own = root.path("users").path(0).path("assignment").path("due_date");
        JsonNode due = own.isTextual() ? own : root.path("assignment").path("due_date");
        return new SubmissionMetadata(date(root.path("created_at"), "created_at"), date(due, "assignment.due_date"));
    }

    private static OffsetDateTime date(JsonNode node, String name) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("The submission metadata has no " + name + ".");
        }
        try {
            return OffsetDateTime.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("The submission metadata's " + name + " is not a date: \"" + node.asText()
                    + "\".");
        }
    }

    /** How long after the due date the submission came (negative when early). */
    public Duration late() {
        return Duration.between(due, submitted);
    }
}
