package gradkit.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs the programs the kit drives (Maven, Python, Jupyter, java, node) in the foreground, their
 * output going straight to the terminal.
 *
 * <pre>{@code
 * Processes.check("the kernel's build", List.of("./mvnw", "-q", "package"), Map.of());
 * }</pre>
 *
 * <p>Ctrl-C reaches the whole terminal's process group: the child (Jupyter asking whether to stop,
 * JShell stopping a snippet) handles it itself, and this JVM, which would exit at once, waits for the
 * child first (a shutdown hook), so the prompt never comes back while Jupyter is still running.
 */
public final class Processes {

    private Processes() {
    }

    /** Runs a program in the repository's folder with extra environment variables; its exit status. */
    public static int run(List<String> command, Map<String, String> environment) {
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(environment);
        Process process = start(builder, command);
        Thread waitForChild = new Thread(() -> waitFor(process));
        Runtime.getRuntime().addShutdownHook(waitForChild);
        int status = waitFor(process);
        Runtime.getRuntime().removeShutdownHook(waitForChild);
        return status;
    }

    /** Runs a program and fails with a sentence naming it when it does not exit with status 0. */
    public static void check(String what, List<String> command, Map<String, String> environment) {
        int status = run(command, environment);
        if (status != 0) {
            throw new IllegalStateException(what + " failed (exit status " + status + "): " + String.join(" ", command));
        }
    }

    /** Runs a program quietly: its standard output if it exits with status 0, else null. */
    public static String output(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            return null;
        }
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return waitFor(process) == 0 ? out : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Process start(ProcessBuilder builder, List<String> command) {
        try {
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command.get(0), e);
        }
    }

    private static int waitFor(Process process) {
        while (true) {
            try {
                return process.waitFor();
            } catch (InterruptedException e) {
                // keep waiting: the child decides when it is done
            }
        }
    }
}
