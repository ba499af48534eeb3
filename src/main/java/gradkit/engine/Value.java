package gradkit.engine;

import java.util.List;

/**
 * One scalar in a computation graph: a number, the gradient of some output with respect to it, and
 * the operands it was computed from, each with its local derivative.
 *
 * <p>Every operation below computes its result and, in the same line, the local derivative of the
 * result with respect to each operand (one step of the chain rule), and stores them beside the
 * operands. {@link #backward()} is then one loop over the graph from the output back to the leaves:
 * {@code operand.grad += localDerivative * out.grad}. No rule runs later, so every convention (such
 * as relu'(0)) is fixed when the operation runs.
 *
 * <pre>{@code
 * Value a = Value.of(2.0, "a");
 * Value b = Value.of(-3.0, "b");
 * Value c = a.mul(b).add(a);          // c = a*b + a = -4
 * c.backward();
 * a.grad();                           // dc/da = b + 1 = -2.0
 * b.grad();                           // dc/db = a     =  2.0
 * }</pre>
 *
 * <h2>Points where an operation has no derivative</h2>
 * The engine follows PyTorch's conventions. Each of these values is a valid choice (a one-sided
 * derivative or a subgradient), and each is tested.
 * <table>
 *   <caption>Derivatives at the kinks and edges</caption>
 *   <tr><th>operation</th><th>at</th><th>derivative used</th></tr>
 *   <tr><td>relu(x)</td><td>x = 0</td><td>0 (any value in [0, 1] via {@link Settings#setReluGradAtZero},
 *       read when relu runs)</td></tr>
 *   <tr><td>abs(x), sign(x)</td><td>x = 0</td><td>0 (sign: 0 everywhere)</td></tr>
 *   <tr><td>leakyRelu(x, s)</td><td>x = 0</td><td>s, the slope of the negative side</td></tr>
 *   <tr><td>elu(x, alpha)</td><td>x = 0</td><td>alpha, the slope of the negative side</td></tr>
 *   <tr><td>clamp(x, lo, hi)</td><td>x = lo or hi</td><td>1 (the bounds belong to the inside)</td></tr>
 *   <tr><td>hardtanh(x), relu6(x)</td><td>x = -1, 1; x = 0, 6</td><td>0 (the bounds belong to the outside)</td></tr>
 *   <tr><td>max, min</td><td>a tie of k operands</td><td>1/k to each tied operand</td></tr>
 *   <tr><td>sqrt(x)</td><td>x = 0</td><td>+Infinity</td></tr>
 *   <tr><td>log(x)</td><td>x = 0</td><td>value -Infinity, derivative +Infinity</td></tr>
 *   <tr><td>pow(x, 0)</td><td>every x, 0 included</td><td>0 (not 0 * 0^-1 = NaN)</td></tr>
 *   <tr><td>pow(a, b), d/db</td><td>a = 0, b &ge; 0</td><td>0 (not 0 * log 0 = NaN)</td></tr>
 * </table>
 * A NaN operand gives every operation a NaN result and a NaN local derivative, kinks included.
 *
 * <p>Operations with a kink record which side of it they were evaluated on ({@link #branch()}), so
 * that tools such as the gradient checker can tell when a probe crossed a kink.
 *
 * <p>A {@code Value} is not thread-safe: build and differentiate a graph on one thread.
 */
public abstract sealed class Value permits Leaf, Unary, Binary, Reduction {

    private static final Branch[] BRANCHES = Branch.values();

    // data and grad are read directly by the engine's own loops (the node kinds, backward).
    double data;
    double grad;
    private final byte branch;      // a Branch's ordinal: one byte, where a reference would take four
    /** Used only while {@link TopologicalSort} walks the graph; false at all other times. */
    boolean visited;

    /**
     * The fields every node has; the kinds of node add their operands: {@link Leaf} none,
     * {@link Unary} one, {@link Binary} two, {@link Reduction} any number. The result is rounded to
     * the current precision.
     */
    Value(double data, Branch branch) {
        this.data = r(data);
        this.branch = (byte) branch.ordinal();
    }

    private Value unary(String op, Branch branch, double out, double dOut) {
        return new Unary(op, branch, out, this, dOut);
    }

    private Value unary(String op, double out, double dOut) {
        return new Unary(op, Branch.NONE, out, this, dOut);
    }

    private Value binary(byte op, Branch branch, double out, double dThis, Value other, double dOther) {
        return new Binary(op, branch, out, this, dThis, other, dOther);
    }

    private Value binary(byte op, double out, double dThis, Value other, double dOther) {
        return new Binary(op, Branch.NONE, out, this, dThis, other, dOther);
    }

    /** x rounded to the current precision: an intermediate step of a local derivative. */
    static double r(double x) {
        return Settings.precision().round(x);
    }

    // ---------------------------------------------------------------- creating leaves

    /** A leaf holding {@code data}, such as an input or a weight. */
    public static Value of(double data) {
        return new Leaf(data);
    }

    /** A leaf holding {@code data}, named {@code label} in printouts and drawings. */
    public static Value of(double data, String label) {
        return of(data).label(label);
    }

    /** One leaf per number, in order: {@code Value.all(1, 2, 3)}. */
    public static Value[] all(double... data) {
        Value[] values = new Value[data.length];
        for (int i = 0; i < data.length; i++) {
            values[i] = of(data[i]);
        }
        return values;
    }

    // ---------------------------------------------------------------- arithmetic
    // Each line: the operation's name, its result, then each operand's local derivative.

    /** {@code this + other}. Local derivatives: 1 and 1. */
    public Value add(Value other) {
        return binary(Binary.ADD, data + operand(other, "add").data, 1.0, other, 1.0);
    }

    /** {@code this - other}. Local derivatives: 1 and -1. */
    public Value sub(Value other) {
        return binary(Binary.SUB, data - operand(other, "sub").data, 1.0, other, -1.0);
    }

    /** {@code this * other}. Local derivatives: other and this. */
    public Value mul(Value other) {
        return binary(Binary.MUL, data * operand(other, "mul").data, other.data, other, data);
    }

    /** {@code this / other}. Local derivatives: 1/other and -this/other², written -(this/other)/other. */
    public Value div(Value other) {
        double q = r(data / operand(other, "div").data);
        return binary(Binary.DIV, q, 1.0 / other.data, other, -q / other.data);
    }

    /** {@code -this}. Local derivative: -1. */
    public Value neg() {
        return unary("neg", -data, -1.0);
    }

    /** {@code this + c}, with {@code c} a constant leaf. */
    public Value add(double c) {
        return add(of(c));
    }

    /** {@code this - c}, with {@code c} a constant leaf. */
    public Value sub(double c) {
        return sub(of(c));
    }

    /** {@code this * c}, with {@code c} a constant leaf. */
    public Value mul(double c) {
        return mul(of(c));
    }

    /** {@code this / c}, with {@code c} a constant leaf. */
    public Value div(double c) {
        return div(of(c));
    }

    /**
     * {@code this} raised to a constant power. Local derivative: n·x^(n-1), except that x^0 = 1 is
     * constant, so its derivative is 0 everywhere, at x = 0 too (where n·x^(n-1) would be 0·∞ = NaN).
     */
    public Value pow(double n) {
        if (!Double.isFinite(n)) {
            throw new IllegalArgumentException("pow needs a finite exponent, but got " + n + ".");
        }
        return unary("^" + formatExponent(n), Math.pow(data, n), n == 0 ? 0.0 : n * r(Math.pow(data, n - 1)));
    }

    /**
     * {@code this} raised to the power {@code exponent}, both values. Local derivatives:
     * b·a^(b-1) for the base (0 when b = 0) and a^b·ln a for the exponent (0 when a = 0 and b &ge; 0,
     * as PyTorch; NaN for a negative base, whose logarithm is not real).
     *
     * <pre>{@code Value.of(2.0).pow(Value.of(3.0)).data();   // 8.0 }</pre>
     *
     * @throws IllegalArgumentException if the exponent is null, or the base is negative and the
     *     exponent is not a whole number (the result would not be a real number)
     */
    public Value pow(Value exponent) {
        double e = operand(exponent, "pow").data;
        if (data < 0 && e != Math.rint(e) && !Double.isNaN(e)) {
            throw new IllegalArgumentException("pow of a negative base needs a whole-number exponent, but got "
                    + data + " ^ " + e + ", which is not a real number.");
        }
        double out = r(Math.pow(data, e));
        return binary(Binary.POW, out, e == 0 ? 0.0 : e * r(Math.pow(data, r(e - 1))),
                exponent, data == 0 && e >= 0 ? 0.0 : out * r(Math.log(data)));
    }

    /**
     * The sum of many values as one node (not a chain of additions), added left to right.
     * Local derivative: 1 for each term.
     *
     * <pre>{@code Value total = Value.sum(a, b, c); }</pre>
     *
     * @throws IllegalArgumentException if there are no terms or a term is null
     */
    public static Value sum(Value... terms) {
        return Reduction.sumOf(terms == null ? null : terms.clone()); // a copy: the caller may reuse its array
    }

    /** The sum of a list of values as one node; see {@link #sum(Value...)}. */
    public static Value sum(List<Value> terms) {
        return Reduction.sumOf(Reduction.toArray(terms, "sum"));
    }

    // ---------------------------------------------------------------- smooth functions

    /** e^this. Local derivative: e^this, the output itself. */
    public Value exp() {
        double out = r(Math.exp(data));
        return unary("exp", out, out);
    }

    /** The natural logarithm. Local derivative: 1/x (log(0) = -Infinity with derivative +Infinity). */
    public Value log() {
        return unary("log", Math.log(data), 1.0 / data);
    }

    /** The square root. Local derivative: 1/(2·sqrt(x)), written 0.5/sqrt(x): +Infinity at 0. */
    public Value sqrt() {
        double out = r(Math.sqrt(data));
        return unary("sqrt", out, 0.5 / out);
    }

    /** The hyperbolic tangent. Local derivative: 1 - tanh², from the output. */
    public Value tanh() {
        double t = r(Math.tanh(data));
        return unary("tanh", t, 1 - r(t * t));
    }

    /** The logistic function 1/(1+e^-x), computed without overflow. Local derivative: s·(1-s). */
    public Value sigmoid() {
        double s = r(logistic(data));
        return unary("sigmoid", s, s * r(1 - s));
    }

    /**
     * softplus(x) = log(1 + e^x), a smooth relu, computed without overflow as
     * max(x, 0) + log(1 + e^-|x|). Local derivative: sigmoid(x). It is one node on purpose: built from
     * relu and abs, its derivative at 0 would come out as 0 instead of 0.5 (see the notebooks).
     */
    public Value softplus() {
        return unary("softplus", Math.max(data, 0) + Math.log1p(Math.exp(-Math.abs(data))), logistic(data));
    }

    private static double logistic(double x) {
        return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
    }

    // ---------------------------------------------------------------- functions with a kink
    // Each local derivative is NaN for a NaN input: the comparisons that pick a side are all false.

    /**
     * max(0, x). Local derivative: 1 above 0, 0 below, and {@link Settings#reluGradAtZero()} at
     * exactly 0 (0 unless changed), read when relu runs, so a graph keeps the convention it was built with.
     */
    public Value relu() {
        double slope = data > 0 ? 1.0 : data < 0 ? 0.0 : data == 0 ? Settings.reluGradAtZero() : Double.NaN;
        return unary("relu", Branch.ofSign(data), Math.max(data, 0.0), slope);
    }

    /**
     * x above 0, slope·x otherwise. Local derivative: 1 above 0, {@code slope} at 0 and below
     * (at 0 PyTorch takes the negative side's slope, and so do we).
     */
    public Value leakyRelu(double slope) {
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("leakyRelu needs a finite slope, but got " + slope + ".");
        }
        return unary("leakyRelu", Branch.ofSign(data), data > 0 ? data : slope * data,
                data > 0 ? 1.0 : data <= 0 ? slope : Double.NaN);
    }

    /** elu with alpha = 1: x above 0, e^x - 1 otherwise; see {@link #elu(double)}. */
    public Value elu() {
        return elu(1.0);
    }

    /**
     * x above 0, alpha·(e^x - 1) otherwise. Local derivative: 1 above 0, alpha·e^x at 0 and below
     * (alpha at 0, as PyTorch).
     *
     * <pre>{@code Value.of(-1.0).elu(2.0).data();   // 2(e^-1 - 1) = -1.264... }</pre>
     */
    public Value elu(double alpha) {
        if (!Double.isFinite(alpha)) {
            throw new IllegalArgumentException("elu needs a finite alpha, but got " + alpha + ".");
        }
        return unary("elu", Branch.ofSign(data), data > 0 ? data : alpha * r(Math.expm1(data)),
                data > 0 ? 1.0 : data <= 0 ? alpha * r(Math.exp(data)) : Double.NaN);
    }

    /** |x|. Local derivative: the sign of x, which is 0 at 0. */
    public Value abs() {
        return unary("abs", Branch.ofSign(data), Math.abs(data), Math.signum(data));
    }

    /** The sign of x: -1, 0 or 1. Local derivative: 0 (NaN for NaN), as PyTorch. */
    public Value sign() {
        return unary("sign", Branch.ofSign(data), Math.signum(data), Double.isNaN(data) ? Double.NaN : 0.0);
    }

    /**
     * x limited to [lo, hi]. Local derivative: 1 from lo to hi, bounds included (as PyTorch's clamp),
     * 0 outside.
     *
     * <pre>{@code Value.of(7.0).clamp(0, 6).data();   // 6.0 }</pre>
     *
     * @throws IllegalArgumentException if a bound is NaN or lo &gt; hi
     */
    public Value clamp(double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("clamp needs bounds lo <= hi, but got lo = " + lo + " and hi = " + hi + ".");
        }
        double inside = data >= lo && data <= hi ? 1.0 : data < lo || data > hi ? 0.0 : Double.NaN;
        return unary("clamp", Branch.between(data, lo, hi), Math.min(Math.max(data, lo), hi), inside);
    }

    /** x limited to [-1, 1]. Local derivative: 1 strictly inside, 0 at the bounds and outside (as PyTorch). */
    public Value hardtanh() {
        return limited("hardtanh", -1.0, 1.0);
    }

    /** x limited to [0, 6]. Local derivative: 1 strictly inside, 0 at the bounds and outside (as PyTorch). */
    public Value relu6() {
        return limited("relu6", 0.0, 6.0);
    }

    private Value limited(String op, double lo, double hi) {
        double inside = data > lo && data < hi ? 1.0 : data <= lo || data >= hi ? 0.0 : Double.NaN;
        return unary(op, Branch.between(data, lo, hi), Math.min(Math.max(data, lo), hi), inside);
    }

    /** The larger of two values. The larger one gets the whole gradient; a tie splits it evenly. */
    public Value max(Value other) {
        double o = operand(other, "max").data;
        double share = data > o ? 1.0 : data < o ? 0.0 : data == o ? 0.5 : Double.NaN;
        return binary(Binary.MAX, Branch.ofSign(data - o), Math.max(data, o), share, other, 1 - share);
    }

    /** The smaller of two values. The smaller one gets the whole gradient; a tie splits it evenly. */
    public Value min(Value other) {
        double o = operand(other, "min").data;
        double share = data < o ? 1.0 : data > o ? 0.0 : data == o ? 0.5 : Double.NaN;
        return binary(Binary.MIN, Branch.ofSign(data - o), Math.min(data, o), share, other, 1 - share);
    }

    /** max(this, c), with {@code c} a constant leaf. */
    public Value max(double c) {
        return max(of(c));
    }

    /** min(this, c), with {@code c} a constant leaf. */
    public Value min(double c) {
        return min(of(c));
    }

    /**
     * The largest of many values, as one node. The largest gets the whole gradient; a tie of k
     * operands gives each 1/k (as PyTorch's amax).
     *
     * <pre>{@code Value.max(List.of(a, b, c)) }</pre>
     *
     * @throws IllegalArgumentException if the list is null, empty or holds a null
     */
    public static Value max(List<Value> values) {
        return Reduction.extreme("max", Reduction.toArray(values, "max"), +1);
    }

    /** The smallest of many values, as one node; a tie of k operands gives each 1/k. See {@link #max(List)}. */
    public static Value min(List<Value> values) {
        return Reduction.extreme("min", Reduction.toArray(values, "min"), -1);
    }

    /**
     * log(e^x1 + ... + e^xn), computed stably as m + log(sum e^(xi - m)) with m the largest xi, so
     * scores of ±1000 give finite results. Local derivatives: e^(xi - result), the softmax.
     *
     * <pre>{@code Value.logSumExp(List.of(Value.of(1000), Value.of(1000))).data();   // 1000 + log 2 }</pre>
     */
    public static Value logSumExp(List<Value> values) {
        return Reduction.logSumExpOf(Reduction.toArray(values, "logSumExp"));
    }

    /**
     * The softmax e^xi / sum e^xj, one value per input, computed stably as e^(xi - logSumExp(x)).
     * Built from {@link #logSumExp}, {@code sub} and {@code exp}, so its gradient is theirs.
     *
     * <pre>{@code Value.softmax(List.of(Value.of(0.0), Value.of(0.0)))   // [0.5, 0.5] }</pre>
     */
    public static List<Value> softmax(List<Value> values) {
        Value logNormalizer = logSumExp(values);
        Value[] probabilities = new Value[values.size()];
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = values.get(i).sub(logNormalizer).exp();
        }
        return List.of(probabilities);
    }

    // ---------------------------------------------------------------- backpropagation

    /**
     * Computes the gradient of this value with respect to every value it was computed from.
     *
     * <p>Clears the gradients of the intermediate values, seeds this value's gradient with 1, then
     * visits the graph in reverse topological order (each node after every node that uses it) and
     * passes each node's gradient on to its operands: {@code operand.grad += local * node.grad}. A
     * value used twice receives both contributions. Under {@link Precision#FLOAT32} each product and
     * each sum is rounded to float. Leaves (inputs and parameters) are not cleared: a second call
     * without {@link #zeroGrad()} adds the same gradients to them again, as in PyTorch, and the
     * gradients of two outputs that share a leaf add up there. The walk leaves Java's call stack for
     * a stack of its own past a few hundred nested operands, so a chain of ten million operations is
     * fine.
     */
    public void backward() {
        // The topological order, with every intermediate gradient reset to 0 and every node marked.
        TopologicalSort order = TopologicalSort.of(this, true);
        grad = 1.0;
        Precision precision = Settings.precision();
        for (int i = order.size() - 1; i >= 0; i--) {
            // Every use of this node lies later in the order, so its gradient is complete now.
            Value node = order.get(i);
            node.visited = false;
            if (node instanceof Binary binary) {
                binary.passGradToOperands(precision);   // the common kind, named so the compiler inlines it
            } else {
                node.passGradToOperands(precision);
            }
        }
    }

    /** The chain rule, one step: each operand receives its local derivative times this value's gradient. */
    abstract void passGradToOperands(Precision precision);

    /** Sets the gradient of this value and of every value it was computed from to 0. */
    public void zeroGrad() {
        for (Value node : Graph.topologicalOrder(this)) {
            node.grad = 0.0;
        }
    }

    // ---------------------------------------------------------------- the graph's structure

    /** The number of operands: 0 for a leaf. */
    abstract int operandCount();

    /** Operand {@code i}, counted from 0. */
    abstract Value operand(int i);

    /** The local derivative d(this)/d(operand i), fixed when the operation ran. */
    abstract double localGrad(int i);

    /**
     * For the max or min of a list, the position of the operand it selected (the first of a tie),
     * which tells its smooth pieces apart where no tie is near; -1 for every other operation.
     */
    int selectedOperand() {
        return -1;
    }

    /** The operand itself, or a clear error naming the operation if it is null. */
    static Value operand(Value v, String op) {
        if (v == null) {
            throw new IllegalArgumentException(op + " needs a Value as its operand, but got null.");
        }
        return v;
    }

    // ---------------------------------------------------------------- accessors

    /** The number this value holds. */
    public double data() {
        return data;
    }

    /** Replaces the number this value holds, as an optimizer does with a weight. */
    public void setData(double data) {
        this.data = Settings.precision().round(data);
    }

    /** The gradient accumulated by {@link #backward()}; 0 until then. */
    public double grad() {
        return grad;
    }

    /** Replaces the gradient, for example to clear it or to seed a backward pass by hand. */
    public void setGrad(double grad) {
        this.grad = grad;
    }

    /** The operation that made this value ("+", "*", "relu", ...), or "" for a leaf. */
    public abstract String op();

    /** Whether this value is a leaf: an input or a parameter, made by no operation. */
    public boolean isLeaf() {
        return this instanceof Leaf;
    }

    /** The operands this value was computed from, in order; empty for a leaf. */
    public List<Value> parents() {
        Value[] operands = new Value[operandCount()];
        for (int i = 0; i < operands.length; i++) {
            operands[i] = operand(i);
        }
        return List.of(operands);
    }

    /**
     * The local derivatives d(this)/d(operand), one per operand in the order of {@link #parents()},
     * as the operation computed them. Empty for a leaf.
     *
     * <pre>{@code Value.of(3.0).mul(Value.of(5.0)).localGrads();   // [5.0, 3.0] }</pre>
     */
    public List<Double> localGrads() {
        Double[] locals = new Double[operandCount()];
        for (int i = 0; i < locals.length; i++) {
            locals[i] = localGrad(i);
        }
        return List.of(locals);
    }

    /** Which side of its kink this value's operation was evaluated on; NONE for smooth operations. */
    public Branch branch() {
        return BRANCHES[branch];
    }

    /** Whether this value's operation was evaluated exactly on its kink (relu(0), max of a tie, ...). */
    public boolean isOnKink() {
        return branch() == Branch.KINK;
    }

    /** The name given to this value, or null. */
    public String label() {
        return Labels.of(this);
    }

    /**
     * Names this value for printouts and drawings (null removes the name); returns this value, so
     * calls can be chained: {@code Value e = a.mul(b).label("e");}
     */
    public Value label(String label) {
        Labels.set(this, label);
        return this;
    }

    /**
     * The operation written out with its operands' numbers, for error messages:
     * {@code "log(0.0) = -Infinity"}, {@code "3.0 * 2.0 = 6.0"}, or just the number for a leaf.
     */
    public String formula() {
        int n = operandCount();
        String op = op();
        if (n == 0) {
            String label = label();
            return (label == null ? "" : label + " = ") + String.valueOf(data);
        }
        String[] operands = new String[n];
        for (int i = 0; i < n; i++) {
            operands[i] = String.valueOf(operand(i).data);
        }
        String expression;
        if (n == 2 && op.length() == 1) {
            expression = operands[0] + " " + op + " " + operands[1];
        } else if (op.startsWith("^")) {
            expression = operands[0] + op;
        } else {
            expression = op + "(" + String.join(", ", operands) + ")";
        }
        return expression + " = " + String.valueOf(data);
    }

    @Override
    public String toString() {
        String text = "Value(data=" + data + ", grad=" + grad;
        String label = label();
        return label == null ? text + ")" : text + ", label=" + label + ")";
    }

    /** A number as Java prints it, except that whole exponents drop the ".0": x^2, not x^2.0. */
    private static String formatExponent(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : String.valueOf(x);
    }
}
