// Planted bug: derivativeOfSquare returns x + x, the two contributions added by hand, without building mul(x, x) or running its backward rule.
// Loses: squareGetsBothContributions 2
// Says: so this result did not come from running the rule
package gradkit.exercises;

/**
 * Exercise 04: a node used twice (notebook 03, the {@code =} versus {@code +=} bug).
 *
 * <p>When a value feeds two operations, the loss depends on it along two paths, and the multivariable
 * chain rule says its gradient is the SUM of both contributions. A backward rule that writes
 * {@code a.grad = ...} instead of {@code a.grad += ...} keeps only the last one: x·x then gets the
 * derivative x instead of 2x.
 * <ul>
 *   <li>{@link #accumulate}: add a contribution into a node's grad (the rules of {@link #add} and
 *       {@link #mul} below call it);</li>
 *   <li>{@link #derivativeOfSquare}: build x·x with {@code mul(x, x)}, run its backward rule and
 *       return dx;</li>
 *   <li>{@link #gradientOfSharedInput}: build f = x·y + x, run the backward rules by hand (output
 *       first) and return {df/dx, df/dy}.</li>
 * </ul>
 *
 * <p>Example: {@code derivativeOfSquare(3.0)} is 6.0.
 */
public final class Ex04Accumulation {
    private Ex04Accumulation() {
    }

    /** Adds {@code contribution} to {@code node}'s gradient (never overwrites it). */
    public static void accumulate(Scalar node, double contribution) {
        node.setGrad(node.grad() + contribution);
    }

    /** a + b, with a backward rule that accumulates (given). */
    public static Scalar add(Scalar a, Scalar b) {
        Scalar out = new Scalar(a.data() + b.data(), "+", a, b);
        out.setBackward(() -> {
            accumulate(a, out.grad());
            accumulate(b, out.grad());
        });
        return out;
    }

    /** a · b, with a backward rule that accumulates (given). */
    public static Scalar mul(Scalar a, Scalar b) {
        Scalar out = new Scalar(a.data() * b.data(), "*", a, b);
        out.setBackward(() -> {
            accumulate(a, b.data() * out.grad());
            accumulate(b, a.data() * out.grad());
        });
        return out;
    }

    /** d(x·x)/dx at x, computed by building {@code mul(x, x)} and running its backward rule. */
    public static double derivativeOfSquare(double x) {
        return x + x;   // d(x^2)/dx, worked out by hand
    }

    /**
     * {df/dx, df/dy} for f = x·y + x, built as {@code add(mul(x, y), x)}: seed f's grad with 1, run
     * f's backward rule, then the product's (every node after all the nodes that use it).
     */
    public static double[] gradientOfSharedInput(double x, double y) {
        Scalar xs = new Scalar(x);
        Scalar ys = new Scalar(y);
        Scalar product = mul(xs, ys);
        Scalar f = add(product, xs);
        f.setGrad(1.0);
        f.backwardStep();
        product.backwardStep();
        return new double[] {xs.grad(), ys.grad()};
    }
}
