package gradkit.probes;

import gradkit.exercises.Ex06KinkRules;
import gradkit.exercises.Scalar;
import gradkit.grading.protocol.Plain;
import gradkit.grading.worker.Call;
import gradkit.grading.worker.Probe;
import gradkit.grading.worker.WorkerMain;
import java.util.function.UnaryOperator;

/**
 * Exercise 06's calls: the three choices at the kinks, one backward step of relu, abs and max on inputs
 * whose grads already hold a value, and isSubgradient on a function of the worker's catalogue.
 *
 * <pre>
 * call reluSlopeAtZero                                                  Ex06KinkRules.reluSlopeAtZero()
 * call reluBackward r0 r3fe8000000000000 rc004000000000000              relu at x = 0, x's grad 0.75 before,
 *                                                                        out.grad() = -2.5: returns x's grad after
 * call isSubgradient tYWJz r0 r3fe0000000000000 r[steps]                isSubgradient(Math::abs, 0, 0.5, steps): 1 or 0
 * </pre>
 */
public final class Ex06Probe implements Probe {
    /** Serves exercise 06's requests. */
    public static void main(String[] args) {
        WorkerMain.serve(new Ex06Probe());
    }

    @Override
    public Plain call(Call c) {
        return switch (c.procedure()) {
            case "reluSlopeAtZero" -> c.real(Ex06KinkRules.reluSlopeAtZero());
            case "absSlopeAtZero" -> c.real(Ex06KinkRules.absSlopeAtZero());
            case "maxShareOfLeftOnTie" -> c.real(Ex06KinkRules.maxShareOfLeftOnTie());
            case "reluBackward" -> c.real(backwardStep(Ex06KinkRules::relu, c.real(0), c.real(1), c.real(2)));
            case "absBackward" -> c.real(backwardStep(Ex06KinkRules::abs, c.real(0), c.real(1), c.real(2)));
            case "maxBackward" -> c.reals(maxBackwardStep(c.real(0), c.real(1), c.real(2), c.real(3), c.real(4)));
            case "isSubgradient" -> c.flag(Ex06KinkRules.isSubgradient(c.function(0), c.real(1), c.real(2), c.reals(3)));
            default -> throw c.unknown();
        };
    }

    /** op's rule run once: x's grad holds {@code held}, out.grad() is {@code upstream}; returns x's grad after. */
    private static double backwardStep(UnaryOperator<Scalar> op, double x, double held, double upstream) {
        Scalar in = new Scalar(x);
        in.setGrad(held);
        Scalar out = op.apply(in);
        out.setGrad(upstream);
        out.backwardStep();
        return in.grad();
    }

    /** max(a, b)'s rule run once with the inputs' grads holding heldA and heldB; returns {a's grad, b's grad}. */
    private static double[] maxBackwardStep(double a, double b, double heldA, double heldB, double upstream) {
        Scalar left = new Scalar(a);
        Scalar right = new Scalar(b);
        left.setGrad(heldA);
        right.setGrad(heldB);
        Scalar out = Ex06KinkRules.max(left, right);
        out.setGrad(upstream);
        out.backwardStep();
        return new double[] {left.grad(), right.grad()};
    }
}
