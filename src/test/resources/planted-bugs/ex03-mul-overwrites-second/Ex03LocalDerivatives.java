// Planted bug: mul's rule adds into a's grad but overwrites b's.
package gradkit.exercises;

/**
 * Exercise 03: local derivatives as backward rules (notebook 02, the chain rule on graphs).
 *
 * <p>Each operation below already computes its forward value and creates the output {@link Scalar}.
 * Write its backward rule: given {@code out.grad()} (d loss / d out), add to each input's grad the
 * local derivative d out / d input times {@code out.grad()} (the chain rule, one step).
 * <pre>
 *   add:  d(a + b)/da = 1             d(a + b)/db = 1
 *   mul:  d(a · b)/da = b             d(a · b)/db = a
 *   pow:  d(aⁿ)/da   = n · aⁿ⁻¹       (n is a constant)
 *   exp:  d(eᵃ)/da   = eᵃ             (the output's own data)
 *   tanh: d tanh(a)/da = 1 - tanh(a)² (again from the output's data)
 * </pre>
 * Add into the grad ({@code a.setGrad(a.grad() + ...)}), do not overwrite it: exercise 04 shows why.
 *
 * <p>Example: {@code Scalar c = mul(new Scalar(2), new Scalar(3)); c.setGrad(1); c.backwardStep();}
 * leaves grad 3 in the first input and 2 in the second.
 */
public final class Ex03LocalDerivatives {
    private Ex03LocalDerivatives() {
    }

    /** a + b. */
    public static Scalar add(Scalar a, Scalar b) {
        Scalar out = new Scalar(a.data() + b.data(), "+", a, b);
        out.setBackward(() -> {
            a.setGrad(a.grad() + out.grad());
            b.setGrad(b.grad() + out.grad());
        });
        return out;
    }

    /** a · b. */
    public static Scalar mul(Scalar a, Scalar b) {
        Scalar out = new Scalar(a.data() * b.data(), "*", a, b);
        out.setBackward(() -> {
            a.setGrad(a.grad() + b.data() * out.grad());
            b.setGrad(a.data() * out.grad());
        });
        return out;
    }

    /** aⁿ for a constant exponent n. */
    public static Scalar pow(Scalar a, double n) {
        Scalar out = new Scalar(Math.pow(a.data(), n), "^" + n, a);
        out.setBackward(() -> {
            a.setGrad(a.grad() + n * Math.pow(a.data(), n - 1) * out.grad());
        });
        return out;
    }

    /** e to the power a. */
    public static Scalar exp(Scalar a) {
        Scalar out = new Scalar(Math.exp(a.data()), "exp", a);
        out.setBackward(() -> {
            a.setGrad(a.grad() + out.data() * out.grad());
        });
        return out;
    }

    /** The hyperbolic tangent of a. */
    public static Scalar tanh(Scalar a) {
        Scalar out = new Scalar(Math.tanh(a.data()), "tanh", a);
        out.setBackward(() -> {
            double t = out.data();
            a.setGrad(a.grad() + (1 - t * t) * out.grad());
        });
        return out;
    }
}
