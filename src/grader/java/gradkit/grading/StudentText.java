package gradkit.grading;

/**
 * Makes text that student code controls (test messages, what a test printed, compiler messages about
 * a student's file) safe to show: on a terminal, in a JSON report, in a spreadsheet.
 *
 * <p>{@link #clean(String)} removes what could change how other text looks: ANSI escape sequences
 * (colours, cursor moves, "clear line"), carriage returns that would let a line overwrite the one
 * before, other control characters, Unicode format characters (right-to-left overrides, zero-width
 * joiners), and lone UTF-16 surrogates that no encoder can write. Line and paragraph separators
 * become ordinary newlines; tabs stay.
 *
 * <pre>{@code
 * StudentText.clean("\u001b[2K\rTotal 91/91");   // "\nTotal 91/91": no escape, no overwrite
 * StudentText.cap("a".repeat(10), 4, "why");     // "aaaa\n[... 6 more characters cut: why]"
 * }</pre>
 */
public final class StudentText {
    /** What replaces a character that cannot be shown (a NUL, a lone surrogate). */
    static final char REPLACEMENT = '\uFFFD';

    private StudentText() {
    }

    /** The text with escape sequences, control and format characters removed (see the class comment). */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\u001b' || c == '\u009b') {
                i = skipEscape(text, i);
                continue;
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = text.codePointAt(i);
                if (Character.getType(codePoint) != Character.FORMAT) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i += 2;
                continue;
            }
            i++;
            if (c == '\r') {
                if (i < text.length() && text.charAt(i) == '\n') {
                    continue;                      // CRLF: the LF that follows makes the line break
                }
                out.append('\n');
            } else if (c == '\n' || c == '\t') {
                out.append(c);
            } else if (c == '\u2028' || c == '\u2029' || c == '\u0085') {
                out.append('\n');
            } else if (Character.isSurrogate(c) || c == 0) {
                out.append(REPLACEMENT);
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                // dropped: a bell, a backspace, a bidi override or a zero-width character shows nothing honest
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Where an escape sequence that starts at {@code start} ends: CSI ({@code ESC [ ... final}), OSC and
     * the other string sequences ({@code ESC ] ... BEL or ESC \}), or ESC and one character.
     */
    private static int skipEscape(String text, int start) {
        int i = start + 1;
        boolean csi = text.charAt(start) == '\u009b';
        if (!csi && i < text.length()) {
            char kind = text.charAt(i);
            if (kind == '[') {
                csi = true;
                i++;
            } else if (kind == ']' || kind == 'P' || kind == '_' || kind == '^' || kind == 'X') {
                for (i++; i < text.length(); i++) {
                    if (text.charAt(i) == '\u0007') {
                        return i + 1;
                    }
                    if (text.charAt(i) == '\u001b' && i + 1 < text.length() && text.charAt(i + 1) == '\\') {
                        return i + 2;
                    }
                }
                return i;
            } else {
                return i + 1;
            }
        }
        if (csi) {
            // parameter and intermediate bytes (0x20-0x3F), then one final byte (0x40-0x7E)
            while (i < text.length() && text.charAt(i) >= 0x20 && text.charAt(i) <= 0x3F) {
                i++;
            }
            if (i < text.length() && text.charAt(i) >= 0x40 && text.charAt(i) <= 0x7E) {
                i++;
            }
        }
        return i;
    }

    /** {@link #cap(String, int, String)} for one message of a report: the note says the report's limit. */
    public static String cap(String text, int maxChars) {
        return cap(text, maxChars, "the report keeps " + maxChars + " per message");
    }

    /**
     * The text cut to at most {@code maxChars} characters (never splitting a surrogate pair), with a
     * note saying how much was cut and {@code why}; the text itself when it is short enough.
     */
    public static String cap(String text, int maxChars, String why) {
        if (text.length() <= maxChars) {
            return text;
        }
        int keep = Math.max(0, maxChars);
        if (keep > 0 && Character.isHighSurrogate(text.charAt(keep - 1))) {
            keep--;
        }
        return text.substring(0, keep) + "\n[... " + (text.length() - keep) + " more characters cut: " + why + "]";
    }
}
