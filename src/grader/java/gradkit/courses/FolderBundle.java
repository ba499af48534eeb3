package gradkit.courses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A package written as files below a folder (a Classroom template repository), scripts executable.
 *
 * <pre>{@code
 * Bundle repo = new FolderBundle(Path.of("my-assignment"));
 * repo.text(".gradkit/grade", script, true);
 * }</pre>
 *
 * @param root the folder
 */
record FolderBundle(Path root) implements Bundle {
    @Override
    public void bytes(String path, byte[] content, boolean executable) {
        Path file = root.resolve(path);
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, content);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
