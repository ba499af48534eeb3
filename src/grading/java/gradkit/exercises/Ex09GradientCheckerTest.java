package gradkit.exercises;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradkit.check.ValueFunction;
import gradkit.engine.Value;
import gradkit.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Grades exercise 09 against the library's backward pass and the reference finite differences. */
class Ex09GradientCheckerTest {
    private static final ValueFunction SMOOTH =
            v -> v[0].mul(v[1]).tanh().add(v[2].pow(3)).mul(v[0].exp());
    private static final double[] AT = {0.4, -1.3, 0.8};

    @Test
    @Points(2)
    @DisplayName("relativeError: |a - b| / max(|a|, |b|), 0 for two zeros")
    void relativeError() {
        assertEquals(0.5, Ex09GradientChecker.relativeError(1.0, 2.0), 1e-15, "relativeError(1, 2).");
        assertEquals(0.5, Ex09GradientChecker.relativeError(-2.0, -1.0), 1e-15, "relativeError(-2, -1).");
        assertEquals(2.0, Ex09GradientChecker.relativeError(-1.0, 1.0), 1e-15, "relativeError(-1, 1).");
        assertEquals(1e-3, Ex09GradientChecker.relativeError(1000.0, 999.0), 1e-15, "relativeError(1000, 999).");
        double zeros = Ex09GradientChecker.relativeError(0.0, 0.0);
        assertEquals(0.0, zeros, 0.0, "relativeError(0, 0) must be 0, not NaN. Hint: return 0 before dividing"
                + " when both are 0.");
    }

    @Test
    @Points(2)
    @DisplayName("analyticGradient equals the library's backward pass")
    void analytic() {
        assertArrayEquals(Oracle.valueGradient(SMOOTH, AT), Ex09GradientChecker.analyticGradient(SMOOTH, AT), 1e-12,
                "gradient of exp(x0) * (tanh(x0 x1) + x2^3) at (0.4, -1.3, 0.8). Hint: Value.all(x), apply f,"
                        + " backward(), read each leaf's grad.");
    }

    @Test
    @Points(2)
    @DisplayName("numericGradient equals central differences")
    void numeric() {
        for (double h : new double[] {1e-2, 1e-5}) {
            assertArrayEquals(Oracle.numericGradient(SMOOTH, AT, h), Ex09GradientChecker.numericGradient(SMOOTH, AT, h),
                    1e-9, () -> "central differences with h = " + h + ". Hint: move ONE coordinate by +h and -h"
                            + " (on copies of x), divide by 2h.");
        }
    }

    @Test
    @Points(1)
    @DisplayName("gradientsAgree accepts a correct gradient")
    void agreesWhenCorrect() {
        assertTrue(Ex09GradientChecker.gradientsAgree(SMOOTH, AT, 1e-5, 1e-6),
                "a smooth function with the library's correct backward must pass with h = 1e-5, tolerance 1e-6."
                        + " Hint: compare analytic[i] with numeric[i] through relativeError, <= tolerance passes.");
    }

    @Test
    @Points(2)
    @DisplayName("gradientsAgree catches a graph cut by data()")
    void catchesWrongGradient() {
        // x * x.data(): the second factor is a constant to backward (gradient x), but not to the numeric probe (2x).
        ValueFunction cut = v -> v[0].mul(v[0].data()).add(v[1]);
        assertFalse(Ex09GradientChecker.gradientsAgree(cut, new double[] {1.5, 2.0}, 1e-5, 1e-6),
                "x0 * x0.data() + x1: backward gives d/dx0 = 1.5 but the true derivative is 3; the checker must"
                        + " report disagreement. Hint: compare EVERY component, and treat NaN as a failure.");
    }
}
