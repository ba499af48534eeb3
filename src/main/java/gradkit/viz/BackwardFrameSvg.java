package gradkit.viz;

import gradkit.engine.BackwardTrace;
import gradkit.engine.BackwardTrace.Contribution;
import gradkit.engine.Value;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One frame of the backward animation as an SVG picture, drawn without Graphviz: the graph in
 * columns ({@link LayeredLayout}), each value a box with its name, data and grad; the node whose
 * rule runs filled in yellow, the operands it adds to outlined in blue with their grad before and
 * after the {@code +=}, the nodes already done in grey; each arrow labelled with its local
 * derivative; the frame's lines from {@link BackwardFrameText} on top.
 *
 * <pre>{@code
 * BackwardTrace trace = BackwardTrace.of(L);
 * String svg = BackwardFrameSvg.svg(trace, 2);    // the second node's rule
 * Display.svg(svg, null);
 * }</pre>
 *
 * <p>The picture is at most {@link GraphDrawing#PAGE_WIDTH} pixels wide: a graph with more
 * columns than fit is scaled down to it.
 */
public final class BackwardFrameSvg {

    private static final int MARGIN = 12;
    private static final int WIDEST_COLUMN = 230;
    private static final int NARROWEST_COLUMN = 150;
    private static final int GAP = 64;            // between columns, for the arrows and their labels
    private static final int BOX_HEIGHT = 54;
    private static final int ROW_HEIGHT = 70;
    private static final int LINE = 18;           // caption line height
    private static final int LANE = 24;           // room above and below the boxes for long arrows
    private static final String RUNNING_FILL = "#ffe08a";
    private static final String RUNNING_LINE = "#d35400";
    private static final String RECEIVING_LINE = "#1f6fd1";
    private static final String DONE_FILL = "#e6e6e6";

    private BackwardFrameSvg() {}

    /**
     * Frame {@code frame} of {@code trace} (0: the start; k: the k-th node's rule) as an SVG
     * document without an XML declaration, ready to sit inside HTML.
     *
     * @throws IllegalArgumentException if {@code frame} is out of range
     */
    public static String svg(BackwardTrace trace, int frame) {
        BackwardFrameText.checkFrame(trace, frame);
        Page page = Page.of(trace);
        // The arrowhead's id is unique per picture: a page holds many frames, some of them folded away.
        String arrow = "gk-arrow-" + Integer.toHexString(System.identityHashCode(trace)) + "-" + frame;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" "
                + "height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"DejaVu Sans, Arial, sans-serif\" "
                + "font-size=\"12\">%n", page.shownWidth(), page.shownHeight(), page.width(), page.height()));
        svg.append("<defs><marker id=\"").append(arrow).append("\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" ")
                .append("markerWidth=\"8\" markerHeight=\"8\" markerUnits=\"userSpaceOnUse\" orient=\"auto\">")
                .append("<path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/></marker></defs>\n");
        svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n",
                page.width(), page.height()));
        appendCaption(svg, BackwardFrameText.lines(trace, frame));
        Value running = frame == 0 ? null : trace.steps().get(frame - 1).node();
        appendEdges(svg, trace, page, arrow, running);
        appendBoxes(svg, trace, frame, page, running);
        appendLegend(svg, page.height() - 10);
        svg.append("</svg>\n");
        return svg.toString();
    }

    /**
     * Where things go: the same for every frame of a trace, so that stepping moves nothing. The
     * caption's room is that of the longest caption of all frames.
     */
    private record Page(LayeredLayout layout, int column, int box, int top, int bottom, int width, int height) {

        static Page of(BackwardTrace trace) {
            LayeredLayout layout = LayeredLayout.of(trace.order());
            int column = Math.max(NARROWEST_COLUMN,
                    Math.min(WIDEST_COLUMN, (GraphDrawing.PAGE_WIDTH - 2 * MARGIN + GAP) / layout.columns()));
            int captionLines = 0;
            int longestLine = 0;
            for (int k = 0; k < BackwardFrameText.frameCount(trace); k++) {
                List<String> lines = BackwardFrameText.lines(trace, k);
                captionLines = Math.max(captionLines, lines.size());
                for (String line : lines) {
                    longestLine = Math.max(longestLine, line.length());
                }
            }
            // Above and below the boxes, a lane for the arrows that jump over a column.
            int top = MARGIN + captionLines * LINE + 14 + LANE;
            int bottom = top + (layout.rows() - 1) * ROW_HEIGHT + BOX_HEIGHT;
            int captionWidth = 2 * MARGIN + (int) Math.ceil(longestLine * 7.9);   // 13-pixel monospace
            int width = Math.max(2 * MARGIN + layout.columns() * column - GAP, captionWidth);
            return new Page(layout, column, column - GAP, top, bottom, width, bottom + LANE + 30);
        }

        double x(int i) {
            return MARGIN + layout.column(i) * column;
        }

        double y(int i) {
            return top + layout.row(i) * ROW_HEIGHT;
        }

        /** The width shown: at most the notebook's page; a wider picture is scaled down. */
        int shownWidth() {
            return Math.min(width, GraphDrawing.PAGE_WIDTH);
        }

        int shownHeight() {
            return height * shownWidth() / width;
        }
    }

    /** Every arrow, from each operand to the value it helped make; the running node's in its colour. */
    private static void appendEdges(StringBuilder svg, BackwardTrace trace, Page page, String arrow, Value running) {
        LayeredLayout layout = page.layout();
        for (int i = 0; i < trace.order().size(); i++) {
            Value node = trace.order().get(i);
            List<Value> parents = node.parents();
            for (int j = 0; j < parents.size(); j++) {
                int p = trace.indexOf(parents.get(j));
                double offset = 6 * j - 3 * (parents.size() - 1);   // arrows into one box side by side
                double y1 = page.y(p) + BOX_HEIGHT / 2.0 + offset;
                double y2 = page.y(i) + BOX_HEIGHT / 2.0 + offset;
                // An arrow over more than one gap would cross the boxes between: it arcs through
                // the lane above the boxes, or below them for a pair in the lower half.
                Double peak = null;
                if (layout.column(i) - layout.column(p) > 1) {
                    boolean upper = layout.row(p) + layout.row(i) < layout.rows() - 1;
                    peak = upper ? page.top() - LANE / 2.0 - 4 * j : page.bottom() + LANE / 2.0 + 4 * j;
                }
                appendEdge(svg, arrow, page.x(p) + page.box(), y1, page.x(i), y2, peak, node.localGrads().get(j),
                        node == running);
            }
        }
    }

    /** Every value's box: running, receiving a +=, done or waiting. */
    private static void appendBoxes(StringBuilder svg, BackwardTrace trace, int frame, Page page, Value running) {
        Map<Value, Contribution> receiving = new IdentityHashMap<>();
        if (frame > 0) {
            for (Contribution c : trace.steps().get(frame - 1).contributions()) {
                receiving.putIfAbsent(c.operand(), c);   // the first share's "before", for x + x
            }
        }
        int size = trace.order().size();
        for (int i = 0; i < size; i++) {
            Value node = trace.order().get(i);
            boolean done = size - i < frame;   // value i's rule is step size - i
            appendBox(svg, trace, frame, node, page.x(i), page.y(i), page.box(), node == running, done,
                    receiving.get(node));
        }
    }

    private static void appendCaption(StringBuilder svg, List<String> caption) {
        for (int k = 0; k < caption.size(); k++) {
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%d\" y=\"%d\" font-family=\"DejaVu Sans Mono, monospace\" font-size=\"13\"%s "
                    + "xml:space=\"preserve\">%s</text>%n",
                    MARGIN, MARGIN + 12 + k * LINE, k == 0 ? " font-weight=\"bold\"" : "", escape(caption.get(k))));
        }
    }

    /**
     * An arrow from an operand to the value it helped make, labelled with the local derivative: a
     * cubic curve, through the height {@code peak} when it is not null.
     */
    private static void appendEdge(StringBuilder svg, String arrow, double x1, double y1, double x2, double y2,
                                   Double peak, double local, boolean running) {
        double bend = peak == null ? Math.min(40, (x2 - x1) / 2) : (x2 - x1) / 4;
        // A cubic's middle point is (P0 + 3 P1 + 3 P2 + P3) / 8: controls at c put it at the peak.
        double c1 = peak == null ? y1 : (8 * peak - y1 - y2) / 6;
        double c2 = peak == null ? y2 : c1;
        String color = running ? RUNNING_LINE : "#777";
        svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"none\" "
                + "stroke=\"%s\" stroke-width=\"%s\" marker-end=\"url(#%s)\"/>%n",
                x1, y1, x1 + bend, c1, x2 - bend, c2, x2, y2, color, running ? "2.5" : "1.2", arrow));
        String text = BackwardFrameText.compact(local);
        double mx = (x1 + 3 * (x1 + bend) + 3 * (x2 - bend) + x2) / 8;
        double my = (y1 + 3 * c1 + 3 * c2 + y2) / 8;
        double half = 3.6 * text.length() + 3;
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"15\" rx=\"3\" "
                + "fill=\"white\" stroke=\"%s\" stroke-width=\"0.6\"/>%n", mx - half, my - 8, 2 * half, color));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"11\" "
                + "fill=\"%s\"%s>%s</text>%n", mx, my + 4, color, running ? " font-weight=\"bold\"" : "", escape(text)));
    }

    private static void appendBox(StringBuilder svg, BackwardTrace trace, int frame, Value node, double x, double y,
                                  int width, boolean running, boolean done, Contribution received) {
        String fill = running ? RUNNING_FILL : done ? DONE_FILL : "white";
        String line = running ? RUNNING_LINE : received != null ? RECEIVING_LINE : done ? "#999" : "#444";
        String stroke = running || received != null ? "3" : "1.2";
        svg.append(String.format(Locale.ROOT, "<g class=\"%s\">%n", running ? "running" : received != null
                ? "receiving" : done ? "done" : "waiting"));
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%d\" height=\"%d\" rx=\"6\" "
                + "fill=\"%s\" stroke=\"%s\" stroke-width=\"%s\"/>%n", x, y, width, BOX_HEIGHT, fill, line, stroke));
        String name = BackwardFrameText.name(trace, node) + (done ? "  \u2713" : "");
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-weight=\"bold\">%s</text>%n",
                x + 7, y + 15, escape(name)));
        if (!node.isLeaf()) {
            svg.append(String.format(Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\" fill=\"#666\">%s</text>%n",
                    x + width - 7, y + 15, escape(node.op())));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">data %s</text>%n",
                x + 7, y + 31, escape(BackwardFrameText.compact(node.data()))));
        String grad = received == null ? "grad " + BackwardFrameText.compact(trace.gradAfter(frame, node))
                : "grad " + BackwardFrameText.compact(received.gradBefore()) + " \u2192 "
                        + BackwardFrameText.compact(trace.gradAfter(frame, node));
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\"%s>%s</text>%n", x + 7, y + 47,
                received != null ? " font-weight=\"bold\" fill=\"" + RECEIVING_LINE + "\"" : "", escape(grad)));
        svg.append("</g>\n");
    }

    private static void appendLegend(StringBuilder svg, int y) {
        String[][] keys = {{RUNNING_FILL, RUNNING_LINE, "runs its rule"},
                {"white", RECEIVING_LINE, "grad += (before \u2192 after)"},
                {DONE_FILL, "#999", "done"}, {"white", "#444", "waiting"}};
        int x = MARGIN;
        for (String[] key : keys) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"12\" fill=\"%s\" "
                    + "stroke=\"%s\" stroke-width=\"2\"/><text x=\"%d\" y=\"%d\" font-size=\"11\">%s</text>%n",
                    x, y - 10, key[0], key[1], x + 19, y, escape(key[2])));
            x += 30 + 6 * key[2].length();
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#555\">"
                + "numbers on arrows: local derivatives</text>%n", x, y));
    }

    /** Text made safe inside XML. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
