package gradkit.probes;

import gradkit.exercises.Ex01DifferenceQuotients;
import gradkit.grading.protocol.Plain;
import gradkit.grading.worker.Call;
import gradkit.grading.worker.Probe;
import gradkit.grading.worker.WorkerMain;

/**
 * Exercise 01's calls: the three quotients of a function from the worker's catalogue ("cube", "exp"),
 * and the two steps.
 *
 * <pre>
 * call forward tY3ViZQ== r3ff0000000000000 r3fb999999999999a     Ex01DifferenceQuotients.forward(x -&gt; x*x*x, 1.0, 0.1)
 * call centralStep r0000000000000000                            Ex01DifferenceQuotients.centralStep(0.0)
 * </pre>
 */
public final class Ex01Probe implements Probe {
    /** Serves exercise 01's requests. */
    public static void main(String[] args) {
        WorkerMain.serve(new Ex01Probe());
    }

    @Override
    public Plain call(Call c) {
        return switch (c.procedure()) {
            case "forward" -> c.real(Ex01DifferenceQuotients.forward(c.function(0), c.real(1), c.real(2)));
            case "backward" -> c.real(Ex01DifferenceQuotients.backward(c.function(0), c.real(1), c.real(2)));
            case "central" -> c.real(Ex01DifferenceQuotients.central(c.function(0), c.real(1), c.real(2)));
            case "forwardStep" -> c.real(Ex01DifferenceQuotients.forwardStep(c.real(0)));
            case "centralStep" -> c.real(Ex01DifferenceQuotients.centralStep(c.real(0)));
            default -> throw c.unknown();
        };
    }
}
