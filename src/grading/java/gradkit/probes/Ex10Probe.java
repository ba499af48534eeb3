package gradkit.probes;

import gradkit.engine.Branch;
import gradkit.engine.Value;
import gradkit.exercises.Ex10KinkCrossing;
import gradkit.grading.protocol.Plain;
import gradkit.grading.worker.Call;
import gradkit.grading.worker.Probe;
import gradkit.grading.worker.WorkerMain;
import java.util.List;

/**
 * Exercise 10's calls, each on a function of the worker's catalogue of Value functions ("relu", "net",
 * ...): the branch pattern of its graph at a point, as the ordinals of {@link Branch} (-1 for a null
 * entry); whether a probe crossed a kink, as 1 or 0; the two one-sided quotients.
 *
 * <pre>
 * call branchPattern tbmV0 r[0.5 1.0]                 Ex10KinkCrossing.branchPattern(net at (0.5, 1)): [0 0 3 ...]
 * call probeCrossedKink tcmVsdQ== r[0.0] r0 r1e-5     Ex10KinkCrossing.probeCrossedKink(relu, [0], 0, 1e-5): 1
 * call oneSidedDerivatives tYWJz r[0.0] r0 r1e-3      Ex10KinkCrossing.oneSidedDerivatives(abs, [0], 0, 1e-3)
 * </pre>
 */
public final class Ex10Probe implements Probe {
    /** Serves exercise 10's requests. */
    public static void main(String[] args) {
        WorkerMain.serve(new Ex10Probe());
    }

    @Override
    public Plain call(Call c) {
        return switch (c.procedure()) {
            case "branchPattern" -> c.reals(ordinals(Ex10KinkCrossing.branchPattern(
                    c.valueFunction(0).apply(Value.all(c.reals(1))))));
            case "probeCrossedKink" -> c.flag(Ex10KinkCrossing.probeCrossedKink(c.valueFunction(0), c.reals(1),
                    (int) c.real(2), c.real(3)));
            case "oneSidedDerivatives" -> c.reals(Ex10KinkCrossing.oneSidedDerivatives(c.valueFunction(0), c.reals(1),
                    (int) c.real(2), c.real(3)));
            default -> throw c.unknown();
        };
    }

    /** Each branch as its ordinal in {@link Branch}, -1 for null. */
    private static double[] ordinals(List<Branch> pattern) {
        return pattern.stream().mapToDouble(b -> b == null ? -1 : b.ordinal()).toArray();
    }
}
