package gradkit.engine;

/**
 * The two switches of the engine: the derivative that {@code relu} uses at exactly 0, and the
 * precision in which results are stored.
 *
 * <p>This class is the engine's only mutable static state, kept on purpose so that a notebook or a
 * test can change a convention for a whole computation with one line. Every setter returns the old
 * value, and every {@code with...} method returns a handle that restores the old value when closed:
 *
 * <pre>{@code
 * try (var restore = Settings.withReluGradAtZero(1.0)) {
 *     Value x = Value.of(0.0);
 *     x.relu().backward();
 *     x.grad();                        // 1.0
 * }                                    // back to 0.0, PyTorch's choice
 * Settings.withReluGradAtZero(1.0);    // without try it prints
 *                                      // Restore(relu'(0) = 1.0 now; close() puts back 0.0)
 * }</pre>
 *
 * <p>The settings are shared by all threads; change them only when no other thread is computing.
 */
public final class Settings {

    /** PyTorch's choice: relu'(0) = 0. */
    public static final double DEFAULT_RELU_GRAD_AT_ZERO = 0.0;

    private static volatile double reluGradAtZero = DEFAULT_RELU_GRAD_AT_ZERO;
    private static volatile Precision precision = Precision.FLOAT64;

    private Settings() {}

    /**
     * A handle that puts a setting back as it was when closed; {@link #close()} never throws. Printed,
     * it says what it will restore: {@code Restore(relu'(0) = 1.0 now; close() puts back 0.0)}.
     */
    public static final class Restore implements AutoCloseable {
        private final String setting;
        private final Object now;
        private final Object old;
        private final Runnable putBack;

        private Restore(String setting, Object now, Object old, Runnable putBack) {
            this.setting = setting;
            this.now = now;
            this.old = old;
            this.putBack = putBack;
        }

        @Override
        public void close() {
            putBack.run();
        }

        @Override
        public String toString() {
            return "Restore(" + setting + " = " + now + " now; close() puts back " + old + ")";
        }
    }

    /** The derivative {@code relu} uses when its input is exactly 0 (default 0.0). */
    public static double reluGradAtZero() {
        return reluGradAtZero;
    }

    /**
     * Sets the derivative that {@code relu} uses when its input is exactly 0. Any value in [0, 1]
     * is a valid subgradient of relu at 0, so any such value is allowed; nothing else is.
     * The value is read when {@code relu} runs and stored in its node: a graph built under one
     * setting keeps it, even if {@code backward()} runs after the setting changed.
     *
     * @return the previous value, so that the caller can put it back
     * @throws IllegalArgumentException if {@code slope} is not in [0, 1]
     */
    public static double setReluGradAtZero(double slope) {
        if (!(slope >= 0.0 && slope <= 1.0)) {
            throw new IllegalArgumentException("relu'(0) must be a subgradient of relu at 0, a number in [0, 1], but got "
                    + slope + ".");
        }
        double old = reluGradAtZero;
        reluGradAtZero = slope;
        return old;
    }

    /** Sets relu'(0) until the returned handle is closed; see {@link #setReluGradAtZero(double)}. */
    public static Restore withReluGradAtZero(double slope) {
        double old = setReluGradAtZero(slope);
        return new Restore("relu'(0)", slope, old, () -> reluGradAtZero = old);
    }

    /** The precision in which operations store their results (default {@link Precision#FLOAT64}). */
    public static Precision precision() {
        return precision;
    }

    /**
     * Sets the precision for results computed from now on.
     *
     * @return the previous precision
     * @throws IllegalArgumentException if {@code p} is null
     */
    public static Precision setPrecision(Precision p) {
        if (p == null) {
            throw new IllegalArgumentException("Expected a precision (Precision.FLOAT64 or Precision.FLOAT32) but got null.");
        }
        Precision old = precision;
        precision = p;
        return old;
    }

    /** Sets the precision until the returned handle is closed; see {@link #setPrecision(Precision)}. */
    public static Restore withPrecision(Precision p) {
        Precision old = setPrecision(p);
        return new Restore("precision", p, old, () -> precision = old);
    }

    /** Puts both switches back to their defaults: relu'(0) = 0 and double precision. */
    public static void reset() {
        reluGradAtZero = DEFAULT_RELU_GRAD_AT_ZERO;
        precision = Precision.FLOAT64;
    }
}
