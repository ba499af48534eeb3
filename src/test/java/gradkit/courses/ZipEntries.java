package gradkit.courses;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A zip's entries with the Unix modes its central directory records, read byte by byte from the zip
 * format (PKWARE's APPNOTE, section 4.3.12), apart from the JDK's zip code that wrote them.
 *
 * <pre>{@code
 * Map<String, Integer> modes = ZipEntries.unixModes(Path.of("autograder.zip"));
 * modes.get("run_autograder");   // 0100755: a regular file, rwxr-xr-x
 * }</pre>
 */
final class ZipEntries {
    private static final int CENTRAL_HEADER = 0x02014b50;
    private static final int END_OF_CENTRAL_DIRECTORY = 0x06054b50;

    private ZipEntries() {
    }

    /** Every entry's name and mode (external attributes' upper 16 bits; -1 when not made on Unix). */
    static Map<String, Integer> unixModes(Path zip) throws IOException {
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
        Map<String, Integer> modes = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            if (b.getInt(at) != CENTRAL_HEADER) {
                throw new IOException("entry " + i + " of " + zip + " has no central header");
            }
            int madeBy = Short.toUnsignedInt(b.getShort(at + 4)) >> 8;   // 3: Unix
            int nameLength = Short.toUnsignedInt(b.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(b.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(b.getShort(at + 32));
            int external = b.getInt(at + 38);
            byte[] name = new byte[nameLength];
            b.get(at + 46, name);
            modes.put(new String(name, StandardCharsets.UTF_8), madeBy == 3 ? external >>> 16 : -1);
            at += 46 + nameLength + extraLength + commentLength;
        }
        return modes;
    }
}
