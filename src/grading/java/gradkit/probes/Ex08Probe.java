package gradkit.probes;

import gradkit.engine.Value;
import gradkit.exercises.Ex08HingeLossAndSgd;
import gradkit.grading.protocol.Plain;
import gradkit.grading.worker.BadRequest;
import gradkit.grading.worker.Call;
import gradkit.grading.worker.Probe;
import gradkit.grading.worker.WorkerMain;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Exercise 08's calls. The hinge loss of scores made leaves here from numbers, its value or its
 * gradient; one sgdStep on parameters given by data and grad; and training steps on a loss named in
 * this probe's small catalogue ({@link #loss}), over parameters given by data and grad.
 *
 * <pre>
 * call hingeLoss r[2, -0.5] r[1, 1]                     hingeLoss(leaves 2, -0.5; labels 1, 1).data()
 * call trainingSteps t"square" r[2] r[5] r0.1 r2        two trainingSteps on w*w from w = 2 with grad 5
 * </pre>
 */
public final class Ex08Probe implements Probe {
    /** Serves exercise 08's requests. */
    public static void main(String[] args) {
        WorkerMain.serve(new Ex08Probe());
    }

    @Override
    public Plain call(Call c) {
        return switch (c.procedure()) {
            case "hingeLoss" -> c.real(Ex08HingeLossAndSgd.hingeLoss(Arrays.asList(Value.all(c.reals(0))), c.reals(1)).data());
            case "hingeGradient" -> c.reals(hingeGradient(c.reals(0), c.reals(1)));
            case "sgdStep" -> c.reals(sgdStep(c.reals(0), c.reals(1), c.real(2)));
            case "trainingSteps" -> c.reals(trainingSteps(c.text(0), c.reals(1), c.reals(2), c.real(3), (int) c.real(4)));
            default -> throw c.unknown();
        };
    }

    /** backward() of the hinge loss of leaves {@code scores}; returns the leaves' grads. */
    private static double[] hingeGradient(double[] scores, double[] labels) {
        Value[] leaves = Value.all(scores);
        Ex08HingeLossAndSgd.hingeLoss(Arrays.asList(leaves), labels).backward();
        return grads(leaves);
    }

    /** One sgdStep on parameters with these data and grads; returns their data, then their grads. */
    private static double[] sgdStep(double[] data, double[] grad, double learningRate) {
        Value[] p = parameters(data, grad);
        Ex08HingeLossAndSgd.sgdStep(List.of(p), learningRate);
        double[] after = new double[2 * p.length];
        for (int i = 0; i < p.length; i++) {
            after[i] = p[i].data();
            after[p.length + i] = p[i].grad();
        }
        return after;
    }

    /**
     * {@code steps} trainingSteps on the loss called {@code name}, over parameters with these data and
     * grads; after each step, the loss it returned and then every parameter's data.
     */
    private static double[] trainingSteps(String name, double[] data, double[] grad, double learningRate, int steps) {
        Value[] p = parameters(data, grad);
        Supplier<Value> loss = loss(name, p);
        double[] out = new double[steps * (1 + p.length)];
        int k = 0;
        for (int step = 0; step < steps; step++) {
            out[k++] = Ex08HingeLossAndSgd.trainingStep(List.of(p), loss, learningRate);
            for (Value v : p) {
                out[k++] = v.data();
            }
        }
        return out;
    }

    /**
     * The losses a trainingStep may be given, by name, built over the parameters {@code p}:
     * "square" is w² of p = (w); "separableHinge" is the student's own hingeLoss of the scores w·x + b,
     * p = (w, b), on the separable points x = (1, 2, -1, -2.5) with labels (+1, +1, -1, -1).
     */
    private static Supplier<Value> loss(String name, Value[] p) {
        return switch (name) {
            case "square" -> () -> p[0].mul(p[0]);
            case "separableHinge" -> () -> {
                double[] x = {1.0, 2.0, -1.0, -2.5};
                double[] y = {1, 1, -1, -1};
                List<Value> scores = new ArrayList<>();
                for (double xi : x) {
                    scores.add(p[0].mul(xi).add(p[1]));
                }
                return Ex08HingeLossAndSgd.hingeLoss(scores, y);
            };
            default -> throw new BadRequest("There is no loss \"" + name + "\" in exercise 08's catalogue"
                    + " [square, separableHinge].");
        };
    }

    private static Value[] parameters(double[] data, double[] grad) {
        if (data.length != grad.length) {
            throw new BadRequest("Parameters need one grad per data, but got " + data.length + " and " + grad.length + ".");
        }
        Value[] p = Value.all(data);
        for (int i = 0; i < p.length; i++) {
            p[i].setGrad(grad[i]);
        }
        return p;
    }

    private static double[] grads(Value[] leaves) {
        double[] g = new double[leaves.length];
        for (int i = 0; i < leaves.length; i++) {
            g[i] = leaves[i].grad();
        }
        return g;
    }
}
