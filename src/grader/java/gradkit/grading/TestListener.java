package gradkit.grading;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Collects what JUnit reports about one selected test method (every case of a parameterized one).
 * The method passes only when at least one case ran and every container and case ended SUCCESSFUL:
 * skipped, aborted (a failed assumption) or failed all count as not passed.
 *
 * <pre>{@code
 * TestListener listener = new TestListener();
 * launcher.execute(request, listener);
 * listener.outcome().passed();
 * }</pre>
 */
final class TestListener implements TestExecutionListener {
    private int casesRun;
    private final List<String> failures = new ArrayList<>();

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (id.isTest()) {
            casesRun++;
        }
        if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
            String what = result.getThrowable().map(Failures::describe).orElse(result.getStatus().toString());
            if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
                what = "aborted (an assumption failed): " + what;
            }
            failures.add(id.isTest() && id.getLegacyReportingName().contains("[")
                    ? "case " + id.getDisplayName() + ": " + what : what);
        }
    }

    @Override
    public void executionSkipped(TestIdentifier id, String reason) {
        failures.add("skipped: " + reason);
    }

    TestOutcome outcome() {
        if (failures.isEmpty() && casesRun == 0) {
            return TestOutcome.failed("The test was not found or ran no case.");
        }
        return new TestOutcome(failures.isEmpty(), String.join("\n", failures), "");
    }
}
