package gradkit.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoonsTest {

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 100, 101})
    void sizeAndLabelCounts(int n) {
        Dataset moons = Moons.generate(n, 0.1, 3L);
        assertEquals(n, moons.size());
        assertEquals(2, moons.dimension());
        int outer = 0, inner = 0;
        for (double label : moons.y()) {
            if (label == -1) {
                outer++;
            } else if (label == 1) {
                inner++;
            }
        }
        assertEquals(n / 2, outer);          // scikit-learn: n_out = n // 2
        assertEquals(n - n / 2, inner);
    }

    @Test
    void withoutNoiseThePointsLieOnTheTwoHalfCircles() {
        Dataset moons = Moons.generate(51, 0.0, 9L);
        double[][] x = moons.x();
        double[] y = moons.y();
        boolean sawOuterStart = false, sawInnerEnd = false;
        for (int i = 0; i < x.length; i++) {
            double px = x[i][0], py = x[i][1];
            if (y[i] == -1) {
                // outer moon: (cos t, sin t), the upper unit half circle
                assertEquals(1.0, px * px + py * py, 1e-15, "point " + i);
                assertTrue(py >= 0);
                sawOuterStart |= px == 1.0 && py == 0.0;     // t = 0
            } else {
                // inner moon: (1 - cos t, 0.5 - sin t), the lower half circle around (1, 0.5)
                assertEquals(1.0, (px - 1) * (px - 1) + (py - 0.5) * (py - 0.5), 1e-15, "point " + i);
                assertTrue(py <= 0.5);
                sawInnerEnd |= px == 2.0 && Math.abs(py - 0.5) < 1e-15; // t = pi
            }
        }
        assertTrue(sawOuterStart && sawInnerEnd, "linspace includes both ends");
    }

    @Test
    void outerMoonPointsAreEvenlySpacedInAngle() {
        Dataset moons = Moons.generate(10, 0.0, 1L); // 5 outer points at t = 0, pi/4, ..., pi
        java.util.List<Double> angles = new java.util.ArrayList<>();
        for (int i = 0; i < moons.size(); i++) {
            if (moons.y()[i] == -1) {
                angles.add(Math.atan2(moons.x()[i][1], moons.x()[i][0]));
            }
        }
        angles.sort(null);
        for (int k = 0; k < 5; k++) {
            assertEquals(k * Math.PI / 4, angles.get(k), 1e-15);
        }
    }

    @Test
    void sameSeedSameDataDifferentSeedDifferentData() {
        assertEquals(Moons.generate(100, 0.1, 4L), Moons.generate(100, 0.1, 4L));
        assertNotEquals(Moons.generate(100, 0.1, 4L), Moons.generate(100, 0.1, 5L));
    }

    @Test
    void noiseMovesPointsOffTheCircles() {
        Dataset clean = Moons.generate(100, 0.0, 4L);
        Dataset noisy = Moons.generate(100, 0.1, 4L);
        assertArrayEquals(clean.y(), noisy.y());   // same shuffle; noise is drawn after it
        double sumSq = 0;
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < 2; j++) {
                double d = noisy.x()[i][j] - clean.x()[i][j];
                sumSq += d * d;
            }
        }
        double sd = Math.sqrt(sumSq / 200);
        assertTrue(sd > 0.07 && sd < 0.13, "sample standard deviation of the noise " + sd);
    }

    @Test
    void pointsAreShuffled() {
        double[] y = Moons.generate(100, 0.0, 4L).y();
        boolean sorted = true;
        for (int i = 1; i < y.length; i++) {
            sorted &= y[i - 1] <= y[i];
        }
        assertFalse(sorted);
    }

    @Test
    void rejectsBadArguments() {
        assertEquals("Moons needs at least 2 points (one per moon), but got n = 1.",
                assertThrows(IllegalArgumentException.class, () -> Moons.generate(1, 0.1, 1L)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Moons.generate(10, -0.1, 1L));
        assertThrows(IllegalArgumentException.class, () -> Moons.generate(10, Double.NaN, 1L));
        assertThrows(IllegalArgumentException.class, () -> Moons.generate(10, Double.POSITIVE_INFINITY, 1L));
    }
}
