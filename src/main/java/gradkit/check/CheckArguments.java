package gradkit.check;

import gradkit.engine.Value;
import java.util.List;
import java.util.function.Supplier;

/**
 * What {@link GradientChecker}'s settings and checks accept, with the sentence a student reads when
 * an argument is not usable. One place for these rules, so that {@code check} and
 * {@code checkDirection} refuse the same things in the same words.
 */
final class CheckArguments {

    private CheckArguments() {}

    /** A finite-difference step: a positive finite number. */
    static double requireStep(double eps) {
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("eps must be a positive finite step such as 1e-6, but got " + eps + ".");
        }
        return eps;
    }

    /** A tolerance ({@code name} is atol or rtol): a finite number, 0 or more. */
    static double requireTolerance(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, but got " + value + ".");
        }
        return value;
    }

    /** A function and a point of finite numbers to check it at; {@code method} names the check in the message. */
    static void requirePoint(String method, ValueFunction f, double[] x) {
        if (f == null) {
            throw new IllegalArgumentException(method + " needs a ValueFunction such as x -> x[0].mul(x[1]), but got null.");
        }
        if (x == null || x.length == 0) {
            throw new IllegalArgumentException(method + " needs a point with at least one number, but got none.");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(method + " needs a point with finite numbers, but x[" + i + "] = "
                        + x[i] + ".");
            }
        }
    }

    /** Parameters that hold finite numbers, and a supplier that builds the loss from them. */
    static void requireParameters(List<Value> parameters, Supplier<Value> loss) {
        if (parameters == null || parameters.isEmpty()) {
            throw new IllegalArgumentException("Expected a non-empty list of parameters, but got "
                    + (parameters == null ? "null." : "an empty list."));
        }
        for (int i = 0; i < parameters.size(); i++) {
            Value p = parameters.get(i);
            if (p == null) {
                throw new IllegalArgumentException("Expected parameters, but parameter " + i + " is null.");
            }
            if (!Double.isFinite(p.data())) {
                throw new IllegalArgumentException("Expected finite parameters, but parameter " + i + " holds " + p.data() + ".");
            }
        }
        if (loss == null) {
            throw new IllegalArgumentException("Expected a loss supplier that builds the loss from the parameters, such as "
                    + "() -> model.loss(data), but got null.");
        }
    }
}
