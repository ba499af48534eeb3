package gradkit.grading.client;

import gradkit.grading.protocol.LineCodec;
import gradkit.grading.protocol.Reply;
import gradkit.grading.protocol.Request;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The calls of one exercise's grading into its worker JVM: starts the worker on the first call, sends
 * each request, waits for its reply at most the per-call limit, and remembers a failure. One per
 * exercise; closed by the grader when the exercise is done ({@link #close()}).
 *
 * <p>A fresh worker has {@link #STARTUP} to say it is ready, apart from its calls; a call that outlives
 * the per-call limit kills the worker and fails with a "Timed out" sentence; the next call starts a fresh worker. A worker that ends, or answers what the protocol does not allow, is
 * gone for good: that call and every later one fail with the sentence that says why.
 *
 * <pre>{@code
 * try (WorkerSession session = new WorkerSession(starter, Duration.ofSeconds(10))) {
 *     Reply r = session.call(new Request("dgdx", List.of(new Plain.Real(0.5))));
 * }
 * }</pre>
 */
public final class WorkerSession implements AutoCloseable {
    /** How long a fresh worker may take to say it is ready: the JVM's start, on a loaded machine. */
    static final Duration STARTUP = Duration.ofSeconds(30);
    /** What one test's calls may print in all and still be reported. */
    static final int MAX_TEST_PRINTED_CHARS = 8000;

    private final WorkerStarter starter;
    private final Duration perCall;
    private final StringBuilder printed = new StringBuilder();
    private WorkerProcess worker;
    private String gone;

    /** @param perCall the longest one call into student code may take */
    public WorkerSession(WorkerStarter starter, Duration perCall) {
        this.starter = starter;
        this.perCall = perCall;
    }

    /** Sends {@code request} and returns the reply; a {@link WorkerFailed} when there is none to be had. */
    public synchronized Reply call(Request request) {
        if (gone != null) {
            throw new WorkerFailed("Not run: " + gone);
        }
        if (worker == null) {
            start();
        }
        try {
            OutputStream in = worker.requests();
            in.write((LineCodec.encode(request) + "\n").getBytes(StandardCharsets.US_ASCII));
            in.flush();
        } catch (IOException e) {
            // the worker is gone; the reply's absence says why
        }
        WorkerProcess.Answer answer = worker.next(perCall);
        if (answer.timedOut()) {
            worker.kill();
            worker = null;
            throw new WorkerFailed("Timed out: a call of the exercise code was still running after " + seconds(perCall)
                    + " s, so it was stopped (an endless loop? a wait that never ends?). The tests after it ran in a"
                    + " fresh worker JVM.");
        }
        if (answer.reply() == null) {
            throw failForGood(answer.failure());
        }
        keep(answer.reply());
        return answer.reply();
    }

    /**
     * Starts a worker and waits for it to say it is ready. One that does not within {@link #STARTUP} is
     * killed, and this test fails as timed out (the next one tries a fresh worker); one that ends or
     * writes something else first is gone for good, with the sentence that says why.
     */
    private void start() {
        try {
            worker = WorkerProcess.start(starter);
        } catch (IOException e) {
            throw failForGood("the worker JVM for the exercise's code could not be started (" + e.getMessage() + ").");
        }
        if (!worker.awaitReady(STARTUP)) {
            WorkerProcess.Answer answer = worker.next(Duration.ZERO);
            if (answer.timedOut()) {
                worker.kill();
                worker = null;
                throw new WorkerFailed("Timed out: the worker JVM for the exercise's code did not start within "
                        + seconds(STARTUP) + " s (a busy machine?), so this test could not run. The tests after it"
                        + " ran in a fresh worker JVM.");
            }
            throw failForGood(answer.failure());
        }
    }

    /** The worker is gone for good: this call and every later one fail with {@code why}. */
    private WorkerFailed failForGood(String why) {
        gone = why;
        if (worker != null) {
            worker.kill();
            worker = null;
        }
        return new WorkerFailed(why + " The exercise's tests after this one count as failed.");
    }

    /** A reply the client could not use (a worker that lies about kinds): gone for good. */
    synchronized WorkerFailed malformed(String sentence) {
        return failForGood("The worker JVM's reply was malformed: " + sentence);
    }

    private void keep(Reply reply) {
        String text = reply instanceof Reply.Returned r ? r.printed() : reply instanceof Reply.Threw t ? t.printed() : "";
        int room = MAX_TEST_PRINTED_CHARS - printed.length();
        printed.append(text, 0, Math.max(0, Math.min(room, text.length())));
    }

    /** What the calls since the last {@code takePrinted} printed (capped), and empties it: one test's output. */
    public synchronized String takePrinted() {
        String s = printed.toString();
        printed.setLength(0);
        return s;
    }

    /** Kills the worker, if one runs; a later call starts a fresh one (the grader closes it after each test). */
    @Override
    public synchronized void close() {
        if (worker != null) {
            worker.kill();
            worker = null;
        }
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? String.valueOf(d.toSeconds()) : String.valueOf(d.toMillis() / 1000.0);
    }
}
