package gradkit.courses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

/**
 * A zip written through the JDK's zip file system with POSIX permissions on (JDK 14 and later): every
 * entry records its Unix mode (755 for scripts and folders, 644 for the rest), which is how {@code run_autograder}
 * stays executable once Gradescope unpacks the zip. The zip file system records the permission bits
 * only; {@link UnixFileTypes} adds the file type (regular file, folder) that unpackers look for. Entries
 * carry one fixed time, so the same kit makes the same zip.
 *
 * <pre>{@code
 * try (ZipBundle zip = ZipBundle.create(Path.of("autograder.zip"))) {
 *     zip.text("setup.sh", "#!/usr/bin/env bash\n", true);
 * }
 * }</pre>
 */
final class ZipBundle implements Bundle, AutoCloseable {
    private static final FileTime FIXED_TIME = FileTime.fromMillis(946_684_800_000L);   // 2000-01-01
    private final FileSystem zip;
    private final Path file;

    private ZipBundle(FileSystem zip, Path file) {
        this.zip = zip;
        this.file = file;
    }

    /** A new, empty zip at {@code file} (one already there is replaced). */
    static ZipBundle create(Path file) {
        try {
            Path absolute = file.toAbsolutePath();
            Files.deleteIfExists(absolute);
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            URI uri = URI.create("jar:" + absolute.toUri());
            return new ZipBundle(FileSystems.newFileSystem(uri, Map.of("create", "true", "enablePosixFileAttributes", "true")),
                    absolute);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file, e);
        }
    }

    @Override
    public void bytes(String path, byte[] content, boolean executable) {
        try {
            Path entry = zip.getPath(path);
            Path parent = entry.getParent();
            for (int depth = 1; parent != null && depth <= parent.getNameCount(); depth++) {
                Path dir = parent.subpath(0, depth);
                if (!Files.exists(dir)) {
                    Files.createDirectory(dir);
                    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                    Files.setLastModifiedTime(dir, FIXED_TIME);
                }
            }
            Files.write(entry, content);
            Files.setPosixFilePermissions(entry, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
            Files.setLastModifiedTime(entry, FIXED_TIME);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot add " + path + " to the zip", e);
        }
    }

    /** Writes the zip's central directory and the file types of its modes: the zip is complete only after this. */
    @Override
    public void close() {
        try {
            zip.close();
            UnixFileTypes.add(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot finish the zip", e);
        }
    }
}
