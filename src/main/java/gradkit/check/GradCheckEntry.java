package gradkit.check;

import java.util.List;

/**
 * The check of one entry of a gradient: the derivative backpropagation computed (analytic), the one
 * finite differences measured (numeric) and the verdict.
 *
 * <p>{@code numeric} is always the central difference (f(x+h) - f(x-h)) / 2h, the number a plain
 * gradient checker would compare with. Where the checker found a kink, it also measured the one-sided
 * derivatives {@code left} and {@code right} with steps that stay on one side of the kink; elsewhere
 * they are NaN.
 *
 * <p>{@code relativeError} is |analytic - numeric| / max(|analytic|, |numeric|) away from kinks (the
 * measure of the CS231n notes). At a kink it is the distance from the analytic derivative to the
 * interval [min(left, right), max(left, right)], divided by the largest of |analytic|, |left|, |right|:
 * 0 for any subgradient. It is there for reading and sorting; verdicts use the tolerances (see
 * {@link GradientChecker}).
 *
 * <pre>{@code
 * GradCheckEntry e = GradientChecker.defaults().check(x -> x[0].abs(), 0.0).entries().get(0);
 * e.left();             // -1.0
 * e.right();            //  1.0
 * e.verdict();          // KINK_PASS: abs'(0) = 0 lies in [-1, 1]
 * e.kinkOperations();   // [abs #1 at KINK]
 * }</pre>
 *
 * @param index which input or parameter, counting from 0
 * @param analytic the derivative computed by backpropagation
 * @param numeric the central finite difference
 * @param left the backward difference with a step that stays left of the kink, or NaN
 * @param right the forward difference with a step that stays right of the kink, or NaN
 * @param relativeError see above
 * @param verdict what the checker concluded
 * @param kinkOperations the operations that sat on a kink at the point ("relu #7 at KINK") or that a
 *     probe pushed across one ("max #12 ABOVE->BELOW"), named by operation and position in the graph's
 *     topological order; empty away from kinks
 * @param plainVerdict what a plain checker (not kink-aware) with the same tolerances concludes from
 *     the central difference alone: PASS or FAIL; equal to {@code verdict} away from kinks
 */
public record GradCheckEntry(int index, double analytic, double numeric, double left, double right,
        double relativeError, Verdict verdict, List<String> kinkOperations, Verdict plainVerdict) {

    /** Checks the verdicts are present and makes the list of operations unmodifiable. */
    public GradCheckEntry {
        if (verdict == null || plainVerdict == null) {
            throw new IllegalArgumentException("A gradient check entry needs a verdict and a plain verdict, but got "
                    + verdict + " and " + plainVerdict + ".");
        }
        if (plainVerdict.isKink()) {
            throw new IllegalArgumentException("The plain verdict is PASS or FAIL (a plain checker knows no kinks), but got "
                    + plainVerdict + ".");
        }
        kinkOperations = List.copyOf(kinkOperations == null ? List.of() : kinkOperations);
    }

    /**
     * Whether this entry passed (PASS or KINK_PASS).
     *
     * <pre>{@code if (!entry.passed()) System.out.println(entry); }</pre>
     */
    public boolean passed() {
        return verdict.isPass();
    }

    /**
     * Whether a plain checker, comparing with the central difference only, would pass this entry.
     * At a kink the two can differ: relu at 0 is KINK_PASS here but a plain FAIL.
     *
     * <pre>{@code long falseAlarms = result.entries().stream().filter(e -> e.passed() && !e.plainPassed()).count(); }</pre>
     */
    public boolean plainPassed() {
        return plainVerdict.isPass();
    }
}
