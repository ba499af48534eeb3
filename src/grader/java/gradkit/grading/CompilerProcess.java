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
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingDeque;
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
 * <p>A compiler JVM that was not killed is kept when its worker is done, idle, for the next grading in
 * this JVM ({@link #IDLE}, the one piece of static state here), so that a grader that grades many
 * submissions (a test suite, the planted bugs) does not pay for a cold javac each time. An idle one
 * ends with this JVM (a shutdown hook) or, should this JVM be killed, on its own ({@link CompilerServer}).
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
    /** The most idle compiler JVMs kept for reuse; more are ended. */
    private static final int MAX_IDLE = 4;
    /** Compiler JVMs no worker is using, alive and between compilations. */
    private static final BlockingDeque<Server> IDLE = new LinkedBlockingDeque<>();

    private final String classpath;
    private final Duration limit;
    private final ObjectMapper json = new ObjectMapper();
    private Server server;

    /**
     * @param classpath the grader's class path (the grader's classes, the library, JUnit, Jackson)
     * @param limit     the longest one compilation may take
     */
    CompilerProcess(String classpath, Duration limit) {
        this.classpath = Grader.absoluteClasspath(classpath);
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
            if (server == null || !server.process.isAlive()) {
                stop();
                server = Server.take(classpath);
            }
            OutputStream stdin = server.process.getOutputStream();
            stdin.write((json.writeValueAsString(request) + "\n").getBytes(StandardCharsets.UTF_8));
            stdin.flush();
            Optional<String> answer = server.answers.poll(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (answer == null) {
                stop();
                return new ExerciseCompiler.Result(false, "The compiler was still working on " + file + " after "
                        + limit.toSeconds() + " s, the grader's limit, so it was stopped; is the file very long or"
                        + " built to slow the compiler down?");
            }
            if (answer.isEmpty()) {
                int code = server.exitCode();
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

    /** Kills the compiler's JVM; the next compilation takes another. */
    private void stop() {
        if (server != null) {
            server.kill();
            server = null;
        }
    }

    /** Done: a compiler JVM that behaved is kept idle for the next grading, up to {@link #MAX_IDLE}. */
    @Override
    public void close() {
        if (server != null && server.process.isAlive() && IDLE.size() < MAX_IDLE) {
            IDLE.offer(server);
            server = null;
        }
        stop();
    }

    /** One compiler JVM: the process, its answers as they come, and the hook that ends it with this JVM. */
    private static final class Server {
        private final String classpath;
        private final Process process;
        private final BlockingQueue<Optional<String>> answers = new LinkedBlockingQueue<>();
        private final Thread killOnExit;

        private Server(String classpath) throws IOException {
            this.classpath = classpath;
            List<String> command = List.of(Grader.javaExecutable(),
                    "-Xmx" + HEAP_MEGABYTES + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
                    "-Xshare:auto", "-cp", classpath, CompilerServer.class.getName(), classpath);
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            killOnExit = new Thread(() -> Sandbox.destroyTree(process));   // Ctrl-C on the grader ends it too
            Runtime.getRuntime().addShutdownHook(killOnExit);
            Thread reader = new Thread(this::readAnswers, "compiler-process-answers");
            reader.setDaemon(true);
            reader.start();
        }

        /** An idle compiler JVM for {@code classpath} that is still alive, or a new one. */
        static Server take(String classpath) throws IOException {
            for (Server idle = IDLE.poll(); idle != null; idle = IDLE.poll()) {
                if (idle.classpath.equals(classpath) && idle.process.isAlive() && idle.answers.isEmpty()) {
                    return idle;
                }
                idle.kill();
            }
            return new Server(classpath);
        }

        /** One element per answer line; an empty one when the process's output ended. */
        private void readAnswers() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    answers.add(Optional.of(line));
                }
            } catch (IOException e) {
                // the process is gone
            }
            answers.add(Optional.empty());
        }

        int exitCode() {
            try {
                return process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        void kill() {
            Sandbox.destroyTree(process);
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException alreadyShuttingDown) {
                // the hook is running or about to: it kills the same process
            }
        }
    }
}
