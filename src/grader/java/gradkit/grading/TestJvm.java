package gradkit.grading;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Runs one exercise's grading tests in a separate JVM and survives whatever the student's code does there.
 *
 * <p>The child ({@link TestRunner}) reports each test's start and finish over its stdout pipe, the one
 * channel student code cannot reach. This class watches those events: a test that runs longer than
 * the timeout gets its JVM killed; a JVM that dies in a test (heap exhausted: the child runs with
 * {@code -XX:+ExitOnOutOfMemoryError}; a crash; a limit) is noticed. Either way that test scores 0 with
 * an explanation, and the tests after it run in a fresh JVM. A test earns its points only from a
 * "finish" event for the test that is running, with this launch's secret token, saying it passed.
 *
 * <p>The child runs with capped heap, metaspace, direct memory, code cache and thread stacks, without
 * jdk.unsupported, jdk.attach, jdk.jdi, the management modules and the attach mechanism
 * ({@code --limit-modules java.base,java.logging}), with an empty environment, and inside the
 * {@link Sandbox} this machine offers.
 *
 * <pre>{@code
 * TestJvm jvm = new TestJvm(classpath, Duration.ofSeconds(10), 512);
 * List<TestOutcome> outcomes = jvm.run(studentClasses, testClasses, exercise.tests());
 * }</pre>
 */
public final class TestJvm {
    /** How long a fresh JVM may take to start its first test before it counts as hung. */
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 15;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String classpath;
    private final Duration timeout;
    private final int heapMegabytes;
    private final Sandbox sandbox;
    private final Set<String> notes = java.util.Collections.synchronizedSet(new LinkedHashSet<>());
    /**
     * The seed of the inputs the grading tests draw, one per grading run (one TestJvm per run), given to
     * the test JVM as -Dgradkit.seed: the grader's own property gradkit.seed when set (to draw an earlier
     * run's inputs again), otherwise drawn here.
     */
    private final long seed = Long.getLong("gradkit.seed", RANDOM.nextLong());

    /**
     * @param classpath     the library, JUnit (with the platform launcher) and the grader: everything but the exercise
     * @param timeout       the longest one test method may run
     * @param heapMegabytes the child JVM's heap cap (-Xmx)
     */
    public TestJvm(String classpath, Duration timeout, int heapMegabytes) {
        this(classpath, timeout, heapMegabytes, Sandbox.detect());
    }

    TestJvm(String classpath, Duration timeout, int heapMegabytes, Sandbox sandbox) {
        this.classpath = classpath;
        this.timeout = timeout;
        this.heapMegabytes = heapMegabytes;
        this.sandbox = sandbox;
    }

    /** The sandbox every JVM of this grading runs in (the worker JVMs too). */
    Sandbox sandbox() {
        return sandbox;
    }

    /** The heap cap of every JVM of this grading, in MB. */
    int heapMegabytes() {
        return heapMegabytes;
    }

    /** The longest one test may run (and one call into a worker JVM). */
    Duration timeout() {
        return timeout;
    }

    /** The seed of this grading run's drawn inputs. */
    long seed() {
        return seed;
    }

    /** What the runs so far found worth telling (e.g. a JDK without the SecurityManager). */
    public Set<String> notes() {
        return notes;
    }

    /**
     * Runs every test of one exercise and returns one outcome per test, in the same order, whatever happens.
     *
     * @param studentClasses the student's compiled file (only these classes are the student's)
     * @param testClasses    the grading test and its helpers, compiled against them
     */
    public List<TestOutcome> run(Path studentClasses, Path testClasses, List<GradingTest> tests) {
        return run(studentClasses, testClasses, null, tests);
    }

    /**
     * Runs tests as {@link #run(Path, Path, List)} does, with the student's classes loaded on top of
     * {@code implementation}'s ({@link ImplementationLoader}; null for none): how exercise 12 runs the
     * student's own tests against one implementation of the rules.
     */
    public List<TestOutcome> run(Path studentClasses, Path testClasses, Path implementation, List<GradingTest> tests) {
        TestOutcome[] outcomes = new TestOutcome[tests.size()];
        int next = 0;
        int fruitlessLaunches = 0;
        while (next < tests.size()) {
            Launch launch = new Launch(studentClasses, testClasses, implementation, tests);
            int first = next;
            next = launch.run(next, outcomes);
            fruitlessLaunches = next == first ? fruitlessLaunches + 1 : 0;
            if (fruitlessLaunches >= 2) {
                // The JVM dies before it even starts this test: give up on it, not on the rest.
                outcomes[next] = TestOutcome.failed("The test JVM stopped twice before this test began: "
                        + launch.why());
                next++;
                fruitlessLaunches = 0;
            }
        }
        return List.of(outcomes);
    }

    private List<String> javaCommand() {
        List<String> command = new ArrayList<>(List.of(Grader.javaExecutable(),
                "-Xmx" + heapMegabytes + "m", "-Xss1m", "-XX:MaxMetaspaceSize=192m", "-XX:CompressedClassSpaceSize=64m",
                "-XX:MaxDirectMemorySize=32m", "-XX:ReservedCodeCacheSize=64m", "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-XX:+DisableAttachMechanism",
                "-Xshare:auto", "-Djava.awt.headless=true", "-Dgradkit.seed=" + seed));
        if (Runtime.version().feature() < 24) {
            // Java 18 to 23 need this to let the runner install its policy; Java 24 refuses to start with it.
            command.add("-Djava.security.manager=allow");
        }
        command.addAll(List.of("--limit-modules", "java.base,java.logging", "-cp", absoluteClasspath(),
                TestRunner.class.getName()));
        return command;
    }

    /** The class path with absolute entries: the test JVM runs in another folder. */
    private String absoluteClasspath() {
        return java.util.stream.Stream.of(classpath.split(File.pathSeparator)).filter(e -> !e.isBlank())
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(File.pathSeparator));
    }

    /** One child JVM running the tests from a given index on. */
    private final class Launch {
        private final Path studentClasses;
        private final Path testClasses;
        private final Path implementation;
        private final List<GradingTest> tests;
        private final String token = HexFormat.of().formatHex(bytes(24));
        private ChildOutput output;
        private String why = "";

        Launch(Path studentClasses, Path testClasses, Path implementation, List<GradingTest> tests) {
            this.studentClasses = studentClasses;
            this.testClasses = testClasses;
            this.implementation = implementation;
            this.tests = tests;
        }

        private static byte[] bytes(int n) {
            byte[] b = new byte[n];
            RANDOM.nextBytes(b);
            return b;
        }

        String why() {
            return why;
        }

        /** Runs tests[from..] and returns the index of the first test still without an outcome. */
        int run(int from, TestOutcome[] outcomes) {
            List<Path> readable = new ArrayList<>(List.of(studentClasses, testClasses));
            for (String entry : classpath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    readable.add(Path.of(entry).toAbsolutePath());
                }
            }
            ProcessBuilder builder = new ProcessBuilder(sandbox.command(javaCommand(), readable, heapMegabytes));
            builder.environment().clear();
            builder.environment().put("MALLOC_ARENA_MAX", "2");   // glibc reserves 64 MB per arena otherwise
            builder.environment().put("LANG", "C.UTF-8");
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                why = "it could not be started (" + e.getMessage() + ")";
                return from;
            }
            Thread killOnExit = new Thread(() -> sandbox.kill(process)); // Ctrl-C on the grader ends its child too
            Runtime.getRuntime().addShutdownHook(killOnExit);
            try {
                output = ChildOutput.start(process, token);
                sendPlan(process, from);
                return watch(process, from, outcomes);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while grading", e);
            } finally {
                sandbox.kill(process);
                try {
                    Runtime.getRuntime().removeShutdownHook(killOnExit);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // the hook is running or about to: nothing to undo
                }
            }
        }

        private void sendPlan(Process process, int from) {
            StringBuilder plan = new StringBuilder(token).append('\n')
                    .append(studentClasses.toAbsolutePath()).append('\n')
                    .append(testClasses.toAbsolutePath()).append('\n')
                    .append(implementation == null ? "-" : implementation.toAbsolutePath()).append('\n');
            for (int i = from; i < tests.size(); i++) {
                plan.append(i).append('\t').append(tests.get(i).className()).append('\t')
                        .append(tests.get(i).methodName()).append('\n');
            }
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write(plan.toString().getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the child died at once; the watch explains it
            }
        }

        private int watch(Process process, int from, TestOutcome[] outcomes) throws InterruptedException {
            int current = -1;
            long startedAt = System.nanoTime();
            while (true) {
                boolean alive = process.isAlive();
                if (!alive) {
                    output.awaitEnd();
                }
                for (JsonNode event = output.next(alive ? POLL_MILLIS : 0); event != null; event = output.next(0)) {
                    String kind = event.path("event").asText();
                    int index = event.path("index").asInt(-1);
                    if (kind.equals("ready") && !event.path("policy").asText().equals("enforced")) {
                        notes.add("The grader's security policy was not in force in the test JVM ("
                                + StudentText.clean(event.path("policy").asText()) + ").");
                    } else if (kind.equals("start") && index >= from && index < tests.size() && current < 0) {
                        current = index;
                        startedAt = System.nanoTime();
                    } else if (kind.equals("finish") && index == current && outcomes[index] == null) {
                        outcomes[index] = outcomeOf(event);
                        current = -1;
                        startedAt = System.nanoTime();
                    } else if (kind.equals("done")) {
                        return firstMissing(outcomes, from);
                    }
                }
                if (!alive) {
                    return afterDeath(outcomes, current, from, process.exitValue());
                }
                long elapsed = System.nanoTime() - startedAt;
                if (current >= 0 && elapsed > timeout.toNanos()) {
                    outcomes[current] = TestOutcome.failed("Timed out: still running after " + seconds(timeout)
                            + " s, so it was stopped (an endless loop? a wait that never ends?). The tests after it"
                            + " ran in a fresh JVM.");
                    return current + 1;
                }
                if (current < 0 && elapsed > STARTUP_LIMIT.toNanos()) {
                    why = "it did not start a test within " + STARTUP_LIMIT.toSeconds() + " s";
                    return firstMissing(outcomes, from);
                }
            }
        }

        private TestOutcome outcomeOf(JsonNode finish) {
            boolean passed = finish.path("passed").isBoolean() && finish.path("passed").booleanValue();
            String message = StudentText.cap(StudentText.clean(finish.path("message").asText("")), TestRunner.MAX_MESSAGE_CHARS);
            String printed = StudentText.cap(StudentText.clean(finish.path("output").asText("")), 2 * TestRunner.MAX_OUTPUT_CHARS);
            return new TestOutcome(passed, message, printed);
        }

        private int afterDeath(TestOutcome[] outcomes, int current, int from, int exitCode) {
            why = explainDeath(exitCode);
            if (current >= 0) {
                outcomes[current] = TestOutcome.failed(why + " The tests after it ran in a fresh JVM.");
                return current + 1;
            }
            return firstMissing(outcomes, from);
        }

        private String explainDeath(int exitCode) {
            String log = output.diagnosis();
            if (log.contains("OutOfMemoryError")) {
                return "Out of memory: the test used up the " + heapMegabytes + " MB heap (OutOfMemoryError), which"
                        + " stops the test JVM. Is something growing without end?";
            }
            String detail = log.isEmpty() ? "" : " The JVM said: " + StudentText.cap(log, 1000);
            return "The test JVM stopped (exit code " + exitCode + "): exercise code must return"
                    + " or throw, and stay within the grader's limits on memory, threads and files." + detail;
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.valueOf(d.toMillis() / 1000.0);
    }

    private static int firstMissing(TestOutcome[] outcomes, int from) {
        int i = from;
        while (i < outcomes.length && outcomes[i] != null) {
            i++;
        }
        return i;
    }
}
