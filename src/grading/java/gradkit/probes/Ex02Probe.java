package gradkit.probes;

import gradkit.exercises.Ex02ChainRuleByHand;
import gradkit.grading.protocol.Plain;
import gradkit.grading.worker.Call;
import gradkit.grading.worker.Probe;
import gradkit.grading.worker.WorkerMain;

/**
 * Exercise 02's calls: the three derivatives worked out by hand.
 *
 * <pre>
 * call dfdx r0000000000000000 r4000000000000000     Ex02ChainRuleByHand.dfdx(0.0, 2.0)
 * call dgdx r3fe0000000000000                       Ex02ChainRuleByHand.dgdx(0.5)
 * </pre>
 */
public final class Ex02Probe implements Probe {
    /** Serves exercise 02's requests. */
    public static void main(String[] args) {
        WorkerMain.serve(new Ex02Probe());
    }

    @Override
    public Plain call(Call c) {
        return switch (c.procedure()) {
            case "dfdx" -> c.real(Ex02ChainRuleByHand.dfdx(c.real(0), c.real(1)));
            case "dfdy" -> c.real(Ex02ChainRuleByHand.dfdy(c.real(0), c.real(1)));
            case "dgdx" -> c.real(Ex02ChainRuleByHand.dgdx(c.real(0)));
            default -> throw c.unknown();
        };
    }
}
