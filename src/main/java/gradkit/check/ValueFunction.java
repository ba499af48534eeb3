package gradkit.check;

import gradkit.engine.Value;

/**
 * A function of several numbers written with {@link Value} operations, so that it can be
 * differentiated by backpropagation and checked against finite differences.
 *
 * <p>The checker calls {@link #apply} many times: once at the point being checked and once for each
 * probe near it, every time with fresh leaves. The function must therefore build its graph anew from
 * the leaves it is given, and must not keep values from an earlier call.
 *
 * <pre>{@code
 * ValueFunction f = x -> x[0].mul(x[1]).add(x[0].exp());   // f(a, b) = a·b + e^a
 * GradientChecker.defaults().check(f, 1.0, 2.0).assertPassed();
 * }</pre>
 */
@FunctionalInterface
public interface ValueFunction {

    /**
     * Computes the function at the leaves {@code x} and returns the output value.
     *
     * <pre>{@code ValueFunction square = x -> x[0].mul(x[0]); }</pre>
     *
     * @param x one fresh leaf per input number, in order
     * @return the output of the computation (must not be null)
     */
    Value apply(Value[] x);
}
