package gradkit.probes;

import gradkit.exercises.Ex03LocalDerivatives;
import gradkit.exercises.Scalar;
import gradkit.grading.protocol.Plain;
import gradkit.grading.worker.Call;
import gradkit.grading.worker.Probe;
import gradkit.grading.worker.WorkerMain;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Exercise 03's calls: one run of one backward rule. The probe builds the inputs as leaves whose grads
 * already hold a value, applies the student's operation, sets the output's grad (the upstream gradient),
 * runs the output's backward rule once ({@code backwardStep}), and returns the inputs' grads.
 *
 * <pre>
 * call mul r4000000000000000 r4008000000000000 r0 r0 r3ff0000000000000     mul(2, 3), grads 0 and 0, upstream 1: {3, 2}
 * call mulSameNode r4000000000000000 r3fe0000000000000 rbff4000000000000    mul(x, x), x = 2, grad 0.5, upstream -1.25
 * call pow r4000000000000000 r4008000000000000 r0 r3ff0000000000000         pow(2, n = 3), grad 0, upstream 1: 12
 * </pre>
 * (r0 stands for r0000000000000000.)
 */
public final class Ex03Probe implements Probe {
    /** Serves exercise 03's requests. */
    public static void main(String[] args) {
        WorkerMain.serve(new Ex03Probe());
    }

    @Override
    public Plain call(Call c) {
        return switch (c.procedure()) {
            case "add" -> c.reals(binaryStep(Ex03LocalDerivatives::add, c));
            case "mul" -> c.reals(binaryStep(Ex03LocalDerivatives::mul, c));
            case "addSameNode" -> c.real(sameNodeStep(Ex03LocalDerivatives::add, c));
            case "mulSameNode" -> c.real(sameNodeStep(Ex03LocalDerivatives::mul, c));
            case "pow" -> c.real(unaryStep(a -> Ex03LocalDerivatives.pow(a, c.real(1)), c.real(0), c.real(2), c.real(3)));
            case "exp" -> c.real(unaryStep(Ex03LocalDerivatives::exp, c.real(0), c.real(1), c.real(2)));
            case "tanh" -> c.real(unaryStep(Ex03LocalDerivatives::tanh, c.real(0), c.real(1), c.real(2)));
            default -> throw c.unknown();
        };
    }

    /** op(a) with a's grad {@code held}, out's grad {@code upstream}, out's rule run once: a's grad. */
    private static double unaryStep(UnaryOperator<Scalar> op, double a, double held, double upstream) {
        Scalar in = new Scalar(a);
        in.setGrad(held);
        Scalar out = op.apply(in);
        out.setGrad(upstream);
        out.backwardStep();
        return in.grad();
    }

    /** Arguments a, b, heldA, heldB, upstream: op(a, b) run as {@link #unaryStep}; {a's grad, b's grad}. */
    private static double[] binaryStep(BinaryOperator<Scalar> op, Call c) {
        Scalar a = new Scalar(c.real(0));
        Scalar b = new Scalar(c.real(1));
        a.setGrad(c.real(2));
        b.setGrad(c.real(3));
        Scalar out = op.apply(a, b);
        out.setGrad(c.real(4));
        out.backwardStep();
        return new double[] {a.grad(), b.grad()};
    }

    /** Arguments x, held, upstream: op(s, s) of ONE node s, run as {@link #unaryStep}; s's grad. */
    private static double sameNodeStep(BinaryOperator<Scalar> op, Call c) {
        return unaryStep(s -> op.apply(s, s), c.real(0), c.real(1), c.real(2));
    }
}
