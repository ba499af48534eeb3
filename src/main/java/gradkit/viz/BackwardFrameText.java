package gradkit.viz;

import gradkit.engine.BackwardTrace;
import gradkit.engine.BackwardTrace.Contribution;
import gradkit.engine.BackwardTrace.Step;
import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The frames of a backward animation in words: what each frame shows, as lines of text. The
 * pictures ({@link BackwardFrameSvg}) print these lines as their caption, and where no picture can
 * be updated (Rapaio, plain JShell, an exported page) the frames are shown as a numbered sequence.
 *
 * <pre>{@code
 * BackwardTrace trace = BackwardTrace.of(L);
 * BackwardFrameText.lines(trace, 1);
 * // [Frame 1 of 7: node L = d * f, grad 1, runs its rule:,
 * //    d.grad += (-2) * 1:  0 -> -2   (dL/dd * L.grad), ...]
 * }</pre>
 *
 * <p>Frame 0 is the start (every grad 0, the output seeded with 1); frame k, from 1 to the number of
 * values, is the k-th node whose rule the engine runs. Every number comes from the trace.
 */
public final class BackwardFrameText {

    private BackwardFrameText() {}

    /** The number of frames of {@code trace}: the start, then one per value. */
    public static int frameCount(BackwardTrace trace) {
        return trace.steps().size() + 1;
    }

    /**
     * The lines that describe frame {@code frame}: a heading, then one line per operand of the node
     * whose rule runs (its grad before and after the {@code +=}).
     *
     * @throws IllegalArgumentException if {@code frame} is not from 0 to {@code frameCount(trace) - 1}
     */
    public static List<String> lines(BackwardTrace trace, int frame) {
        checkFrame(trace, frame);
        int last = frameCount(trace) - 1;
        List<String> lines = new ArrayList<>();
        Value output = trace.output();
        if (frame == 0) {
            lines.add("Frame 0 of " + last + ": the start. Every grad is 0; backward() seeds the output:");
            lines.add("  " + name(trace, output) + ".grad = " + compact(trace.gradAfter(0, output)));
            return lines;
        }
        Step step = trace.steps().get(frame - 1);
        Value node = step.node();
        String heading = "Frame " + frame + " of " + last + ": " + expression(trace, node)
                + ", grad " + compact(trace.gradAfter(frame, node));
        if (step.contributions().isEmpty()) {
            lines.add(heading + ": no operands to pass it on to; its grad is final");
            return lines;
        }
        lines.add(heading + ", runs its rule:");
        for (Contribution c : step.contributions()) {
            lines.add(contributionLine(trace, node, c, contributionNumber(trace, frame, c)));
        }
        return lines;
    }

    /** One {@code +=} as a line: {@code "  a.grad += (-3) * 2:  0 -> -6   (de/da * e.grad)"}. */
    private static String contributionLine(BackwardTrace trace, Value node, Contribution c, int number) {
        String operand = name(trace, c.operand());
        String user = name(trace, node);
        String line = "  " + operand + ".grad += " + factor(c.localGrad()) + " * " + factor(c.upstream()) + ":  "
                + compact(c.gradBefore()) + " -> " + compact(c.gradAfter())
                + "   (d" + user + "/d" + operand + " * " + user + ".grad)";
        return number > 1 ? line + ", its " + ordinal(number) + " contribution" : line;
    }

    /** A number as a factor of a product: negative ones in parentheses. */
    private static String factor(double x) {
        String text = compact(x);
        return text.startsWith("-") ? "(" + text + ")" : text;
    }

    /**
     * Which contribution to its operand {@code c} is, counting every {@code +=} into that operand
     * up to and including this one (1 for the first).
     */
    static int contributionNumber(BackwardTrace trace, int frame, Contribution c) {
        int count = 0;
        for (int k = 0; k < frame; k++) {
            for (Contribution earlier : trace.steps().get(k).contributions()) {
                if (earlier.operand() == c.operand()) {
                    count++;
                    if (earlier == c) {
                        return count;
                    }
                }
            }
        }
        return count;
    }

    /**
     * Every frame, numbered, one after another, with the values done so far: the fallback where
     * one picture cannot be replaced by the next.
     *
     * <pre>{@code System.out.println(BackwardFrameText.all(trace)); }</pre>
     */
    public static String all(BackwardTrace trace) {
        StringBuilder text = new StringBuilder();
        for (int frame = 0; frame < frameCount(trace); frame++) {
            for (String line : lines(trace, frame)) {
                text.append(line).append('\n');
            }
            if (frame > 0) {
                text.append("  done: ").append(String.join(", ", doneNames(trace, frame))).append('\n');
            }
            text.append('\n');
        }
        return text.toString().stripTrailing();
    }

    /** The names of the values whose rules have run by the end of frame {@code frame}. */
    private static List<String> doneNames(BackwardTrace trace, int frame) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < frame; k++) {
            names.add(name(trace, trace.steps().get(k).node()));
        }
        return names;
    }

    /** The value's label, or {@code v<i>} with i its place in the topological order. */
    static String name(BackwardTrace trace, Value v) {
        return v.label() != null ? v.label() : "v" + trace.indexOf(v);
    }

    /** {@code "e = a * b"}, {@code "o = tanh(n)"}, {@code "n = sum(x1*w1, x2*w2, b)"}; a leaf's name alone. */
    static String expression(BackwardTrace trace, Value node) {
        if (node.isLeaf()) {
            return "leaf " + name(trace, node);
        }
        List<String> operands = new ArrayList<>();
        for (Value p : node.parents()) {
            operands.add(name(trace, p));
        }
        String op = node.op();
        String right;
        if (operands.size() == 2 && op.length() == 1) {
            right = operands.get(0) + " " + op + " " + operands.get(1);
        } else if (op.startsWith("^")) {
            right = operands.get(0) + op;
        } else {
            right = op + "(" + String.join(", ", operands) + ")";
        }
        return "node " + name(trace, node) + " = " + right;
    }

    static String compact(double x) {
        return DotText.compact(x);
    }

    private static String ordinal(int n) {
        if (n % 100 >= 11 && n % 100 <= 13) {
            return n + "th";
        }
        return n + switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
    }

    static void checkFrame(BackwardTrace trace, int frame) {
        if (trace == null) {
            throw new IllegalArgumentException("A backward frame needs a BackwardTrace, but got null.");
        }
        if (frame < 0 || frame >= frameCount(trace)) {
            throw new IllegalArgumentException("This backward pass has frames 0 to " + (frameCount(trace) - 1)
                    + ", but frame " + frame + " was asked for.");
        }
    }
}
