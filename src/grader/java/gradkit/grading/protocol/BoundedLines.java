package gradkit.grading.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines of at most a given number of bytes from a stream, never more: a line longer than the cap
 * is a {@link MalformedReply} as soon as the cap is passed, so a flood never fills the reader's memory.
 * Not buffered beyond one byte at a time from the stream given (wrap it in a BufferedInputStream).
 *
 * <pre>{@code
 * BoundedLines lines = new BoundedLines(new BufferedInputStream(process.getInputStream()), Limits.MAX_LINE_BYTES);
 * String line = lines.next();   // null at the end of the stream
 * }</pre>
 */
public final class BoundedLines {
    private final InputStream in;
    private final int maxBytes;
    private final byte[] line;

    /** @param maxBytes the longest line accepted, its newline not counted */
    public BoundedLines(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
        this.line = new byte[maxBytes];
    }

    /**
     * The next line without its newline (as ISO-8859-1: the protocol's lines are ASCII, and the decoder
     * refuses any other byte), or null when the stream ended before a line began.
     *
     * @throws MalformedReply for a line over the cap, or a stream that ends inside a line
     */
    public String next() throws IOException, MalformedReply {
        int n = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (n == 0) {
                    return null;
                }
                throw new MalformedReply("The stream ended in the middle of a line.");
            }
            if (b == '\n') {
                return new String(line, 0, n, StandardCharsets.ISO_8859_1);
            }
            if (n == maxBytes) {
                throw new MalformedReply("A line was longer than " + maxBytes + " bytes, the protocol's cap.");
            }
            line[n++] = (byte) b;
        }
    }
}
