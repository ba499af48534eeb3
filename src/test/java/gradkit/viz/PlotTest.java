package gradkit.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlotTest {

    private static final double[] H = {1e-1, 1e-2, 1e-3, 1e-4};
    private static final double[] ERROR = {4e-2, 4e-3, 4e-4, 4e-5};

    @Test
    void aLinePlotHasTheDefaultSize() {
        BufferedImage picture = Plot.line("error").x("h").y("error").series("forward", H, ERROR).image();
        assertEquals(Plot.DEFAULT_WIDTH, picture.getWidth());
        assertEquals(Plot.DEFAULT_HEIGHT, picture.getHeight());
    }

    @Test
    void sizeIsTheCallersChoice() {
        BufferedImage picture = Plot.line("error").series("forward", H, ERROR).points("measured", H, ERROR)
                .size(800, 500).image();
        assertEquals(800, picture.getWidth());
        assertEquals(500, picture.getHeight());
    }

    @Test
    void logLogDrawsPositiveData() {
        BufferedImage picture = Plot.line("error").series("forward", H, ERROR).logLog().image();
        assertEquals(Plot.DEFAULT_WIDTH, picture.getWidth());
    }

    @ParameterizedTest(name = "a log axis refuses y = {0}")
    @ValueSource(doubles = {0.0, -1e-3})
    void logAxesRefuseNonPositiveValuesWithAMessage(double bad) {
        double[] y = {4e-2, 4e-3, bad, 4e-5};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plot.line("error").series("forward", H, y).logLog().image());
        assertTrue(e.getMessage().contains("\"forward\" has y[2] = " + bad), e.getMessage());
        assertTrue(e.getMessage().contains("log axis"), e.getMessage());
        assertTrue(e.getMessage().contains("dropUnplottablePoints"), e.getMessage());
    }

    @Test
    void theRefusalOfAPointReadsASentenceALineWithinThePage() {
        // printed as notebook 01 prints it, after "Plot says: "
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Plot.line("zeros")
                .series("central", new double[] {1e-2, 1e-3}, new double[] {0.0, 1e-9}).logLog().image());
        List<String> lines = ("Plot says: " + e.getMessage()).lines().toList();
        assertEquals(2, lines.size(), e.getMessage());
        assertTrue(lines.stream().allMatch(line -> line.length() <= 100), e.getMessage());
        assertTrue(lines.get(0).endsWith("(only numbers above 0)."), lines.get(0));
        assertTrue(lines.get(1).startsWith("Leave such points out yourself"), lines.get(1));
    }

    @Test
    void aLogXAxisRefusesANegativeX() {
        double[] x = {-1, 1, 2, 3};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plot.line("t").series("s", x, ERROR).logX().image());
        assertTrue(e.getMessage().contains("x[0] = -1.0"), e.getMessage());
        // the same data is fine on linear axes and on a log y axis
        assertEquals(Plot.DEFAULT_WIDTH, Plot.line("t").series("s", x, ERROR).logY().image().getWidth());
    }

    @Test
    void droppingUnplottablePointsDrawsTheRest() {
        double[] y = {4e-2, 0.0, Double.NaN, 4e-5};
        BufferedImage picture = Plot.line("error").series("forward", H, y).logLog().dropUnplottablePoints().image();
        assertEquals(Plot.DEFAULT_HEIGHT, picture.getHeight());
    }

    @Test
    void aSeriesWithNothingLeftToDrawIsRefused() {
        double[] zeros = {0, 0, 0, 0};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plot.line("error").series("exact", H, zeros).logLog().dropUnplottablePoints().image());
        assertTrue(e.getMessage().contains("positive"), e.getMessage());
    }

    @Test
    void nonFiniteValuesAreRefusedOnLinearAxesToo() {
        double[] y = {1, Double.POSITIVE_INFINITY, 3, 4};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plot.line("t").series("s", H, y).image());
        assertTrue(e.getMessage().contains("y[1] = Infinity"), e.getMessage());
    }

    @Test
    void malformedSeriesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Plot.line("t").image());
        assertThrows(IllegalArgumentException.class, () -> Plot.line("t").series("s", new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Plot.line("t").series("s", new double[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> Plot.line("t").series("s", null, ERROR));
        assertThrows(IllegalArgumentException.class, () -> Plot.line("t").series("s", H, ERROR).series("s", H, ERROR));
        assertThrows(IllegalArgumentException.class, () -> Plot.line("t").size(20, 20));
    }

    @Test
    void theBuilderCopiesTheArrays() {
        double[] y = ERROR.clone();
        Plot plot = Plot.line("t").series("s", H, y).logLog();
        y[0] = 0.0; // changing the caller's array afterwards does not reach the plot
        assertEquals(Plot.DEFAULT_WIDTH, plot.image().getWidth());
    }

    // ---------------------------------------------------------------- loss curve

    @Test
    void lossCurveHasTheDefaultSize() {
        BufferedImage picture = Plot.lossCurve(new double[] {1.0, 0.6, 0.4, 0.3, 0.25});
        assertEquals(Plot.DEFAULT_WIDTH, picture.getWidth());
        assertEquals(Plot.DEFAULT_HEIGHT, picture.getHeight());
    }

    @Test
    void lossCurveFromAListDrawsTheSamePicture() {
        BufferedImage fromArray = Plot.lossCurve(new double[] {1.0, 0.6, 0.4, 0.3, 0.25});
        BufferedImage fromList = Plot.lossCurve(List.of(1.0, 0.6, 0.4, 0.3, 0.25));
        for (int x = 0; x < fromArray.getWidth(); x++) {
            for (int y = 0; y < fromArray.getHeight(); y++) {
                assertEquals(fromArray.getRGB(x, y), fromList.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
    }

    @Test
    void aDivergedLossIsReportedWithItsStep() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Plot.lossCurve(new double[] {1.0, 5.0, Double.NaN}));
        assertTrue(e.getMessage().contains("step 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Plot.lossCurve(new double[0]));
    }

    // ---------------------------------------------------------------- decision boundary

    @Test
    void theGridTakesTheSignOfTheScoreAtEachCellCenter() {
        SignGrid grid = SignGrid.over(-1, 1, -1, 1, 4, (a, b) -> a);
        assertEquals(-0.75, grid.centerX(0), 1e-12);
        assertEquals(-0.25, grid.centerX(1), 1e-12);
        assertEquals(0.25, grid.centerX(2), 1e-12);
        assertEquals(0.75, grid.centerX(3), 1e-12);
        for (int j = 0; j < 4; j++) {
            assertEquals(-1, grid.sign(0, j));
            assertEquals(-1, grid.sign(1, j));
            assertEquals(1, grid.sign(2, j));
            assertEquals(1, grid.sign(3, j));
        }
    }

    @Test
    void rowsCountFromTheBottom() {
        SignGrid grid = SignGrid.over(0, 3, 0, 3, 3, (a, b) -> b - 1.2); // row centers 0.5, 1.5, 2.5
        for (int i = 0; i < 3; i++) {
            assertEquals(-1, grid.sign(i, 0));
            assertEquals(1, grid.sign(i, 1));
            assertEquals(1, grid.sign(i, 2));
        }
        assertEquals(3, grid.centersWithSign(-1).size());
        assertEquals(6, grid.centersWithSign(1).size());
    }

    @Test
    void aZeroOrNaNScoreIsNeitherSide() {
        SignGrid zero = SignGrid.over(-1, 1, -1, 1, 2, (a, b) -> 0.0);
        SignGrid nan = SignGrid.over(-1, 1, -1, 1, 2, (a, b) -> Double.NaN);
        assertEquals(4, zero.centersWithSign(0).size());
        assertEquals(4, nan.centersWithSign(0).size());
    }

    @Test
    void theGridCoversThePointsWithAMargin() {
        double[][] points = {{-1, -2}, {3, 2}};
        SignGrid grid = SignGrid.around(points, 10, (a, b) -> a);
        assertEquals(-1.5, grid.xMin(), 1e-12);
        assertEquals(3.5, grid.xMax(), 1e-12);
        assertEquals(-2.5, grid.yMin(), 1e-12);
        assertEquals(2.5, grid.yMax(), 1e-12);
    }

    @Test
    void theDecisionBoundaryPictureIsNegativeOnTheLeftAndPositiveOnTheRight() {
        // Four points in the corners, none on the middle row of the picture.
        double[][] points = {{-1, -1}, {-1, 1}, {1, -1}, {1, 1}};
        double[] labels = {-1, -1, 1, 1};
        BufferedImage picture = Plot.decisionBoundary((a, b) -> a, points, labels, 20);
        assertEquals(Plot.DEFAULT_WIDTH, picture.getWidth());

        int row = picture.getHeight() / 2;
        int negative = DecisionBoundary.NEGATIVE_CELL.getRGB();
        int positive = DecisionBoundary.POSITIVE_CELL.getRGB();
        int negativeCount = 0;
        int positiveCount = 0;
        int lastNegative = -1;
        int firstPositive = Integer.MAX_VALUE;
        for (int x = 0; x < picture.getWidth(); x++) {
            int rgb = picture.getRGB(x, row);
            if (rgb == negative) {
                negativeCount++;
                lastNegative = x;
            } else if (rgb == positive) {
                positiveCount++;
                firstPositive = Math.min(firstPositive, x);
            }
        }
        // Each half of the plot is some 250 pixels wide; every negative pixel lies left of every positive one.
        assertTrue(negativeCount > 150, "negative pixels: " + negativeCount);
        assertTrue(positiveCount > 150, "positive pixels: " + positiveCount);
        assertTrue(lastNegative < firstPositive, lastNegative + " vs " + firstPositive);
        assertTrue(Math.abs(negativeCount - positiveCount) <= 3, negativeCount + " vs " + positiveCount);
    }

    @Test
    void decisionBoundaryRefusesMismatchedInput() {
        double[][] points = {{0, 0}, {1, 1}};
        assertThrows(IllegalArgumentException.class, () -> Plot.decisionBoundary((a, b) -> a, points, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> Plot.decisionBoundary((a, b) -> a, new double[][] {{0, 0, 0}}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Plot.decisionBoundary(null, points, new double[] {1, -1}));
        assertThrows(IllegalArgumentException.class,
                () -> Plot.decisionBoundary((a, b) -> a, points, new double[] {1, -1}, 1));
    }
}
