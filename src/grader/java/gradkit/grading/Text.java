package gradkit.grading;

/**
 * Makes text that student code controls safe to show: no terminal control sequences, and a length cap
 * with a note saying what was cut.
 *
 * <pre>{@code
 * Text.clean("\u001b[2J Total 91/91");   // "?[2J Total 91/91": the escape cannot clear the screen
 * Text.cap("x".repeat(5000), 4000);      // the first 4000 characters and "... (1000 more characters cut: ...)"
 * }</pre>
 */
public final class Text {
    private Text() {
    }

    /**
     * Replaces every control character but newline and tab (ESC, carriage return, backspace, the C1
     * controls), every bidirectional-override character and every unpaired surrogate by '?', so that a
     * message cannot move the cursor, recolour or rewrite what the console shows, nor reorder a line,
     * nor make results.json invalid.
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 && c != '\n' && c != '\t' || c >= 0x7f && c <= 0x9f;
            boolean bidi = c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069 || c == 0x200e || c == 0x200f;
            boolean pairedHigh = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean lone = Character.isSurrogate(c) && !pairedHigh
                    && !(Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(text.charAt(i - 1)));
            out.append(control || bidi || lone ? '?' : c);
        }
        return out.toString();
    }

    /** The first {@code max} characters of {@code text}, and a note of how many were cut and why. */
    public static String cap(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "\n... (" + (text.length() - end) + " more characters cut: the report keeps "
                + max + " per message)";
    }
}
