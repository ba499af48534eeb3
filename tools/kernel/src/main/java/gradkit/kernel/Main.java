package gradkit.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;

/**
 * Starts the kernel the way Jupyter's kernelspec says:
 * {@code java -jar gradkit-java-kernel.jar CONNECTION_FILE}.
 *
 * <p>The handlers are in place before the sockets are bound, so the first request Jupyter sends
 * always finds them.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -jar gradkit-java-kernel.jar CONNECTION_FILE (Jupyter passes the file)");
            System.exit(2);
        }
        // basekernel logs a line per message, under loggers named "Loop-Shell-0" and the like, all
        // children of the root logger: warnings only, on the server's terminal.
        Logger.getLogger("").setLevel(Level.WARNING);
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        JavaKernel kernel = new JavaKernel();
        JupyterConnection connection = new JupyterConnection(properties);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        // A cell left running after an interrupt (see StoppableExecution) must not outlive the kernel.
        System.exit(0);
    }
}
