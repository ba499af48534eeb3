package gradkit.engine;

import java.util.List;

/**
 * A value computed from any number of operands in one node: a sum, the max or min of a list, a
 * logSumExp. It keeps its operands and their local derivatives in two arrays, where {@link Unary}
 * and {@link Binary} keep their one or two in fields, which is what keeps those nodes small.
 *
 * <p>The public operations are {@link Value#sum}, {@link Value#max(List)}, {@link Value#min(List)}
 * and {@link Value#logSumExp}; each is written out here, its result and its local derivatives
 * side by side.
 */
final class Reduction extends Value {

    private final String op;
    final Value[] operands;
    /** d(this)/d(operand i); null for a sum, whose local derivatives are all 1. */
    private final double[] localGrads;
    /** For a max or min: the first operand equal to the result (-1 for NaN); -1 for the others. */
    private final int selected;

    private Reduction(double data, String op, Branch branch, Value[] operands, double[] localGrads) {
        this(data, op, branch, operands, localGrads, -1);
    }

    private Reduction(double data, String op, Branch branch, Value[] operands, double[] localGrads, int selected) {
        super(data, branch);
        this.op = op;
        this.operands = operands;
        this.localGrads = localGrads;
        this.selected = selected;
        if (localGrads != null && Settings.precision() == Precision.FLOAT32) {
            for (int i = 0; i < localGrads.length; i++) {
                localGrads[i] = r(localGrads[i]);
            }
        }
    }

    /**
     * Left to right, each partial sum rounded as a loop of additions would round it. Local
     * derivatives: 1. Keeps {@code operands} itself: pass an array no one else changes.
     */
    static Reduction sumOf(Value[] operands) {
        if (operands == null || operands.length == 0) {
            throw new IllegalArgumentException("sum needs at least one term, but got none.");
        }
        double total = 0.0;
        for (int i = 0; i < operands.length; i++) {
            if (operands[i] == null) {
                throw new IllegalArgumentException("sum got null as term " + i + " of " + operands.length + ".");
            }
            total = i == 0 ? operands[i].data : r(total + operands[i].data);
        }
        return new Reduction(total, "sum", Branch.NONE, operands, null);
    }

    /**
     * The largest ({@code direction} +1) or smallest (-1) operand. Local derivatives: 1/k for each of
     * the k operands that equal the result, 0 for the others; NaN for all if any operand is NaN.
     * Records KINK for a tie, ABOVE otherwise, and which operand was selected: the result is
     * smooth only where that does not change.
     */
    static Reduction extreme(String op, Value[] operands, int direction) {
        double best = operands[0].data;
        boolean nan = false;
        for (Value v : operands) {
            nan |= Double.isNaN(v.data);
            best = direction > 0 ? Math.max(best, v.data) : Math.min(best, v.data);
        }
        int ties = 0;
        int selected = -1;
        for (int i = 0; i < operands.length; i++) {
            if (operands[i].data == best) {
                ties++;
                selected = selected < 0 ? i : selected;
            }
        }
        double[] locals = new double[operands.length];
        for (int i = 0; i < operands.length; i++) {
            locals[i] = nan ? Double.NaN : operands[i].data == best ? 1.0 / ties : 0.0;
        }
        return new Reduction(nan ? Double.NaN : best, op, ties > 1 ? Branch.KINK : Branch.ABOVE, operands, locals,
                nan ? -1 : selected);
    }

    /**
     * log(sum e^xi) as m + log(sum e^(xi - m)), m the largest xi (0 if m is infinite), so that no
     * e^xi overflows. Local derivatives: e^(xi - result), the softmax of the operands.
     */
    static Reduction logSumExpOf(Value[] operands) {
        double m = Double.NEGATIVE_INFINITY;
        for (Value v : operands) {
            m = Math.max(m, v.data);   // NaN if any operand is NaN
        }
        double shift = Double.isInfinite(m) ? 0.0 : m;
        double total = 0.0;
        for (Value v : operands) {
            total = r(total + r(Math.exp(r(v.data - shift))));
        }
        double out = r(shift + r(Math.log(total)));
        double[] locals = new double[operands.length];
        for (int i = 0; i < operands.length; i++) {
            locals[i] = Math.exp(r(operands[i].data - out));
        }
        return new Reduction(out, "logSumExp", Branch.NONE, operands, locals);
    }

    /** The operands of a list as an array, or a clear error for a null or empty list or a null operand. */
    static Value[] toArray(List<Value> values, String op) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException(op + " needs at least one Value, but got " + (values == null ? "null" : "none") + ".");
        }
        Value[] array = values.toArray(new Value[0]);
        for (int i = 0; i < array.length; i++) {
            if (array[i] == null) {
                throw new IllegalArgumentException(op + " got null as operand " + i + " of " + array.length + ".");
            }
        }
        return array;
    }

    @Override
    void passGradToOperands(Precision precision) {
        for (int i = 0; i < operands.length; i++) {
            Value operand = operands[i];
            operand.grad = precision.accumulate(operand.grad, localGrads == null ? 1.0 : localGrads[i], grad);
        }
    }

    @Override
    int operandCount() {
        return operands.length;
    }

    @Override
    Value operand(int i) {
        return operands[i];
    }

    @Override
    double localGrad(int i) {
        return localGrads == null ? 1.0 : localGrads[i];
    }

    @Override
    public String op() {
        return op;
    }

    @Override
    int selectedOperand() {
        return selected;
    }
}
