package gradkit.engine;

/**
 * The result of an operation on two values (+, -, *, /, ^, max, min), with the local derivative
 * d(this)/d(operand) for each of them, computed when the operation ran.
 *
 * <p>Most nodes of a network's graph are products, so this is the node whose size counts: 56 bytes,
 * because the operation is stored as a one-byte index into {@link #NAMES} rather than a reference.
 */
final class Binary extends Value {

    /** The operations' names as printouts show them, indexed by the codes below. */
    private static final String[] NAMES = {"+", "-", "*", "/", "^", "max", "min"};
    static final byte ADD = 0;
    static final byte SUB = 1;
    static final byte MUL = 2;
    static final byte DIV = 3;
    static final byte POW = 4;
    static final byte MAX = 5;
    static final byte MIN = 6;

    private final byte op;
    final Value a;
    final Value b;
    private final double da;
    private final double db;

    /** The result and both local derivatives are rounded to the current precision. */
    Binary(byte op, Branch branch, double data, Value a, double da, Value b, double db) {
        super(data, branch);
        this.op = op;
        this.a = a;
        this.b = b;
        this.da = r(da);
        this.db = r(db);
    }

    @Override
    void passGradToOperands(Precision precision) {
        a.grad = precision.accumulate(a.grad, da, grad);
        b.grad = precision.accumulate(b.grad, db, grad);
    }

    @Override
    int operandCount() {
        return 2;
    }

    @Override
    Value operand(int i) {
        return switch (i) {
            case 0 -> a;
            case 1 -> b;
            default -> throw new IndexOutOfBoundsException(op() + " has two operands, but operand " + i + " was asked for");
        };
    }

    @Override
    double localGrad(int i) {
        operand(i);
        return i == 0 ? da : db;
    }

    @Override
    public String op() {
        return NAMES[op];
    }
}
