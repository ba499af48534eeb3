package gradkit.grading;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An output stream that keeps the first {@code limit} bytes and counts the rest: what a test prints
 * goes here instead of to the process's output.
 *
 * <pre>{@code
 * CappedBuffer b = new CappedBuffer(4000);
 * System.setOut(new PrintStream(b, true, StandardCharsets.UTF_8));
 * b.text();   // what was printed, and "... (N more bytes of output dropped ...)" past the cap
 * }</pre>
 */
final class CappedBuffer extends OutputStream {
    private final int limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;

    CappedBuffer(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
        if (kept.size() < limit) {
            kept.write(b);
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int room = Math.max(0, Math.min(len, limit - kept.size()));
        kept.write(b, off, room);
        dropped += len - room;
    }

    synchronized void reset() {
        kept.reset();
        dropped = 0;
    }

    synchronized String text() {
        String s = kept.toString(StandardCharsets.UTF_8);
        return dropped == 0 ? s : s + "\n... (" + dropped + " more bytes of output dropped: the report keeps "
                + limit + " per test)";
    }
}
