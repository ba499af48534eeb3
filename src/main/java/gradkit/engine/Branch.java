package gradkit.engine;

/**
 * Which side of its kink a non-smooth operation was evaluated on.
 *
 * <p>Smooth operations (add, mul, exp, ...) and leaves record {@link #NONE}. The operations with a
 * kink record where their input sat relative to it:
 *
 * <table>
 *   <caption>What BELOW, KINK and ABOVE mean for each operation</caption>
 *   <tr><th>operation</th><th>BELOW</th><th>KINK</th><th>ABOVE</th></tr>
 *   <tr><td>relu, leakyRelu, abs</td><td>x &lt; 0</td><td>x == 0</td><td>x &gt; 0</td></tr>
 *   <tr><td>max(a, b), min(a, b)</td><td>a &lt; b</td><td>a == b</td><td>a &gt; b</td></tr>
 *   <tr><td>elu, sign</td><td>x &lt; 0</td><td>x == 0</td><td>x &gt; 0</td></tr>
 * </table>
 *
 * <p>clamp, hardtanh and relu6 have two kinks, at lo and hi: they record BELOW under lo, KINK at
 * either bound, {@link #BETWEEN} strictly inside and ABOVE over hi. The max or min of a list records
 * KINK for a tie and ABOVE otherwise, and {@link BranchPattern#selected} says which operand it selected.
 *
 * <p>Two evaluations of the same expression that record the same branches everywhere are on the same
 * smooth piece of the function; a finite-difference probe that changes a branch has crossed a kink.
 *
 * <pre>{@code
 * Value.of(0.0).relu().branch();   // KINK
 * Value.of(-3.0).relu().branch();  // BELOW
 * }</pre>
 */
public enum Branch {
    /** A smooth operation or a leaf: there is no kink to be on either side of. */
    NONE,
    /** The input was below the kink (for max and min: the left operand was the smaller). */
    BELOW,
    /** The input sat exactly on the kink (for max and min: a tie). */
    KINK,
    /** The input was above the kink (for max and min: the left operand was the larger). */
    ABOVE,
    /** The input was strictly between an operation's two kinks (clamp, hardtanh, relu6). */
    BETWEEN;

    /** The branch for a quantity whose sign decides the side: negative, zero or positive. */
    static Branch ofSign(double x) {
        if (x < 0) return BELOW;
        if (x > 0) return ABOVE;
        if (x == 0) return KINK;
        return NONE; // NaN sits on no side at all
    }

    /** The branch of x for an operation with kinks at lo and hi (lo &lt;= hi). */
    static Branch between(double x, double lo, double hi) {
        if (x < lo) return BELOW;
        if (x > hi) return ABOVE;
        if (x == lo || x == hi) return KINK;
        if (x > lo && x < hi) return BETWEEN;
        return NONE; // NaN
    }
}
