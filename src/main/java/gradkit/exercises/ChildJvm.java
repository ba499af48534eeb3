package gradkit.exercises;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command (here: the grader's JVM) in its own process with a time limit, so that nothing it
 * does can hang or end the JVM that started it, a notebook's kernel for instance.
 *
 * <p>When the limit passes, or the waiting thread is interrupted (Kernel &gt; Interrupt), the
 * process is killed together with every process it started: the grader runs the tests in a JVM of
 * its own, which must not outlive it.
 *
 * <pre>{@code
 * ChildJvm.Finished run = ChildJvm.run(List.of("java", "-version"), Path.of("."), Duration.ofSeconds(30));
 * run.exitCode();    // 0
 * }</pre>
 */
final class ChildJvm {

    /**
     * How the process ended.
     *
     * @param exitCode its exit status, or -1 when it was killed
     * @param timedOut whether it was killed because the time limit passed
     * @param output   what it wrote to standard output and standard error, interleaved
     */
    record Finished(int exitCode, boolean timedOut, String output) {
        /** The last {@code count} lines of the output. */
        String lastLines(int count) {
            List<String> lines = output.strip().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        }
    }

    private ChildJvm() {
    }

    /** The java launcher of this JVM, so that the child runs on the same JDK. */
    static String javaLauncher() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs {@code command} in {@code workingDir} and waits at most {@code limit} for it. Its output
     * goes to a file, not a pipe, so that a chatty child never blocks on a full pipe.
     */
    static Finished run(List<String> command, Path workingDir, Duration limit) {
        Path log = null;
        Process process = null;
        boolean finished = false;
        try {
            log = Files.createTempFile("gradkit-child-", ".log");
            process = new ProcessBuilder(command).directory(workingDir.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            return new Finished(finished ? process.exitValue() : -1, !finished, read(log));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Finished(-1, false, "interrupted before it finished");
        } finally {
            if (process != null && !finished) {
                killTree(process);   // also when the kernel stops this thread in another way
            }
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a log left in the temp folder is harmless
                }
            }
        }
    }

    /**
     * Kills the process and the processes it started (listed first: once it is dead they are
     * orphans), and waits a little for them to be gone.
     */
    static void killTree(Process process) {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
            for (ProcessHandle child : descendants) {
                child.onExit().get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // it was sent SIGKILL; nothing more can be done from here
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "(its output could not be read: " + e.getMessage() + ")";
        }
    }
}
