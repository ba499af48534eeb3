package gradkit.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * A notebook cell cut into the parts the kernel runs one after another: Java code, line magics
 * ({@code %name args} on a line of their own) and, for a cell whose first line starts with
 * {@code %%name}, one cell magic that receives the rest of the cell as its body.
 *
 * <pre>
 * Cell.parse("%classpath ../target/kit-classes\nint x = 1;")
 *     == [LineMagic("classpath", ["../target/kit-classes"]), Code("int x = 1;")]
 * </pre>
 *
 * <p>A line is a magic only if its first character is {@code %}: Java code never starts a line
 * that way, while {@code a % b} inside a line stays code. Text inside a Java text block that
 * starts a line with {@code %} would be taken for a magic; that is the price of IJava's rule,
 * which this follows so that notebooks written for IJava mean the same here.
 */
public final class Cell {

    /** One piece of a cell. */
    public sealed interface Part permits Code, LineMagic, CellMagic {
    }

    /** Java source to evaluate with JShell: one or more snippets. */
    public record Code(String source) implements Part {
    }

    /** {@code %name arg1 "arg two"}: a line magic and its arguments, quotes removed. */
    public record LineMagic(String name, List<String> args) implements Part {
    }

    /** {@code %%name args} followed by a body: a cell magic. */
    public record CellMagic(String name, List<String> args, String body) implements Part {
    }

    private Cell() {
    }

    /** The parts of a cell's source, in order; blank code between magics is left out. */
    public static List<Part> parse(String source) {
        List<Part> parts = new ArrayList<>();
        String[] lines = source.split("\\R", -1);
        if (lines.length > 0 && lines[0].startsWith("%%")) {
            List<String> words = words(lines[0].substring(2));
            String body = String.join("\n", List.of(lines).subList(1, lines.length));
            parts.add(new CellMagic(nameOf(words, lines[0]), words.subList(1, words.size()), body));
            return parts;
        }
        StringBuilder code = new StringBuilder();
        for (String line : lines) {
            if (line.startsWith("%")) {
                addCode(parts, code);
                List<String> words = words(line.substring(1));
                parts.add(new LineMagic(nameOf(words, line), words.subList(1, words.size())));
            } else {
                code.append(line).append('\n');
            }
        }
        addCode(parts, code);
        return parts;
    }

    private static void addCode(List<Part> parts, StringBuilder code) {
        if (!code.toString().isBlank()) {
            // Keep the code's own line breaks; drop only the one this parser added last.
            parts.add(new Code(code.substring(0, code.length() - 1)));
        }
        code.setLength(0);
    }

    private static String nameOf(List<String> words, String line) {
        String afterSigns = line.replaceFirst("^%+", "");
        if (words.isEmpty() || words.get(0).isEmpty() || afterSigns.isEmpty()
                || Character.isWhitespace(afterSigns.charAt(0))) {
            throw new IllegalArgumentException("expected a magic's name right after the % sign, but the line is \""
                    + line + "\"");
        }
        return words.get(0);
    }

    /**
     * Splits magic arguments at spaces, as a shell would: "double" or 'single' quotes keep spaces
     * inside an argument, and a backslash takes the next character as it is.
     *
     * <pre>words("load \"my file.jsh\" x\\ y") == ["load", "my file.jsh", "x y"]</pre>
     */
    public static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length() && quote != '\'') {
                word.append(text.charAt(++i));
                inWord = true;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("expected a closing " + quote + " in the magic's arguments \""
                    + text + "\"");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
