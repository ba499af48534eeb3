package gradkit.grading;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The unprivileged user test JVMs run as when the grader itself runs as root (Gradescope runs
 * run_autograder as root): {@code -Dgradkit.runAs=NAME} on the grader's command line. Student code then
 * cannot signal the grader, write its results or read what root alone may read; on JDKs without the
 * security manager (24 and later) that is what keeps a test JVM away from the grader.
 *
 * <p>The switch is {@code setpriv} (util-linux) with the user's own group (a group of the same name,
 * as {@code useradd --user-group} makes) and no new privileges, placed right after {@code prlimit} in
 * {@link Sandbox#command}, so bubblewrap, when the machine allows it, runs as that user too. The
 * folders the test JVM must read (the class path, the exercise's classes, in the grader's private
 * scratch folder) are opened to other users for reading: read and search for them, search only for
 * the folders above them. Nothing is made writable.
 *
 * <p>The setting is read once from the system property (static, like {@code gradkit.sandbox}: it does
 * not change while the grader runs).
 *
 * <pre>
 * java -Dgradkit.runAs=student -cp ... gradkit.grading.Grader --submission /autograder/submission
 * </pre>
 */
final class RunAs {
    /** The system property that names the user. */
    static final String PROPERTY = "gradkit.runAs";
    private static final String USER = System.getProperty(PROPERTY, "").strip();
    private static final Set<PosixFilePermission> READ = EnumSet.of(PosixFilePermission.OTHERS_READ);
    private static final Set<PosixFilePermission> SEARCH = EnumSet.of(PosixFilePermission.OTHERS_EXECUTE);

    private RunAs() {
    }

    /** The command that runs what follows it as the user, or nothing when no user is named. */
    static List<String> prefix() {
        if (USER.isEmpty()) {
            return List.of();
        }
        if (!USER.matches("[a-z_][a-z0-9_-]{0,31}")) {
            throw new IllegalArgumentException("-D" + PROPERTY + " must name a user like \"student\", but got \""
                    + StudentText.clean(USER) + "\".");
        }
        return List.of("/usr/bin/setpriv", "--reuid=" + USER, "--regid=" + USER, "--init-groups", "--no-new-privs", "--");
    }

    /** Lets the user read {@code paths} (recursively) and search every folder above them; no-op without a user. */
    static void letRead(List<Path> paths) {
        if (USER.isEmpty()) {
            return;
        }
        for (Path p : paths) {
            Path absolute = p.toAbsolutePath();
            for (Path up = absolute.getParent(); up != null; up = up.getParent()) {
                add(up, SEARCH);
            }
            try (Stream<Path> all = Files.walk(absolute)) {
                all.forEach(f -> add(f, Files.isDirectory(f, LinkOption.NOFOLLOW_LINKS)
                        ? EnumSet.of(PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_EXECUTE) : READ));
            } catch (IOException | RuntimeException e) {
                // a missing path: the test JVM reports what it cannot read
            }
        }
    }

    private static void add(Path p, Set<PosixFilePermission> wanted) {
        try {
            if (Files.isSymbolicLink(p)) {
                return;
            }
            Set<PosixFilePermission> now = Files.getPosixFilePermissions(p);
            if (!now.containsAll(wanted)) {
                Set<PosixFilePermission> more = EnumSet.copyOf(now);
                more.addAll(wanted);
                Files.setPosixFilePermissions(p, more);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not ours to change (another owner, a read-only file system): left as it is
        }
    }
}
