package gradkit.viz;

import gradkit.engine.Graph;
import gradkit.engine.Value;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the computation graph of a {@link Value}, as micrograd's {@code draw_dot} does: one box per
 * value showing its label, data and grad, and one small oval per operation feeding the value it made.
 * The graph reads left to right in evaluation order, inputs on the left, the output on the right;
 * a graph too long for that to fit a notebook's page ({@link #PAGE_WIDTH} pixels) with readable
 * labels is drawn top to bottom instead, when that is narrower.
 *
 * <pre>{@code
 * Value a = Value.of(2.0, "a"), b = Value.of(-3.0, "b"), c = Value.of(6.0, "c");
 * Value out = a.mul(b).add(c).relu().label("out");   // relu(0): exactly on its kink
 * out.backward();
 * String dot = GraphDrawing.toDot(out);              // Graphviz text, needs nothing installed
 * BufferedImage picture = GraphDrawing.draw(out);    // runs Graphviz's dot program
 * }</pre>
 *
 * <p>An operation evaluated exactly on its kink ({@link Value#isOnKink()}: relu(0), abs(0), a tie in
 * max, ...) is drawn filled in orange with a red outline and the note "at kink": the gradient that
 * flows back through it is a convention, not a derivative.
 *
 * <p>{@link #toDot(Value)} only builds text. {@link #draw(Value)} and {@link #drawSvg(Value)} run
 * Graphviz's {@code dot} program (through {@link Graphviz}), which must be installed ({@code apt-get install graphviz}, or
 * {@code ./kit notebook}, which installs it). Graphviz lays out large graphs very slowly, so
 * drawing refuses graphs of more than {@link #DEFAULT_MAX_VALUES} values unless given a larger limit.
 */
public final class GraphDrawing {

    /** Graphs with more values than this are not drawn unless a larger limit is passed. */
    public static final int DEFAULT_MAX_VALUES = 500;

    /**
     * The widest picture, in pixels, that a notebook shows at its own size: Jupyter's page is 1140
     * pixels wide and its output column about 980. A wider picture is scaled down to fit, and its
     * 11-point labels (15 pixels high) shrink with it: at 2600 pixels they would be 5 pixels high.
     */
    public static final int PAGE_WIDTH = 960;

    /**
     * The widest left-to-right drawing kept as it is: shrunk to {@link #PAGE_WIDTH}, its labels are
     * still 11 pixels high. A wider one is drawn top to bottom when that is narrower.
     */
    static final int WIDEST_LEFT_TO_RIGHT = PAGE_WIDTH * 4 / 3;

    /** Which way the graph reads: Graphviz's {@code rankdir}. */
    public enum Direction {
        /** Inputs on the left, the output on the right (micrograd's {@code draw_dot}). */
        LEFT_TO_RIGHT("LR"),
        /** Inputs at the top, the output at the bottom: for long graphs. */
        TOP_TO_BOTTOM("TB");

        private final String rankdir;

        Direction(String rankdir) {
            this.rankdir = rankdir;
        }
    }

    private static final String KINK_FILL = "#f4a261";
    private static final String KINK_LINE = "#c0392b";

    private GraphDrawing() {}

    // ---------------------------------------------------------------- DOT text

    /**
     * The graph below {@code output} in Graphviz's DOT language. Needs no installed program.
     *
     * <p>The text is deterministic: value {@code i} of {@link Graph#nodes()} (topological order) is
     * node {@code v<i>}, and the operation that made it is node {@code v<i>_op}. Every edge points
     * from an operand to the operation, and from the operation to its result.
     *
     * <pre>{@code
     * String dot = GraphDrawing.toDot(Value.of(2.0, "a").mul(3.0));
     * // digraph computation { rankdir=LR; ... v2_op [label="*" ...]; v2_op -> v2; v0 -> v2_op; ... }
     * }</pre>
     *
     * @throws IllegalArgumentException if {@code output} is null
     */
    public static String toDot(Value output) {
        return toDot(output, Direction.LEFT_TO_RIGHT);
    }

    /**
     * Like {@link #toDot(Value)}, reading in the given direction. With {@code TOP_TO_BOTTOM} each
     * value's box stacks label, data and grad, which keeps a long graph narrow.
     *
     * <pre>{@code
     * String dot = GraphDrawing.toDot(loss, GraphDrawing.Direction.TOP_TO_BOTTOM);   // rankdir=TB
     * }</pre>
     */
    public static String toDot(Value output, Direction direction) {
        if (direction == null) {
            throw new IllegalArgumentException("toDot needs a direction (LEFT_TO_RIGHT or TOP_TO_BOTTOM), but got null.");
        }
        if (output == null) {
            throw new IllegalArgumentException("toDot needs the output Value of a computation, but got null.");
        }
        List<Value> nodes = Graph.topologicalOrder(output);
        Map<Value, Integer> position = new HashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            position.put(nodes.get(i), i);
        }

        StringBuilder dot = new StringBuilder();
        dot.append("digraph computation {\n");
        dot.append("  rankdir=").append(direction.rankdir).append(";\n");
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

    // ---------------------------------------------------------------- pictures via Graphviz

    /**
     * The graph below {@code output} as a picture, laid out by Graphviz's {@code dot}. A notebook
     * cell that ends with this expression shows the picture.
     *
     * <pre>{@code
     * BufferedImage picture = GraphDrawing.draw(loss);
     * }</pre>
     *
     * @throws IllegalStateException if Graphviz is not installed, if the graph has more than
     *     {@link #DEFAULT_MAX_VALUES} values, or if {@code dot} fails
     */
    public static BufferedImage draw(Value output) {
        return draw(output, DEFAULT_MAX_VALUES);
    }

    /**
     * Like {@link #draw(Value)}, with your own limit on the number of values; a layout of thousands
     * of nodes can take minutes.
     */
    public static BufferedImage draw(Value output, int maxValues) {
        byte[] png = Graphviz.run(readableLayout(output, maxValues), "png");
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new IllegalStateException("Graphviz's dot returned " + png.length
                        + " bytes that are not a PNG picture.");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the PNG picture that Graphviz's dot made.", e);
        }
    }

    /**
     * The graph below {@code output} as SVG text (sharp at any zoom), laid out by Graphviz's {@code dot}.
     * Show it with {@link Display#svg(String, BufferedImage)}.
     *
     * @throws IllegalStateException as {@link #draw(Value)}
     */
    public static String drawSvg(Value output) {
        return drawSvg(output, DEFAULT_MAX_VALUES);
    }

    /** Like {@link #drawSvg(Value)}, with your own limit on the number of values. */
    public static String drawSvg(Value output, int maxValues) {
        return new String(Graphviz.run(readableLayout(output, maxValues), "svg"), StandardCharsets.UTF_8);
    }

    /** Whether Graphviz's {@code dot} program is on the PATH, so that {@link #draw(Value)} can work. */
    public static boolean dotAvailable() {
        return Graphviz.available();
    }

    /**
     * The DOT text to draw: left to right when that is at most {@link #WIDEST_LEFT_TO_RIGHT} pixels
     * wide, else whichever of the two directions Graphviz lays out narrower, so that the page
     * shrinks the labels least.
     */
    private static String readableLayout(Value output, int maxValues) {
        checkSize(output, maxValues);
        String leftToRight = toDot(output, Direction.LEFT_TO_RIGHT);
        double leftToRightWidth = widthInPixels(leftToRight);
        if (leftToRightWidth <= WIDEST_LEFT_TO_RIGHT) {
            return leftToRight;
        }
        String topToBottom = toDot(output, Direction.TOP_TO_BOTTOM);
        return widthInPixels(topToBottom) < leftToRightWidth ? topToBottom : leftToRight;
    }

    private static double widthInPixels(String dot) {
        return Graphviz.layoutWidthInches(dot) * Graphviz.PIXELS_PER_INCH;
    }

    private static void checkSize(Value output, int maxValues) {
        if (output == null) {
            throw new IllegalArgumentException("draw needs the output Value of a computation, but got null.");
        }
        if (maxValues < 1) {
            throw new IllegalArgumentException("maxValues must be at least 1, but got " + maxValues + ".");
        }
        int size = Graph.topologicalOrder(output).size();
        if (size > maxValues) {
            throw new IllegalStateException("This graph has " + size + " values, more than the limit of "
                    + maxValues + " for a drawing: Graphviz would take very long to lay it out and the "
                    + "picture would be unreadable. Draw a smaller expression (one neuron, or the loss of "
                    + "one example), print Graph.of(value) as a table, or pass a larger limit: "
                    + "GraphDrawing.draw(value, " + size + ").");
        }
    }
}
