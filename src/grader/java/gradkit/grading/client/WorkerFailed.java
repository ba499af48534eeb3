package gradkit.grading.client;

/**
 * The test failed because the worker did (it exited, hung, ran out of memory, flooded, or answered off
 * the protocol's shape), not because an assertion about the student's answers did. An AssertionError,
 * so that the test's report shows its sentence as the failure.
 *
 * <pre>{@code
 * throw new WorkerFailed("The exercise's code ended its JVM during a call (exit code 3).");
 * }</pre>
 */
public final class WorkerFailed extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** @param sentence what happened, for the student */
    public WorkerFailed(String sentence) {
        super(sentence);
    }
}
