package gradkit.kit;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Just enough JSON writing for a kernelspec: strings, lists of strings and nested objects, in the
 * order given, two spaces of indent. (The kit's command line keeps to picocli alone, so no Jackson.)
 *
 * <pre>{@code
 * Json.write(Map.of("argv", List.of("java", "-jar", "k.jar")))
 * }</pre>
 */
public final class Json {

    private Json() {
    }

    /** A value as JSON: a Map (keys in its own order), a List, a String. */
    public static String write(Object value) {
        return write(value, "");
    }

    private static String write(Object value, String indent) {
        if (value instanceof String text) {
            return quote(text);
        }
        String inner = indent + "  ";
        if (value instanceof List<?> list) {
            return list.stream().map(v -> inner + write(v, inner))
                    .collect(Collectors.joining(",\n", "[\n", "\n" + indent + "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> inner + quote(e.getKey().toString()) + ": " + write(e.getValue(), inner))
                    .collect(Collectors.joining(",\n", "{\n", "\n" + indent + "}"));
        }
        throw new IllegalArgumentException("expected a String, List or Map to write as JSON, got " + value);
    }

    /** A JSON string: quotes, backslashes (Windows paths) and control characters escaped. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
