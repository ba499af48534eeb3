package gradkit.exercises;

import java.util.List;

/**
 * The students' own mini engine: one number in a computation graph, with its gradient and the rule
 * that pushes that gradient back to the numbers it was computed from.
 *
 * <p>This class is deliberately bare: it stores things and nothing more. The exercises write the
 * operations (ex03: add, mul, pow, exp, tanh), the accumulation (ex04), the backward pass (ex05) and
 * the rules at kinks (ex06). The library's own {@link gradkit.engine.Value} does all of this already;
 * the grading tests use it as the independent truth your {@code Scalar} code is compared with.
 *
 * <pre>{@code
 * Scalar a = new Scalar(2.0);
 * Scalar b = new Scalar(3.0);
 * Scalar c = new Scalar(a.data() * b.data(), "*", a, b);   // forward: c = a * b
 * c.setBackward(() -> {                                     // backward: dc/da = b, dc/db = a
 *     a.setGrad(a.grad() + b.data() * c.grad());
 *     b.setGrad(b.grad() + a.data() * c.grad());
 * });
 * c.setGrad(1.0);
 * c.backwardStep();                                         // a.grad() == 3.0, b.grad() == 2.0
 * }</pre>
 */
public final class Scalar {
    private double data;
    private double grad;
    private final String op;
    private final List<Scalar> parents;
    /** The local backward rule; a leaf has nothing to pass its gradient on to. */
    private Runnable backward = () -> { };

    /** A leaf: a number that was not computed from other scalars (an input or a parameter). */
    public Scalar(double data) {
        this(data, "");
    }

    /**
     * A number computed by operation {@code op} from {@code parents}. Set its backward rule with
     * {@link #setBackward(Runnable)} right after creating it.
     */
    public Scalar(double data, String op, Scalar... parents) {
        this.data = data;
        this.op = op;
        this.parents = List.of(parents);
    }

    /** The number itself. */
    public double data() {
        return data;
    }

    /** Replaces the number (used by a training step: p.data -= lr * p.grad). */
    public void setData(double data) {
        this.data = data;
    }

    /** d(output)/d(this) as far as the backward pass has got; 0 until then. */
    public double grad() {
        return grad;
    }

    /** Overwrites the gradient (to seed the output with 1, or to reset to 0). */
    public void setGrad(double grad) {
        this.grad = grad;
    }

    /** The operation that made this scalar, "" for a leaf. */
    public String op() {
        return op;
    }

    /** The scalars this one was computed from, in the order the operation took them. */
    public List<Scalar> parents() {
        return parents;
    }

    /** Installs the local backward rule: how this scalar's grad flows into its parents' grads. */
    public void setBackward(Runnable rule) {
        this.backward = rule;
    }

    /** Runs the local backward rule once (one step of the chain rule, not the whole pass). */
    public void backwardStep() {
        backward.run();
    }

    /** For example {@code Scalar(data=6.0, grad=0.0, op=*)}. */
    @Override
    public String toString() {
        return "Scalar(data=" + data + ", grad=" + grad + (op.isEmpty() ? "" : ", op=" + op) + ")";
    }
}
