package gradkit.check;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of a check along one random direction v: the analytic directional derivative grad·v
 * against the central difference of the function along v.
 *
 * <pre>{@code
 * DirectionalCheck d = GradientChecker.defaults().checkDirection(x -> x[0].mul(x[1]), 1L, 2.0, 3.0);
 * d.analytic();   // 3·v0 + 2·v1
 * d.passed();     // true
 * System.out.println(d);
 * }</pre>
 *
 * @param direction the unit vector v, one number per input or parameter
 * @param analytic grad·v, from backpropagation
 * @param numeric (f(x + h·v) - f(x - h·v)) / 2h
 * @param relativeError |analytic - numeric| / max(|analytic|, |numeric|)
 * @param passed whether |analytic - numeric| &lt;= atol + rtol·|numeric|
 * @param crossedKink whether a probe took a different branch than the point: then the central
 *     difference may straddle a kink and the comparison means little
 * @param seed the seed the direction was drawn with
 */
public record DirectionalCheck(List<Double> direction, double analytic, double numeric, double relativeError,
        boolean passed, boolean crossedKink, long seed) {

    /** Makes the direction unmodifiable. */
    public DirectionalCheck {
        direction = List.copyOf(direction);
    }

    /**
     * Throws if the check failed, with {@link #toString()} as the message.
     *
     * <pre>{@code GradientChecker.defaults().checkDirection(f, 42, 1.0, 2.0).assertPassed(); }</pre>
     *
     * @throws AssertionError if the directional derivatives disagree
     */
    public void assertPassed() {
        if (!passed) {
            throw new AssertionError(toString());
        }
    }

    /**
     * The verdict on one line and the numbers on the next (each line fits a notebook's page), for
     * example
     * <pre>
     * directional check (seed 42, 2 entries): PASS
     *   analytic 1.23450e+00, numeric 1.23450e+00, rel.error 3.1e-11
     * </pre>
     * and, when a probe crossed a kink, a third line saying so.
     *
     * <pre>{@code System.out.println(check); }</pre>
     */
    @Override
    public String toString() {
        String text = String.format(Locale.ROOT, "directional check (seed %d, %d entries): %s\n"
                + "  analytic %.5e, numeric %.5e, rel.error %.1e", seed, direction.size(), passed ? "PASS" : "FAIL",
                analytic, numeric, relativeError);
        return crossedKink ? text + "\n  a probe crossed a kink: use check() to see which entry" : text;
    }
}
