package gradkit.data;

import java.util.Random;

/**
 * Two interleaving half circles, the classic small dataset that a straight line cannot separate;
 * scikit-learn's {@code make_moons}, with labels -1 and +1 as micrograd's demo uses them.
 *
 * <pre>{@code
 * Dataset moons = Moons.generate(100, 0.1, 7L);
 * moons.size();        // 100
 * moons.y()[0];        // -1 (outer moon) or +1 (inner moon)
 * }</pre>
 */
public final class Moons {

    private Moons() {}

    /**
     * {@code n} points: {@code n/2} on the outer moon (label -1), the rest on the inner moon (label +1).
     *
     * <p>The construction is scikit-learn's: the outer moon is (cos t, sin t) and the inner moon
     * (1 - cos t, 1 - sin t - 0.5), for t evenly spaced from 0 to pi (both ends included). The points
     * are shuffled, then each coordinate gets Gaussian noise with standard deviation {@code noise},
     * all drawn from one {@code java.util.Random(seed)}. The numbers differ from scikit-learn's, whose
     * random generator is NumPy's.
     *
     * @throws IllegalArgumentException if {@code n < 2} or {@code noise} is negative or not finite
     */
    public static Dataset generate(int n, double noise, long seed) {
        if (n < 2) {
            throw new IllegalArgumentException("Moons needs at least 2 points (one per moon), but got n = " + n + ".");
        }
        if (!(noise >= 0 && Double.isFinite(noise))) {
            throw new IllegalArgumentException("The noise is a standard deviation: a finite number >= 0, but got " + noise + ".");
        }
        int nOut = n / 2;
        int nIn = n - nOut;
        double[][] x = new double[n][];
        double[] y = new double[n];
        for (int i = 0; i < nOut; i++) {
            double t = linspace(0, Math.PI, nOut, i);
            x[i] = new double[] {Math.cos(t), Math.sin(t)};
            y[i] = -1;
        }
        for (int i = 0; i < nIn; i++) {
            double t = linspace(0, Math.PI, nIn, i);
            x[nOut + i] = new double[] {1 - Math.cos(t), 1 - Math.sin(t) - 0.5};
            y[nOut + i] = +1;
        }

        Random rng = new Random(seed);
        // Fisher-Yates shuffle of points and labels together.
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            double[] point = x[i];
            x[i] = x[j];
            x[j] = point;
            double label = y[i];
            y[i] = y[j];
            y[j] = label;
        }
        if (noise > 0) {
            for (double[] point : x) {
                point[0] += noise * rng.nextGaussian();
                point[1] += noise * rng.nextGaussian();
            }
        }
        return new Dataset(x, y);
    }

    /** The i-th of {@code count} evenly spaced numbers from start to stop, both included (NumPy's linspace). */
    private static double linspace(double start, double stop, int count, int i) {
        if (count == 1) {
            return start;
        }
        if (i == count - 1) {
            return stop;
        }
        return start + i * ((stop - start) / (count - 1));
    }
}
