package gradkit.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One planted bug of exercise 12, kept as what it changes: the body of one backward rule. The grader
 * builds the bug's source from the correct implementation at grading time, so each bug is a few lines
 * and the correct class is written once.
 *
 * <p>A bug is a file {@code NAME.rule} beside the folder {@code correct/}. Lines starting with
 * {@code #} say what the bug is; the first other line is the header of the method whose rule the bug
 * rewrites, as it stands in {@code correct/} (compared without the indentation); every line after it
 * is the rule's body as the bug writes it. The rule is the one lambda that method writes (its line
 * ends in {@code -> {}); its body is everything between that line and the line that closes it
 * ({@code });} or {@code };} at the same indentation). The new body must have as many lines as the
 * old one, so that the bug's class keeps the correct one's line numbers and not even a stack trace
 * could tell them apart.
 *
 * <pre>{@code
 * # div-sign: div gives b the slope +a/b² instead of −a/b².
 *     public static Scalar div(Scalar a, Scalar b) {
 *             a.setGrad(a.grad() + out.grad() / b.data());
 *             b.setGrad(b.grad() + a.data() / (b.data() * b.data()) * out.grad());
 * }</pre>
 *
 * @param name   the bug's name, its file's name without {@code .rule}
 * @param header the method's header line, stripped
 * @param body   the rule's body as the bug writes it, one line each
 */
record PlantedBug(String name, String header, List<String> body) {
    /** How a bug's file name ends. */
    static final String SUFFIX = ".rule";

    /** A source file of an implementation: its file name and its text. */
    record Source(String fileName, String text) {
    }

    /** @throws IllegalStateException when the file holds no method header or no body */
    static PlantedBug read(Path file) throws IOException {
        String name = file.getFileName().toString().replaceFirst("\\.rule$", "");
        List<String> lines = new ArrayList<>(Files.readAllLines(file).stream().filter(l -> !l.startsWith("#")).toList());
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        if (lines.size() < 2) {
            throw new IllegalStateException("The planted bug " + file + " must hold a method's header line and then the"
                    + " body of its rule, but it holds " + lines.size() + " line(s) besides its # comments.");
        }
        return new PlantedBug(name, lines.get(0).strip(), List.copyOf(lines.subList(1, lines.size())));
    }

    /**
     * The bug's sources: the correct ones with this bug's rule body in place of the correct one, in the
     * source that holds the method.
     *
     * @throws IllegalStateException when the method is not found exactly once, has not exactly one rule,
     *                               or the new body has another number of lines than the old one
     */
    List<Source> apply(List<Source> correct) {
        int found = 0;
        List<Source> out = new ArrayList<>();
        for (Source s : correct) {
            List<String> lines = s.text().lines().toList();
            List<Integer> at = headerLines(lines);
            found += at.size();
            out.add(at.size() == 1 ? new Source(s.fileName(), rewrite(lines, at.get(0), s.fileName())) : s);
        }
        if (found != 1) {
            throw new IllegalStateException("The planted bug " + name + " rewrites the rule of the method \"" + header
                    + "\", which the correct implementation must declare once, but it has " + found + " of them.");
        }
        return out;
    }

    private List<Integer> headerLines(List<String> lines) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(header)) {
                at.add(i);
            }
        }
        return at;
    }

    /** The source with the body of the rule of the method starting at line {@code start} replaced. */
    private String rewrite(List<String> lines, int start, String fileName) {
        int end = closing(lines, start, "}", fileName);
        List<Integer> rules = new ArrayList<>();
        for (int i = start + 1; i < end; i++) {
            if (lines.get(i).endsWith("-> {")) {
                rules.add(i);
            }
        }
        if (rules.size() != 1) {
            throw new IllegalStateException("The planted bug " + name + " rewrites the rule of \"" + header + "\" in "
                    + fileName + ", which must write one lambda (a line ending in \"-> {\"), but it writes "
                    + rules.size() + ".");
        }
        int open = rules.get(0);
        int close = closing(lines, open, "};", fileName);
        if (close - open - 1 != body.size()) {
            throw new IllegalStateException("The planted bug " + name + " writes the rule of \"" + header + "\" in "
                    + body.size() + " line(s), but the correct rule has " + (close - open - 1) + ": a bug must keep the"
                    + " correct class's line numbers.");
        }
        List<String> result = new ArrayList<>(lines.subList(0, open + 1));
        result.addAll(body);
        result.addAll(lines.subList(close, lines.size()));
        return String.join("\n", result) + "\n";
    }

    /** The first line after {@code from} at its indentation that starts with "}" ("}", "});", "};"). */
    private int closing(List<String> lines, int from, String what, String fileName) {
        String indent = lines.get(from).substring(0, lines.get(from).length() - lines.get(from).stripLeading().length());
        for (int i = from + 1; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.startsWith(indent + "}")) {
                return i;
            }
        }
        throw new IllegalStateException("The planted bug " + name + ": no \"" + what + "\" at the indentation of line "
                + (from + 1) + " of " + fileName + " closes it.");
    }
}
