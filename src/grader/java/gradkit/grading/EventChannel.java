package gradkit.grading;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The test JVM's side of the results channel: one JSON line per event on the process's original
 * standard output, a pipe to the grader. The runner takes this stream before any student class is
 * loaded and then points System.out and System.err elsewhere; student code cannot reach the pipe again
 * ({@link StudentPolicy} denies writing to a file descriptor and opening /proc/self/fd). Every line
 * carries the grader's secret token as a second check.
 *
 * <pre>{@code
 * EventChannel events = new EventChannel(new FileOutputStream(FileDescriptor.out), token);
 * events.emit(Map.of("event", "start", "index", 3));
 * }</pre>
 */
final class EventChannel {
    private final OutputStream out;
    private final String token;

    EventChannel(OutputStream out, String token) {
        this.out = out;
        this.token = token;
    }

    /** Writes one event (values: strings, numbers, booleans) as a JSON line, with the token. */
    synchronized void emit(Map<String, ?> fields) {
        StringBuilder line = new StringBuilder("{\"token\":").append(quote(token));
        for (Map.Entry<String, ?> f : fields.entrySet()) {
            line.append(',').append(quote(f.getKey())).append(':');
            Object v = f.getValue();
            line.append(v instanceof Number || v instanceof Boolean ? String.valueOf(v) : quote(String.valueOf(v)));
        }
        line.append("}\n");
        try {
            out.write(line.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            Runtime.getRuntime().halt(70);   // the grader is gone: nobody to report to
        }
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20 || c >= 0x7f && c <= 0x9f || Character.isSurrogate(c)) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
