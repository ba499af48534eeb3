package gradkit.grading;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The files of a {@link Gradebook}: {@code <folder>/results.json} per student (Gradescope's format,
 * {@link ResultsJson}), then {@code gradebook.json} and {@code gradebook.csv}, each written atomically
 * ({@link AtomicFile}), the two gradebook files last.
 *
 * <p>{@code gradebook.csv} follows RFC 4180: CRLF line ends, a field in double quotes when it holds a
 * comma, a quote, a line break or leading or trailing blanks, a quote inside doubled. A field a
 * spreadsheet would take for a formula (it starts with =, +, -, @, a tab or a carriage return) gets
 * a leading apostrophe, so a student named {@code =HYPERLINK(...)} stays text. Columns: student, one
 * per exercise, total, max, percent, status ("graded" or "not graded"), folder (of its results.json),
 * note (why not, or what else to know). {@code gradebook.json} holds the same, the isolation used, the
 * most students graded at once, the defences in sentences ({@link Gradebook#defences()}) and the
 * entries skipped as certainly not students ({@code "skipped"}).
 *
 * <pre>{@code
 * GradebookFiles.csvField("Doe, \"J\"")   // "\"Doe, \"\"J\"\"\""
 * GradebookFiles.csvField("=1+1")         // "'=1+1"
 * }</pre>
 */
final class GradebookFiles {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GradebookFiles() {
    }

    static void write(Gradebook book, Path out) {
        Path folder = out.toAbsolutePath();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + out + ": " + AtomicFile.describe(e), e);
        }
        for (Gradebook.Student s : book.students()) {
            Path studentFolder = folder.resolve(s.folder());
            if (!studentFolder.normalize().getParent().equals(folder.normalize())) {
                throw new IllegalStateException("The results folder " + s.folder() + " is not inside " + out + ".");
            }
            replaceLink(studentFolder);
            ResultsJson.write(s.report(), studentFolder.resolve("results.json"), book.format());
        }
        AtomicFile.write(folder.resolve("gradebook.json"), json(book));
        AtomicFile.write(folder.resolve("gradebook.csv"), csv(book).getBytes(StandardCharsets.UTF_8));
    }

    /** A symbolic link where a student's results folder goes (left by someone) is removed, never followed. */
    private static void replaceLink(Path studentFolder) {
        try {
            if (Files.isSymbolicLink(studentFolder)) {
                Files.delete(studentFolder);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the link " + studentFolder, e);
        }
    }

    static String csv(Gradebook book) {
        StringBuilder csv = new StringBuilder("student");
        book.exerciseIds().forEach(id -> csv.append(',').append(id));
        csv.append(",total,max,percent,status,folder,note\r\n");
        for (Gradebook.Student s : book.students()) {
            GradingReport r = s.report();
            csv.append(csvField(StudentText.clean(s.name())));
            for (ExerciseResult ex : r.exercises()) {
                csv.append(',').append(ex.earned());
            }
            csv.append(',').append(r.earned()).append(',').append(r.maxPoints())
                    .append(',').append(String.format(Locale.ROOT, "%.1f", r.percent()))
                    .append(',').append(r.graded() ? "graded" : "not graded")
                    .append(',').append(csvField(s.folder())).append(',').append(csvField(note(s))).append("\r\n");
        }
        return csv.toString();
    }

    private static String note(Gradebook.Student s) {
        String failure = s.report().graded() ? "" : StudentText.clean(s.report().failure());
        return failure.isEmpty() ? s.note() : s.note().isEmpty() ? failure : failure + "; " + s.note();
    }

    /** One CSV field, quoted where RFC 4180 needs it and defused where a spreadsheet would see a formula. */
    static String csvField(String value) {
        String s = value;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        boolean quote = s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                || !s.equals(s.strip());
        return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    private static byte[] json(Gradebook book) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode ids = root.putArray("exercises");
        book.exerciseIds().forEach(ids::add);
        root.put("isolation", book.isolation());
        root.put("studentsAtOnce", book.mostAtOnce());
        ArrayNode defences = root.putArray("defences");
        book.defences().forEach(defences::add);
        ArrayNode skipped = root.putArray("skipped");
        book.skipped().forEach(name -> skipped.add(StudentText.clean(name)));
        ArrayNode students = root.putArray("students");
        for (Gradebook.Student s : book.students()) {
            GradingReport r = s.report();
            ObjectNode row = students.addObject();
            row.put("student", StudentText.clean(s.name()));
            row.put("folder", s.folder());
            row.put("graded", r.graded());
            row.put("note", note(s));
            ObjectNode perExercise = row.putObject("exercises");
            for (ExerciseResult ex : r.exercises()) {
                ObjectNode cell = perExercise.putObject(ex.id());
                cell.put("earned", ex.earned());
                cell.put("max", ex.maxPoints());
                cell.put("compiled", ex.compiled());
            }
            row.put("total", r.earned());
            row.put("max", r.maxPoints());
            row.put("percent", Math.round(r.percent() * 10) / 10.0);
            row.put("seconds", Math.round(r.seconds() * 10) / 10.0);
        }
        try {
            return JSON.writeValueAsBytes(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write gradebook.json: " + e.getOriginalMessage(), e);
        }
    }
}
