package gradkit.gpt;

import gradkit.engine.Value;
import java.util.List;

/**
 * The Adam optimizer with microgpt's settings: β1 = 0.85, β2 = 0.99, ε = 1e-8, bias-corrected
 * moments, and a learning rate that falls linearly from 0.01 to 0 over the run.
 *
 * <p>For each parameter p with gradient g, at step t (counted from 1):
 * <pre>
 *   m ← β1·m + (1 − β1)·g          v ← β2·v + (1 − β2)·g²
 *   m̂ = m / (1 − β1^t)             v̂ = v / (1 − β2^t)
 *   p ← p − lr · m̂ / (√v̂ + ε)
 * </pre>
 * and then g is set to 0, ready for the next backward pass.
 *
 * <pre>{@code
 * Adam adam = new Adam(parameters.all());
 * for (int step = 0; step < steps; step++) {
 *     Value loss = model.loss(tokens);
 *     loss.backward();
 *     adam.step(Adam.learningRate(step, steps));
 * }
 * }</pre>
 */
public final class Adam {

    /** The learning rate at the first step. */
    public static final double LEARNING_RATE = 0.01;
    /** Decay of the first moment (the running mean of gradients). */
    public static final double BETA1 = 0.85;
    /** Decay of the second moment (the running mean of squared gradients). */
    public static final double BETA2 = 0.99;
    /** Keeps the step finite where v̂ is 0. */
    public static final double EPSILON = 1e-8;

    private final List<Value> parameters;
    private final double[] m;
    private final double[] v;
    private int t;

    /** An optimizer for these parameters, with both moments at 0. */
    public Adam(List<Value> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            throw new IllegalArgumentException("Adam needs at least one parameter, but got none.");
        }
        this.parameters = List.copyOf(parameters);
        this.m = new double[parameters.size()];
        this.v = new double[parameters.size()];
    }

    /** microgpt's schedule: 0.01 · (1 − step / steps), for step = 0, 1, ..., steps − 1. */
    public static double learningRate(int step, int steps) {
        if (steps <= 0 || step < 0 || step >= steps) {
            throw new IllegalArgumentException("learningRate needs 0 <= step < steps, but got step " + step
                    + " of " + steps + ".");
        }
        return LEARNING_RATE * (1.0 - (double) step / steps);
    }

    /** One update of every parameter from its gradient with learning rate {@code lr}; then zeroes the gradients. */
    public void step(double lr) {
        t++;
        double correction1 = 1.0 - Math.pow(BETA1, t);
        double correction2 = 1.0 - Math.pow(BETA2, t);
        for (int i = 0; i < m.length; i++) {
            Value p = parameters.get(i);
            double g = p.grad();
            m[i] = BETA1 * m[i] + (1 - BETA1) * g;
            v[i] = BETA2 * v[i] + (1 - BETA2) * g * g;
            double mHat = m[i] / correction1;
            double vHat = v[i] / correction2;
            p.setData(p.data() - lr * mHat / (Math.sqrt(vHat) + EPSILON));
            p.setGrad(0.0);
        }
    }

    /** The number of steps taken. */
    public int steps() {
        return t;
    }
}
