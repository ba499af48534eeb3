package gradkit.probes;

import gradkit.exercises.Ex09GradientChecker;
import gradkit.grading.protocol.Plain;
import gradkit.grading.worker.Call;
import gradkit.grading.worker.Probe;
import gradkit.grading.worker.WorkerMain;

/**
 * Exercise 09's calls: relativeError of two numbers, and the two gradients and the verdict of a
 * function from the worker's catalogue of Value functions ("smooth", "product", "cutLast" ...,
 * {@code gradkit.grading.worker.ValueFunctions}). The verdict comes back as 1 (agree) or 0.
 *
 * <pre>
 * call relativeError r3ff0000000000000 r4000000000000000                 relativeError(1.0, 2.0)
 * call gradientsAgree tcHJvZHVjdA== r... r3ee4f8b588e368f1 r3eb0c6f7a0b5ed8d
 *                                                  gradientsAgree(v -&gt; v[0].mul(v[1]), x, 1e-5, 1e-6) as 1 or 0
 * </pre>
 */
public final class Ex09Probe implements Probe {
    /** Serves exercise 09's requests. */
    public static void main(String[] args) {
        WorkerMain.serve(new Ex09Probe());
    }

    @Override
    public Plain call(Call c) {
        return switch (c.procedure()) {
            case "relativeError" -> c.real(Ex09GradientChecker.relativeError(c.real(0), c.real(1)));
            case "analyticGradient" -> c.reals(Ex09GradientChecker.analyticGradient(c.valueFunction(0), c.reals(1)));
            case "numericGradient" -> c.reals(Ex09GradientChecker.numericGradient(c.valueFunction(0), c.reals(1), c.real(2)));
            case "gradientsAgree" -> c.flag(Ex09GradientChecker.gradientsAgree(c.valueFunction(0), c.reals(1), c.real(2),
                    c.real(3)));
            default -> throw c.unknown();
        };
    }
}
