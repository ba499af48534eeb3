package gradkit.grading;

/**
 * How one grading test ended: passed or not, a message for the student, and what the code printed.
 *
 * <pre>{@code
 * TestOutcome o = TestOutcome.failed("Timed out after 10 s: an endless loop?");
 * o.passed();  // false
 * }</pre>
 *
 * @param passed  true when every assertion (every case of a parameterized test) held
 * @param message why it failed ("" when it passed)
 * @param output  what the test printed to System.out and System.err, capped
 */
public record TestOutcome(boolean passed, String message, String output) {

    /** A failure with nothing printed. */
    public static TestOutcome failed(String message) {
        return new TestOutcome(false, message, "");
    }
}
