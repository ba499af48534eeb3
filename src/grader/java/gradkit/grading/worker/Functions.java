package gradkit.grading.worker;

import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * The functions the grader may hand to student code, by name: the grader sends "cube", the probe passes
 * {@code x -> x * x * x}. Built here, in the worker, so no code travels; the grader computes its own
 * expected values with its own copy of the same formula.
 *
 * <pre>{@code
 * DoubleUnaryOperator f = Functions.named("exp");   // Math::exp
 * }</pre>
 */
public final class Functions {
    private static final Map<String, DoubleUnaryOperator> CATALOGUE = Map.of(
            "cube", x -> x * x * x,
            "square", x -> x * x,
            "exp", Math::exp,
            "sin", Math::sin,
            "tanh", Math::tanh,
            "identity", x -> x,
            "abs", Math::abs,
            "relu", x -> Math.max(0, x),
            "tenth", x -> 0.1 * x);

    private Functions() {
    }

    /** The function called {@code name}; a {@link BadRequest} for a name not in the catalogue. */
    public static DoubleUnaryOperator named(String name) {
        DoubleUnaryOperator f = CATALOGUE.get(name);
        if (f == null) {
            throw new BadRequest("There is no function \"" + name + "\" in the worker's catalogue " + CATALOGUE.keySet() + ".");
        }
        return f;
    }
}
