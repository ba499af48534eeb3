package gradkit.check;

/**
 * What the gradient checker concluded about one entry of a gradient.
 *
 * <pre>{@code
 * GradCheckResult r = GradientChecker.defaults().check(x -> x[0].relu(), 0.0);
 * r.entries().get(0).verdict();   // KINK_PASS: relu'(0) = 0 lies between the slopes 0 and 1
 * }</pre>
 */
public enum Verdict {
    /** Smooth here: the analytic derivative matches the central difference. */
    PASS,
    /** Smooth here, and the analytic derivative does not match the central difference: a wrong backward rule. */
    FAIL,
    /**
     * At or near a kink, and the analytic derivative lies between the left and the right derivative:
     * a valid subgradient, such as relu'(0) = 0 or the 0.5 that max gives each side of a tie.
     */
    KINK_PASS,
    /**
     * At or near a kink, and the analytic derivative lies outside the range of the one-sided
     * derivatives: no side of the kink has that slope, so the backward rule is wrong there.
     */
    KINK_FAIL;

    /** Whether this verdict accepts the analytic derivative (PASS or KINK_PASS). */
    public boolean isPass() {
        return this == PASS || this == KINK_PASS;
    }

    /** Whether the checker found a kink for this entry (KINK_PASS or KINK_FAIL). */
    public boolean isKink() {
        return this == KINK_PASS || this == KINK_FAIL;
    }
}
