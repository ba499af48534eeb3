package gradkit.exercises;

import gradkit.check.PageWidth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@link Exercises#check} found: per exercise its tests with points, status and the failure
 * message with its hint, and the total. {@link #toString()} is the table as text, {@link #toHtml()}
 * the same table for a notebook.
 *
 * <pre>{@code
 * CheckReport report = Exercises.check("ex06");
 * report.points();        // 0.0 for the untouched exercise, 11.0 when solved
 * System.out.println(report);
 * }</pre>
 *
 * @param exercises the exercises checked, in the order asked for
 */
public record CheckReport(List<ExerciseCheck> exercises) {
    /** Lines of a failure message the table shows (the grader's results.json has all of them). */
    static final int MESSAGE_LINES = 6;
    /** Width the text table keeps to, so that it does not wrap in a notebook. */
    static final int WIDTH = PageWidth.COLUMNS;
    private static final String INDENT = " ".repeat(18);

    public CheckReport {
        exercises = List.copyOf(exercises);
    }

    /** Points earned in all exercises checked. */
    public double points() {
        return exercises.stream().mapToDouble(ExerciseCheck::points).sum();
    }

    /** Points all exercises checked are worth. */
    public double maxPoints() {
        return exercises.stream().mapToDouble(ExerciseCheck::maxPoints).sum();
    }

    /** The table as text: a heading per exercise, a line per test with its message, the total. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        for (ExerciseCheck ex : exercises) {
            out.append(heading(ex)).append('\n');
            if (ex.hiddenTests() > 0) {
                out.append("  ").append(hiddenNote(ex)).append('\n');   // on a line of its own: beside, it passes the page
            }
            if (!ex.problem().isEmpty()) {
                out.append(wrap(ex.problem(), "  ")).append('\n');
                continue;
            }
            out.append(String.format(Locale.ROOT, "  %6s  %-6s  %s%n", "points", "status", "test"));
            String previous = null;
            for (GradedTest t : ex.tests()) {
                out.append(String.format(Locale.ROOT, "  %6s  %-6s  %s%n", fraction(t.score(), t.maxScore()),
                        t.status(), t.name()));
                if (!t.passed() && !t.output().isEmpty()) {
                    String message = t.output().equals(previous) ? "(the same message as above)" : shortMessage(t.output());
                    out.append(wrap(message, INDENT)).append('\n');
                    previous = t.output();
                }
            }
        }
        out.append(totalLine());
        return out.toString();
    }

    /** The same table as HTML, for a notebook. */
    public String toHtml() {
        StringBuilder html = new StringBuilder("<table class=\"gradkit-check\">\n<tr><th style=\"text-align:left\">test</th>"
                + "<th>points</th><th>status</th><th style=\"text-align:left\">message and hint</th></tr>\n");
        for (ExerciseCheck ex : exercises) {
            html.append("<tr><th colspan=\"4\" style=\"text-align:left\">").append(escape(heading(ex)))
                    .append(ex.hiddenTests() == 0 ? "" : " " + escape(hiddenNote(ex))).append("</th></tr>\n");
            if (!ex.problem().isEmpty()) {
                html.append("<tr><td colspan=\"4\">").append(pre(ex.problem())).append("</td></tr>\n");
                continue;
            }
            for (GradedTest t : ex.tests()) {
                html.append("<tr><td style=\"text-align:left\">").append(escape(t.name()))
                        .append("</td><td style=\"text-align:right\">").append(fraction(t.score(), t.maxScore()))
                        .append("</td><td style=\"color:").append(t.passed() ? "#1a7f37" : "#cf222e").append("\">")
                        .append(escape(t.status())).append("</td><td style=\"text-align:left\">")
                        .append(t.passed() ? "" : pre(shortMessage(t.output()))).append("</td></tr>\n");
            }
        }
        html.append("<tr><th colspan=\"4\" style=\"text-align:left\">").append(escape(totalLine().strip()))
                .append("</th></tr>\n</table>");
        return html.toString();
    }

    private static String heading(ExerciseCheck ex) {
        if (!ex.graded()) {
            return ex.id() + " " + ex.file() + ": not graded";
        }
        return String.format(Locale.ROOT, "%s %s: %s of %s points, %d of %d tests passed", ex.id(), ex.file(),
                number(ex.points()), number(ex.maxPoints()), ex.testsPassed(), ex.tests().size());
    }

    private static String hiddenNote(ExerciseCheck ex) {
        return "(" + ex.hiddenTests() + " hidden tests not shown or counted)";
    }

    private String totalLine() {
        return String.format(Locale.ROOT, "Total: %s of %s points%n", number(points()), number(maxPoints()));
    }

    static String fraction(double score, double max) {
        return number(score) + "/" + number(max);
    }

    static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e9 ? Long.toString((long) x) : String.format(Locale.ROOT, "%.2f", x);
    }

    /** The first lines of a message, saying how many more there are. */
    static String shortMessage(String message) {
        List<String> lines = message.strip().lines().toList();
        if (lines.size() <= MESSAGE_LINES) {
            return String.join("\n", lines);
        }
        return String.join("\n", lines.subList(0, MESSAGE_LINES)) + "\n... (" + (lines.size() - MESSAGE_LINES)
                + " more lines in the grader's results.json)";
    }

    /**
     * Each line indented and broken at spaces so that no line is longer than {@link #WIDTH}. A line
     * that does not fit loses its own indentation first (a stack frame's "    at", say: the table's
     * indent sets it off already), and a long word such as a stack frame is broken after its last
     * '(' or else its last '.' that fits, rather than anywhere, and never so as to leave a stub.
     */
    static String wrap(String text, String indent) {
        List<String> out = new ArrayList<>();
        int room = WIDTH - indent.length();
        for (String line : text.lines().toList()) {
            String rest = line.stripTrailing();
            if (rest.length() > room) {
                rest = rest.strip();
            }
            while (rest.length() > room) {
                int cut = rest.lastIndexOf(' ', room);
                if (cut < room / 3) {   // no space, or only a stub before it: break the long word itself
                    int mark = rest.lastIndexOf('(', room - 1);   // a stack frame: method( / file:line)
                    if (mark < room / 3) {
                        mark = rest.lastIndexOf('.', room - 1);
                    }
                    cut = mark >= room / 3 ? mark + 1 : room;
                }
                out.add(indent + rest.substring(0, cut).stripTrailing());
                rest = "    " + rest.substring(cut).strip();
            }
            out.add(indent + rest);
        }
        return String.join("\n", out);
    }

    static String pre(String text) {
        return "<pre style=\"white-space:pre-wrap;word-break:normal;overflow-wrap:break-word;margin:0\">" + escape(text) + "</pre>";
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
