package gradkit.engine;

/**
 * The floating-point precision in which the engine stores results.
 *
 * <p>Java computes in {@code double}. Under {@link #FLOAT32} every operation's result, every
 * intermediate step of its local derivatives, and every product and sum of the backward pass is
 * rounded to the nearest {@code float}, so a graph gives, bit for bit, what the same computation
 * written with Java {@code float} variables gives: single precision, the way most deep-learning
 * hardware computes. (Each double operation on two floats, rounded to float, is exactly the float
 * operation: a double carries more than twice a float's 24 bits.)
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

    /** One step of the chain rule in this precision: {@code sum + local * grad}, each operation rounded. */
    double accumulate(double sum, double local, double grad) {
        return this == FLOAT32 ? (double) (float) (sum + (float) (local * grad)) : sum + local * grad;
    }
}
