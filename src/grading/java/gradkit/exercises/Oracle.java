package gradkit.exercises;

import gradkit.engine.Value;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Function;

/**
 * Independent truth for the grading tests: reference finite differences and reference {@link Scalar}
 * operations (with correct, accumulating backward rules) to build graphs that test a student's
 * backward pass without depending on the student's own operations.
 *
 * <p>The finite differences here are a private stand-in for {@code gradkit.check.FiniteDifference}
 * and {@code gradkit.check.GradientChecker}: once that package is on the classpath, each method marked
 * SWAP becomes a one-line call into it.
 */
final class Oracle {
    private Oracle() {
    }

    // ------------------------------------------------------------ finite differences (SWAP to gradkit.check)

    /** SWAP: gradkit.check.FiniteDifference.forward(f, x, h). */
    static double forwardDifference(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x)) / h;
    }

    /** SWAP: gradkit.check.FiniteDifference.backward(f, x, h). */
    static double backwardDifference(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x) - f.applyAsDouble(x - h)) / h;
    }

    /** SWAP: gradkit.check.FiniteDifference.central(f, x, h). */
    static double centralDifference(DoubleUnaryOperator f, double x, double h) {
        return (f.applyAsDouble(x + h) - f.applyAsDouble(x - h)) / (2 * h);
    }

    /**
     * SWAP: the numeric column of gradkit.check.GradientChecker.defaults().eps(h).check(f::apply, x)
     * (entries().get(i).numeric()).
     */
    static double[] numericGradient(Function<Value[], Value> f, double[] x, double h) {
        double[] grad = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] plus = x.clone();
            double[] minus = x.clone();
            plus[i] += h;
            minus[i] -= h;
            grad[i] = (f.apply(Value.all(plus)).data() - f.apply(Value.all(minus)).data()) / (2 * h);
        }
        return grad;
    }

    /** The gradient by the library's own backward pass. */
    static double[] valueGradient(Function<Value[], Value> f, double[] x) {
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
