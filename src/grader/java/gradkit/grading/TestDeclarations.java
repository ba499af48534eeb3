package gradkit.grading;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads the {@code @Points} tests out of one grading test's source text, without compiling it: each
 * test's method name, its {@code @DisplayName}, its points and its visibility.
 *
 * <p>It reads Java, not lines: comments and string literals are masked first, so a {@code @Points}
 * in a comment or a string does not count, and an annotation may span lines, sit on the line of the
 * declaration, carry its elements in any order ({@code @Points(2)}, {@code @Points(value = 2,
 * visibility = Visibility.AFTER_DUE_DATE)}) or be written with its package
 * ({@code @gradkit.grading.Points(2)}). A {@code @Points} the grader cannot read (a value that is not a
 * whole-number literal, an unknown element, an annotated member that is not a {@code void} method) is
 * an error naming the line, never a test silently left out.
 *
 * <pre>{@code
 * List<TestDeclarations.Declared> tests = TestDeclarations.parse(source, "Ex06KinkRulesTest.java");
 * tests.get(0).methodName();   // "smoothSides"
 * tests.get(0).points();       // 1
 * }</pre>
 */
final class TestDeclarations {
    private static final Set<String> MODIFIERS = Set.of("public", "protected", "private", "static", "final",
            "abstract", "synchronized", "strictfp", "default", "native");

    /**
     * One test as declared.
     *
     * @param methodName  the method's name
     * @param displayName the {@code @DisplayName} text, or the method's name
     * @param points      the points
     * @param visibility  when a Gradescope student sees the result
     * @param line        the line of the {@code @Points} annotation (1-based)
     */
    record Declared(String methodName, String displayName, int points, Points.Visibility visibility, int line) {
    }

    /** An annotation's place: [start, end) in the text, its simple name and where its arguments are. */
    private record Annotation(int start, int end, String name, int argsStart, int argsEnd) {
    }

    private final String text;
    private final String masked;
    private final String fileName;

    private TestDeclarations(String text, String fileName) {
        this.text = text;
        this.masked = JavaText.mask(text);
        this.fileName = fileName;
    }

    /** Every {@code @Points} test of {@code source}, in declaration order; {@code fileName} is for messages. */
    static List<Declared> parse(String source, String fileName) {
        return new TestDeclarations(source, fileName).declared();
    }

    private List<Declared> declared() {
        List<Annotation> annotations = annotations();
        List<Declared> tests = new ArrayList<>();
        int i = 0;
        while (i < annotations.size()) {
            // A run: annotations separated only by blanks and modifiers belong to the same member.
            int last = i;
            while (last + 1 < annotations.size()
                    && onlyModifiersBetween(annotations.get(last).end(), annotations.get(last + 1).start())) {
                last++;
            }
            List<Annotation> run = annotations.subList(i, last + 1);
            Annotation points = run.stream().filter(a -> a.name().equals("Points")).findFirst().orElse(null);
            if (points != null) {
                tests.add(declare(points, run, annotations.get(last).end()));
            }
            i = last + 1;
        }
        return tests;
    }

    private Declared declare(Annotation points, List<Annotation> run, int afterAnnotations) {
        int line = lineOf(points.start());
        String method = methodNameAfter(afterAnnotations, line);
        int value = -1;
        Points.Visibility visibility = Points.Visibility.VISIBLE;
        for (String element : JavaText.splitTopLevel(masked, points.argsStart(), points.argsEnd())) {
            String[] parts = element.split("=", 2);
            String name = parts.length == 2 ? parts[0].strip() : "value";
            String expression = (parts.length == 2 ? parts[1] : parts[0]).strip();
            switch (name) {
                case "value" -> value = wholeNumber(expression, line);
                case "visibility" -> visibility = visibility(expression, line);
                default -> throw error(line, "@Points has no element \"" + name + "\" (it has value and visibility)");
            }
        }
        if (value <= 0) {
            throw error(line, "@Points needs a positive whole number of points, like @Points(2)");
        }
        String display = method;
        for (Annotation a : run) {
            if (a.name().equals("DisplayName")) {
                display = JavaText.stringLiterals(text, masked, a.argsStart(), a.argsEnd());
            }
        }
        return new Declared(method, display, value, visibility, line);
    }

    /** Every annotation in the masked text, in order (annotation declarations {@code @interface} excluded). */
    private List<Annotation> annotations() {
        List<Annotation> found = new ArrayList<>();
        int i = masked.indexOf('@');
        while (i >= 0) {
            int p = JavaText.skipBlanks(masked, i + 1);
            int nameStart = p;
            String simpleName = "";
            while (p < masked.length() && Character.isJavaIdentifierStart(masked.charAt(p))) {
                int segment = p;
                while (p < masked.length() && Character.isJavaIdentifierPart(masked.charAt(p))) {
                    p++;
                }
                simpleName = masked.substring(segment, p);
                int dot = JavaText.skipBlanks(masked, p);
                if (dot < masked.length() && masked.charAt(dot) == '.') {
                    p = JavaText.skipBlanks(masked, dot + 1);
                } else {
                    break;
                }
            }
            if (p == nameStart || simpleName.equals("interface")) {
                i = masked.indexOf('@', i + 1);
                continue;
            }
            int end = p;
            int argsStart = p;
            int argsEnd = p;
            int open = JavaText.skipBlanks(masked, p);
            if (open < masked.length() && masked.charAt(open) == '(') {
                int close = JavaText.matchingParen(masked, open);
                if (close < 0) {
                    throw error(lineOf(i), "the annotation @" + simpleName + " has no closing parenthesis");
                }
                argsStart = open + 1;
                argsEnd = close;
                end = close + 1;
            }
            found.add(new Annotation(i, end, simpleName, argsStart, argsEnd));
            i = masked.indexOf('@', end);
        }
        return found;
    }

    private boolean onlyModifiersBetween(int from, int to) {
        for (String word : masked.substring(from, to).strip().split("\\s+")) {
            if (!word.isEmpty() && !MODIFIERS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** The name in "[modifiers] void name(" right after the annotations, or an error. */
    private String methodNameAfter(int from, int line) {
        List<String> words = new ArrayList<>();
        int p = from;
        while (true) {
            p = JavaText.skipBlanks(masked, p);
            if (p >= masked.length()) {
                break;
            }
            if (masked.charAt(p) == '(') {
                break;
            }
            int start = p;
            while (p < masked.length() && Character.isJavaIdentifierPart(masked.charAt(p))) {
                p++;
            }
            if (p == start) {
                break;
            }
            words.add(masked.substring(start, p));
        }
        words.removeIf(MODIFIERS::contains);
        boolean isMethod = p < masked.length() && masked.charAt(p) == '(' && words.size() == 2
                && words.get(0).equals("void");
        if (!isMethod) {
            throw error(line, "@Points must annotate a test method declared as \"void name(...)\", but it annotates \""
                    + String.join(" ", words) + "\"");
        }
        return words.get(1);
    }

    private int wholeNumber(String expression, int line) {
        String digits = expression.replace("_", "");
        if (!digits.matches("\\d{1,6}")) {
            throw error(line, "@Points needs a whole-number literal as its value, but got \"" + expression + "\"");
        }
        return Integer.parseInt(digits);
    }

    private Points.Visibility visibility(String expression, int line) {
        String constant = expression.substring(expression.lastIndexOf('.') + 1).strip();
        for (Points.Visibility v : Points.Visibility.values()) {
            if (v.name().equals(constant)) {
                return v;
            }
        }
        throw error(line, "@Points' visibility must be one of VISIBLE, AFTER_DUE_DATE, AFTER_PUBLISHED or HIDDEN,"
                + " but got \"" + expression + "\"");
    }

    private int lineOf(int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private IllegalArgumentException error(int line, String what) {
        return new IllegalArgumentException(fileName + ":" + line + ": " + what + ".");
    }
}
