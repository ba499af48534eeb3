import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.LogManager;
import java.util.logging.Logger;

import org.rapaio.jupyter.kernel.MainApp;
import org.rapaio.jupyter.kernel.channels.Channels;
import org.rapaio.jupyter.kernel.channels.LoopThread;
import org.rapaio.jupyter.kernel.core.ConnectionProperties;
import org.rapaio.jupyter.kernel.core.RapaioKernel;
import org.rapaio.jupyter.kernel.core.Transform;
import org.rapaio.org.zeromq.SocketType;
import org.rapaio.org.zeromq.ZMQ;

/**
 * Starts Rapaio's Jupyter kernel (rapaio-jupyter-kernel 2.3.0) so that it always answers.
 *
 * <pre>java -cp LAUNCHER_DIR:rapaio-jupyter-kernel-2.3.0.jar RapaioKernelLauncher CONNECTION_FILE</pre>
 *
 * <p>It does what Rapaio's own {@code MainApp} does (read the connection file, bind the kernel's
 * channels, serve until a shutdown request), around two start-up races in Rapaio 2.3.0:
 *
 * <ol>
 *   <li>The heartbeat, shell and control channels each start a {@link LoopThread} before setting its
 *       {@code running} flag. A thread that looks first finds the flag false and ends at once: the
 *       kernel logs its "Binding" lines and then never answers on that channel.
 *   <li>{@code Channels.connect} binds the sockets first and puts the message handlers in place
 *       afterwards. A request that arrives in between kills the shell (or control) thread with a
 *       NullPointerException in {@code Channels.getHandler}. Jupyter sends its first kernel_info
 *       request as soon as it has started the kernel, so it often arrives in that gap.
 * </ol>
 *
 * <p>Neither can be fixed from outside without changing Rapaio's classes, but both can be kept away
 * from Jupyter:
 *
 * <ul>
 *   <li>Rapaio's channels are bound on private ports on 127.0.0.1 that no one else knows, so no
 *       request can reach them before {@code connect} has returned (race 2 cannot happen).
 *   <li>After {@code connect} the launcher checks that each of the three loop threads is alive and
 *       looping. A healthy loop thread sleeps 50 ms between polls, so it is soon seen in the
 *       TIMED_WAITING state; a thread that lost race 1 never sleeps, it ends. If one ended, those
 *       channels are closed and a fresh set is bound on fresh private ports (the JShell engine,
 *       which lives in the kernel object, is kept). That takes milliseconds, not a new JVM.
 *   <li>Meanwhile the ports Jupyter chose (from its connection file) are bound by the launcher
 *       itself, from the start. Once Rapaio's channels are known to be good, the launcher forwards
 *       each Jupyter port to the matching private one (a ZeroMQ proxy per channel). Requests Jupyter
 *       sent earlier wait in the launcher's sockets and are delivered then: nothing is lost.
 * </ul>
 *
 * <p>The forwarding passes every frame through unchanged, so the messages' signatures (HMAC with
 * the connection file's key) stay valid. Interrupts and shutdowns are control-channel messages
 * (the kernelspec says {@code "interrupt_mode": "message"}) and take the same path.
 *
 * <p>The class name contains "Rapaio" on purpose: {@code gradkit.viz.Display} recognises Rapaio's
 * kernel by the JVM's launch command, which is this class's name followed by the connection file.
 *
 * <p>Only public classes of Rapaio's jar are used (its kernel, channels and connection properties,
 * and the ZeroMQ library it bundles); no class of Rapaio's is changed or copied.
 */
public final class RapaioKernelLauncher {

    private static final Logger LOG = Logger.getLogger(RapaioKernelLauncher.class.getSimpleName());

    /** Loop threads that {@code Channels.connect} starts in Rapaio 2.3.0: heartbeat, shell, control. */
    private static final int LOOP_THREADS = 3;
    /**
     * Attempts at a set of channels whose loop threads all run. On a busy machine about one attempt
     * in three loses race 1 (measured), so twenty in a row fail with a chance near 1e-9.
     */
    private static final int ATTEMPTS = 20;
    /** How long a loop thread may take to be seen looping (it sleeps 50 ms a turn; CPUs may be busy). */
    private static final long LOOPING_WITHIN_MILLIS = 30_000;
    /** Routing identity of the launcher's sockets that talk to Rapaio (see {@link Forwarder}). */
    private static final byte[] IDENTITY = "gradkit-launcher".getBytes(StandardCharsets.US_ASCII);

    private RapaioKernelLauncher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException(
                    "expected one argument, the kernel's connection file, but got " + args.length);
        }
        try (InputStream logging = MainApp.class.getClassLoader().getResourceAsStream("logging.properties")) {
            LogManager.getLogManager().readConfiguration(logging);   // Rapaio's log format, as MainApp
        }
        ConnectionProperties jupyter = Transform.fromJson(
                Files.readString(Path.of(args[0])), ConnectionProperties.class);

        // Bind Jupyter's ports now: what Jupyter sends while the kernel starts waits here.
        ZMQ.Context context = ZMQ.context(1);
        Forwarder forwarder = new Forwarder(context, jupyter);

        // Touching MainApp.kernel creates Rapaio's kernel and starts its JShell (a few seconds).
        // It must be this very object: Rapaio's display functions (Global.display) send through it.
        RapaioKernel kernel = MainApp.kernel;

        Channels channels = null;
        ConnectionProperties privatePorts = null;
        for (int attempt = 1; attempt <= ATTEMPTS && channels == null; attempt++) {
            privatePorts = onPrivatePorts(jupyter);
            channels = connectChecked(kernel, privatePorts);
            if (channels == null) {
                LOG.warning("launcher: Rapaio's channels did not all start (attempt " + attempt + " of "
                        + ATTEMPTS + "); binding them again on other ports");
            }
        }
        if (channels == null) {
            LOG.severe("launcher: Rapaio's channels never all started; giving up");
            System.exit(1);
        }
        forwarder.start(context, privatePorts);
        LOG.info("launcher: Rapaio's channels run; forwarding Jupyter's ports to them");

        channels.joinUntilClose();   // until a shutdown request closes the channels
        Thread.sleep(500);           // let the forwarder pass on the last replies
        System.exit(0);
    }

    /**
     * Connects a new set of Rapaio channels on {@code props} and returns it if its three loop threads
     * all run, or closes it and returns null if one of them ended (race 1) or connecting failed.
     */
    private static Channels connectChecked(RapaioKernel kernel, ConnectionProperties props) throws Exception {
        Channels channels = new Channels(props);
        // Connect from a thread of a group of our own: the loop threads it starts join that group,
        // which is how we find them (Rapaio keeps them in private fields).
        ThreadGroup group = new ThreadGroup("rapaio-channels");
        Throwable[] failure = new Throwable[1];
        Thread connector = new Thread(group, () -> {
            try {
                channels.connect(kernel);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "launcher-connect");
        connector.start();
        connector.join();

        List<LoopThread> loops = loopThreads(group);
        List<String> stopped = new ArrayList<>();
        for (LoopThread loop : loops) {
            if (!seenLooping(loop)) {
                stopped.add(loop.getName() + " (" + loop.getState() + ")");
            }
        }
        if (failure[0] == null && loops.size() == LOOP_THREADS && stopped.isEmpty()) {
            return channels;
        }
        if (failure[0] != null) {
            LOG.warning("launcher: connecting Rapaio's channels failed: " + failure[0]);
        } else {
            LOG.warning("launcher: of " + LOOP_THREADS + " loop threads " + loops.size()
                    + " were alive after connecting; not looping: " + stopped);
        }
        for (LoopThread loop : loops) {   // stop the threads before their sockets close under them
            loop.shutdown();
        }
        for (LoopThread loop : loops) {
            loop.join();
        }
        channels.close();
        return null;
    }

    /** The live loop threads of a thread group (a thread that already ended is not listed). */
    private static List<LoopThread> loopThreads(ThreadGroup group) {
        Thread[] threads = new Thread[group.activeCount() + 16];
        int count = group.enumerate(threads);
        List<LoopThread> loops = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (threads[i] instanceof LoopThread loop) {
                loops.add(loop);
            }
        }
        return loops;
    }

    /**
     * True once the thread is seen sleeping between two turns of its loop, which only a thread that
     * found its running flag set ever does; false if it ends (or is not seen looping in time).
     */
    private static boolean seenLooping(LoopThread loop) throws InterruptedException {
        long deadline = System.nanoTime() + LOOPING_WITHIN_MILLIS * 1_000_000;
        while (System.nanoTime() < deadline) {
            Thread.State state = loop.getState();
            if (state == Thread.State.TIMED_WAITING) {
                return true;
            }
            if (state == Thread.State.TERMINATED) {
                return false;
            }
            Thread.sleep(1);
        }
        return false;
    }

    /** Jupyter's connection with five free ports on 127.0.0.1 instead of its own. */
    private static ConnectionProperties onPrivatePorts(ConnectionProperties jupyter) throws IOException {
        int[] ports = new int[5];
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < ports.length; i++) {   // all held at once, so that they differ
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
        return new ConnectionProperties(ports[0], ports[1], "tcp", jupyter.signatureScheme(),
                ports[2], ports[3], "127.0.0.1", ports[4], jupyter.key());
    }

    /**
     * Binds Jupyter's five ports and, once started, forwards each to the matching port of Rapaio's
     * channels. Shell, control and stdin: ROUTER in front, DEALER behind, so replies find their way
     * back to the client that asked. Heartbeat: the same (Jupyter pings with REQ, Rapaio echoes with
     * REP). IOPub: XPUB in front, XSUB behind, which also passes the clients' subscriptions on.
     */
    private static final class Forwarder {
        private final ZMQ.Socket shell;
        private final ZMQ.Socket control;
        private final ZMQ.Socket stdin;
        private final ZMQ.Socket heartbeat;
        private final ZMQ.Socket iopub;

        Forwarder(ZMQ.Context context, ConnectionProperties jupyter) {
            shell = bound(context, SocketType.ROUTER, jupyter, jupyter.shellPort());
            control = bound(context, SocketType.ROUTER, jupyter, jupyter.controlPort());
            stdin = bound(context, SocketType.ROUTER, jupyter, jupyter.stdinPort());
            heartbeat = bound(context, SocketType.ROUTER, jupyter, jupyter.hbPort());
            iopub = bound(context, SocketType.XPUB, jupyter, jupyter.iopubPort());
        }

        private static ZMQ.Socket bound(ZMQ.Context context, SocketType type, ConnectionProperties props, int port) {
            ZMQ.Socket socket = context.socket(type);
            socket.setLinger(1000);
            if (!socket.bind(props.formatAddress(port))) {
                throw new IllegalStateException("cannot bind " + props.formatAddress(port));
            }
            return socket;
        }

        void start(ZMQ.Context context, ConnectionProperties rapaio) {
            // Rapaio sends an input request (stdin) to the identities of the shell request it serves,
            // and the reply to an interrupt (control) through its shell socket: both arrive only if
            // the launcher's sockets towards Rapaio share one identity, as a Jupyter client's do.
            forward("shell", shell, towards(context, SocketType.DEALER, rapaio, rapaio.shellPort()));
            forward("control", control, towards(context, SocketType.DEALER, rapaio, rapaio.controlPort()));
            forward("stdin", stdin, towards(context, SocketType.DEALER, rapaio, rapaio.stdinPort()));
            forward("heartbeat", heartbeat, towards(context, SocketType.DEALER, rapaio, rapaio.hbPort()));
            ZMQ.Socket publications = towards(context, SocketType.XSUB, rapaio, rapaio.iopubPort());
            publications.send(new byte[] {1});   // subscribe to everything Rapaio publishes
            forward("iopub", iopub, publications);
        }

        private static ZMQ.Socket towards(ZMQ.Context context, SocketType type, ConnectionProperties props, int port) {
            ZMQ.Socket socket = context.socket(type);
            socket.setLinger(1000);
            if (type == SocketType.DEALER) {
                socket.setIdentity(IDENTITY);
            }
            socket.connect(props.formatAddress(port));
            return socket;
        }

        private static void forward(String name, ZMQ.Socket front, ZMQ.Socket back) {
            Thread thread = new Thread(() -> ZMQ.proxy(front, back, null), "launcher-" + name);
            thread.setDaemon(true);   // they end with the JVM
            thread.start();
        }
    }
}
