package gradkit.grading.worker;

import gradkit.grading.protocol.Limits;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Where System.out and System.err point while the student's code runs: the first
 * {@link Limits#MAX_PRINTED_CHARS} bytes are kept, the rest counted and dropped, so that printing in a
 * loop cannot flood the reply. Emptied at the start of every call.
 *
 * <pre>{@code
 * CallOutput printed = new CallOutput();
 * System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
 * printed.text();   // what was printed, and "... (N more bytes ... dropped ...)" past the cap
 * }</pre>
 */
final class CallOutput extends OutputStream {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private long dropped;

    @Override
    public synchronized void write(int b) {
        if (kept.size() < Limits.MAX_PRINTED_CHARS) {
            kept.write(b);
        } else {
            dropped++;
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        int room = Math.max(0, Math.min(len, Limits.MAX_PRINTED_CHARS - kept.size()));
        kept.write(b, off, room);
        dropped += len - room;
    }

    /** Empties the buffer for the next call. */
    synchronized void reset() {
        kept.reset();
        dropped = 0;
    }

    /** What the call printed (cut to the cap, so at most {@link Limits#MAX_PRINTED_CHARS} characters) and a note of what was dropped. */
    synchronized String text() {
        String s = kept.toString(StandardCharsets.UTF_8);
        s = s.length() > Limits.MAX_PRINTED_CHARS ? s.substring(0, Limits.MAX_PRINTED_CHARS) : s;
        return dropped == 0 ? s : s + "\n... (" + dropped + " more bytes of output dropped: the report keeps "
                + Limits.MAX_PRINTED_CHARS + " per call)";
    }
}
