package gradkit.exercises;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Failure messages that teach. Every failure names the input, what was expected and what came,
 * then says what the difference looks like when that is certain (exactly twice, half, the sign
 * flipped, an old gradient overwritten, the factor out.grad() missing, NaN), then a hint.
 *
 * <pre>{@code
 * Feedback.gradient(5.0, 2.0, 3.0, -1.5, "mul(2, 3): grad of the first input", "d(ab)/da = b.");
 * // mul(2, 3): grad of the first input: expected 5.0, got 2.0. The grad held 3.0 before the rule
 * // ran, and that was overwritten (=) instead of added to (+=). Hint: d(ab)/da = b.
 * }</pre>
 */
final class Feedback {
    private Feedback() {
    }

    /** Fails unless {@code got} is within {@code tolerance} of {@code expected}. */
    static void near(double expected, double got, double tolerance, String what, String hint) {
        if (!(Math.abs(got - expected) <= tolerance)) {
            fail(what + ": expected " + expected + ", got " + got + "." + diagnosis(expected, got, 0.0, 1.0, false)
                    + hint(hint));
        }
    }

    /**
     * Fails unless a gradient is right. {@code held} is what the grad held before the rule ran,
     * {@code upstream} the out.grad() the rule was given: both help to name the mistake.
     */
    static void gradient(double expected, double got, double held, double upstream, String what, String hint) {
        if (!(Math.abs(got - expected) <= 1e-12 * Math.max(1.0, Math.abs(expected)))) {
            fail(what + ": expected " + expected + ", got " + got + "." + diagnosis(expected, got, held, upstream, true)
                    + hint(hint));
        }
    }

    /** Fails unless {@code condition}; the message must already say input, expectation and outcome. */
    static void check(boolean condition, String message, String hint) {
        if (!condition) {
            fail(message + hint(hint));
        }
    }

    private static String hint(String hint) {
        return hint.isEmpty() ? "" : " Hint: " + hint;
    }

    /** What the difference between got and expected looks like, or "" when nothing is certain. */
    static String diagnosis(double expected, double got, double held, double upstream, boolean isGradient) {
        if (Double.isNaN(got)) {
            return " NaN came: a 0/0, 0*infinity, or a NaN that got in.";
        }
        if (Double.isInfinite(got)) {
            return " An infinity came: a division by 0 or an overflow.";
        }
        double wanted = expected - held;     // the contribution the rule should have added
        double added = got - held;           // what it did add, if it added to the old grad
        if (held != 0 && same(got, wanted)) {
            return " The grad held " + held + " before the rule ran, and that was overwritten (=) instead of"
                    + " added to (+=).";
        }
        if (wanted == 0) {
            return "";
        }
        if (held != 0 && added == 0) {
            return " The grad is unchanged (" + held + "): nothing was added to it.";
        }
        if (added == 0) {
            return isGradient ? " 0 came: nothing was added to it." : " 0 came.";
        }
        if (upstream != 1 && upstream != 0 && same(added * upstream, wanted)) {
            return " That is the local derivative alone: it was not multiplied by out.grad() = " + upstream + ".";
        }
        double ratio = added / wanted;
        if (same(ratio, 2)) {
            return " That is exactly twice the right " + (held != 0 ? "contribution." : "value.");
        }
        if (same(ratio, 0.5)) {
            return " That is exactly half the right " + (held != 0 ? "contribution." : "value.");
        }
        if (same(ratio, -1)) {
            return " The sign is flipped.";
        }
        return "";
    }

    private static boolean same(double a, double b) {
        return Math.abs(a - b) <= 1e-9 * Math.max(1e-300, Math.max(Math.abs(a), Math.abs(b)));
    }
}
