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
    private static final Map<String, ValueFunction> CATALOGUE = Map.ofEntries(
            Map.entry("relu", v -> v[0].relu()),
            Map.entry("abs", v -> v[0].abs()),
            Map.entry("product", v -> v[0].mul(v[1])),
            Map.entry("reluMinusReluOfMinus", v -> v[0].relu().sub(v[0].neg().relu())),
            Map.entry("net", v -> v[0].mul(2).sub(v[1]).relu().add(v[0].abs()).max(v[1].tanh())),
            Map.entry("expOfFiveX", v -> v[0].mul(5).exp()),
            Map.entry("absOfXMinusPointThree", v -> v[0].sub(0.3).abs()),
            Map.entry("reluOfSquare", v -> v[0].mul(v[0]).relu()),
            // exp(x0) (tanh(x0 x1) + x2^3)
            Map.entry("smooth", v -> v[0].mul(v[1]).tanh().add(v[2].pow(3)).mul(v[0].exp())),
            Map.entry("largeProduct", v -> v[0].mul(v[1]).mul(1e6)),
            // "Cut" on purpose: x.mul(x.data()) treats its second factor as a constant, so backward() gives
            // half the true derivative of x^2, which a finite difference sees: how a gradient checker is
            // shown a wrong gradient.
            Map.entry("cutFirst", v -> v[0].mul(v[0].data()).add(v[1])),               // x0 * x0.data() + x1
            Map.entry("cutLast", v -> v[0].add(v[1].mul(v[1].data()))),                // x0 + x1 * x1.data()
            Map.entry("tinyCut", v -> v[0].mul(v[0].data()).mul(1e-7)));               // 1e-7 * x0 * x0.data()

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
