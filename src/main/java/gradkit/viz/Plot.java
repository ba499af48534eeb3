package gradkit.viz;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Line and scatter plots, loss curves and decision boundaries as pictures ({@link BufferedImage}),
 * drawn with XChart. A notebook cell that ends with a picture shows it.
 *
 * <p>A line plot is built step by step and drawn by {@link #image()}:
 *
 * <pre>{@code
 * BufferedImage picture = Plot.line("Error of the forward difference")
 *         .x("step h").y("|error|")
 *         .series("forward", hs, forwardErrors)
 *         .series("central", hs, centralErrors)
 *         .logLog()
 *         .image();
 * }</pre>
 *
 * <p>The two plots that every training notebook needs are one call each:
 * {@link #lossCurve(double[])} and {@link #decisionBoundary(DoubleBinaryOperator, double[][], double[])}.
 *
 * <p>Pictures are drawn in memory, so this works headless (no screen), as in tests and notebooks
 * on a server. A {@code Plot} builder is not thread-safe; build each plot on one thread.
 */
public final class Plot {

    /** The default picture width in pixels. */
    public static final int DEFAULT_WIDTH = 640;
    /** The default picture height in pixels (a decision boundary is drawn 640 x 512). */
    public static final int DEFAULT_HEIGHT = 420;

    private record Series(String name, double[] x, double[] y, boolean points) {}

    private final String title;
    private String xLabel = "x";
    private String yLabel = "y";
    private boolean logX;
    private boolean logY;
    private boolean dropUnplottable;
    private int width = DEFAULT_WIDTH;
    private int height = DEFAULT_HEIGHT;
    private final List<Series> series = new ArrayList<>();

    private Plot(String title) {
        this.title = title == null ? "" : title;
    }

    // ---------------------------------------------------------------- the builder

    /** Starts a plot with this title; add series, then call {@link #image()}. */
    public static Plot line(String title) {
        return new Plot(title);
    }

    /** Names the horizontal axis. */
    public Plot x(String label) {
        this.xLabel = label == null ? "" : label;
        return this;
    }

    /** Names the vertical axis. */
    public Plot y(String label) {
        this.yLabel = label == null ? "" : label;
        return this;
    }

    /**
     * Adds a line through the points (x[i], y[i]), in the order given.
     *
     * @throws IllegalArgumentException if the arrays are null, empty or of different lengths
     */
    public Plot series(String name, double[] x, double[] y) {
        return add(name, x, y, false);
    }

    /** Adds points (x[i], y[i]) drawn as dots, not joined by a line: a scatter plot. */
    public Plot points(String name, double[] x, double[] y) {
        return add(name, x, y, true);
    }

    /**
     * Both axes logarithmic: power laws such as error ~ h² become straight lines whose slope is the
     * power. Log axes cannot show 0 or negative numbers: {@link #image()} refuses such a point unless
     * {@link #dropUnplottablePoints()} was called.
     */
    public Plot logLog() {
        this.logX = true;
        this.logY = true;
        return this;
    }

    /** Only the horizontal axis logarithmic. */
    public Plot logX() {
        this.logX = true;
        return this;
    }

    /** Only the vertical axis logarithmic (a loss curve over many orders of magnitude, say). */
    public Plot logY() {
        this.logY = true;
        return this;
    }

    /**
     * Leaves out, instead of refusing, the points the axes cannot show: NaN and infinite
     * coordinates, and 0 or negative coordinates on a log axis. An error of exactly 0 (which a
     * log-log error plot often meets) is then simply not drawn.
     */
    public Plot dropUnplottablePoints() {
        this.dropUnplottable = true;
        return this;
    }

    /** The picture size in pixels (default 640 x 420). */
    public Plot size(int width, int height) {
        if (width < 100 || height < 100 || width > 10_000 || height > 10_000) {
            throw new IllegalArgumentException("A plot must be between 100 and 10000 pixels wide and high, but got "
                    + width + " x " + height + ".");
        }
        this.width = width;
        this.height = height;
        return this;
    }

    /**
     * Draws the plot.
     *
     * @throws IllegalArgumentException if there is no series, or a point cannot be drawn on the
     *     axes (NaN, infinite, or not positive on a log axis) and {@link #dropUnplottablePoints()} was not called
     */
    public BufferedImage image() {
        if (series.isEmpty()) {
            throw new IllegalArgumentException("The plot \"" + title + "\" has no series: add one with "
                    + ".series(name, x, y) or .points(name, x, y) before .image().");
        }
        XYChart chart = ChartLook.newChart(title, xLabel, yLabel, width, height);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(logY);
        // A log axis gets a grid line at every 2..9 of each decade: too many to read, so none.
        chart.getStyler().setPlotGridVerticalLinesVisible(!logX);
        chart.getStyler().setPlotGridHorizontalLinesVisible(!logY);
        PlottablePoints plottable = new PlottablePoints(logX, logY, dropUnplottable);
        for (Series s : series) {
            double[][] xy = plottable.of(s.name(), s.x(), s.y());
            XYSeries added = chart.addSeries(s.name(), xy[0], xy[1]);
            if (s.points()) {
                added.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                added.setMarker(SeriesMarkers.CIRCLE);
            } else {
                added.setMarker(SeriesMarkers.NONE);
            }
        }
        chart.getStyler().setLegendVisible(series.size() > 1);
        if (logX) {
            // Many decades need the full width for their tick labels, written all alike (1E-8, not 0.001).
            chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
            chart.getStyler().setXAxisDecimalPattern("0E0");
        }
        if (logY) {
            chart.getStyler().setYAxisDecimalPattern("0E0");
        }
        return BitmapEncoder.getBufferedImage(chart);
    }

    private Plot add(String name, double[] x, double[] y, boolean points) {
        if (x == null || y == null) {
            throw new IllegalArgumentException("Series \"" + name + "\" needs x and y arrays, but got null.");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("Series \"" + name + "\" has " + x.length + " x values but "
                    + y.length + " y values; they must pair up.");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("Series \"" + name + "\" has no points.");
        }
        String unique = name == null || name.isBlank() ? "series " + (series.size() + 1) : name;
        for (Series s : series) {
            if (s.name().equals(unique)) {
                throw new IllegalArgumentException("The plot already has a series named \"" + unique
                        + "\"; give each series its own name.");
            }
        }
        series.add(new Series(unique, x.clone(), y.clone(), points));
        return this;
    }

    // ---------------------------------------------------------------- loss curve

    /**
     * The loss after each training step, step 0 first.
     *
     * <pre>{@code
     * BufferedImage picture = Plot.lossCurve(history.losses());
     * }</pre>
     *
     * @throws IllegalArgumentException if there are no losses, or one is NaN or infinite (training
     *     diverged: lower the learning rate)
     */
    public static BufferedImage lossCurve(double[] losses) {
        return LossCurve.draw(losses);
    }

    /** The loss after each training step, from a list; see {@link #lossCurve(double[])}. */
    public static BufferedImage lossCurve(List<Double> losses) {
        return LossCurve.draw(LossCurve.values(losses));
    }

    // ---------------------------------------------------------------- decision boundary

    /** Cells per side of the grid on which a decision boundary is evaluated. */
    public static final int DEFAULT_CELLS = 60;

    /**
     * Where a two-input classifier says +1 and where -1: the plane around the points is cut into a
     * grid of cells, each colored by the sign of the score at its center (red positive, blue
     * negative, grey exactly 0), and the points are drawn on top, colored by their label.
     *
     * <p>Taking a plain function keeps this class independent of any model:
     *
     * <pre>{@code
     * BufferedImage picture = Plot.decisionBoundary((a, b) -> model.score(a, b).data(),
     *         data.x(), data.y());
     * }</pre>
     *
     * @param score the classifier's score at a point (a, b); only its sign matters
     * @param points the points, each {@code {a, b}}
     * @param labels each point's label; positive labels are drawn red, others blue
     * @throws IllegalArgumentException if the points are not pairs, the counts differ, or there are none
     */
    public static BufferedImage decisionBoundary(DoubleBinaryOperator score, double[][] points, double[] labels) {
        return decisionBoundary(score, points, labels, DEFAULT_CELLS);
    }

    /**
     * Like {@link #decisionBoundary(DoubleBinaryOperator, double[][], double[])} with {@code cells}
     * cells per side: the score is computed {@code cells * cells} times, so a slow model wants a
     * coarse grid.
     */
    public static BufferedImage decisionBoundary(DoubleBinaryOperator score, double[][] points, double[] labels,
                                                 int cells) {
        return DecisionBoundary.draw(score, points, labels, cells);
    }
}
