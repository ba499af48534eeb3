package gradkit.viz;

import gradkit.engine.Graph;
import gradkit.engine.Value;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * GraphDrawing.show(out)                             // in a notebook: the picture, or how to get Graphviz
 * }</pre>
 *
 * <p>An operation evaluated exactly on its kink ({@link Value#isOnKink()}: relu(0), abs(0), a tie in
 * max, ...) is drawn filled in orange with a red outline and the note "at kink": the gradient that
 * flows back through it is a convention, not a derivative.
 *
 * <p>{@link #toDot(Value)} only builds text. {@link #draw(Value)} and {@link #drawSvg(Value)} run
 * Graphviz's {@code dot} program (through {@link Graphviz}), and say how to install it where it is
 * missing. Graphviz is optional: {@link #show(Value)}, which the notebooks use, gives the picture
 * where {@code dot} is installed and otherwise prints that sentence in its place, so a notebook
 * runs on. Graphviz lays out large graphs very slowly, so drawing refuses graphs of more than
 * {@link #DEFAULT_MAX_VALUES} values unless given a larger limit.
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
        return DotText.of(output, direction.rankdir);
    }

    /**
     * A number in at most 4 significant digits, without trailing zeros, as the boxes show it: 2,
     * -0.5, 3.142, 1.235e-06, inf, -inf, NaN.
     */
    static String compact(double x) {
        return DotText.compact(x);
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

    /**
     * The picture of the graph below {@code output} where Graphviz is installed, and one sentence in
     * its place where it is not: a notebook cell that ends with this call shows the picture, or
     * prints what is missing and the command that installs it on each system and shows nothing more
     * (the call then returns null). So a notebook runs top to bottom with or without Graphviz.
     *
     * <pre>{@code
     * GraphDrawing.show(loss)   // the picture; without Graphviz: "No picture: drawing a graph needs ..."
     * }</pre>
     *
     * @return the picture, or null where Graphviz's {@code dot} is not installed
     * @throws IllegalStateException as {@link #draw(Value)} does, but for Graphviz missing
     */
    public static BufferedImage show(Value output) {
        return show(output, dotAvailable(), System.out);
    }

    /** {@link #show(Value)}, told whether {@code dot} is installed and where to print when it is not. */
    static BufferedImage show(Value output, boolean dotInstalled, PrintStream out) {
        checkSize(output, DEFAULT_MAX_VALUES);
        if (!dotInstalled) {
            out.println(Graphviz.notInstalledMessage());
            return null;
        }
        return draw(output);
    }

    /**
     * Whether Graphviz's {@code dot} program is there, so that {@link #draw(Value)} can work: on the
     * PATH, in the folders its installers use, or where the system property {@code gradkit.dot} says.
     */
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
                    + maxValues + " for a drawing:\nGraphviz would take very long to lay it out and the "
                    + "picture would be unreadable.\nDraw a smaller expression (one neuron, or the loss of "
                    + "one example), print Graph.of(value) as a table,\nor pass a larger limit: "
                    + "GraphDrawing.draw(value, " + size + ").");
        }
    }
}
