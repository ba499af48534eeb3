package gradkit.exercises;

import gradkit.check.ValueFunction;
import gradkit.engine.Value;
import gradkit.grading.Points;
import gradkit.grading.client.StudentCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise 09 against the library's backward pass and the reference finite differences.
 * The checker must judge every component, by relative error, and count NaN as disagreement; the
 * cases are chosen so that each of these matters on its own (a wrong last component, a NaN, large
 * and tiny gradients). No test calls relativeError more than six times.
 *
 * <p>The student's code runs in a worker JVM ({@link StudentCode}): a function is handed to it by the
 * name of a function of the worker's catalogue ({@code gradkit.grading.worker.ValueFunctions}), and the
 * expected values come from this class's own copy of that function; the verdict of gradientsAgree
 * comes back as 1 (agree) or 0.
 */
class Ex09GradientCheckerTest {
    /** The worker's "smooth": exp(x0) (tanh(x0 x1) + x2^3). */
    private static final ValueFunction SMOOTH = v -> v[0].mul(v[1]).tanh().add(v[2].pow(3)).mul(v[0].exp());
    private static final double[] AT = {0.4, -1.3, 0.8};
    private final StudentCode student = StudentCode.current();

    private void relative(double expected, double a, double b, String hint) {
        Feedback.near(expected, student.number("relativeError", a, b), 1e-15, "relativeError(" + a + ", " + b + ")",
                hint);
    }

    /**
     * When gradientsAgree gives the wrong verdict, is it because a part it builds on is off? Called only
     * after a failure (it calls relativeError once more).
     */
    private String parts(String name, ValueFunction f, double[] x) {
        if (student.number("relativeError", 1.0, 2.0) != 0.5) {
            return "relativeError is off (see its test), and gradientsAgree builds on it.";
        }
        if (!close(student.numbers("analyticGradient", name, x), Oracle.valueGradient(f, x.clone()), 1e-12)) {
            return "analyticGradient is off (see its test), and gradientsAgree builds on it.";
        }
        for (double xi : x) {
            if (Double.isNaN(xi)) {
                return "";
            }
        }
        if (!close(student.numbers("numericGradient", name, x, 1e-5), Oracle.numericGradient(f, x.clone(), 1e-5), 1e-6)) {
            return "numericGradient is off (see its test), and gradientsAgree builds on it.";
        }
        return "";
    }

    /** Equal within a relative tolerance, NaN equal to NaN. */
    private static boolean close(double[] got, double[] truth, double tolerance) {
        if (got.length != truth.length) {
            return false;
        }
        for (int i = 0; i < truth.length; i++) {
            boolean bothNaN = Double.isNaN(got[i]) && Double.isNaN(truth[i]);
            if (!bothNaN && !(Math.abs(got[i] - truth[i]) <= tolerance * Math.max(1, Math.abs(truth[i])))) {
                return false;
            }
        }
        return true;
    }

    @Test
    @Points(2)
    @DisplayName("relativeError: |a - b| / max(|a|, |b|), 0 for two zeros")
    void relativeError() {
        String formula = "|a - b| / max(|a|, |b|): the absolute value of the difference, divided by the larger size.";
        relative(0.5, 1.0, 2.0, formula);
        relative(0.5, -2.0, -1.0, formula);
        relative(2.0, -1.0, 1.0, formula);
        relative(1e-3, 1000.0, 999.0, formula);
        relative(0.0, 0.0, 0.0, "two zeros agree perfectly: return 0 before dividing (0/0 would be NaN).");
        relative(1.0, 0.0, 1e-3, "only when BOTH are 0 is the error 0; 0 against 1e-3 is a 100% error.");
    }

    @Test
    @Points(2)
    @DisplayName("analyticGradient equals the library's backward pass")
    void analytic() {
        double[] expected = Oracle.valueGradient(SMOOTH, AT.clone());
        double[] got = student.numbers("analyticGradient", "smooth", AT);
        Feedback.check(got.length == expected.length, "analyticGradient of a 3-input function gave " + got.length
                + " numbers.", "one per input.");
        for (int i = 0; i < expected.length; i++) {
            Feedback.gradient(expected[i], got[i], 0, 1, "analyticGradient of exp(x0) * (tanh(x0 x1) + x2^3) at"
                    + " (0.4, -1.3, 0.8), component " + i, "Value.all(x), apply f, backward() on its output, read"
                    + " each leaf's grad.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("numericGradient equals central differences")
    void numeric() {
        for (double h : new double[] {1e-2, 1e-5}) {
            double[] expected = Oracle.numericGradient(SMOOTH, AT.clone(), h);
            double[] got = student.numbers("numericGradient", "smooth", AT, h);
            for (int i = 0; i < expected.length; i++) {
                Feedback.near(expected[i], got[i], 1e-9, "numericGradient of exp(x0) * (tanh(x0 x1) + x2^3) at"
                        + " (0.4, -1.3, 0.8) with h = " + h + ", component " + i, "move ONE coordinate by +h and"
                        + " by -h (on copies of x), take f's output data at both, divide the difference by 2h.");
            }
        }
    }

    /**
     * Checks gradientsAgree's verdict on the worker's function {@code name}, whose copy here is {@code f}; a
     * wrong one gets the part it builds on as hint when that part is off.
     */
    private void verdict(boolean expected, String name, ValueFunction f, double[] x, String message, String hint) {
        boolean got = student.number("gradientsAgree", name, x, 1e-5, 1e-6) == 1;
        if (got != expected) {
            String broken = parts(name, f, x);
            Feedback.check(false, message, broken.isEmpty() ? hint : broken);
        }
    }

    @Test
    @Points(1)
    @DisplayName("gradientsAgree accepts a correct gradient, small or large")
    void agreesWhenCorrect() {
        verdict(true, "smooth", SMOOTH, AT, "gradientsAgree(exp(x0) *"
                + " (tanh(x0 x1) + x2^3), (0.4, -1.3, 0.8), h = 1e-5, tolerance 1e-6) said false for the library's"
                + " correct backward.", "compare analytic[i] with numeric[i] through relativeError; <= tolerance passes.");
        ValueFunction large = v -> v[0].mul(v[1]).mul(1e6);
        verdict(true, "largeProduct", large, new double[] {2.0, 3.0},
                "gradientsAgree(1e6 * x0 * x1, (2, 3), h = 1e-5, tolerance 1e-6) said false; the gradient (3e6, 2e6)"
                        + " is right, and the central difference misses it by about 1e-4, a relative 3e-11.",
                "judge by the RELATIVE error: an absolute difference of 1e-4 is tiny next to 3e6.");
    }

    @Test
    @Points(2)
    @DisplayName("gradientsAgree catches wrong gradients in any component, and NaN")
    void catchesWrongGradient() {
        // x * x.data(): the second factor is a constant to backward (gradient x), but not to the numeric probe (2x).
        ValueFunction cutFirst = v -> v[0].mul(v[0].data()).add(v[1]);
        verdict(false, "cutFirst", cutFirst, new double[] {1.5, 2.0},
                "gradientsAgree(x0 * x0.data() + x1, (1.5, 2), h = 1e-5, tolerance 1e-6) said true; backward gives"
                        + " d/dx0 = 1.5 but the true derivative is 3.", "a relative error above the tolerance in any"
                        + " component means disagreement.");
        ValueFunction cutLast = v -> v[0].add(v[1].mul(v[1].data()));
        verdict(false, "cutLast", cutLast, new double[] {1.5, 2.0},
                "gradientsAgree(x0 + x1 * x1.data(), (1.5, 2), h = 1e-5, tolerance 1e-6) said true; component 0 is"
                        + " right (1), component 1 is wrong (2 instead of 4).", "compare EVERY component, not only"
                        + " the first.");
        ValueFunction product = v -> v[0].mul(v[1]);
        verdict(false, "product", product, new double[] {1.0, Double.NaN},
                "gradientsAgree(x0 * x1, (1, NaN), h = 1e-5, tolerance 1e-6) said true; the gradients are NaN.",
                "a NaN error must count as disagreement. Every comparison with NaN is false, so 'error > tolerance'"
                        + " lets NaN through; ask whether error <= tolerance holds instead.");
        ValueFunction tinyCut = v -> v[0].mul(v[0].data()).mul(1e-7);
        verdict(false, "tinyCut", tinyCut, new double[] {1.5},
                "gradientsAgree(1e-7 * x0 * x0.data(), (1.5), h = 1e-5, tolerance 1e-6) said true; backward gives"
                        + " 1.5e-7 where the truth is 3e-7, a relative error of 0.5.", "judge by the RELATIVE error:"
                        + " an absolute difference of 1.5e-7 is below the tolerance, but it is half the gradient.");
    }
}
