package gradkit.viz;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleBinaryOperator;

/**
 * The sign of a score on a square grid of cells covering a rectangle of the plane: the data behind
 * {@link Plot#decisionBoundary}. Cell (i, j) is column i from the left, row j from the bottom; its
 * sign is that of the score at its center (+1, -1, or 0 when the score is exactly 0 or NaN).
 */
record SignGrid(double xMin, double xMax, double yMin, double yMax, int cells, int[][] signs) {

    /** Evaluates {@code score} at the center of every cell of a grid over the given rectangle. */
    static SignGrid over(double xMin, double xMax, double yMin, double yMax, int cells, DoubleBinaryOperator score) {
        if (cells < 2 || cells > 1000) {
            throw new IllegalArgumentException("A decision-boundary grid needs between 2 and 1000 cells per side, but got "
                    + cells + ".");
        }
        int[][] signs = new int[cells][cells];
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                double s = score.applyAsDouble(centerX(xMin, xMax, cells, i), centerY(yMin, yMax, cells, j));
                signs[i][j] = s > 0 ? 1 : s < 0 ? -1 : 0;
            }
        }
        return new SignGrid(xMin, xMax, yMin, yMax, cells, signs);
    }

    /** A grid over the points' bounding box, widened by a margin of 10% (at least 0.5) on each side. */
    static SignGrid around(double[][] points, int cells, DoubleBinaryOperator score) {
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (double[] p : points) {
            xMin = Math.min(xMin, p[0]);
            xMax = Math.max(xMax, p[0]);
            yMin = Math.min(yMin, p[1]);
            yMax = Math.max(yMax, p[1]);
        }
        double xMargin = Math.max(0.5, 0.1 * (xMax - xMin));
        double yMargin = Math.max(0.5, 0.1 * (yMax - yMin));
        return over(xMin - xMargin, xMax + xMargin, yMin - yMargin, yMax + yMargin, cells, score);
    }

    /** The sign in column {@code i} (from the left), row {@code j} (from the bottom). */
    int sign(int i, int j) {
        return signs[i][j];
    }

    /** The center of column {@code i}. */
    double centerX(int i) {
        return centerX(xMin, xMax, cells, i);
    }

    /** The center of row {@code j}. */
    double centerY(int j) {
        return centerY(yMin, yMax, cells, j);
    }

    /** The centers {x, y} of the cells whose sign is {@code sign}, column by column. */
    List<double[]> centersWithSign(int sign) {
        List<double[]> centers = new ArrayList<>();
        for (int i = 0; i < cells; i++) {
            for (int j = 0; j < cells; j++) {
                if (signs[i][j] == sign) {
                    centers.add(new double[] {centerX(i), centerY(j)});
                }
            }
        }
        return centers;
    }

    private static double centerX(double xMin, double xMax, int cells, int i) {
        return xMin + (i + 0.5) * (xMax - xMin) / cells;
    }

    private static double centerY(double yMin, double yMax, int cells, int j) {
        return yMin + (j + 0.5) * (yMax - yMin) / cells;
    }
}
