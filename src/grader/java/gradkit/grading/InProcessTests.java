package gradkit.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import gradkit.grading.client.ExerciseLoader;
import gradkit.grading.client.WorkerSession;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the grading tests of an exercise whose student code lives in a worker JVM (one that has a probe,
 * {@link Probes}) here, in the grader's own JVM: their class path holds the grader, the library, JUnit
 * and the tests, and no student class; each call into student code goes through the exercise's
 * {@link WorkerSession}. Each test is one JUnit launch of one method, as in the test JVM
 * ({@link TestRunner}), with the same fixed launcher configuration; its output is what its calls printed.
 *
 * <pre>{@code
 * List<TestOutcome> outcomes = InProcessTests.run(testClasses, studentClasses, exercise.tests(), session, seed);
 * }</pre>
 */
final class InProcessTests {
    private InProcessTests() {
    }

    /**
     * One outcome per test, in order; the session's worker is killed after each test, and at the end.
     * {@code studentClasses} is where the student's compiled classes are, for a test that reads their bytes.
     */
    static List<TestOutcome> run(Path testClasses, Path studentClasses, List<GradingTest> tests, WorkerSession session,
                                 long seed) throws IOException {
        List<TestOutcome> outcomes = new ArrayList<>();
        Thread thread = Thread.currentThread();
        ClassLoader before = thread.getContextClassLoader();
        try (session; ExerciseLoader loader = new ExerciseLoader(new URL[] {testClasses.toUri().toURL()},
                InProcessTests.class.getClassLoader(), session, seed, studentClasses)) {
            Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableLauncherSessionListenerAutoRegistration(false)
                    .enableLauncherDiscoveryListenerAutoRegistration(false)
                    .enablePostDiscoveryFilterAutoRegistration(false)
                    .enableTestExecutionListenerAutoRegistration(false)
                    .build());
            thread.setContextClassLoader(loader);
            for (GradingTest test : tests) {
                TestOutcome outcome = runOne(launcher, loader, test);
                outcomes.add(new TestOutcome(outcome.passed(),
                        StudentText.cap(StudentText.clean(outcome.message()), TestRunner.MAX_MESSAGE_CHARS),
                        StudentText.cap(StudentText.clean(session.takePrinted()), 2 * TestRunner.MAX_OUTPUT_CHARS)));
                // The next test's first call starts a fresh worker: no static state of the student's classes
                // carries from one test to the next (the test JVM gives each test fresh classes for the same reason).
                session.close();
            }
        } finally {
            thread.setContextClassLoader(before);
        }
        return outcomes;
    }

    private static TestOutcome runOne(Launcher launcher, ClassLoader loader, GradingTest test) {
        try {
            Class<?> testClass = Class.forName(test.className(), false, loader);
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectMethod(testClass, TestRunner.findMethod(testClass, test.methodName())))
                    .enableImplicitConfigurationParameters(false)
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                    .build();
            TestListener listener = new TestListener();
            launcher.execute(request, listener);
            return listener.outcome();
        } catch (ClassNotFoundException | NoSuchMethodException | RuntimeException e) {
            return TestOutcome.failed("The test could not run: " + Failures.describe(e));
        }
    }
}
