package gradkit.grading;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Instructor mode: grades a folder of submissions (one sub-folder per student, each shaped like
 * {@code exercises/}) into one gradebook ({@code gradebook.csv}, {@code gradebook.json}) and one
 * {@code <student>/results.json} each, several students at once.
 *
 * <pre>{@code
 * Gradebook book = Gradebook.grade(Grader.defaults(), Path.of("submissions"), Path.of("grading-out"), 2);
 * book.reports().get("alice").earned();
 * }</pre>
 *
 * @param exerciseIds the exercises graded, in order (the gradebook's columns)
 * @param reports     one report per student, by folder name, sorted
 */
public record Gradebook(List<String> exerciseIds, Map<String, GradingReport> reports) {

    /** Grades every sub-folder of {@code submissions} with {@code jobs} students at once, and writes the files into {@code out}. */
    public static Gradebook grade(Grader grader, Path submissions, Path out, int jobs) {
        if (!Files.isDirectory(submissions)) {
            throw new IllegalArgumentException("The submissions folder " + submissions + " does not exist.");
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, but got " + jobs + ".");
        }
        List<Path> students;
        try (Stream<Path> dirs = Files.list(submissions)) {
            students = dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(jobs);
        try {
            List<Future<GradingReport>> futures = new ArrayList<>();
            for (Path student : students) {
                futures.add(pool.submit(() -> grader.grade(student)));
            }
            Map<String, GradingReport> reports = new LinkedHashMap<>();
            for (int i = 0; i < students.size(); i++) {
                reports.put(students.get(i).getFileName().toString(), futures.get(i).get());
            }
            List<String> ids = grader.exercises().stream().map(TestScanner.Exercise::id).toList();
            Gradebook book = new Gradebook(ids, reports);
            book.write(out);
            return book;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while grading", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Grading a submission failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Writes gradebook.csv, gradebook.json and every student's results.json into {@code out}. */
    public void write(Path out) {
        try {
            Files.createDirectories(out);
            StringBuilder csv = new StringBuilder("student");
            exerciseIds.forEach(id -> csv.append(',').append(id));
            csv.append(",total,max,percent\n");
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Map.Entry<String, GradingReport> e : reports.entrySet()) {
                GradingReport r = e.getValue();
                csv.append(csvField(e.getKey()));
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("student", e.getKey());
                Map<String, Object> perExercise = new LinkedHashMap<>();
                for (ExerciseResult ex : r.exercises()) {
                    csv.append(',').append(ex.earned());
                    Map<String, Object> cell = new LinkedHashMap<>();
                    cell.put("earned", ex.earned());
                    cell.put("max", ex.maxPoints());
                    cell.put("compiled", ex.compiled());
                    perExercise.put(ex.id(), cell);
                }
                csv.append(',').append(r.earned()).append(',').append(r.maxPoints())
                        .append(',').append(String.format(Locale.ROOT, "%.1f", r.percent())).append('\n');
                row.put("exercises", perExercise);
                row.put("total", r.earned());
                row.put("max", r.maxPoints());
                rows.add(row);
                r.writeResultsJson(out.resolve(e.getKey()).resolve("results.json"));
            }
            Files.writeString(out.resolve("gradebook.csv"), csv);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValue(out.resolve("gradebook.json").toFile(), Map.of("students", rows));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the gradebook into " + out, e);
        }
    }

    /** One line per student: points per exercise and the total. */
    public String toTable() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-20s", "student"));
        exerciseIds.forEach(id -> s.append(String.format(Locale.ROOT, "%6s", id)));
        s.append("   total\n");
        reports.forEach((student, r) -> {
            s.append(String.format(Locale.ROOT, "%-20s", student));
            r.exercises().forEach(ex -> s.append(String.format(Locale.ROOT, "%6d", ex.earned())));
            s.append(String.format(Locale.ROOT, "   %d/%d%n", r.earned(), r.maxPoints()));
        });
        return s.toString();
    }

    private static String csvField(String s) {
        return s.matches("[\\w.-]+") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
