package gradkit.grading.client;

import gradkit.grading.protocol.BoundedLines;
import gradkit.grading.protocol.LineCodec;
import gradkit.grading.protocol.Limits;
import gradkit.grading.protocol.MalformedReply;
import gradkit.grading.protocol.Reply;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One running worker JVM: its stdin for requests, a thread that reads its stdout one bounded line at a
 * time and decodes each strictly, and a thread that keeps the start of its stderr (where the JVM itself
 * says "OutOfMemoryError" before it ends).
 *
 * <pre>{@code
 * WorkerProcess w = WorkerProcess.start(starter);
 * w.requests().write(...);
 * WorkerProcess.Answer a = w.next(Duration.ofSeconds(10));
 * }</pre>
 */
final class WorkerProcess {
    private static final int MAX_STDERR_BYTES = 8192;
    /** How the JVM's last line begins when -XX:+ExitOnOutOfMemoryError ends it. */
    private static final String OUT_OF_MEMORY = "Terminating due to java.lang.OutOfMemoryError";
    private static final String OUT_OF_MEMORY_SENTENCE = "Out of memory: the exercise's code used up the worker JVM's"
            + " heap (OutOfMemoryError), which stops it. Is something growing without end?";

    /** A reply, or why there is none (failure), or neither (timed out). */
    record Answer(Reply reply, String failure) {
        boolean timedOut() {
            return reply == null && failure == null;
        }
    }

    private final WorkerStarter starter;
    private final Process process;
    private final LinkedBlockingQueue<Answer> answers = new LinkedBlockingQueue<>();
    /** Counted down when the worker's first line came (or its stdout ended first). */
    private final CountDownLatch firstLine = new CountDownLatch(1);
    private volatile boolean ready;
    private final StringBuilder stderr = new StringBuilder();
    private final Thread stderrReader;

    private WorkerProcess(WorkerStarter starter, Process process) {
        this.starter = starter;
        this.process = process;
        Thread replies = new Thread(this::readReplies, "worker-replies");
        replies.setDaemon(true);
        replies.start();
        stderrReader = new Thread(this::readStderr, "worker-stderr");
        stderrReader.setDaemon(true);
        stderrReader.start();
    }

    static WorkerProcess start(WorkerStarter starter) throws IOException {
        return new WorkerProcess(starter, starter.start());
    }

    OutputStream requests() {
        return process.getOutputStream();
    }

    /**
     * Waits at most {@code limit} for the worker's {@link LineCodec#READY} line: true when it came; false
     * when it did not come in time, or the worker ended or wrote something else first (then
     * {@link #next} gives the failure that says why).
     */
    boolean awaitReady(Duration limit) {
        try {
            return firstLine.await(limit.toNanos(), TimeUnit.NANOSECONDS) && ready;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The next answer, waiting at most {@code limit}. */
    Answer next(Duration limit) {
        try {
            Answer a = answers.poll(limit.toNanos(), TimeUnit.NANOSECONDS);
            return a == null ? new Answer(null, null) : a;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, "The grader was interrupted while it waited for the worker JVM.");
        }
    }

    void kill() {
        starter.kill(process);
    }

    private void readReplies() {
        BoundedLines lines = new BoundedLines(new BufferedInputStream(process.getInputStream()), Limits.MAX_LINE_BYTES);
        try {
            String first = lines.next();
            if (LineCodec.READY.equals(first)) {
                ready = true;
                firstLine.countDown();
            } else if (first != null) {
                throw new MalformedReply("A worker's first line says it is ready, but the line was not \"ready\".");
            }
            for (String line = ready ? lines.next() : null; line != null; line = lines.next()) {
                if (line.startsWith(OUT_OF_MEMORY)) {   // -XX:+ExitOnOutOfMemoryError says so on stdout, then exits
                    answers.add(new Answer(null, OUT_OF_MEMORY_SENTENCE));
                    return;
                }
                answers.add(new Answer(LineCodec.decodeReply(line), null));
            }
            answers.add(new Answer(null, ended()));
        } catch (MalformedReply e) {
            answers.add(new Answer(null, "The worker JVM's reply was malformed, so its answers cannot be trusted: "
                    + e.getMessage()));
        } catch (IOException e) {
            answers.add(new Answer(null, ended()));
        } finally {
            firstLine.countDown();
        }
    }

    /** Why the worker's stdout ended: its exit code and, for an OutOfMemoryError, that. */
    private String ended() {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
            stderrReader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String said;
        synchronized (stderr) {
            said = stderr.toString();
        }
        if (said.contains("OutOfMemoryError")) {
            return OUT_OF_MEMORY_SENTENCE;
        }
        String code = process.isAlive() ? "still running" : "exit code " + process.exitValue();
        return "The worker JVM that runs the exercise's code ended during a call (" + code + "): exercise code must"
                + " return or throw, never end the program, and stay within the grader's limits on memory and threads.";
    }

    private void readStderr() {
        try (InputStream err = process.getErrorStream()) {
            byte[] buffer = new byte[1024];
            int total = 0;
            for (int n = err.read(buffer); n >= 0; n = err.read(buffer)) {
                if (total < MAX_STDERR_BYTES) {
                    synchronized (stderr) {
                        stderr.append(new String(buffer, 0, Math.min(n, MAX_STDERR_BYTES - total), StandardCharsets.UTF_8));
                    }
                }
                total += n;
            }
        } catch (IOException e) {
            // the worker is gone: what it said so far is all there is
        }
    }
}
