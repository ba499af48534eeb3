package gradkit.probes;

import gradkit.exercises.Ex04Accumulation;
import gradkit.exercises.Scalar;
import gradkit.grading.protocol.Plain;
import gradkit.grading.worker.Call;
import gradkit.grading.worker.Probe;
import gradkit.grading.worker.WorkerMain;

/**
 * Exercise 04's calls: the student's accumulate on one node, the two answers the student builds a graph
 * for (derivativeOfSquare, gradientOfSharedInput), and the given rule of mul run on the student's
 * accumulate.
 *
 * <pre>
 * call accumulate r3ff0000000000000 r3fe0000000000000 R2:4000000000000000,bff0000000000000
 *                     a node of data 1.0 and grad 0.5; accumulate(node, 2.0), accumulate(node, -1.0): {2.5, 1.5}
 * call derivativeOfSquare r4008000000000000                    Ex04Accumulation.derivativeOfSquare(3.0): 6.0
 * call squareByTheRule r8000000000000000                       leaf -0.0, mul(leaf, leaf), grad 1, its rule once: 0.0
 * call mulStepTwice r4000000000000000 r4008000000000000 r3ff0000000000000    mul(2, 3), grad 1, its rule twice: 6.0
 * </pre>
 */
public final class Ex04Probe implements Probe {
    /** Serves exercise 04's requests. */
    public static void main(String[] args) {
        WorkerMain.serve(new Ex04Probe());
    }

    @Override
    public Plain call(Call c) {
        return switch (c.procedure()) {
            case "accumulate" -> c.reals(accumulate(c.real(0), c.real(1), c.reals(2)));
            case "derivativeOfSquare" -> c.real(Ex04Accumulation.derivativeOfSquare(c.real(0)));
            case "gradientOfSharedInput" -> c.reals(Ex04Accumulation.gradientOfSharedInput(c.real(0), c.real(1)));
            case "squareByTheRule" -> c.real(squareByTheRule(c.real(0)));
            case "mulStepTwice" -> c.real(mulStepTwice(c.real(0), c.real(1), c.real(2)));
            default -> throw c.unknown();
        };
    }

    /** A node of {@code data} holding grad {@code held}, given each contribution in turn: its grad after each. */
    private static double[] accumulate(double data, double held, double[] contributions) {
        Scalar node = new Scalar(data);
        node.setGrad(held);
        double[] grads = new double[contributions.length];
        for (int i = 0; i < contributions.length; i++) {
            Ex04Accumulation.accumulate(node, contributions[i]);
            grads[i] = node.grad();
        }
        return grads;
    }

    /** x's grad after the rule of mul(x, x), seeded with 1, runs once: what the engine gives for d(x*x)/dx. */
    private static double squareByTheRule(double x) {
        Scalar leaf = new Scalar(x);
        Scalar square = Ex04Accumulation.mul(leaf, leaf);
        square.setGrad(1.0);
        square.backwardStep();
        return leaf.grad();
    }

    /** a's grad after the rule of p = mul(a, b), whose grad is {@code upstream}, runs twice. */
    private static double mulStepTwice(double a, double b, double upstream) {
        Scalar first = new Scalar(a);
        Scalar p = Ex04Accumulation.mul(first, new Scalar(b));
        p.setGrad(upstream);
        p.backwardStep();
        p.backwardStep();
        return first.grad();
    }
}
