package gradkit.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How a test JVM is started and ended, as far as the machine allows.
 *
 * <p>With bubblewrap ({@code bwrap}, where Linux lets it create namespaces): private PID, network, IPC
 * and UTS namespaces, a new session, a read-only view of only the JDK, the class path and the
 * exercise's classes (no checkout, no solutions, no results folder, no other student), a private
 * /tmp, and {@code --die-with-parent}: when the JVM or the grader ends, every process in it ends too.
 * Without it (containers that forbid namespaces, {@code -Dgradkit.sandbox=none} or {@code GRADKIT_SANDBOX=none}): the JVM runs in
 * its own session ({@code setsid}) and is killed as a process group; the file system and network are
 * then guarded by the test JVM's {@link StudentPolicy} alone, and the report says so.
 *
 * <p>Either way {@code prlimit} caps the process: no core files, no file larger than 0 bytes (the
 * test JVM writes no file, so any write is an attack), 256 open files, and an address-space cap that
 * bounds native memory along with the heap. Inside bubblewrap, where the kernel counts them per user
 * namespace (probed, see {@code TaskCap}), it also caps threads and processes at {@link #MAX_TASKS}.
 *
 * <p>With {@code -Dgradkit.runAs=USER} (a grader running as root, as on Gradescope) the test JVM, and
 * bubblewrap with it, runs as that user ({@link RunAs}); the probe then tries bubblewrap as that user.
 *
 * <p>The probe result is cached for the life of the grader (the one piece of static state here: the
 * machine does not change while it runs).
 *
 * <pre>{@code
 * Sandbox sandbox = Sandbox.detect();
 * List<String> command = sandbox.command(javaCommand, List.of(classesDir), 512);
 * sandbox.note();   // what protected the test JVMs, for the report
 * }</pre>
 */
public final class Sandbox {
    private static final Path BWRAP = Path.of("/usr/bin/bwrap");
    private static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    /** Address space beyond the heap: metaspace, code cache, thread stacks, the JDK's own libraries. */
    private static final long NATIVE_MEGABYTES = 1536;
    /**
     * Threads and processes one sandbox may hold at once (RLIMIT_NPROC): the tests' own
     * {@link TestRunner#MAX_THREADS} and as many again for the JVM's (about 20) and JUnit's.
     */
    static final int MAX_TASKS = 2 * TestRunner.MAX_THREADS;

    private final boolean bubblewrap;
    private final boolean taskCap;
    private final String note;

    private Sandbox(boolean bubblewrap, boolean taskCap, String note) {
        this.bubblewrap = bubblewrap;
        this.taskCap = taskCap;
        this.note = note;
    }

    private static final class Probe {
        static final Sandbox RESULT = probe();
    }

    /**
     * The best sandbox this machine offers (probed once), or none when it is turned off: with
     * {@code -Dgradkit.sandbox=none}, or with {@code GRADKIT_SANDBOX=none}, the same switch that turns
     * off instructor mode's ({@link StudentSandbox}), so that one setting means one thing everywhere.
     */
    public static Sandbox detect() {
        if ("none".equals(System.getProperty("gradkit.sandbox"))) {
            return withoutNamespaces("turned off with -Dgradkit.sandbox=none");
        }
        if ("none".equals(System.getenv("GRADKIT_SANDBOX"))) {
            return withoutNamespaces("turned off with GRADKIT_SANDBOX=none");
        }
        return Probe.RESULT;
    }

    private static Sandbox probe() {
        if (!Files.isExecutable(BWRAP)) {
            return withoutNamespaces("bubblewrap is not installed (apt-get install bubblewrap)");
        }
        List<String> command = new ArrayList<>(RunAs.prefix());
        command.addAll(bwrapArguments(List.of()));
        command.add("/usr/bin/true");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return withoutNamespaces("bubblewrap did not answer");
            }
            String said = new String(p.getInputStream().readNBytes(400)).strip();
            if (p.exitValue() != 0) {
                return withoutNamespaces("bubblewrap cannot create namespaces here: " + said);
            }
            boolean taskCap = TaskCap.countedPerSandbox();
            return new Sandbox(true, taskCap, "Each test JVM ran in bubblewrap: its own PID, network and IPC"
                    + " namespaces, a read-only view of the JDK, the class path and the exercise's classes only, a"
                    + " private /tmp, and every process it started ended with it; "
                    + (taskCap ? "the kernel capped it at " + MAX_TASKS + " threads and processes (RLIMIT_NPROC in"
                    + " its own user namespace); " : "no kernel cap on its threads (RLIMIT_NPROC does not hold for"
                    + " root, and before Linux 5.14 it counted every process of the user), the runner's count of"
                    + " them stopped a test beyond " + TestRunner.MAX_THREADS + "; ") + "the grader's static"
                    + " check ran before it started, and on Java 17 to 23 its security policy held inside.");
        } catch (IOException e) {
            return withoutNamespaces("bubblewrap could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return withoutNamespaces("interrupted while probing bubblewrap");
        }
    }

    static Sandbox withoutNamespaces(String why) {
        return new Sandbox(false, false, "No Linux namespaces for the test JVMs (" + why + "): each ran in its own"
                + " process session and was killed as a group, and only the grader's static check of the student's"
                + " classes, before they ran, and on Java 17 to 23 its security policy inside the JVM, kept student"
                + " code away from files, processes and the network.");
    }

    /** Bubblewrap with the kernel's task cap, whatever the probe found (for tests of the cap itself). */
    static Sandbox bubblewrapWithTaskCap() {
        return new Sandbox(true, true, "bubblewrap with a cap of " + MAX_TASKS + " tasks (a test)");
    }

    /** True when test JVMs run inside bubblewrap. */
    public boolean namespaces() {
        return bubblewrap;
    }

    /** True when the kernel caps the threads and processes of each test JVM ({@link #MAX_TASKS}). */
    public boolean taskCap() {
        return taskCap;
    }

    /** One sentence for the report: what protected the test JVMs. */
    public String note() {
        return note;
    }

    /** The full command: limits, the sandbox, then {@code java}; {@code readable} are the only paths it sees. */
    List<String> command(List<String> java, List<Path> readable, int heapMegabytes) {
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(PRLIMIT)) {
            command.addAll(List.of(PRLIMIT.toString(), "--core=0", "--fsize=0", "--nofile=256",
                    "--as=" + ((heapMegabytes + NATIVE_MEGABYTES) << 20), "--"));
        }
        command.addAll(RunAs.prefix());   // -Dgradkit.runAs: as an unprivileged user, when the grader is root
        RunAs.letRead(readable);
        if (bubblewrap) {
            command.addAll(bwrapArguments(readable));
            if (taskCap) {   // set inside: the user namespace counts only its own tasks against it
                command.addAll(List.of(PRLIMIT.toString(), "--nproc=" + MAX_TASKS, "--"));
            }
        } else if (Files.isExecutable(SETSID)) {
            command.add(SETSID.toString());
        }
        command.addAll(java);
        return command;
    }

    private static List<String> bwrapArguments(List<Path> readable) {
        List<String> a = new ArrayList<>(List.of(BWRAP.toString(), "--unshare-all", "--die-with-parent",
                "--new-session", "--cap-drop", "ALL", "--ro-bind", "/usr", "/usr"));
        for (String top : List.of("/bin", "/lib", "/lib64", "/lib32", "/sbin")) {
            Path p = Path.of(top);
            try {
                if (Files.isSymbolicLink(p)) {
                    a.addAll(List.of("--symlink", Files.readSymbolicLink(p).toString(), top));
                } else if (Files.isDirectory(p)) {
                    a.addAll(List.of("--ro-bind", top, top));
                }
            } catch (IOException e) {
                // not there: nothing to bind
            }
        }
        a.addAll(List.of("--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--chdir", "/tmp"));
        Set<Path> binds = new LinkedHashSet<>();
        binds.add(realPath(Path.of(System.getProperty("java.home"))));
        binds.addAll(JdkLinks.TARGETS);
        readable.forEach(p -> binds.add(realPath(p)));
        for (Path p : binds) {
            if (p != null && !p.startsWith("/usr")) {
                a.addAll(List.of("--ro-bind", p.toString(), p.toString()));
            }
        }
        a.add("--");
        return a;
    }

    /**
     * Whether RLIMIT_NPROC, set inside a sandbox, counts that sandbox's tasks only. Linux counts it per
     * user and user namespace (since 5.14), and bubblewrap gives each sandbox a user namespace of its
     * own; on older kernels, or where bubblewrap shares the user namespace, it counts every process of
     * this user on the machine (other graders' included), and capping it would break them. So it is
     * tried: inside a sandbox a shell must start a child under a cap of 8 although this JVM alone has
     * more than 8 threads of this user, and must fail to under a cap of 1.
     */
    private static final class TaskCap {
        private static final int SMALL = 8;

        static boolean countedPerSandbox() {
            if (!Files.isExecutable(PRLIMIT) || ownTasks() <= SMALL) {
                return false;
            }
            return exitCode(SMALL) == 0 && exitCode(1) != 0;
        }

        private static long ownTasks() {
            try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
                return tasks.count();
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        /** The exit code of a shell that starts two children, under a cap of {@code tasks}; -1 when it hung. */
        private static int exitCode(int tasks) {
            List<String> command = new ArrayList<>(RunAs.prefix());
            command.addAll(bwrapArguments(List.of()));
            command.addAll(List.of(PRLIMIT.toString(), "--nproc=" + tasks, "--", "/bin/sh", "-c", "/bin/true; /bin/true"));
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                p.getOutputStream().close();
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    destroyTree(p);
                    return -1;
                }
                return p.exitValue();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
    }

    /** Files the JDK links to from outside its folder (Debian keeps java.security in /etc/java-NN-openjdk). */
    private static final class JdkLinks {
        static final List<Path> TARGETS = find();

        private static List<Path> find() {
            Path home = Path.of(System.getProperty("java.home"));
            try (Stream<Path> files = Files.walk(home, 5)) {
                return files.filter(Files::isSymbolicLink).map(Sandbox::realPath)
                        .filter(t -> t != null && !t.startsWith("/usr") && Files.isRegularFile(t)).toList();
            } catch (IOException | RuntimeException e) {
                return List.of();
            }
        }
    }

    private static Path realPath(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    /** Ends the JVM and everything it started: the namespace goes with bwrap, or the whole process group. */
    void kill(Process process) {
        if (!bubblewrap) {   // also when the JVM is gone: what it started may still be in its group
            try {
                new ProcessBuilder("kill", "-KILL", "--", "-" + process.pid()).start().waitFor(5, TimeUnit.SECONDS);
            } catch (IOException e) {
                // no kill command: the descendants below are the fallback
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        destroyTree(process);
    }

    /** Kills the process and every process it started that is still its descendant, then waits a little. */
    static void destroyTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
