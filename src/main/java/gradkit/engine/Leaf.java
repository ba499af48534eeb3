package gradkit.engine;

/**
 * A value made by no operation: an input, a weight, a constant. It has no operands, so the chain
 * rule stops here; {@link Value#backward()} leaves its gradient to accumulate from pass to pass.
 * Made by {@link Value#of(double)}.
 */
final class Leaf extends Value {

    Leaf(double data) {
        super(data, Branch.NONE);
    }

    @Override
    void passGradToOperands(Precision precision) {
        // No operands: the gradient ends here.
    }

    @Override
    int operandCount() {
        return 0;
    }

    @Override
    Value operand(int i) {
        throw new IndexOutOfBoundsException("a leaf has no operands, but operand " + i + " was asked for");
    }

    @Override
    double localGrad(int i) {
        throw new IndexOutOfBoundsException("a leaf has no operands, but local derivative " + i + " was asked for");
    }

    @Override
    public String op() {
        return "";
    }
}
