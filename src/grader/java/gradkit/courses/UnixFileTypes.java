package gradkit.courses;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Completes the Unix modes in a zip's central directory. The JDK's zip file system writes an entry's
 * permission bits (rwxr-xr-x) without its file type, so Info-ZIP lists such an entry as "?rwxr-xr-x"
 * and an unpacker that checks the type may ignore the mode. This adds the type, {@code S_IFREG}
 * (0100000) to files and {@code S_IFDIR} (040000) to folders (names ending in "/"), in place, to every
 * entry made on Unix (version made by, upper byte, 3) that has none (PKWARE's APPNOTE 4.3.12, 4.4.2, 4.4.15).
 *
 * <pre>{@code
 * UnixFileTypes.add(Path.of("autograder.zip"));   // run_autograder: 0755 -> 0100755
 * }</pre>
 */
final class UnixFileTypes {
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;
    private static final int TYPE_MASK = 0170000;
    private static final int REGULAR = 0100000;
    private static final int DIRECTORY = 040000;

    private UnixFileTypes() {
    }

    /** Rewrites {@code zip} with the file types added. */
    static void add(Path zip) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
        int end = b.limit() - 22;
        while (end >= 0 && b.getInt(end) != END_OF_CENTRAL_DIRECTORY) {
            end--;
        }
        if (end < 0) {
            throw new IOException(zip + " has no end of central directory record");
        }
        int count = Short.toUnsignedInt(b.getShort(end + 10));
        int at = b.getInt(end + 16);
        for (int i = 0; i < count; i++, at = next(b, at)) {
            if (b.getInt(at) != CENTRAL_HEADER) {
                throw new IOException("Entry " + i + " of " + zip + " has no central directory header");
            }
            int mode = b.getInt(at + 38) >>> 16;
            boolean unix = Short.toUnsignedInt(b.getShort(at + 4)) >> 8 == 3;
            if (unix && (mode & TYPE_MASK) == 0) {
                int nameLength = Short.toUnsignedInt(b.getShort(at + 28));
                boolean folder = b.get(at + 46 + nameLength - 1) == '/';
                int dosAttributes = folder ? 0x10 : 0;
                b.putInt(at + 38, ((mode | (folder ? DIRECTORY : REGULAR)) << 16) | dosAttributes);
            }
        }
        Files.write(zip, b.array());
    }

    /** Where the central directory header after the one at {@code at} starts. */
    private static int next(ByteBuffer b, int at) {
        return at + 46 + Short.toUnsignedInt(b.getShort(at + 28)) + Short.toUnsignedInt(b.getShort(at + 30))
                + Short.toUnsignedInt(b.getShort(at + 32));
    }
}
