package gradkit.grading;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * The worker's own classes ({@code gradkit.grading.worker} and {@code gradkit.grading.protocol}), copied
 * out of the grader's classes folder into an exercise's scratch folder: the worker's class path then
 * holds them and not the rest of the grader.
 *
 * <pre>{@code
 * Path worker = WorkerClasses.copy(classpath, scratch.resolve("worker"));
 * }</pre>
 */
final class WorkerClasses {
    private static final List<String> PACKAGES = List.of("gradkit/grading/worker", "gradkit/grading/protocol");

    private WorkerClasses() {
    }

    /** Copies the worker's classes from the class path entry that holds them into {@code target}; returns it. */
    static Path copy(String classpath, Path target) throws IOException {
        Path from = null;
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isBlank() && Files.isRegularFile(Path.of(entry, PACKAGES.get(0), "WorkerMain.class"))) {
                from = Path.of(entry);
                break;
            }
        }
        if (from == null) {
            throw new IllegalStateException("The grader's class path has no folder with gradkit/grading/worker/WorkerMain.class"
                    + " (the worker's classes); build the grader with ./kit build.");
        }
        for (String p : PACKAGES) {
            Path source = from.resolve(p);
            try (Stream<Path> files = Files.list(source)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    Path copy = target.resolve(p).resolve(f.getFileName().toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(f, copy, StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
        }
        return target;
    }
}
