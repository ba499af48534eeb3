package gradkit.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How instructor mode walls one student's grading off from the others'.
 *
 * <p>With bubblewrap ({@code bwrap}, Debian's {@code bubblewrap}) where the machine allows it, each
 * student's grader runs in its own PID namespace (it sees and can signal only its own processes, and
 * every process it started dies with it), without network, with the whole file system read-only
 * except its own scratch folder, and with the class's submissions, the gradebook folder and the other
 * students' scratch folders hidden behind empty ones. Without bubblewrap each student still gets a
 * process, a scratch folder and a copy of the files of its own, but processes of the same user can
 * see, signal and write one another's files; so then students are graded one at a time, and the
 * gradebook says {@code "isolation": "processes"} and, in its defences, why. {@code GRADKIT_SANDBOX=none}
 * chooses the second on purpose.
 *
 * <pre>{@code
 * StudentSandbox sandbox = StudentSandbox.detect();
 * List<String> command = sandbox.wrap(List.of("java", "-version"), scratch, List.of(submissions, out));
 * }</pre>
 */
final class StudentSandbox {
    private static final String BWRAP = "bwrap";

    private final boolean bubblewrap;

    private StudentSandbox(boolean bubblewrap) {
        this.bubblewrap = bubblewrap;
    }

    /** Bubblewrap when it runs here (and GRADKIT_SANDBOX is not "none"), otherwise plain processes. */
    static StudentSandbox detect() {
        if ("none".equals(System.getenv("GRADKIT_SANDBOX"))) {
            return new StudentSandbox(false);
        }
        return new StudentSandbox(bubblewrapWorks());
    }

    /** Plain processes only (for tests of the fallback). */
    static StudentSandbox processesOnly() {
        return new StudentSandbox(false);
    }

    /** "bubblewrap" or "processes": what the gradebook records. */
    String isolation() {
        return bubblewrap ? "bubblewrap" : "processes";
    }

    boolean isBubblewrap() {
        return bubblewrap;
    }

    private static boolean bubblewrapWorks() {
        try {
            Process p = new ProcessBuilder(BWRAP, "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc",
                    "--unshare-pid", "--unshare-net", "--die-with-parent", "true")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The command that runs {@code command} for one student: writable only {@code scratch}, with each
     * of {@code hidden} (folders that exist) replaced by an empty one. Unchanged without bubblewrap.
     *
     * @param needed paths the command must still read (its JDK, class path, tests, working folder)
     */
    List<String> wrap(List<String> command, Path scratch, List<Path> hidden, List<Path> needed) {
        if (!bubblewrap) {
            return command;
        }
        Path tmp = Path.of("/tmp");
        boolean freshTmp = needed.stream().map(StudentSandbox::real).noneMatch(p -> p.startsWith(tmp));
        List<String> wrapped = new ArrayList<>(List.of(BWRAP, "--die-with-parent", "--new-session",
                "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--unshare-net", "--unshare-cgroup-try",
                "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"));
        if (freshTmp) {
            wrapped.addAll(List.of("--tmpfs", "/tmp"));
        }
        for (Path h : hidden) {
            Path real = real(h);
            boolean coveredByTmp = freshTmp && real.startsWith(tmp);
            boolean holdsNeeded = needed.stream().map(StudentSandbox::real).anyMatch(p -> p.startsWith(real));
            if (Files.isDirectory(real) && !coveredByTmp && !holdsNeeded) {
                wrapped.addAll(List.of("--tmpfs", real.toString()));
            }
        }
        String s = real(scratch).toString();
        wrapped.addAll(List.of("--bind", s, s, "--chdir", real(Path.of("")).toString(), "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }
}
