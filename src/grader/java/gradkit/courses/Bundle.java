package gradkit.courses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where a package's files go, each with a path relative to the package's root and whether it is
 * executable: a zip ({@link ZipBundle}) or a folder ({@link FolderBundle}).
 *
 * <pre>{@code
 * try (ZipBundle zip = ZipBundle.create(Path.of("autograder.zip"))) {
 *     zip.text("run_autograder", script, true);
 * }
 * }</pre>
 */
interface Bundle {
    /** Adds a file with these bytes; {@code executable} sets the execute bits (mode 755, else 644). */
    void bytes(String path, byte[] content, boolean executable);

    /** Adds a text file in UTF-8. */
    default void text(String path, String content, boolean executable) {
        bytes(path, content.getBytes(StandardCharsets.UTF_8), executable);
    }

    /** Adds a copy of a file. */
    default void copyFile(Path source, String path, boolean executable) {
        try {
            bytes(path, Files.readAllBytes(source), executable);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
    }

    /** Adds a copy of every regular file below {@code source}, below {@code path}. */
    default void copyTree(Path source, String path) {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                copyFile(f, path + "/" + source.relativize(f).toString().replace('\\', '/'), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + source, e);
        }
    }
}
