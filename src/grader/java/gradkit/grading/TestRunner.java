package gradkit.grading;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import com.fasterxml.jackson.databind.ObjectMapper;
import gradkit.engine.Settings;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.opentest4j.AssertionFailedError;

/**
 * The main of the child JVM that runs student code: runs grading tests one by one and reports each
 * start and finish as a JSON line in an events file, which the parent ({@link TestJvm}) watches.
 *
 * <p>Isolation inside this JVM: each test gets a fresh class loader over its exercise's class files,
 * so static fields of the student's class and of the test class start afresh for every test; the
 * library's documented switches ({@link Settings}) are reset before each test; threads a test
 * leaves running are stopped after it. What a test prints is captured (capped) instead of reaching
 * the real stdout. What this JVM cannot survive (System.exit, Runtime.halt, a heap exhausted, an
 * endless loop) the parent detects and recovers from.
 *
 * <p>Usage (the parent builds this command): {@code java -cp <library and JUnit> gradkit.grading.TestRunner
 * plan.json events.jsonl}, where plan.json is a list of {@code {index, classesDir, className, methodName}}, and
 * the first line of stdin is a token that every event line carries.
 */
public final class TestRunner {
    /** What a test may print before the rest is dropped. */
    static final int MAX_OUTPUT_CHARS = 4000;

    private TestRunner() {
    }

    /** One test to run. */
    record PlanItem(int index, String classesDir, String className, String methodName) {
    }

    /** Runs the plan {@code args[0]}, writing events to {@code args[1]}; ends the JVM when done. */
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        // The parent's secret for this run comes on stdin, before any student code runs; events without
        // it are ignored, so student code cannot forge a passed test by writing to the events file.
        String token = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))
                .readLine();
        System.setIn(new java.io.ByteArrayInputStream(new byte[0]));
        List<PlanItem> plan = Arrays.asList(json.readValue(Path.of(args[0]).toFile(), PlanItem[].class));
        CappedBuffer captured = new CappedBuffer(MAX_OUTPUT_CHARS);
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        Launcher launcher = LauncherFactory.create();
        try (OutputStream events = new FileOutputStream(args[1], true)) {
            for (PlanItem item : plan) {
                emit(events, json, token, new LinkedHashMap<>(Map.of("event", "start", "index", item.index())));
                captured.reset();
                Settings.reset();
                Set<Thread> before = Thread.getAllStackTraces().keySet();
                TestOutcome outcome = run(launcher, item);
                stopThreadsStartedSince(before);
                capture.flush();
                Map<String, Object> finish = new LinkedHashMap<>();
                finish.put("event", "finish");
                finish.put("index", item.index());
                finish.put("passed", outcome.passed());
                finish.put("message", outcome.message());
                finish.put("output", captured.text());
                emit(events, json, token, finish);
            }
            emit(events, json, token, new LinkedHashMap<>(Map.of("event", "done")));
        }
        // halt, not exit: a shutdown hook or a thread left by student code must not keep this JVM alive.
        Runtime.getRuntime().halt(0);
    }

    private static void emit(OutputStream events, ObjectMapper json, String token, Map<String, Object> event)
            throws IOException {
        event.put("token", token);
        events.write((json.writeValueAsString(event) + "\n").getBytes(StandardCharsets.UTF_8));
        events.flush();
    }

    /** Runs one test method (all its cases) with a fresh class loader. */
    static TestOutcome run(Launcher launcher, PlanItem item) {
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {Path.of(item.classesDir()).toUri().toURL()},
                TestRunner.class.getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            Class<?> testClass = Class.forName(item.className(), false, loader);
            LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                    .selectors(selectMethod(testClass, findMethod(testClass, item.methodName())))
                    .build();
            Listener listener = new Listener();
            launcher.execute(request, listener);
            return listener.outcome();
        } catch (Throwable t) {
            return TestOutcome.failed("The test could not start: " + describe(t));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    /** The test method by name (test methods are not overloaded; parameterized ones take arguments). */
    private static java.lang.reflect.Method findMethod(Class<?> testClass, String name) throws NoSuchMethodException {
        for (java.lang.reflect.Method m : testClass.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new NoSuchMethodException("There is no test method " + name + " in " + testClass.getName() + ".");
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stopThreadsStartedSince(Set<Thread> before) {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && t.isAlive() && t != Thread.currentThread()) {
                t.interrupt();
                try {
                    t.stop(); // deprecated, but the only way to end a thread spinning in while (true) {}
                } catch (Throwable ignored) {
                    // later Java versions refuse; the parent's timeouts and the final halt still hold.
                }
            }
        }
    }

    /** Collects the results of every case of the selected test method. */
    private static final class Listener implements TestExecutionListener {
        private int tests;
        private final List<String> failures = new ArrayList<>();

        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
            if (id.isTest()) {
                tests++;
            }
            if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                String what = result.getThrowable().map(TestRunner::describe).orElse(result.getStatus().toString());
                failures.add(id.isTest() && id.getLegacyReportingName().contains("[")
                        ? "case " + id.getDisplayName() + ": " + what : what);
            }
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
            failures.add("skipped: " + reason);
        }

        TestOutcome outcome() {
            if (failures.isEmpty() && tests == 0) {
                return TestOutcome.failed("The test was not found or ran no case.");
            }
            return new TestOutcome(failures.isEmpty(), String.join("\n", failures), "");
        }
    }

    /** A student-readable description of what went wrong, with where it happened in exercise code. */
    static String describe(Throwable t) {
        if (t instanceof AssertionFailedError || t instanceof AssertionError) {
            Throwable cause = t.getCause();   // assertThrows reports an unexpected exception as the cause
            return cause != null && isTodo(cause) ? describe(cause) + "\n" + t.getMessage() : String.valueOf(t.getMessage());
        }
        String text;
        if (isTodo(t)) {
            text = "Not implemented yet: " + t.getMessage();
        } else if (t instanceof StackOverflowError) {
            text = "StackOverflowError: the call stack overflowed (endless or too deep recursion?)";
        } else {
            text = t.toString();
        }
        String where = whereInExercise(t);
        return where.isEmpty() ? text : text + "\n    " + where;
    }

    /** True for the exception an untouched exercise method throws. */
    private static boolean isTodo(Throwable t) {
        return t instanceof UnsupportedOperationException && t.getMessage() != null && t.getMessage().startsWith("TODO");
    }

    /** The first stack frame in exercise code (a class of gradkit.exercises that is not a test). */
    private static String whereInExercise(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            String c = e.getClassName();
            if (c.startsWith("gradkit.exercises.Ex") && !c.contains("Test")) {
                return "at " + e;
            }
        }
        return "";
    }

    /** An output stream that keeps the first {@code limit} characters and counts the rest. */
    static final class CappedBuffer extends OutputStream {
        private final int limit;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private long dropped;

        CappedBuffer(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(int b) {
            if (kept.size() < limit) {
                kept.write(b);
            } else {
                dropped++;
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = Math.max(0, Math.min(len, limit - kept.size()));
            kept.write(b, off, room);
            dropped += len - room;
        }

        synchronized void reset() {
            kept.reset();
            dropped = 0;
        }

        synchronized String text() {
            String s = kept.toString(StandardCharsets.UTF_8);
            return dropped == 0 ? s : s + "\n... (" + dropped + " more bytes of output dropped)";
        }
    }
}
