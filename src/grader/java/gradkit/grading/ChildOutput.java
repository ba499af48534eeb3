package gradkit.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The grader's side of a test JVM's output: its stdout (the results channel, see {@link EventChannel})
 * and its stderr, read by two threads so that the child never blocks on a full pipe. Lines that are
 * JSON objects carrying this launch's token become events; everything else (the JVM's own messages)
 * is kept, capped, for explaining a death. A line longer than {@link #MAX_LINE_BYTES} is dropped
 * whole, so no single line can make the grader hold megabytes.
 *
 * <pre>{@code
 * ChildOutput out = ChildOutput.start(process, token);
 * JsonNode event = out.next(15);     // null when nothing came within 15 ms
 * out.diagnosis();                   // the start of what the JVM printed outside the protocol
 * }</pre>
 */
final class ChildOutput {
    static final int MAX_LINE_BYTES = 256 * 1024;
    private static final int MAX_DIAGNOSIS_BYTES = 16_000;

    private final String token;
    private final BlockingQueue<JsonNode> events = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream diagnosis = new ByteArrayOutputStream();
    private final ObjectMapper json = new ObjectMapper();
    private final Thread[] readers = new Thread[2];

    private ChildOutput(String token) {
        this.token = token;
    }

    static ChildOutput start(Process process, String token) {
        ChildOutput out = new ChildOutput(token);
        out.readers[0] = out.reader(process.getInputStream(), true, "test-jvm-events");
        out.readers[1] = out.reader(process.getErrorStream(), false, "test-jvm-stderr");
        return out;
    }

    private Thread reader(InputStream in, boolean events, String name) {
        Thread t = new Thread(() -> readLines(in, events), name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private void readLines(InputStream in, boolean mayHoldEvents) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        boolean tooLong = false;
        byte[] buffer = new byte[8192];
        try (in) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        if (!tooLong) {
                            accept(line.toString(StandardCharsets.UTF_8), mayHoldEvents);
                        }
                        line.reset();
                        tooLong = false;
                    } else if (line.size() < MAX_LINE_BYTES) {
                        line.write(buffer[i]);
                    } else {
                        tooLong = true;
                    }
                }
            }
        } catch (IOException e) {
            // the process is gone; what was read stays
        }
        if (!tooLong && line.size() > 0) {
            accept(line.toString(StandardCharsets.UTF_8), mayHoldEvents);
        }
    }

    private void accept(String line, boolean mayHoldEvents) {
        if (mayHoldEvents && line.startsWith("{")) {
            try {
                JsonNode event = json.readTree(line);
                if (event != null && event.isObject() && token.equals(event.path("token").asText(null))
                        && event.path("event").isTextual()) {
                    events.add(event);
                    return;
                }
            } catch (IOException | RuntimeException notAnEvent) {
                // not written by the runner: kept as diagnosis below
            }
        }
        synchronized (diagnosis) {
            int room = MAX_DIAGNOSIS_BYTES - diagnosis.size();
            byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
            diagnosis.write(bytes, 0, Math.max(0, Math.min(room, bytes.length)));
        }
    }

    /** The next event, waiting up to {@code millis}; null when none came. */
    JsonNode next(long millis) throws InterruptedException {
        return events.poll(millis, TimeUnit.MILLISECONDS);
    }

    /** After the process ended: waits briefly for the readers to reach the end of the pipes. */
    void awaitEnd() throws InterruptedException {
        for (Thread t : readers) {
            t.join(2000);
        }
    }

    /** The start of what the JVM printed outside the protocol (its own messages), cleaned for display. */
    String diagnosis() {
        synchronized (diagnosis) {
            return StudentText.clean(diagnosis.toString(StandardCharsets.UTF_8)).strip();
        }
    }
}
