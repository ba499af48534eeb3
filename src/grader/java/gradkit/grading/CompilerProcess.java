package gradkit.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The grader's compiler: javac in a JVM of its own ({@link CompilerServer}), started when first needed
 * and reused while it behaves. A compilation that outlives the time limit gets that JVM killed (with
 * everything it started, {@link Sandbox#destroyTree}), so a file built to keep javac busy for hours
 * costs its exercise and no more: no thread of it is left running in the grader, holding a CPU and
 * the grader's heap. The next compilation starts a fresh JVM. One per worker: a slow compilation
 * never delays another worker's.
 *
 * <pre>{@code
 * try (CompilerProcess javac = new CompilerProcess(classpath, Duration.ofSeconds(60))) {
 *     ExerciseCompiler.Result r = javac.compile(List.of(source), outDir, libraryClasspath, "Ex01DifferenceQuotients.java");
 * }
 * }</pre>
 */
final class CompilerProcess implements AutoCloseable {
    /** The compiler JVM's heap: javac needs far less for the exercises; a hostile file gets an OutOfMemoryError. */
    private static final int HEAP_MEGABYTES = 512;

    private final String classpath;
    private final Duration limit;
    private final ObjectMapper json = new ObjectMapper();
    private Process process;
    private BlockingQueue<Optional<String>> answers;
    private Thread killOnExit;

    /**
     * @param classpath the grader's class path (the grader's classes, the library, JUnit, Jackson)
     * @param limit     the longest one compilation may take
     */
    CompilerProcess(String classpath, Duration limit) {
        this.classpath = classpath;
        this.limit = limit;
    }

    /**
     * Compiles {@code sources} into {@code out} against {@code against}; {@code file} is the student's
     * file the messages name. Never throws: a compiler that dies or outlives the limit is a failed result.
     */
    ExerciseCompiler.Result compile(List<Path> sources, Path out, String against, String file) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("sources", sources.stream().map(p -> p.toAbsolutePath().toString()).toList());
        request.put("out", out.toAbsolutePath().toString());
        request.put("against", Grader.absoluteClasspath(against));
        try {
            if (process == null || !process.isAlive()) {
                start();
            }
            OutputStream stdin = process.getOutputStream();
            stdin.write((json.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            Optional<String> answer = answers.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (answer == null) {
                stop();
                return new ExerciseCompiler.Result(false, "The compiler was still working on " + file + " after "
                        + limit.toSeconds() + " s, the grader's limit, so it was stopped; is the file very long or"
                        + " built to slow the compiler down?");
            }
            if (answer.isEmpty()) {
                int code = exitCode();
                stop();
                return new ExerciseCompiler.Result(false, "The compiler stopped (exit code " + code + ") while"
                        + " compiling " + file + ": is the file very long or very deeply nested?");
            }
            JsonNode result = json.readTree(answer.get());
            return new ExerciseCompiler.Result(result.path("success").asBoolean(false), result.path("messages").asText(""));
        } catch (IOException e) {
            stop();
            return new ExerciseCompiler.Result(false, "The compiler could not be run for " + file + " ("
                    + e.getMessage() + "); it counts as not compiled. Please tell your instructor.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            return new ExerciseCompiler.Result(false, "Interrupted while compiling " + file + ".");
        }
    }

    private void start() throws IOException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + HEAP_MEGABYTES + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                "-Xshare:auto", "-cp", Grader.absoluteClasspath(classpath), CompilerServer.class.getName(),
                Grader.absoluteClasspath(classpath));
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Process started = process;
        killOnExit = new Thread(() -> Sandbox.destroyTree(started));   // Ctrl-C on the grader ends it too
        Runtime.getRuntime().addShutdownHook(killOnExit);
        BlockingQueue<Optional<String>> queue = new LinkedBlockingQueue<>();
        answers = queue;
        Thread reader = new Thread(() -> readAnswers(started, queue), "compiler-process-answers");
        reader.setDaemon(true);
        reader.start();
    }

    /** One element per answer line; an empty one when the process's output ended. */
    private static void readAnswers(Process process, BlockingQueue<Optional<String>> queue) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                queue.add(Optional.of(line));
            }
        } catch (IOException e) {
            // the process is gone
        }
        queue.add(Optional.empty());
    }

    private int exitCode() {
        try {
            return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Kills the compiler's JVM; the next compilation starts a fresh one. */
    private void stop() {
        if (process == null) {
            return;
        }
        Sandbox.destroyTree(process);
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to: it kills the same process
        }
        process = null;
    }

    /** Ends the compiler's JVM. */
    @Override
    public void close() {
        stop();
    }
}
