package gradkit.grading.worker;

import gradkit.check.ValueFunction;
import java.util.Map;

/**
 * The functions of Values the grader may hand to student code, by name, as {@link Functions} is for
 * functions of numbers: the grader sends "product", the probe passes {@code v -> v[0].mul(v[1])}. The
 * grader computes its expected values with its own copy of each formula.
 *
 * <p>Some are "cut" on purpose: {@code x.mul(x.data())} treats its second factor as a constant, so
 * backward() gives half the true derivative of x², which a finite difference sees. They are how a
 * gradient checker is shown a wrong gradient.
 *
 * <pre>{@code
 * ValueFunction f = ValueFunctions.named("product");   // v -> v[0].mul(v[1])
 * }</pre>
 */
public final class ValueFunctions {
    private static final Map<String, ValueFunction> CATALOGUE = Map.of(
            "smooth", v -> v[0].mul(v[1]).tanh().add(v[2].pow(3)).mul(v[0].exp()),   // exp(x0) (tanh(x0 x1) + x2^3)
            "product", v -> v[0].mul(v[1]),
            "largeProduct", v -> v[0].mul(v[1]).mul(1e6),
            "cutFirst", v -> v[0].mul(v[0].data()).add(v[1]),                       // x0 * x0.data() + x1
            "cutLast", v -> v[0].add(v[1].mul(v[1].data())),                        // x0 + x1 * x1.data()
            "tinyCut", v -> v[0].mul(v[0].data()).mul(1e-7));                       // 1e-7 * x0 * x0.data()

    private ValueFunctions() {
    }

    /** The function called {@code name}; a {@link BadRequest} for a name not in the catalogue. */
    public static ValueFunction named(String name) {
        ValueFunction f = CATALOGUE.get(name);
        if (f == null) {
            throw new BadRequest("There is no Value function \"" + name + "\" in the worker's catalogue "
                    + CATALOGUE.keySet() + ".");
        }
        return f;
    }
}
