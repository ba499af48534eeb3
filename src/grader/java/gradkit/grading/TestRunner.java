package gradkit.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import gradkit.engine.Settings;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main of the test JVM, the one that runs student code: runs one exercise's grading tests one by
 * one and reports each start and finish to the grader ({@link TestJvm}) over {@link EventChannel}.
 *
 * <p>Order matters, and is the defence: everything from the grader (its token, the classes folders,
 * the plan) is read from stdin to its end, the results pipe is taken, System.in/out/err are replaced,
 * JUnit's launcher is built with a fixed configuration (no service-loader extensions, no system
 * properties, no junit-platform.properties), and the {@link StudentPolicy} is installed, all before
 * the first student class is loaded. Then, per test: a fresh pair of class loaders (student classes,
 * then the test compiled against them: static state starts afresh), the library's switches reset,
 * the test on a new thread in its own group, and afterwards every thread of that group stopped;
 * System.out and System.err keep only what that test's own code printed ({@link TestOutput}). A
 * thread that will not stop, or test code still running on the JDK's threads ({@link Leftovers}),
 * ends this JVM after the test's report, so the grader runs the remaining
 * tests in a fresh one; a test that starts more than {@link #MAX_THREADS} threads is stopped there.
 *
 * <p>Protocol: stdin carries the token, the student's classes folder, the tests' classes folder, the
 * folder of the implementation the student's own tests run against ("-" but in exercise 12) and one
 * line "index TAB class TAB method" per test; stdout carries the events, JSON lines.
 */
@SuppressWarnings("removal")
public final class TestRunner {
    /** What a test may print before the rest is dropped. */
    static final int MAX_OUTPUT_CHARS = 4000;
    /** The longest failure message a test reports. */
    static final int MAX_MESSAGE_CHARS = 4000;
    /** Threads one test may have at once, its own thread included. */
    static final int MAX_THREADS = 64;
    private static final long STOP_WAIT_MILLIS = 1000;

    private TestRunner() {
    }

    /** One test to run. */
    record PlanItem(int index, String className, String methodName) {
    }

    /**
     * What the grader sends on stdin. {@code implementation} is null, or the folder of the implementation
     * a student's own tests run against (exercise 12, {@link ImplementationLoader}): "-" on its line when none.
     */
    record Plan(String token, Path studentClasses, Path testClasses, Path implementation, List<PlanItem> items) {
        static Plan read() throws IOException {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String token = in.readLine();
            Path student = Path.of(in.readLine());
            Path tests = Path.of(in.readLine());
            String implementationLine = in.readLine();
            Path implementation = "-".equals(implementationLine) ? null : Path.of(implementationLine);
            List<PlanItem> items = new ArrayList<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                String[] f = line.split("\t");
                items.add(new PlanItem(Integer.parseInt(f[0]), f[1], f[2]));
            }
            return new Plan(token, student, tests, implementation, items);
        }
    }

    /** Runs the plan read from stdin; ends the JVM when done. */
    public static void main(String[] args) throws Exception {
        Plan plan = Plan.read();
        EventChannel events = new EventChannel(new FileOutputStream(FileDescriptor.out), plan.token());
        TestOutput captured = new TestOutput(MAX_OUTPUT_CHARS);
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        System.setOut(capture);
        System.setErr(capture);
        Launcher launcher = launcher();
        ThreadGroup studentThreads = new ThreadGroup("student");
        String policy = installPolicy(studentThreads);
        events.emit(Map.of("event", "ready", "policy", policy));
        AtomicInteger current = new AtomicInteger(-1);
        startThreadWatch(studentThreads, current, events);
        for (PlanItem item : plan.items()) {
            events.emit(Map.of("event", "start", "index", item.index()));
            Settings.reset();
            ThreadGroup group = new ThreadGroup(studentThreads, "test-" + item.index());
            captured.begin(group);
            current.set(item.index());
            TestOutcome outcome = runOnThread(group, () -> run(launcher, plan, item, captured));
            capture.flush();
            String printed = captured.end();   // what this test's code printed while it ran; nothing else
            boolean stopped = stopAll(group);
            boolean clean = stopped && Leftovers.none();
            current.set(-1);
            String output = printed + (!stopped ? "\n(A thread this test started would not stop, so the tests after"
                    + " it ran in a fresh JVM.)" : !clean ? "\n(Code of this test was still running on the JDK's own"
                    + " threads after it ended (a finalizer, a Cleaner or a pool task), so the tests after it ran in a"
                    + " fresh JVM.)" : "");
            Map<String, Object> finish = new LinkedHashMap<>();
            finish.put("event", "finish");
            finish.put("index", item.index());
            finish.put("passed", outcome.passed());
            finish.put("message", StudentText.cap(outcome.message(), MAX_MESSAGE_CHARS));
            finish.put("output", output);
            events.emit(finish);
            if (!clean) {
                Runtime.getRuntime().halt(0);
            }
        }
        events.emit(Map.of("event", "done"));
        // halt, not exit: no shutdown hook or leftover thread of student code runs after the last report.
        Runtime.getRuntime().halt(0);
    }

    /**
     * The launcher, built while only the grader's class path exists in this JVM: its test engines
     * (JUnit Jupiter) come from the grader's jars; no listener, filter or interceptor is taken from
     * the service loader.
     */
    private static Launcher launcher() {
        return LauncherFactory.create(LauncherConfig.builder()
                .enableLauncherSessionListenerAutoRegistration(false)
                .enableLauncherDiscoveryListenerAutoRegistration(false)
                .enablePostDiscoveryFilterAutoRegistration(false)
                .enableTestExecutionListenerAutoRegistration(false)
                .build());
    }

    /** Installs {@link StudentPolicy}; returns "enforced", or why it could not be (a JDK without the SecurityManager). */
    private static String installPolicy(ThreadGroup studentThreads) {
        try {
            java.security.Policy.setPolicy(new StudentPolicy());
            System.setSecurityManager(new StudentSecurityManager(studentThreads));
            return "enforced";
        } catch (UnsupportedOperationException | SecurityException e) {
            return "unavailable on Java " + Runtime.version().feature() + ": " + e.getMessage();
        }
    }

    /** Stops the JVM, after reporting the running test as failed, when student code starts too many threads. */
    private static void startThreadWatch(ThreadGroup studentThreads, AtomicInteger current, EventChannel events) {
        Thread watch = new Thread(() -> {
            while (true) {
                int index = current.get();
                if (index >= 0 && studentThreads.activeCount() > MAX_THREADS) {
                    events.emit(Map.of("event", "finish", "index", index, "passed", false, "message",
                            "Stopped: the test started more than " + MAX_THREADS + " threads at once (the grader's"
                                    + " limit). The tests after it ran in a fresh JVM.", "output", ""));
                    Runtime.getRuntime().halt(0);
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "grading-thread-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /** Runs {@code test} on a new daemon thread of {@code group} and waits for it. */
    private static TestOutcome runOnThread(ThreadGroup group, java.util.function.Supplier<TestOutcome> test) {
        TestOutcome[] result = new TestOutcome[1];
        Thread thread = new Thread(group, () -> result[0] = test.get(), "grading-test");
        thread.setDaemon(true);
        thread.start();
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                // only the runner may interrupt the runner: keep waiting
            }
        }
        return result[0] != null ? result[0] : TestOutcome.failed("The test ended without a result.");
    }

    /** Interrupts and stops every thread of {@code group}; true when none is left. */
    @SuppressWarnings("deprecation")
    private static boolean stopAll(ThreadGroup group) {
        long deadline = System.nanoTime() + STOP_WAIT_MILLIS * 1_000_000;
        while (group.activeCount() > 0 && System.nanoTime() < deadline) {
            Thread[] threads = new Thread[group.activeCount() + 8];
            int n = group.enumerate(threads, true);
            for (int i = 0; i < n; i++) {
                threads[i].interrupt();
                try {
                    threads[i].stop();   // deprecated, but the only way to end a thread spinning in while (true) {}
                } catch (Throwable unsupported) {
                    // Java 20+ refuses: the thread counts as unstoppable and this JVM ends after the report
                }
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException ignored) {
                // keep stopping
            }
        }
        // Tasks handed to the common pool run on the JDK's own worker threads, outside the group.
        boolean poolIdle = java.util.concurrent.ForkJoinPool.commonPool().awaitQuiescence(200,
                java.util.concurrent.TimeUnit.MILLISECONDS);
        return group.activeCount() == 0 && poolIdle;
    }

    /** Runs one test method (all its cases) with fresh class loaders: the student's classes, then the test's. */
    static TestOutcome run(Launcher launcher, Plan plan, PlanItem item, TestOutput output) {
        ClassLoader below = plan.implementation() == null ? TestRunner.class.getClassLoader()
                : new ImplementationLoader(plan.implementation(), TestRunner.class.getClassLoader());
        try (SandboxLoader student = new SandboxLoader(Leftovers.loaderName(item.index(), true), plan.studentClasses(),
                below, true);
             SandboxLoader tests = new SandboxLoader(Leftovers.loaderName(item.index(), false), plan.testClasses(),
                     student, false)) {
            output.loaders(student, tests);
            Thread.currentThread().setContextClassLoader(tests);
            Class<?> testClass = Class.forName(item.className(), false, tests);
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectMethod(testClass, findMethod(testClass, item.methodName())))
                    .enableImplicitConfigurationParameters(false)
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                    .build();
            TestListener listener = new TestListener();
            launcher.execute(request, listener);
            return listener.outcome();
        } catch (Throwable t) {
            return TestOutcome.failed("The test could not run: " + Failures.describe(t));
        }
    }

    /** The test method by name (test methods are not overloaded; parameterized ones take arguments). */
    static java.lang.reflect.Method findMethod(Class<?> testClass, String name) throws NoSuchMethodException {
        for (java.lang.reflect.Method m : testClass.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new NoSuchMethodException("There is no test method " + name + " in " + testClass.getName() + ".");
    }
}
