package gradkit.viz;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The picture behind {@link Plot#decisionBoundary}: a {@link SignGrid} of the score painted cell by
 * cell, red where the classifier says +1 and blue where it says -1, the labelled points on top.
 *
 * <pre>{@code
 * BufferedImage picture = DecisionBoundary.draw((a, b) -> a - b, points, labels, 60);
 * }</pre>
 *
 * <p>XChart draws points, not rectangles, so each cell is a scatter point with a marker the size
 * of a cell. That size in pixels is only known once XChart has placed the axes: the chart is drawn
 * twice, first to measure where cell centers land, then with markers of exactly that size.
 */
final class DecisionBoundary {

    /** Colors of the picture: cells where the score is positive, negative, zero, and the points. */
    static final Color POSITIVE_CELL = new Color(0xF6, 0xC8, 0xC0);
    static final Color NEGATIVE_CELL = new Color(0xC4, 0xD8, 0xF0);
    static final Color ZERO_CELL = new Color(0xDD, 0xDD, 0xDD);
    static final Color POSITIVE_POINT = new Color(0xC0, 0x39, 0x2B);
    static final Color NEGATIVE_POINT = new Color(0x1F, 0x5F, 0xAA);

    private DecisionBoundary() {}

    /** See {@link Plot#decisionBoundary(DoubleBinaryOperator, double[][], double[], int)}. */
    static BufferedImage draw(DoubleBinaryOperator score, double[][] points, double[] labels, int cells) {
        checkPoints(points, labels);
        if (score == null) {
            throw new IllegalArgumentException("decisionBoundary needs a score function (a, b) -> score, but got null.");
        }
        SignGrid grid = SignGrid.around(points, cells, score);

        XYChart chart = ChartLook.newChart("Decision boundary", "x0", "x1", Plot.DEFAULT_WIDTH, Plot.DEFAULT_WIDTH * 4 / 5);
        chart.getStyler().setPlotContentSize(1.0);
        chart.getStyler().setXAxisMin(grid.xMin()).setXAxisMax(grid.xMax());
        chart.getStyler().setYAxisMin(grid.yMin()).setYAxisMax(grid.yMax());
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setLegendVisible(true);

        // First pass: learn how many pixels one cell spans, by recording where two cell centers land.
        CellMarker measuring = new CellMarker(0, 0, true);
        addCells(chart, grid, measuring, measuring, measuring);
        BitmapEncoder.getBufferedImage(chart);
        double cellWidth = measuring.spacingX(grid.cells());
        double cellHeight = measuring.spacingY(grid.cells());

        // Second pass: the same chart, each cell now painted as a rectangle of exactly that size.
        for (String name : List.copyOf(chart.getSeriesMap().keySet())) {
            chart.removeSeries(name);
        }
        CellMarker cell = new CellMarker(cellWidth, cellHeight, false);
        addCells(chart, grid, cell, cell, cell);
        addPoints(chart, points, labels);
        return BitmapEncoder.getBufferedImage(chart);
    }

    private static void checkPoints(double[][] points, double[] labels) {
        if (points == null || labels == null) {
            throw new IllegalArgumentException("decisionBoundary needs points and labels, but got null.");
        }
        if (points.length == 0) {
            throw new IllegalArgumentException("decisionBoundary needs at least one point, but got none.");
        }
        if (points.length != labels.length) {
            throw new IllegalArgumentException("There are " + points.length + " points but " + labels.length
                    + " labels; each point needs one label.");
        }
        for (int i = 0; i < points.length; i++) {
            if (points[i] == null || points[i].length != 2) {
                throw new IllegalArgumentException("Point " + i + " must have two coordinates {a, b}, but has "
                        + (points[i] == null ? "none (null)" : points[i].length) + ".");
            }
            if (!Double.isFinite(points[i][0]) || !Double.isFinite(points[i][1])) {
                throw new IllegalArgumentException("Point " + i + " is " + Arrays.toString(points[i])
                        + ", which cannot be drawn.");
            }
        }
    }

    /** One series per sign; an empty sign gets no series (XChart refuses empty series). */
    private static void addCells(XYChart chart, SignGrid grid, Marker positive, Marker negative, Marker zero) {
        addCellSeries(chart, "score > 0", grid, 1, positive, POSITIVE_CELL);
        addCellSeries(chart, "score < 0", grid, -1, negative, NEGATIVE_CELL);
        addCellSeries(chart, "score = 0", grid, 0, zero, ZERO_CELL);
    }

    private static void addCellSeries(XYChart chart, String name, SignGrid grid, int sign, Marker marker, Color color) {
        List<double[]> centers = grid.centersWithSign(sign);
        if (!centers.isEmpty()) {
            scatter(chart, name, centers, marker, color).setShowInLegend(false);
        }
    }

    private static void addPoints(XYChart chart, double[][] points, double[] labels) {
        List<double[]> positive = new ArrayList<>();
        List<double[]> negative = new ArrayList<>();
        for (int i = 0; i < points.length; i++) {
            (labels[i] > 0 ? positive : negative).add(points[i]);
        }
        addPointSeries(chart, "label +1", positive, POSITIVE_POINT);
        addPointSeries(chart, "label -1", negative, NEGATIVE_POINT);
    }

    private static void addPointSeries(XYChart chart, String name, List<double[]> points, Color color) {
        if (!points.isEmpty()) {
            scatter(chart, name, points, SeriesMarkers.CIRCLE, color);
        }
    }

    /** Adds the (x, y) pairs as a scatter series of one marker and colour. */
    private static XYSeries scatter(XYChart chart, String name, List<double[]> points, Marker marker, Color color) {
        double[] xs = new double[points.size()];
        double[] ys = new double[points.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = points.get(i)[0];
            ys[i] = points.get(i)[1];
        }
        XYSeries series = chart.addSeries(name, xs, ys);
        series.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        series.setMarker(marker);
        series.setMarkerColor(color);
        return series;
    }

    /**
     * A marker that paints a filled rectangle of a given pixel size, or, while measuring, records
     * where the first cell centers land so that the size of a cell in pixels can be computed.
     */
    private static final class CellMarker extends Marker {
        private final double width;
        private final double height;
        private final boolean measuring;
        private final List<double[]> seen = new ArrayList<>();

        CellMarker(double width, double height, boolean measuring) {
            this.width = width;
            this.height = height;
            this.measuring = measuring;
        }

        @Override
        public void paint(Graphics2D g, double xOffset, double yOffset, int markerSize) {
            if (measuring) {
                seen.add(new double[] {xOffset, yOffset});
                return;
            }
            // Half a pixel of overlap hides the seams between neighbouring cells.
            g.fill(new Rectangle2D.Double(xOffset - width / 2 - 0.5, yOffset - height / 2 - 0.5, width + 1, height + 1));
        }

        /** Pixels between the leftmost and rightmost cell centers, divided by the cells between them. */
        double spacingX(int cells) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] p : seen) {
                min = Math.min(min, p[0]);
                max = Math.max(max, p[0]);
            }
            return cells > 1 && max > min ? (max - min) / (cells - 1) : 10;
        }

        double spacingY(int cells) {
            double min = Double.POSITIVE_INFINITY;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] p : seen) {
                min = Math.min(min, p[1]);
                max = Math.max(max, p[1]);
            }
            return cells > 1 && max > min ? (max - min) / (cells - 1) : 10;
        }
    }
}
