package gradkit.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs grading tests in a separate JVM and survives whatever the student's code does there.
 *
 * <p>The child ({@link TestRunner}) writes a line when a test starts and one when it finishes. This
 * class watches those lines: a test that runs longer than the timeout gets its JVM killed; a JVM that
 * dies in a test (System.exit, Runtime.halt, heap exhausted: the child runs with
 * {@code -XX:+ExitOnOutOfMemoryError} and a {@code -Xmx} cap) is noticed. Either way that test scores 0
 * with an explanation, and the tests after it run in a fresh JVM. Everything else (a failed assertion,
 * an exception, a StackOverflowError) is an ordinary failure inside the child.
 *
 * <pre>{@code
 * TestJvm jvm = new TestJvm(classpath, Duration.ofSeconds(10), 512);
 * List<TestOutcome> outcomes = jvm.run(List.of(new TestJvm.Test(classesDir, "gradkit.exercises.Ex01DifferenceQuotientsTest",
 *         "forwardQuotient")), workDir);
 * }</pre>
 */
public final class TestJvm {
    /** How long a fresh JVM may take to start its first test before it counts as hung. */
    private static final Duration STARTUP_LIMIT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 15;
    /** How much of the child's own stdout/stderr (outside the per-test capture) is read for diagnosis. */
    private static final int MAX_LOG_BYTES = 16_000;
    /** Output written around the capture (straight to the file descriptor) beyond this kills the JVM. */
    private static final long MAX_RAW_OUTPUT_BYTES = 64L << 20;

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final String classpath;
    private final Duration timeout;
    private final int heapMegabytes;

    /**
     * @param classpath     the library, JUnit (with the platform launcher) and Jackson: everything but the tests
     * @param timeout       the longest one test method may run
     * @param heapMegabytes the child JVM's heap cap (-Xmx)
     */
    public TestJvm(String classpath, Duration timeout, int heapMegabytes) {
        this.classpath = classpath;
        this.timeout = timeout;
        this.heapMegabytes = heapMegabytes;
    }

    /** One test method to run: where its class files are, its class and its name. */
    public record Test(Path classesDir, String className, String methodName) {
    }

    /**
     * Runs every test and returns one outcome per test, in the same order, whatever happens.
     *
     * @param workDir a scratch folder for the plan, the events and the child's log
     */
    public List<TestOutcome> run(List<Test> tests, Path workDir) {
        TestOutcome[] outcomes = new TestOutcome[tests.size()];
        int next = 0;
        int launches = 0;
        int fruitlessLaunches = 0;
        try {
            Files.createDirectories(workDir);
            while (next < tests.size()) {
                launches++;
                Launch launch = new Launch(workDir, launches);
                int first = next;
                next = launch.run(tests, next, outcomes);
                fruitlessLaunches = next == first ? fruitlessLaunches + 1 : 0;
                if (fruitlessLaunches >= 2) {
                    // The JVM dies before it even starts this test: give up on it, not on the rest.
                    outcomes[next] = TestOutcome.failed("The test JVM stopped twice before this test began: "
                            + launch.diagnosis());
                    next++;
                    fruitlessLaunches = 0;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not run the tests in " + workDir, e);
        }
        return List.of(outcomes);
    }

    /** One child JVM running the tests from a given index on. */
    private final class Launch {
        private final Path plan;
        private final Path events;
        private final Path log;
        private final ObjectMapper json = new ObjectMapper();
        private String token = "";
        private long eventsRead;
        private final java.io.ByteArrayOutputStream partialLine = new java.io.ByteArrayOutputStream();

        Launch(Path workDir, int number) {
            this.plan = workDir.resolve("plan-" + number + ".json");
            this.events = workDir.resolve("events-" + number + ".jsonl");
            this.log = workDir.resolve("jvm-" + number + ".log");
        }

        /** Runs tests[from..] and returns the index of the first test still without an outcome. */
        int run(List<Test> tests, int from, TestOutcome[] outcomes) throws IOException {
            List<TestRunner.PlanItem> items = new ArrayList<>();
            for (int i = from; i < tests.size(); i++) {
                Test t = tests.get(i);
                items.add(new TestRunner.PlanItem(i, t.classesDir().toAbsolutePath().toString(), t.className(),
                        t.methodName()));
            }
            json.writeValue(plan.toFile(), items);
            Files.deleteIfExists(events);
            Files.createFile(events);
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            ProcessBuilder builder = new ProcessBuilder(java.toString(), "-Xmx" + heapMegabytes + "m",
                    "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                    "-Djava.awt.headless=true", "-cp", classpath, TestRunner.class.getName(),
                    plan.toString(), events.toString());
            builder.redirectErrorStream(true);
            builder.redirectOutput(log.toFile());
            String token = Long.toHexString(RANDOM.nextLong()) + Long.toHexString(RANDOM.nextLong());
            Process process = builder.start();
            Thread killOnExit = new Thread(() -> kill(process)); // Ctrl-C on the grader ends its child too
            Runtime.getRuntime().addShutdownHook(killOnExit);
            try (var stdin = process.getOutputStream()) {
                stdin.write((token + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the child died at once; the loop below explains it
            }
            this.token = token;
            int current = -1;
            long startedAt = System.nanoTime();
            try {
                while (true) {
                    boolean alive = process.isAlive();
                    for (JsonNode event : newEvents()) {
                        switch (event.get("event").asText()) {
                            case "start" -> {
                                current = event.get("index").asInt();
                                startedAt = System.nanoTime();
                            }
                            case "finish" -> {
                                int index = event.get("index").asInt();
                                outcomes[index] = new TestOutcome(event.get("passed").asBoolean(),
                                        event.get("message").asText(), event.get("output").asText());
                                current = -1;
                                startedAt = System.nanoTime();
                            }
                            case "done" -> {
                                return tests.size();
                            }
                            default -> throw new IllegalStateException("Unknown event " + event);
                        }
                    }
                    long elapsed = System.nanoTime() - startedAt;
                    if (!alive) {
                        return afterDeath(outcomes, current, from, process.exitValue());
                    }
                    if (current >= 0 && elapsed > timeout.toNanos()) {
                        kill(process);
                        outcomes[current] = TestOutcome.failed("Timed out: still running after "
                                + timeout.toSeconds() + " s, so it was stopped (an endless loop? a wait that never"
                                + " ends?). The tests after it ran in a fresh JVM.");
                        return current + 1;
                    }
                    if (current >= 0 && Files.size(log) > MAX_RAW_OUTPUT_BYTES) {
                        kill(process);
                        outcomes[current] = TestOutcome.failed("Stopped: the test wrote more than "
                                + (MAX_RAW_OUTPUT_BYTES >> 20) + " MB straight to the process's output. The tests"
                                + " after it ran in a fresh JVM.");
                        return current + 1;
                    }
                    if (current < 0 && elapsed > STARTUP_LIMIT.toNanos()) {
                        kill(process);
                        return firstMissing(outcomes, from);
                    }
                    Thread.sleep(POLL_MILLIS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while grading", e);
            } finally {
                kill(process);
                try {
                    Runtime.getRuntime().removeShutdownHook(killOnExit);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // the hook is running or about to: nothing to undo
                }
            }
        }

        private int afterDeath(TestOutcome[] outcomes, int current, int from, int exitCode) throws IOException {
            for (JsonNode event : newEvents()) {   // lines written just before the end
                if (event.get("event").asText().equals("finish")) {
                    int index = event.get("index").asInt();
                    outcomes[index] = new TestOutcome(event.get("passed").asBoolean(),
                            event.get("message").asText(), event.get("output").asText());
                    current = -1;
                } else if (event.get("event").asText().equals("start")) {
                    current = event.get("index").asInt();
                } else if (event.get("event").asText().equals("done")) {
                    return outcomes.length;
                }
            }
            if (current >= 0) {
                outcomes[current] = TestOutcome.failed(explainDeath(exitCode)
                        + " The tests after it ran in a fresh JVM.");
                return current + 1;
            }
            return firstMissing(outcomes, from);
        }

        private String explainDeath(int exitCode) {
            String log = diagnosis();
            if (log.contains("OutOfMemoryError")) {
                return "Out of memory: the test used up the " + heapMegabytes + " MB heap (OutOfMemoryError), which"
                        + " stops the test JVM. Is something growing without end?";
            }
            return "The test JVM stopped while this test ran (exit code " + exitCode + "). Does the code call"
                    + " System.exit or Runtime.halt? Exercise code must return or throw, never end the program.";
        }

        /** The beginning of what the child printed outside the per-test capture. */
        String diagnosis() {
            try (InputStream in = Files.newInputStream(log)) {
                return new String(in.readNBytes(MAX_LOG_BYTES), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                return "";
            }
        }

        /** The complete event lines written since the last call. */
        private List<JsonNode> newEvents() throws IOException {
            List<JsonNode> result = new ArrayList<>();
            try (RandomAccessFile file = new RandomAccessFile(events.toFile(), "r")) {
                long length = file.length();
                if (length <= eventsRead) {
                    return result;
                }
                byte[] bytes = new byte[(int) (length - eventsRead)];
                file.seek(eventsRead);
                file.readFully(bytes);
                eventsRead = length;
                partialLine.write(bytes, 0, bytes.length);
            }
            byte[] pending = partialLine.toByteArray();
            int start = 0;
            for (int i = 0; i < pending.length; i++) {
                if (pending[i] == '\n') {
                    String line = new String(pending, start, i - start, StandardCharsets.UTF_8);
                    start = i + 1;
                    if (!line.isBlank()) {
                        try {
                            JsonNode event = json.readTree(line);
                            if (token.equals(event.path("token").asText())) {
                                result.add(event);
                            }
                        } catch (com.fasterxml.jackson.core.JacksonException notAnEvent) {
                            // not written by the runner: ignore it
                        }
                    }
                }
            }
            partialLine.reset();
            partialLine.write(pending, start, pending.length - start);
            return result;
        }
    }

    private static int firstMissing(TestOutcome[] outcomes, int from) {
        int i = from;
        while (i < outcomes.length && outcomes[i] != null) {
            i++;
        }
        return i;
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
