package gradkit.data;

import java.util.Arrays;

/**
 * A labelled dataset: point {@code x[i]} (a row of coordinates) has label {@code y[i]}.
 *
 * <pre>{@code
 * Dataset d = new Dataset(new double[][] {{0, 1}, {2, 3}}, new double[] {-1, 1});
 * d.size();        // 2 points
 * d.dimension();   // 2 coordinates each
 * }</pre>
 *
 * <p>The arrays are copied on the way in and on the way out, so a dataset never changes.
 *
 * @param x the points, one row each, all rows of the same length, every number finite
 * @param y the labels, one per point, every number finite
 */
public record Dataset(double[][] x, double[] y) {

    /** Checks the shapes and copies the arrays. */
    public Dataset {
        if (x == null || y == null) {
            throw new IllegalArgumentException("A dataset needs points x and labels y, but got "
                    + (x == null ? "null" : "points") + " and " + (y == null ? "null" : "labels") + ".");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("A dataset needs one label per point, but got " + x.length + " points and "
                    + y.length + " labels.");
        }
        if (x.length == 0) {
            throw new IllegalArgumentException("A dataset needs at least one point, but got none.");
        }
        double[][] rows = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length == 0) {
                throw new IllegalArgumentException("Point " + i + " has no coordinates.");
            }
            if (x[i].length != x[0].length) {
                throw new IllegalArgumentException("Every point needs the same number of coordinates, but point 0 has "
                        + x[0].length + " and point " + i + " has " + x[i].length + ".");
            }
            for (int j = 0; j < x[i].length; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException("Point " + i + ", coordinate " + j + " is " + x[i][j]
                            + "; a dataset holds finite numbers only.");
                }
            }
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("Label " + i + " is " + y[i] + "; a dataset holds finite numbers only.");
            }
            rows[i] = x[i].clone();
        }
        x = rows;
        y = y.clone();
    }

    /** The points, one row each (a copy). */
    @Override
    public double[][] x() {
        double[][] rows = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            rows[i] = x[i].clone();
        }
        return rows;
    }

    /** The labels (a copy). */
    @Override
    public double[] y() {
        return y.clone();
    }

    /** The number of points. */
    public int size() {
        return y.length;
    }

    /** The number of coordinates of each point. */
    public int dimension() {
        return x[0].length;
    }

    /** Equal when the points and labels are equal, number by number. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Dataset && Arrays.deepEquals(x, ((Dataset) o).x) && Arrays.equals(y, ((Dataset) o).y);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(x) + Arrays.hashCode(y);
    }

    @Override
    public String toString() {
        return "Dataset(" + size() + " points of dimension " + dimension() + ")";
    }
}
