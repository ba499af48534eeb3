package gradkit.grading;

/**
 * Puts text into Markdown so that it shows as it is: a fenced code block whose fence is longer than
 * any run of backticks inside, so student text cannot close the block and inject Markdown or HTML.
 *
 * <pre>{@code
 * Markdown.codeBlock("a ``` b");   // "````\na ``` b\n````"
 * }</pre>
 */
final class Markdown {
    private Markdown() {
    }

    /** {@code text} as a fenced code block ("" stays ""). */
    static String codeBlock(String text) {
        if (text.isEmpty()) {
            return "";
        }
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(Math.max(3, longest + 1));
        return fence + "\n" + text + "\n" + fence;
    }
}
