package gradkit.grading.worker;

import gradkit.check.ValueFunction;
import java.util.Map;

/**
 * The functions of {@link gradkit.engine.Value}s the grader may hand to student code, by name, as
 * {@link Functions} does for functions of one number: the grader sends "net", the probe passes
 * {@code v -> v[0].mul(2).sub(v[1]).relu().add(v[0].abs()).max(v[1].tanh())}. Built here, in the worker,
 * so no code travels; the grader computes its own expected values with its own copy of the same formula.
 *
 * <pre>{@code
 * ValueFunction f = ValueFunctions.named("relu");   // v -> v[0].relu()
 * }</pre>
 */
public final class ValueFunctions {
    private static final Map<String, ValueFunction> CATALOGUE = Map.of(
            "relu", v -> v[0].relu(),
            "abs", v -> v[0].abs(),
            "product", v -> v[0].mul(v[1]),
            "reluMinusReluOfMinus", v -> v[0].relu().sub(v[0].neg().relu()),
            "net", v -> v[0].mul(2).sub(v[1]).relu().add(v[0].abs()).max(v[1].tanh()),
            "expOfFiveX", v -> v[0].mul(5).exp(),
            "absOfXMinusPointThree", v -> v[0].sub(0.3).abs(),
            "reluOfSquare", v -> v[0].mul(v[0]).relu());

    private ValueFunctions() {
    }

    /** The function called {@code name}; a {@link BadRequest} for a name not in the catalogue. */
    public static ValueFunction named(String name) {
        ValueFunction f = CATALOGUE.get(name);
        if (f == null) {
            throw new BadRequest("There is no function \"" + name + "\" in the worker's catalogue of Value functions "
                    + CATALOGUE.keySet() + ".");
        }
        return f;
    }
}
