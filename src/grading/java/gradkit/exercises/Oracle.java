package gradkit.exercises;

import gradkit.check.FiniteDifference;
import gradkit.check.GradCheckEntry;
import gradkit.check.GradientChecker;
import gradkit.check.ValueFunction;
import gradkit.engine.Value;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * Independent truth for the grading tests: reference finite differences and reference {@link Scalar}
 * operations (with correct, accumulating backward rules) to build graphs that test a student's
 * backward pass without depending on the student's own operations.
 *
 * <p>The finite differences are the library's own ({@code gradkit.check}), which its tests check
 * against derivatives worked out by hand.
 */
final class Oracle {
    private Oracle() {
    }

    // ------------------------------------------------------------ finite differences, from gradkit.check

    static double forwardDifference(DoubleUnaryOperator f, double x, double h) {
        return FiniteDifference.forward(f, x, h);
    }

    static double backwardDifference(DoubleUnaryOperator f, double x, double h) {
        return FiniteDifference.backward(f, x, h);
    }

    static double centralDifference(DoubleUnaryOperator f, double x, double h) {
        return FiniteDifference.central(f, x, h);
    }

    /** The central differences that the library's gradient checker measures, one per input. */
    static double[] numericGradient(ValueFunction f, double[] x, double h) {
        List<GradCheckEntry> entries = GradientChecker.defaults().eps(h).check(f, x).entries();
        double[] grad = new double[x.length];
        for (GradCheckEntry entry : entries) {
            grad[entry.index()] = entry.numeric();
        }
        return grad;
    }

    /** The gradient by the library's own backward pass. */
    static double[] valueGradient(ValueFunction f, double[] x) {
        Value[] leaves = Value.all(x);
        f.apply(leaves).backward();
        double[] grad = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            grad[i] = leaves[i].grad();
        }
        return grad;
    }

    // ------------------------------------------------------------ reference Scalar operations

    static Scalar add(Scalar a, Scalar b) {
        Scalar out = new Scalar(a.data() + b.data(), "+", a, b);
        out.setBackward(() -> {
            a.setGrad(a.grad() + out.grad());
            b.setGrad(b.grad() + out.grad());
        });
        return out;
    }

    static Scalar mul(Scalar a, Scalar b) {
        Scalar out = new Scalar(a.data() * b.data(), "*", a, b);
        out.setBackward(() -> {
            a.setGrad(a.grad() + b.data() * out.grad());
            b.setGrad(b.grad() + a.data() * out.grad());
        });
        return out;
    }

    static Scalar tanh(Scalar a) {
        Scalar out = new Scalar(Math.tanh(a.data()), "tanh", a);
        out.setBackward(() -> a.setGrad(a.grad() + (1 - out.data() * out.data()) * out.grad()));
        return out;
    }

    /** A short printable form of an array for messages. */
    static String show(double[] values) {
        return java.util.Arrays.toString(values);
    }
}
