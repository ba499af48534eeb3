package gradkit.engine;

import java.util.List;

/**
 * One scalar in a computation graph: a number, the gradient of some output with respect to it, and
 * the operation that made it from its parents.
 *
 * <p>Every operation below builds a new {@code Value} and, right beside the forward computation, the
 * local backward rule: how the gradient arriving at the result flows on to the operands (the chain
 * rule, one step). {@link #backward()} runs these rules from the output back to the leaves.
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
 *   <tr><td>relu(x)</td><td>x = 0</td><td>0 (any value in [0, 1] via {@link Settings#setReluGradAtZero})</td></tr>
 *   <tr><td>abs(x)</td><td>x = 0</td><td>0</td></tr>
 *   <tr><td>leakyRelu(x, s)</td><td>x = 0</td><td>s, the slope of the negative side</td></tr>
 *   <tr><td>max(a, b), min(a, b)</td><td>a = b</td><td>0.5 to each operand</td></tr>
 *   <tr><td>sqrt(x)</td><td>x = 0</td><td>+Infinity</td></tr>
 *   <tr><td>log(x)</td><td>x = 0</td><td>value -Infinity, derivative +Infinity</td></tr>
 *   <tr><td>pow(x, 0)</td><td>every x, 0 included</td><td>0 (not 0 * 0^-1 = NaN)</td></tr>
 * </table>
 *
 * <p>Operations with a kink record which side of it they were evaluated on ({@link #branch()}), so
 * that tools such as the gradient checker can tell when a probe crossed a kink.
 *
 * <p>A {@code Value} is not thread-safe: build and differentiate a graph on one thread.
 */
public final class Value {

    private static final Value[] NO_PARENTS = {};

    private double data;
    private double grad;
    private final Value[] parents;
    private final String op;
    private final Branch branch;
    private String label;
    /** The local backward rule, or null for a leaf. */
    private Runnable backward;
    /** Used only while {@link Graph} walks the graph; false at all other times. */
    boolean visited;

    private Value(double data, String op, Branch branch, Value... parents) {
        this.data = Settings.precision().round(data);
        this.op = op;
        this.branch = branch;
        this.parents = parents;
    }

    // ---------------------------------------------------------------- creating leaves

    /** A leaf holding {@code data}, such as an input or a weight. */
    public static Value of(double data) {
        return new Value(data, "", Branch.NONE, NO_PARENTS);
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

    /** {@code this + other}. Local derivatives: 1 and 1. */
    public Value add(Value other) {
        Value out = new Value(data + other.data, "+", Branch.NONE, this, other);
        out.backward = () -> {
            this.grad += out.grad;
            other.grad += out.grad;
        };
        return out;
    }

    /** {@code this - other}. Local derivatives: 1 and -1. */
    public Value sub(Value other) {
        Value out = new Value(data - other.data, "-", Branch.NONE, this, other);
        out.backward = () -> {
            this.grad += out.grad;
            other.grad -= out.grad;
        };
        return out;
    }

    /** {@code this * other}. Local derivatives: other and this. */
    public Value mul(Value other) {
        Value out = new Value(data * other.data, "*", Branch.NONE, this, other);
        out.backward = () -> {
            this.grad += other.data * out.grad;
            other.grad += this.data * out.grad;
        };
        return out;
    }

    /** {@code this / other}. Local derivatives: 1/other and -this/other². */
    public Value div(Value other) {
        Value out = new Value(data / other.data, "/", Branch.NONE, this, other);
        out.backward = () -> {
            this.grad += out.grad / other.data;
            other.grad -= out.grad * this.data / (other.data * other.data);
        };
        return out;
    }

    /** {@code -this}. Local derivative: -1. */
    public Value neg() {
        Value out = new Value(-data, "neg", Branch.NONE, this);
        out.backward = () -> this.grad -= out.grad;
        return out;
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
    public Value pow(double exponent) {
        if (!Double.isFinite(exponent)) {
            throw new IllegalArgumentException("pow needs a finite exponent, but got " + exponent + ".");
        }
        Value out = new Value(Math.pow(data, exponent), "^" + formatExponent(exponent), Branch.NONE, this);
        out.backward = () -> {
            if (exponent != 0.0) {
                this.grad += exponent * Math.pow(this.data, exponent - 1) * out.grad;
            }
        };
        return out;
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
        if (terms == null || terms.length == 0) {
            throw new IllegalArgumentException("sum needs at least one term, but got none.");
        }
        Value[] parents = terms.clone();
        Precision precision = Settings.precision();
        double total = 0.0;
        for (int i = 0; i < parents.length; i++) {
            if (parents[i] == null) {
                throw new IllegalArgumentException("sum got null as term " + i + " of " + parents.length + ".");
            }
            // Each partial sum is rounded, as in a loop of additions in that precision.
            total = i == 0 ? parents[i].data : precision.round(total + parents[i].data);
        }
        Value out = new Value(total, "sum", Branch.NONE, parents);
        out.backward = () -> {
            for (Value term : parents) {
                term.grad += out.grad;
            }
        };
        return out;
    }

    /** The sum of a list of values as one node; see {@link #sum(Value...)}. */
    public static Value sum(List<Value> terms) {
        if (terms == null) {
            throw new IllegalArgumentException("sum needs a list of terms, but got null.");
        }
        return sum(terms.toArray(new Value[0]));
    }

    // ---------------------------------------------------------------- smooth functions

    /** e^this. Local derivative: e^this, the output itself. */
    public Value exp() {
        Value out = new Value(Math.exp(data), "exp", Branch.NONE, this);
        out.backward = () -> this.grad += out.data * out.grad;
        return out;
    }

    /** The natural logarithm. Local derivative: 1/x (log(0) = -Infinity with derivative +Infinity). */
    public Value log() {
        Value out = new Value(Math.log(data), "log", Branch.NONE, this);
        out.backward = () -> this.grad += out.grad / this.data;
        return out;
    }

    /** The square root. Local derivative: 1/(2·sqrt(x)), +Infinity at 0. */
    public Value sqrt() {
        Value out = new Value(Math.sqrt(data), "sqrt", Branch.NONE, this);
        out.backward = () -> this.grad += 0.5 / out.data * out.grad;
        return out;
    }

    /** The hyperbolic tangent. Local derivative: 1 - tanh², from the output. */
    public Value tanh() {
        Value out = new Value(Math.tanh(data), "tanh", Branch.NONE, this);
        out.backward = () -> this.grad += (1 - out.data * out.data) * out.grad;
        return out;
    }

    /** The logistic function 1/(1+e^-x), computed without overflow. Local derivative: s·(1-s). */
    public Value sigmoid() {
        double s = data >= 0 ? 1 / (1 + Math.exp(-data)) : Math.exp(data) / (1 + Math.exp(data));
        Value out = new Value(s, "sigmoid", Branch.NONE, this);
        out.backward = () -> this.grad += out.data * (1 - out.data) * out.grad;
        return out;
    }

    /**
     * softplus(x) = log(1 + e^x), a smooth relu, computed without overflow as
     * max(x, 0) + log(1 + e^-|x|). Local derivative: sigmoid(x). It is one node on purpose: built from
     * relu and abs, its derivative at 0 would come out as 0 instead of 0.5 (see the notebooks).
     */
    public Value softplus() {
        Value out = new Value(Math.max(data, 0) + Math.log1p(Math.exp(-Math.abs(data))), "softplus", Branch.NONE, this);
        out.backward = () -> {
            double s = this.data >= 0 ? 1 / (1 + Math.exp(-this.data)) : Math.exp(this.data) / (1 + Math.exp(this.data));
            this.grad += s * out.grad;
        };
        return out;
    }

    // ---------------------------------------------------------------- functions with a kink

    /**
     * max(0, x). Local derivative: 1 above 0, 0 below, and {@link Settings#reluGradAtZero()} at
     * exactly 0 (0 unless changed).
     */
    public Value relu() {
        Value out = new Value(data > 0 ? data : 0.0, "relu", Branch.ofSign(data), this);
        out.backward = () -> {
            double slope = this.data > 0 ? 1.0 : this.data == 0 ? Settings.reluGradAtZero() : 0.0;
            this.grad += slope * out.grad;
        };
        return out;
    }

    /**
     * x above 0, slope·x otherwise. Local derivative: 1 above 0, {@code slope} at 0 and below
     * (at 0 PyTorch takes the negative side's slope, and so do we).
     */
    public Value leakyRelu(double slope) {
        if (!Double.isFinite(slope)) {
            throw new IllegalArgumentException("leakyRelu needs a finite slope, but got " + slope + ".");
        }
        Value out = new Value(data > 0 ? data : slope * data, "leakyRelu", Branch.ofSign(data), this);
        out.backward = () -> this.grad += (this.data > 0 ? 1.0 : slope) * out.grad;
        return out;
    }

    /** |x|. Local derivative: the sign of x, which is 0 at 0. */
    public Value abs() {
        Value out = new Value(Math.abs(data), "abs", Branch.ofSign(data), this);
        out.backward = () -> this.grad += Math.signum(this.data) * out.grad;
        return out;
    }

    /** The larger of two values. The larger one gets the whole gradient; a tie splits it evenly. */
    public Value max(Value other) {
        Value out = new Value(Math.max(data, other.data), "max", Branch.ofSign(data - other.data), this, other);
        out.backward = () -> {
            double share = this.data > other.data ? 1.0 : this.data < other.data ? 0.0 : 0.5;
            this.grad += share * out.grad;
            other.grad += (1 - share) * out.grad;
        };
        return out;
    }

    /** The smaller of two values. The smaller one gets the whole gradient; a tie splits it evenly. */
    public Value min(Value other) {
        Value out = new Value(Math.min(data, other.data), "min", Branch.ofSign(data - other.data), this, other);
        out.backward = () -> {
            double share = this.data < other.data ? 1.0 : this.data > other.data ? 0.0 : 0.5;
            this.grad += share * out.grad;
            other.grad += (1 - share) * out.grad;
        };
        return out;
    }

    /** max(this, c), with {@code c} a constant leaf. */
    public Value max(double c) {
        return max(of(c));
    }

    /** min(this, c), with {@code c} a constant leaf. */
    public Value min(double c) {
        return min(of(c));
    }

    // ---------------------------------------------------------------- backpropagation

    /**
     * Computes the gradient of this value with respect to every value it was computed from.
     *
     * <p>Clears the gradients of the intermediate values, seeds this value's gradient with 1, then
     * visits the graph in reverse topological order (each node after every node that uses it) and runs
     * each node's local backward rule. Rules add ({@code +=}) into their operands' gradients, so a value
     * used twice receives both contributions. Leaves (inputs and parameters) are not cleared: a second
     * call without {@link #zeroGrad()} adds the same gradients to them again, as in PyTorch, and the
     * gradients of two outputs that share a leaf add up there. The walk uses an explicit stack, so a
     * chain of a million operations is fine.
     */
    public void backward() {
        List<Value> order = Graph.topologicalOrder(this);
        Precision precision = Settings.precision();
        for (Value node : order) {
            // What an intermediate value received from an earlier backward() belongs to that pass.
            if (!node.isLeaf()) {
                node.grad = 0.0;
            }
        }
        grad = 1.0;
        for (int i = order.size() - 1; i >= 0; i--) {
            Value node = order.get(i);
            // Every use of this node lies later in the order, so its gradient is complete now.
            node.grad = precision.round(node.grad);
            if (node.backward != null) {
                node.backward.run();
            }
        }
    }

    /** Sets the gradient of this value and of every value it was computed from to 0. */
    public void zeroGrad() {
        for (Value node : Graph.topologicalOrder(this)) {
            node.grad = 0.0;
        }
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
    public String op() {
        return op;
    }

    /** Whether this value is a leaf: an input or a parameter, made by no operation. */
    public boolean isLeaf() {
        return parents.length == 0;
    }

    /** The operands this value was computed from, in order; empty for a leaf. */
    public List<Value> parents() {
        return List.of(parents);
    }

    /** Which side of its kink this value's operation was evaluated on; NONE for smooth operations. */
    public Branch branch() {
        return branch;
    }

    /** Whether this value's operation was evaluated exactly on its kink (relu(0), max of a tie, ...). */
    public boolean isOnKink() {
        return branch == Branch.KINK;
    }

    /** The name given to this value, or null. */
    public String label() {
        return label;
    }

    /** Names this value for printouts and drawings; returns this value, so calls can be chained. */
    public Value label(String label) {
        this.label = label;
        return this;
    }

    /** Direct access for {@link Graph} and the other engine classes, without copying. */
    Value[] parentArray() {
        return parents;
    }

    /**
     * The operation written out with its operands' numbers, for error messages:
     * {@code "log(0.0) = -Infinity"}, {@code "3.0 * 2.0 = 6.0"}, or just the number for a leaf.
     */
    public String formula() {
        if (parents.length == 0) {
            return (label == null ? "" : label + " = ") + String.valueOf(data);
        }
        String[] operands = new String[parents.length];
        for (int i = 0; i < parents.length; i++) {
            operands[i] = String.valueOf(parents[i].data);
        }
        String expression;
        if (parents.length == 2 && op.length() == 1) {
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
        return label == null ? text + ")" : text + ", label=" + label + ")";
    }

    /** A number as Java prints it, except that whole exponents drop the ".0": x^2, not x^2.0. */
    private static String formatExponent(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? String.valueOf((long) x) : String.valueOf(x);
    }
}
