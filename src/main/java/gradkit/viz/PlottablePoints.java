package gradkit.viz;

import java.util.Arrays;

/**
 * Which points of a series a plot's axes can show: not NaN, not infinite, and above 0 on a log
 * axis. {@link Plot#image()} either refuses the first point that cannot be shown, naming it and
 * the way out, or, after {@link Plot#dropUnplottablePoints()}, leaves such points out.
 */
final class PlottablePoints {

    private final boolean logX;
    private final boolean logY;
    private final boolean drop;

    PlottablePoints(boolean logX, boolean logY, boolean drop) {
        this.logX = logX;
        this.logY = logY;
        this.drop = drop;
    }

    /**
     * The points (x[i], y[i]) of series {@code name} that the axes can show, as {x values, y values}.
     *
     * @throws IllegalArgumentException naming the first point the axes cannot show (unless such
     *     points are dropped), or when no point is left
     */
    double[][] of(String name, double[] x, double[] y) {
        double[] xs = new double[x.length];
        double[] ys = new double[y.length];
        int kept = 0;
        for (int i = 0; i < x.length; i++) {
            String problem = problem(x[i], logX);
            String axis = "x";
            if (problem == null) {
                problem = problem(y[i], logY);
                axis = "y";
            }
            if (problem == null) {
                xs[kept] = x[i];
                ys[kept] = y[i];
                kept++;
            } else if (!drop) {
                double bad = axis.equals("x") ? x[i] : y[i];
                throw new IllegalArgumentException("Series \"" + name + "\" has " + axis + "[" + i + "] = " + bad
                        + ", which " + problem + ".\nLeave such points out yourself, or call "
                        + ".dropUnplottablePoints() to skip them.");
            }
        }
        if (kept == 0) {
            throw new IllegalArgumentException("Series \"" + name + "\" has no point that these axes can show"
                    + (logX || logY ? " (log axes need positive numbers)." : " (all are NaN or infinite)."));
        }
        return new double[][] {Arrays.copyOf(xs, kept), Arrays.copyOf(ys, kept)};
    }

    /** Why an axis (logarithmic or not) cannot show {@code v}, or null if it can. */
    private static String problem(double v, boolean log) {
        if (Double.isNaN(v)) {
            return "is not a number";
        }
        if (Double.isInfinite(v)) {
            return "is infinite";
        }
        if (log && v <= 0) {
            return "a log axis cannot show (only numbers above 0)";
        }
        return null;
    }
}
