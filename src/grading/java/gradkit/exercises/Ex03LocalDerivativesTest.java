package gradkit.exercises;

import gradkit.engine.Value;
import gradkit.grading.Points;
import gradkit.grading.client.StudentCode;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.DoubleBinaryOperator;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Grades exercise 03: every backward rule against the library's Value. Each rule runs with random
 * upstream gradients (never 1: the rule must multiply by out.grad()) into inputs whose grads already
 * hold a value (the rule must add, not overwrite), and the binary rules also with one node used as
 * both inputs.
 *
 * <p>The student's code runs in a worker JVM ({@link StudentCode}): each run of a rule is one request
 * (the operation's name, the inputs' data, the grads they hold, the upstream gradient), for which the
 * worker builds the Scalars, runs the output's rule once and returns the inputs' grads. The expected
 * grads are computed here.
 */
class Ex03LocalDerivativesTest {
    private final StudentCode student = StudentCode.current();
    /** What the input's grad holds before each run of a rule: first nothing, then old gradients. */
    private static final double[] HELD = {0.0, 0.625, -1.375};

    /** One {upstream gradient, grad held before} pair per run; the upstream is random, never 1. */
    private static double[][] runs(long seed) {
        Random rng = new Random(seed);
        double[][] runs = new double[HELD.length][];
        for (int i = 0; i < runs.length; i++) {
            double upstream = (0.25 + 2.5 * rng.nextDouble()) * (rng.nextBoolean() ? 1 : -1);
            runs[i] = new double[] {upstream, HELD[i]};
        }
        return runs;
    }

    /** The library's d op(a) / da. */
    private static double engineLocal(Function<Value, Value> op, double a) {
        Value in = Value.of(a);
        op.apply(in).backward();
        return in.grad();
    }

    /**
     * Checks a unary rule at input {@code a}; {@code step} runs the student's rule once in the worker:
     * given the grad the input holds and out's grad, it returns the input's grad afterwards.
     */
    private static void checkUnary(String name, DoubleBinaryOperator step, Function<Value, Value> truth, double a,
                                   String hint) {
        double local = engineLocal(truth, a);
        for (double[] run : runs(Double.doubleToLongBits(a))) {
            double grad = step.applyAsDouble(run[1], run[0]);
            Feedback.gradient(run[1] + local * run[0], grad, run[1], run[0], name + " with out.grad() = "
                    + run[0] + ", input grad " + run[1] + " before the rule: the input's grad", hint);
        }
    }

    /** Checks the rule of the worker's {@code name} ("add", "mul") at (a, b), and with one node as both inputs. */
    private void checkBinary(String name, BiFunction<Value, Value, Value> truth, double a, double b, String hint) {
        Value va = Value.of(a);
        Value vb = Value.of(b);
        truth.apply(va, vb).backward();
        Value shared = Value.of(a);
        truth.apply(shared, shared).backward();
        for (double[] run : runs(Double.doubleToLongBits(a) ^ Double.doubleToLongBits(b))) {
            double heldA = run[1];
            double heldB = -run[1] / 2 + 0.25;
            double[] grads = student.numbers(name, a, b, heldA, heldB, run[0]);
            String where = name + "(" + a + ", " + b + ") with out.grad() = " + run[0] + ", input grads " + heldA
                    + " and " + heldB + " before the rule: ";
            Feedback.gradient(heldA + va.grad() * run[0], grads[0], heldA, run[0], where + "grad of the FIRST input", hint);
            Feedback.gradient(heldB + vb.grad() * run[0], grads[1], heldB, run[0], where + "grad of the SECOND input", hint);
        }
        // One node as both inputs: both contributions must land in the same grad.
        double grad = student.number(name + "SameNode", a, 0.5, -1.25);
        Feedback.gradient(0.5 + shared.grad() * -1.25, grad, 0.5, -1.25, name + "(x, x), the SAME node twice, x = "
                + a + ", grad 0.5 before, out.grad() = -1.25: x's grad", "both contributions add into the one grad"
                + " (read the old grad, add, write back, once per input).");
    }

    @ParameterizedTest(name = "add({0}, {1})")
    @CsvSource({"2.0, 3.0", "-1.0, 0.5", "0.0, 0.0"})
    @Points(2)
    @DisplayName("add: both inputs receive out.grad")
    void add(double a, double b) {
        checkBinary("add", Value::add, a, b,
                "d(a+b)/da = d(a+b)/db = 1, times out.grad(), added to each input's grad.");
    }

    @ParameterizedTest(name = "mul({0}, {1})")
    @CsvSource({"2.0, 3.0", "-1.0, 0.5", "4.0, 0.0"})
    @Points(2)
    @DisplayName("mul: each input receives the other's data times out.grad")
    void mul(double a, double b) {
        checkBinary("mul", Value::mul, a, b,
                "d(ab)/da = b and d(ab)/db = a (each input gets the OTHER one's data), times out.grad(), added"
                        + " to its grad.");
    }

    @ParameterizedTest(name = "pow({0}, {1})")
    @CsvSource({"2.0, 3.0", "1.5, -1.0", "4.0, 0.5", "-2.0, 2.0"})
    @Points(2)
    @DisplayName("pow: n * a^(n-1) * out.grad")
    void pow(double a, double n) {
        checkUnary("pow(" + a + ", " + n + ")", (held, upstream) -> student.number("pow", a, n, held, upstream),
                v -> v.pow(n), a,
                "n * a^(n-1) (not a^n, not n * a^n), times out.grad(), added to a's grad.");
    }

    @ParameterizedTest(name = "exp({0})")
    @CsvSource({"0.0", "1.0", "-2.5"})
    @Points(2)
    @DisplayName("exp: exp(a) * out.grad")
    void exp(double a) {
        checkUnary("exp(" + a + ")",
                (held, upstream) -> student.number("exp", a, held, upstream), Value::exp, a,
                "exp is its own derivative: out.data() already holds exp(a); times out.grad(), added to a's grad.");
    }

    @ParameterizedTest(name = "tanh({0})")
    @CsvSource({"0.0", "0.7", "-2.0"})
    @Points(2)
    @DisplayName("tanh: (1 - tanh(a)^2) * out.grad")
    void tanh(double a) {
        checkUnary("tanh(" + a + ")",
                (held, upstream) -> student.number("tanh", a, held, upstream), Value::tanh, a,
                "1 - t*t with t = out.data() (the OUTPUT, tanh(a)), not 1 - a*a; times out.grad(), added to a's grad.");
    }
}
