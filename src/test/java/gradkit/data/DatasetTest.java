package gradkit.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void sizeDimensionAndDefensiveCopies() {
        double[][] x = {{0, 1, 2}, {3, 4, 5}};
        double[] y = {-1, 1};
        Dataset d = new Dataset(x, y);
        assertEquals(2, d.size());
        assertEquals(3, d.dimension());
        x[0][0] = 99;
        y[0] = 99;
        assertEquals(0.0, d.x()[0][0]);
        assertEquals(-1.0, d.y()[0]);
        d.x()[1][1] = 99;
        assertEquals(4.0, d.x()[1][1]);
        assertEquals(new Dataset(new double[][] {{0, 1, 2}, {3, 4, 5}}, new double[] {-1, 1}), d);
        assertEquals("Dataset(2 points of dimension 3)", d.toString());
    }

    @Test
    void rejectsBadShapes() {
        assertEquals("A dataset needs one label per point, but got 2 points and 1 labels.",
                assertThrows(IllegalArgumentException.class,
                        () -> new Dataset(new double[][] {{0}, {1}}, new double[] {1})).getMessage());
        assertEquals("Every point needs the same number of coordinates, but point 0 has 2 and point 1 has 1.",
                assertThrows(IllegalArgumentException.class,
                        () -> new Dataset(new double[][] {{0, 1}, {1}}, new double[] {1, 1})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new double[0][], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(null, new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new double[][] {{}}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new double[][] {{Double.NaN}}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new Dataset(new double[][] {{0}}, new double[] {Double.NaN}));
    }
}
