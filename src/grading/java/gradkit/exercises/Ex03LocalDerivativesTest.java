package gradkit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gradkit.engine.Value;
import gradkit.grading.Points;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Grades exercise 03: every backward rule against the library's Value at several points, with an
 * upstream gradient other than 1 (the rule must multiply by out.grad()).
 */
class Ex03LocalDerivativesTest {
    private static final double UPSTREAM = -1.5;

    /** Runs the student's one-input rule; returns the input's grad. */
    private static double studentGrad(Function<Scalar, Scalar> op, double a) {
        Scalar in = new Scalar(a);
        Scalar out = op.apply(in);
        out.setGrad(UPSTREAM);
        out.backwardStep();
        return in.grad();
    }

    /** The library's gradient of UPSTREAM * op(a). */
    private static double engineGrad(Function<Value, Value> op, double a) {
        Value in = Value.of(a);
        op.apply(in).mul(UPSTREAM).backward();
        return in.grad();
    }

    private static void checkBinary(String name, BiFunction<Scalar, Scalar, Scalar> op,
                                    BiFunction<Value, Value, Value> truth, double a, double b, String hint) {
        Scalar sa = new Scalar(a);
        Scalar sb = new Scalar(b);
        Scalar out = op.apply(sa, sb);
        out.setGrad(UPSTREAM);
        out.backwardStep();
        Value va = Value.of(a);
        Value vb = Value.of(b);
        truth.apply(va, vb).mul(UPSTREAM).backward();
        assertEquals(va.grad(), sa.grad(), 1e-12, () -> name + "(" + a + ", " + b + ") with out.grad() = "
                + UPSTREAM + ": gradient of the FIRST input. " + hint);
        assertEquals(vb.grad(), sb.grad(), 1e-12, () -> name + "(" + a + ", " + b + ") with out.grad() = "
                + UPSTREAM + ": gradient of the SECOND input. " + hint);
    }

    @ParameterizedTest(name = "add({0}, {1})")
    @CsvSource({"2.0, 3.0", "-1.0, 0.5", "0.0, 0.0"})
    @Points(2)
    @DisplayName("add: both inputs receive out.grad")
    void add(double a, double b) {
        checkBinary("add", Ex03LocalDerivatives::add, Value::add, a, b,
                "Hint: d(a+b)/da = d(a+b)/db = 1, times out.grad().");
    }

    @ParameterizedTest(name = "mul({0}, {1})")
    @CsvSource({"2.0, 3.0", "-1.0, 0.5", "4.0, 0.0"})
    @Points(2)
    @DisplayName("mul: each input receives the other's data times out.grad")
    void mul(double a, double b) {
        checkBinary("mul", Ex03LocalDerivatives::mul, Value::mul, a, b,
                "Hint: d(ab)/da = b and d(ab)/db = a (swap them), times out.grad().");
    }

    @ParameterizedTest(name = "pow({0}, {1})")
    @CsvSource({"2.0, 3.0", "1.5, -1.0", "4.0, 0.5", "-2.0, 2.0"})
    @Points(2)
    @DisplayName("pow: n * a^(n-1) * out.grad")
    void pow(double a, double n) {
        double expected = engineGrad(v -> v.pow(n), a);
        assertEquals(expected, studentGrad(s -> Ex03LocalDerivatives.pow(s, n), a), 1e-12,
                () -> "pow(" + a + ", " + n + ") with out.grad() = " + UPSTREAM
                        + ". Hint: n * a^(n-1) (not a^n, not n * a^n), times out.grad().");
    }

    @ParameterizedTest(name = "exp({0})")
    @CsvSource({"0.0", "1.0", "-2.5"})
    @Points(2)
    @DisplayName("exp: exp(a) * out.grad")
    void exp(double a) {
        assertEquals(engineGrad(Value::exp, a), studentGrad(Ex03LocalDerivatives::exp, a), 1e-12,
                () -> "exp(" + a + ") with out.grad() = " + UPSTREAM + ". Hint: exp is its own derivative;"
                        + " out.data() already holds exp(a).");
    }

    @ParameterizedTest(name = "tanh({0})")
    @CsvSource({"0.0", "0.7", "-2.0"})
    @Points(2)
    @DisplayName("tanh: (1 - tanh(a)^2) * out.grad")
    void tanh(double a) {
        assertEquals(engineGrad(Value::tanh, a), studentGrad(Ex03LocalDerivatives::tanh, a), 1e-12,
                () -> "tanh(" + a + ") with out.grad() = " + UPSTREAM + ". Hint: 1 - t*t with t = out.data()"
                        + " (the OUTPUT), not 1 - a*a.");
    }
}
