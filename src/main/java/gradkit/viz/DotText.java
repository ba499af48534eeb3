package gradkit.viz;

import gradkit.engine.Graph;
import gradkit.engine.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The DOT text behind {@link GraphDrawing#toDot(Value, GraphDrawing.Direction)}: one record box per
 * value (label, data, grad), one small oval per operation feeding the value it made, and the kink
 * colors for operations evaluated exactly on their kink. Only text; drawing it is Graphviz's job.
 */
final class DotText {

    private static final String KINK_FILL = "#f4a261";
    private static final String KINK_LINE = "#c0392b";

    private DotText() {}

    /**
     * The graph below {@code output}, value {@code i} of the topological order as node {@code v<i>}
     * and its operation as {@code v<i>_op}, reading in Graphviz's {@code rankdir} ("LR" or "TB").
     */
    static String of(Value output, String rankdir) {
        List<Value> nodes = Graph.topologicalOrder(output);
        Map<Value, Integer> position = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            position.put(nodes.get(i), i);
        }

        StringBuilder dot = new StringBuilder();
        dot.append("digraph computation {\n");
        dot.append("  rankdir=").append(rankdir).append(";\n");
        dot.append("  bgcolor=\"white\";\n");
        dot.append("  node [fontname=\"DejaVu Sans\", fontsize=11];\n");
        dot.append("  edge [color=\"#555555\", arrowsize=0.7];\n");

        for (int i = 0; i < nodes.size(); i++) {
            Value node = nodes.get(i);
            appendBox(dot, node, "v" + i);
            if (!node.isLeaf()) {
                appendOperation(dot, node, "v" + i, position);
            }
        }
        dot.append("}\n");
        return dot.toString();
    }

    /** The value's box, { label | data ... | grad ... }, outlined in the kink color where it sits on its kink. */
    private static void appendBox(StringBuilder dot, Value node, String id) {
        String box = (node.label() == null ? "" : escapeRecord(node.label()) + " | ")
                + "data " + escapeRecord(compact(node.data()))
                + " | grad " + escapeRecord(compact(node.grad()));
        dot.append("  ").append(id).append(" [shape=record, label=\"{ ").append(box).append(" }\"");
        if (node.isOnKink()) {
            dot.append(", color=\"").append(KINK_LINE).append("\", penwidth=2");
        }
        dot.append("];\n");
    }

    /** The operation that made the value {@code id}, as a small oval feeding its box, and an edge from each input. */
    private static void appendOperation(StringBuilder dot, Value node, String id, Map<Value, Integer> position) {
        String opId = id + "_op";
        if (node.isOnKink()) {
            dot.append("  ").append(opId).append(" [shape=ellipse, style=filled, fillcolor=\"").append(KINK_FILL)
                    .append("\", color=\"").append(KINK_LINE).append("\", penwidth=2, label=\"")
                    .append(escapeQuoted(node.op())).append("\\nat kink\"];\n");
        } else {
            dot.append("  ").append(opId).append(" [shape=ellipse, margin=0.03, label=\"")
                    .append(escapeQuoted(node.op())).append("\"];\n");
        }
        dot.append("  ").append(opId).append(" -> ").append(id).append(";\n");
        for (Value parent : node.parents()) {
            dot.append("  v").append(position.get(parent)).append(" -> ").append(opId).append(";\n");
        }
    }

    /**
     * A number in at most 4 significant digits, without trailing zeros: 2, -0.5, 3.142, 1.235e-06,
     * inf, -inf, NaN.
     */
    static String compact(double x) {
        if (Double.isNaN(x)) {
            return "NaN";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "inf" : "-inf";
        }
        if (x == 0) {
            return 1 / x < 0 ? "-0" : "0"; // -0.0 is shown honestly
        }
        String text = String.format(Locale.ROOT, "%.4g", x);
        int e = text.indexOf('e');
        String mantissa = e < 0 ? text : text.substring(0, e);
        String exponent = e < 0 ? "" : text.substring(e);
        if (mantissa.contains(".")) {
            mantissa = mantissa.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return mantissa + exponent;
    }

    /** Escapes text for a record label, where braces, bars, angle brackets and quotes have meaning. */
    static String escapeRecord(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '{', '}', '|', '<', '>', '"', '\\', ' ' -> out.append('\\').append(c);
                case '\n' -> out.append("\\n");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Escapes text for an ordinary double-quoted DOT label. */
    static String escapeQuoted(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
