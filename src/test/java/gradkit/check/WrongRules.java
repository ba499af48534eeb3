package gradkit.check;

import gradkit.engine.Value;

/**
 * Honest ways to build an operation with a wrong backward rule out of correct ones, for testing that
 * the checker catches wrong gradients (the engine's own rules cannot be changed from outside).
 *
 * <p>All of them rest on one trick: {@code detached(y)} is a new leaf holding y's number but with no
 * link to y's graph, so no gradient flows through it (PyTorch calls this {@code y.detach()}). Then
 * {@code y - detached(y)} is exactly 0.0 in value (a number minus itself) yet has the gradient of y.
 * Adding a multiple of it changes the gradient and leaves every value, at the point and at every
 * probe, exactly as it was, because the checker rebuilds the graph (and so the detached copy) at
 * every probe. The finite differences therefore still measure the true derivative, while
 * backpropagation sees the wrong rule.
 */
final class WrongRules {

    private WrongRules() {}

    /** A leaf with y's number and no gradient path back to y. */
    static Value detached(Value y) {
        return Value.of(y.data());
    }

    /**
     * The value y with k times y's gradient: y + (k - 1)·(y - detached(y)). Value y exactly; gradient
     * k·y'. With k = -1 this is a backward rule with the wrong sign.
     */
    static Value scaledGradient(Value y, double k) {
        return y.add(y.sub(detached(y)).mul(k - 1));
    }

    /**
     * The value y whose derivative with respect to x is off by c: y + c·(x - detached(x)). Value y
     * exactly; gradient y' + c. For y = relu(x) this is a relu whose backward rule adds c to the slope.
     */
    static Value extraSlope(Value y, Value x, double c) {
        return y.add(x.sub(detached(x)).mul(c));
    }

    /**
     * x² computed as x·detached(x): the value is x², but backpropagation sees x times a constant and
     * returns x instead of 2x. This is the classic bug of a product rule that forgets one factor.
     */
    static Value squareMissingOneFactor(Value x) {
        return x.mul(detached(x));
    }
}
