package gradkit.grading;

/**
 * The graded result of one test: the test, its outcome and the points it earned.
 *
 * <pre>{@code
 * TestResult r = report.exercises().get(0).tests().get(0);
 * r.earned() + " / " + r.test().points();
 * }</pre>
 *
 * @param test    the test as declared
 * @param outcome passed or not, with the message and the captured output
 */
public record TestResult(GradingTest test, TestOutcome outcome) {

    /** All the test's points when it passed, 0 otherwise. */
    public int earned() {
        return outcome.passed() ? test.points() : 0;
    }

    /**
     * The message and the captured output together, as a platform shows them, cleaned
     * ({@link StudentText#clean}); output that is blank once cleaned is left out.
     */
    public String feedback() {
        String output = StudentText.clean(outcome.output());
        String printed = output.isBlank() ? "" : "\n--- the test printed ---\n" + output;
        return StudentText.clean(outcome.message()) + printed;
    }
}
