package gradkit.engine;

/**
 * The result of an operation on one value (relu, exp, tanh, pow with a constant exponent, ...), with
 * its one local derivative d(this)/d(operand), computed when the operation ran.
 */
final class Unary extends Value {

    final Value a;
    private final double da;
    private final String op;

    /** The result and the local derivative are rounded to the current precision. */
    Unary(String op, Branch branch, double data, Value a, double da) {
        super(data, branch);
        this.op = op;
        this.a = a;
        this.da = r(da);
    }

    @Override
    void passGradToOperands(Precision precision) {
        a.grad = precision.accumulate(a.grad, da, grad);
    }

    @Override
    int operandCount() {
        return 1;
    }

    @Override
    Value operand(int i) {
        if (i != 0) {
            throw new IndexOutOfBoundsException(op + " has one operand, but operand " + i + " was asked for");
        }
        return a;
    }

    @Override
    double localGrad(int i) {
        operand(i);
        return da;
    }

    @Override
    public String op() {
        return op;
    }
}
