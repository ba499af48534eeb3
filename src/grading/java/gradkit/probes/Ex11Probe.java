package gradkit.probes;

import gradkit.exercises.Ex11SoftmaxCrossEntropy;
import gradkit.grading.protocol.Plain;
import gradkit.grading.worker.BadRequest;
import gradkit.grading.worker.Call;
import gradkit.grading.worker.Probe;
import gradkit.grading.worker.WorkerMain;

/**
 * Exercise 11's calls: softmax, cross-entropy and their backward rules, on arrays of numbers. A target
 * travels as a number and must be a whole one (the grader sends -1 and 3 on purpose: the student's code
 * must refuse them).
 *
 * <pre>
 * call softmax R2:0000000000000000,0000000000000000         Ex11SoftmaxCrossEntropy.softmax(new double[] {0, 0})
 * call crossEntropy R2:...,... r4008000000000000            Ex11SoftmaxCrossEntropy.crossEntropy(scores, 3)
 * call crossEntropyBackward R2:...,... r0000000000000000 r3ff0000000000000
 *                                                           Ex11SoftmaxCrossEntropy.crossEntropyBackward(scores, 0, 1.0)
 * </pre>
 */
public final class Ex11Probe implements Probe {
    /** Serves exercise 11's requests. */
    public static void main(String[] args) {
        WorkerMain.serve(new Ex11Probe());
    }

    @Override
    public Plain call(Call c) {
        return switch (c.procedure()) {
            case "softmax" -> c.reals(Ex11SoftmaxCrossEntropy.softmax(c.reals(0)));
            case "crossEntropy" -> c.real(Ex11SoftmaxCrossEntropy.crossEntropy(c.reals(0), index(c, 1)));
            case "softmaxBackward" -> c.reals(Ex11SoftmaxCrossEntropy.softmaxBackward(c.reals(0), c.reals(1)));
            case "crossEntropyBackward" ->
                    c.reals(Ex11SoftmaxCrossEntropy.crossEntropyBackward(c.reals(0), index(c, 1), c.real(2)));
            default -> throw c.unknown();
        };
    }

    /** Argument {@code i}, a whole number, as an int (a target may be out of range: the student's code decides). */
    private static int index(Call c, int i) {
        double x = c.real(i);
        if (x != Math.rint(x) || Math.abs(x) > Integer.MAX_VALUE) {
            throw new BadRequest(c.procedure() + "'s argument " + i + " must be a whole number, but is " + x + ".");
        }
        return (int) x;
    }
}
