package gradkit.engine;

/**
 * The floating-point precision in which the engine stores results.
 *
 * <p>Java computes in {@code double}. Under {@link #FLOAT32} every operation's result, and every
 * node's finished gradient, is rounded to the nearest {@code float}, so a graph behaves as if it were
 * computed in single precision, the way most deep-learning hardware computes.
 *
 * <pre>{@code
 * try (var restore = Settings.withPrecision(Precision.FLOAT32)) {
 *     Value.of(0.1).add(0.2).data();   // 0.30000001192092896, the float nearest 0.3
 * }
 * }</pre>
 */
public enum Precision {
    /** IEEE 754 double precision: 53 significant bits. The default. */
    FLOAT64,
    /** IEEE 754 single precision: 24 significant bits. */
    FLOAT32;

    /** {@code x} rounded to this precision. */
    public double round(double x) {
        return this == FLOAT32 ? (double) (float) x : x;
    }
}
