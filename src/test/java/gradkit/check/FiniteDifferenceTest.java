package gradkit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class FiniteDifferenceTest {

    /** Smooth functions, a point, and the derivative there worked out by hand. */
    static Stream<Arguments> smooth() {
        return Stream.of(
                Arguments.of("sin at 1", (DoubleUnaryOperator) Math::sin, 1.0, Math.cos(1.0)),
                Arguments.of("exp at 0.5", (DoubleUnaryOperator) Math::exp, 0.5, Math.exp(0.5)),
                Arguments.of("log at 2", (DoubleUnaryOperator) Math::log, 2.0, 0.5),
                Arguments.of("x^3 at -1.5", (DoubleUnaryOperator) t -> t * t * t, -1.5, 3 * 1.5 * 1.5),
                Arguments.of("tanh at 0.3", (DoubleUnaryOperator) Math::tanh, 0.3, 1 - Math.tanh(0.3) * Math.tanh(0.3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("smooth")
    void allThreeFormulasApproximateTheDerivative(String name, DoubleUnaryOperator f, double x, double derivative) {
        assertEquals(derivative, FiniteDifference.central(f, x, 1e-5), 1e-8);
        assertEquals(derivative, FiniteDifference.forward(f, x, 1e-7), 1e-5);
        assertEquals(derivative, FiniteDifference.backward(f, x, 1e-7), 1e-5);
    }

    /** Error of one formula with steps h and h/10, on sin and exp where the third derivative is not 0. */
    static Stream<Arguments> orders() {
        return Stream.of(
                Arguments.of("sin", (DoubleUnaryOperator) Math::sin, 1.0, Math.cos(1.0)),
                Arguments.of("exp", (DoubleUnaryOperator) Math::exp, 0.5, Math.exp(0.5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void forwardAndBackwardErrorsShrinkLikeH(String name, DoubleUnaryOperator f, double x, double derivative) {
        double forwardRatio = Math.abs(FiniteDifference.forward(f, x, 1e-2) - derivative)
                / Math.abs(FiniteDifference.forward(f, x, 1e-3) - derivative);
        double backwardRatio = Math.abs(FiniteDifference.backward(f, x, 1e-2) - derivative)
                / Math.abs(FiniteDifference.backward(f, x, 1e-3) - derivative);
        // O(h): a tenfold smaller step gives a tenfold smaller error.
        assertEquals(10, forwardRatio, 1.0, "forward");
        assertEquals(10, backwardRatio, 1.0, "backward");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("orders")
    void centralErrorShrinksLikeHSquared(String name, DoubleUnaryOperator f, double x, double derivative) {
        double coarse = Math.abs(FiniteDifference.central(f, x, 1e-2) - derivative);
        double fine = Math.abs(FiniteDifference.central(f, x, 1e-3) - derivative);
        // O(h²): a tenfold smaller step gives a hundredfold smaller error.
        assertEquals(100, coarse / fine, 5.0);
        // and the leading error term is h²/6 · f'''(x)
        double thirdDerivative = name.equals("sin") ? -Math.cos(x) : Math.exp(x);
        assertEquals(1e-4 / 6 * thirdDerivative, FiniteDifference.central(f, x, 1e-2) - derivative, 1e-8);
    }

    @Test
    void forwardOverestimatesAndBackwardUnderestimatesAConvexFunction() {
        double slope = Math.exp(1.0);
        assertTrue(FiniteDifference.forward(Math::exp, 1.0, 1e-3) > slope);
        assertTrue(FiniteDifference.backward(Math::exp, 1.0, 1e-3) < slope);
    }

    @Test
    void oneSidedDifferencesSeeTheTwoSlopesOfAKink() {
        DoubleUnaryOperator relu = t -> Math.max(t, 0);
        assertEquals(1.0, FiniteDifference.forward(relu, 0.0, 1e-6));
        assertEquals(0.0, FiniteDifference.backward(relu, 0.0, 1e-6));
        assertEquals(0.5, FiniteDifference.central(relu, 0.0, 1e-6), 1e-12); // the average: no derivative at all
        assertEquals(-1.0, FiniteDifference.backward(Math::abs, 0.0, 1e-6));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.0, -1e-6, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void refusesABadStepAndNamesIt(double h) {
        for (var formula : new String[] {"forward", "backward", "central"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> apply(formula, Math::sin, 1.0, h));
            assertTrue(e.getMessage().contains("h = " + h), e.getMessage());
        }
    }

    @Test
    void refusesAStepTooSmallToMoveX() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FiniteDifference.central(Math::sin, 1e10, 1e-10));
        assertTrue(e.getMessage().contains("too small"), e.getMessage());
    }

    @Test
    void refusesANullFunctionAndANonFinitePoint() {
        assertThrows(IllegalArgumentException.class, () -> FiniteDifference.central(null, 1.0, 1e-6));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FiniteDifference.forward(Math::sin, Double.NaN, 1e-6));
        assertTrue(e.getMessage().contains("x = NaN"), e.getMessage());
    }

    @Test
    void saysWhereTheFunctionIsNaN() {
        IllegalStateException atX = assertThrows(IllegalStateException.class, () -> FiniteDifference.central(Math::log, -1.0, 1e-6));
        assertTrue(atX.getMessage().contains("NaN at x = -1.0"), atX.getMessage());
        // sqrt is fine at 0 but not at the left probe
        IllegalStateException left = assertThrows(IllegalStateException.class, () -> FiniteDifference.backward(Math::sqrt, 0.0, 1e-6));
        assertTrue(left.getMessage().contains("x-h"), left.getMessage());
        assertEquals(1000.0, FiniteDifference.forward(Math::sqrt, 0.0, 1e-6), 1e-6); // 1/sqrt(h)
    }

    private static double apply(String formula, DoubleUnaryOperator f, double x, double h) {
        return switch (formula) {
            case "forward" -> FiniteDifference.forward(f, x, h);
            case "backward" -> FiniteDifference.backward(f, x, h);
            default -> FiniteDifference.central(f, x, h);
        };
    }
}
