package gradkit.grading;

import java.util.ArrayList;
import java.util.List;

/**
 * Small helpers for reading Java source text without a compiler: masking comments and literals, and
 * reading the string literals of an annotation. Used by {@link TestDeclarations}.
 *
 * <pre>{@code
 * JavaText.mask("a(/* ) *\/ \")\")")   // "a(        \"a\")": the comment blanked, the literal's insides neutral
 * }</pre>
 */
final class JavaText {
    private JavaText() {
    }

    /**
     * The text with every comment turned into blanks (newlines kept) and the inside of every string,
     * text block and character literal turned into 'a's, at the same offsets: what is left is code,
     * so parentheses and '@' found in it are real.
     */
    static String mask(String text) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                for (; i < end; i++) {
                    if (text.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                }
            } else if (text.startsWith("\"\"\"", i)) {
                int end = text.indexOf("\"\"\"", i + 3);
                end = end < 0 ? n : end;
                neutral(text, out, i + 3, end);
                i = Math.min(n, end + 3);
            } else if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < n && text.charAt(end) != c && text.charAt(end) != '\n') {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end, n);
                neutral(text, out, i + 1, end);
                i = end + 1;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static void neutral(String text, StringBuilder out, int from, int to) {
        for (int i = from; i < to && i < text.length(); i++) {
            if (text.charAt(i) != '\n') {
                out.setCharAt(i, 'a');
            }
        }
    }

    /** The first offset at or after {@code from} that is not whitespace. */
    static int skipBlanks(String masked, int from) {
        int i = from;
        while (i < masked.length() && Character.isWhitespace(masked.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The offset of the ')' that closes the '(' at {@code open}, or -1. */
    static int matchingParen(String masked, int open) {
        int depth = 0;
        for (int i = open; i < masked.length(); i++) {
            char c = masked.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The comma-separated parts of masked[from, to), split at commas outside (), {} and []. */
    static List<String> splitTopLevel(String masked, int from, int to) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = from;
        for (int i = from; i < to; i++) {
            char c = masked.charAt(i);
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(masked.substring(start, i));
                start = i + 1;
            }
        }
        if (!masked.substring(start, to).isBlank()) {
            parts.add(masked.substring(start, to));
        }
        return parts;
    }

    /**
     * The value of the string literals in text[from, to) joined together (as in
     * {@code @DisplayName("a " + "b")}), with Java's escapes decoded.
     */
    static String stringLiterals(String text, String masked, int from, int to) {
        StringBuilder value = new StringBuilder();
        int i = from;
        while (i < to) {
            if (masked.charAt(i) != '"') {
                i++;
                continue;
            }
            int end = i + 1;
            while (end < to && masked.charAt(end) != '"') {
                end++;
            }
            value.append(unescape(text.substring(i + 1, Math.min(end, to))));
            i = end + 1;
        }
        return value.toString();
    }

    private static String unescape(String literal) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c != '\\' || i + 1 >= literal.length()) {
                out.append(c);
                continue;
            }
            char e = literal.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 's' -> out.append(' ');
                case 'u' -> {
                    while (i < literal.length() && literal.charAt(i) == 'u') {
                        i++;
                    }
                    if (i + 4 <= literal.length()) {
                        out.append((char) Integer.parseInt(literal.substring(i, i + 4), 16));
                        i += 3;
                    }
                }
                default -> out.append(e);   // \" \' \\ (octal escapes do not occur in test names)
            }
        }
        return out.toString();
    }
}
