package gradkit.exercises;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The results of past gradings, each filed under the SHA-256 fingerprint of what was graded: the
 * exercise file and its grading test. A record says "this content earned these points"; once the
 * file changes its fingerprint changes, and the record no longer speaks for it.
 *
 * <p>Layout: {@code target/progress/ex06/<fingerprint>.json}, one file per content graded (grading
 * the same content again replaces it). Records are written by {@link Exercises#check} from the
 * grader's own results.json; nothing in an exercise file is read as a claim of success. What this
 * does not guarantee: the records are plain files, so anything that runs as the student (their
 * exercise code included, which the grader runs without a sandbox) could write one. The progress
 * view is a student's own overview, not a grade; a grade comes from running the grader.
 *
 * <pre>{@code
 * ProgressStore store = new ProgressStore(Path.of("target/progress"));
 * String now = ProgressStore.fingerprint(exerciseFile, gradingTest);
 * store.forFingerprint("ex06", now);   // the grading of exactly this content, if there was one
 * }</pre>
 */
final class ProgressStore {

    /**
     * One grading.
     *
     * @param exercise    "ex06"
     * @param file        the exercise file's name
     * @param fingerprint {@link #fingerprint} of the exercise file and its grading test when graded
     * @param points      points earned (visible tests)
     * @param maxPoints   points the visible tests are worth
     * @param testsPassed visible tests passed
     * @param tests       visible tests
     * @param gradedAt    when the grading finished
     */
    record Record(String exercise, String file, String fingerprint, double points, double maxPoints,
                  int testsPassed, int tests, Instant gradedAt) {
        boolean passed() {
            return tests > 0 && testsPassed == tests;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path folder;

    ProgressStore(Path folder) {
        this.folder = folder;
    }

    /**
     * SHA-256 over the SHA-256 of the exercise file and that of its grading test (a missing file
     * counts as the word "missing"), in hex.
     */
    static String fingerprint(Path exerciseFile, Path gradingTest) {
        return sha256(("exercise " + sha256(exerciseFile) + "\ntest " + sha256(gradingTest) + "\n").getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String sha256(Path file) {
        try {
            return Files.isRegularFile(file) ? sha256(Files.readAllBytes(file)) : "missing";
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK has no SHA-256, which every Java 17 must have.", e);
        }
    }

    /** Files the record, replacing an earlier grading of the same content (written whole, then moved in place). */
    void save(Record record) {
        Path dir = folder.resolve(record.exercise());
        Path target = dir.resolve(record.fingerprint() + ".json");
        try {
            Files.createDirectories(dir);
            ObjectNode node = JSON.createObjectNode()
                    .put("exercise", record.exercise()).put("file", record.file())
                    .put("fingerprint", record.fingerprint()).put("points", record.points())
                    .put("max_points", record.maxPoints()).put("tests_passed", record.testsPassed())
                    .put("tests", record.tests()).put("graded_at", record.gradedAt().toString());
            Path staging = Files.createTempFile(dir, "grading-", ".tmp");
            JSON.writeValue(staging.toFile(), node);
            try {
                Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not record the grading in " + target, e);
        }
    }

    /** The grading of exactly this content, if it was graded. */
    Optional<Record> forFingerprint(String exercise, String fingerprint) {
        Optional<Record> found = read(folder.resolve(exercise).resolve(fingerprint + ".json"));
        // the file's name is only where to look; the record must say the same inside
        return found.filter(r -> r.fingerprint().equals(fingerprint) && r.exercise().equals(exercise));
    }

    /** The most recent grading of this exercise, whatever content it was of. */
    Optional<Record> latest(String exercise) {
        Path dir = folder.resolve(exercise);
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> records = files.filter(p -> p.getFileName().toString().endsWith(".json")).toList();
            return records.stream().map(ProgressStore::read).flatMap(Optional::stream)
                    .filter(r -> r.exercise().equals(exercise))
                    .max(Comparator.comparing(Record::gradedAt));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A record file; empty when it is missing or not a record (a half-written or hand-made file). */
    private static Optional<Record> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            JsonNode n = JSON.readTree(file.toFile());
            return Optional.of(new Record(n.path("exercise").asText(""), n.path("file").asText(""),
                    n.path("fingerprint").asText(""), n.path("points").asDouble(0), n.path("max_points").asDouble(0),
                    n.path("tests_passed").asInt(0), n.path("tests").asInt(0),
                    Instant.parse(n.path("graded_at").asText())));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
