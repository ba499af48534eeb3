package gradkit.gpt;

import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Root-mean-square normalization, as microgpt does it (no learned scale):
 * rmsnorm(x) = x · (mean(x²) + 1e-5)^(-1/2). It rescales a vector to a root mean square of about 1,
 * so that the sizes of the numbers stay the same from layer to layer.
 *
 * <pre>{@code
 * List<Value> y = RmsNorm.apply(List.of(Value.of(3.0), Value.of(4.0)));   // about (0.8485, 1.1314)
 * }</pre>
 */
public final class RmsNorm {

    /** Added to the mean square so that a zero vector does not divide by zero. */
    public static final double EPSILON = 1e-5;

    private RmsNorm() {}

    /** x scaled by (mean(x²) + 1e-5)^(-1/2), built from mul, sum, add and pow. */
    public static List<Value> apply(List<Value> x) {
        if (x.isEmpty()) {
            throw new IllegalArgumentException("rmsnorm needs at least one number, but got none.");
        }
        Value[] squares = new Value[x.size()];
        for (int i = 0; i < squares.length; i++) {
            squares[i] = x.get(i).mul(x.get(i));
        }
        Value meanSquare = Value.sum(squares).div(x.size());
        Value scale = meanSquare.add(EPSILON).pow(-0.5);
        List<Value> out = new ArrayList<>(x.size());
        for (Value xi : x) {
            out.add(xi.mul(scale));
        }
        return out;
    }
}
