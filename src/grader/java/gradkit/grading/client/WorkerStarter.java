package gradkit.grading.client;

import java.io.IOException;

/**
 * How a {@link WorkerSession} starts and ends its worker JVM: the grader decides the command (the
 * sandbox prefix, the memory caps, the class path, the probe) and how to kill what it started.
 *
 * <pre>{@code
 * WorkerStarter starter = new WorkerStarter() {
 *     public Process start() throws IOException { return new ProcessBuilder(command).start(); }
 *     public void kill(Process p) { p.destroyForcibly(); }
 * };
 * }</pre>
 */
public interface WorkerStarter {
    /** Starts a fresh worker JVM; its stdin takes requests, its stdout gives replies. */
    Process start() throws IOException;

    /** Ends the worker and everything it started. */
    void kill(Process worker);
}
