package gradkit.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that a reader sees the old content or the new, never half of it: the bytes go to
 * a temporary file in the same folder, which then replaces the target in one atomic rename. A crash
 * midway leaves the old file (and at worst a stray temporary file) behind.
 *
 * <pre>{@code
 * AtomicFile.write(Path.of("out/gradebook.csv"), csvBytes);
 * }</pre>
 */
public final class AtomicFile {
    private AtomicFile() {
    }

    /**
     * Writes {@code bytes} to {@code target}, creating its folder. Refuses a target that is a folder,
     * with a message that says so; replaces a symbolic link at the target by a file (never writes
     * through it).
     */
    public static void write(Path target, byte[] bytes) {
        Path absolute = target.toAbsolutePath();
        if (Files.isDirectory(absolute, LinkOption.NOFOLLOW_LINKS)) {
            String what = target + " is a folder; a file was expected there";
            throw new UncheckedIOException(what, new IOException(what));
        }
        Path folder = absolute.getParent();
        Path temporary = null;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, "." + absolute.getFileName() + ".", ".tmp");
            Files.write(temporary, bytes);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            temporary = null;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + target + ": " + describe(e), e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // a stray .tmp file next to the target is harmless
                }
            }
        }
    }

    /** A sentence for an I/O error: the exception's class says more than its bare message (often a path). */
    static String describe(IOException e) {
        String kind = e.getClass().getSimpleName();
        String reason = switch (kind) {
            case "AccessDeniedException" -> "permission denied";
            case "NoSuchFileException" -> "no such file or folder";
            case "FileSystemException" -> e.getMessage();
            case "NotDirectoryException" -> "a part of the path is a file, not a folder";
            default -> e.getMessage() == null ? kind : e.getMessage();
        };
        return reason == null ? kind : reason;
    }
}
