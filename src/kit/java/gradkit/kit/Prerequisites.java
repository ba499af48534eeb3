package gradkit.kit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes sure what a command needs outside Java is there. On Debian as root (a fresh machine, CI) it
 * installs what is missing with apt-get, so that {@code ./kit test} can be the first command ever
 * run; anywhere else it stops with the exact commands that install it ({@link InstallAdvice}).
 *
 * <pre>{@code
 * Prerequisites.ensure(EnumSet.of(Requirement.JUPYTER, Requirement.GRAPHVIZ));
 * }</pre>
 */
public final class Prerequisites {

    private Prerequisites() {
    }

    /** What every notebook needs: Jupyter. */
    public static Set<Requirement> forNotebooks() {
        return EnumSet.of(Requirement.JUPYTER);
    }

    /**
     * What the notebooks use where it is there: Graphviz for the drawings of graphs (without it a
     * drawing is one sentence saying how to install it, and every other cell runs) and, on Debian,
     * fonts for the text in pictures. Installed where the kit can (Debian, root), never demanded.
     */
    public static Set<Requirement> wantedForNotebooks() {
        return EnumSet.of(Requirement.GRAPHVIZ, Requirement.FONTS);
    }

    /**
     * Installs (Debian, root) or demands what is missing of {@code needed}; and installs what is
     * missing of {@code wanted} where it can, leaving it out silently where it cannot.
     */
    public static void ensure(Set<Requirement> needed, Set<Requirement> wanted) {
        Installer installer = Installer.of(Os.current(), PathSearch::has);
        Set<Requirement> all = EnumSet.copyOf(needed);
        all.addAll(wanted);
        List<Requirement> missing = missing(all, installer);
        if (!missing.isEmpty() && installer == Installer.APT && isRoot()) {
            aptGetInstall(missing);
            missing = missing(all, installer);
        }
        missing.retainAll(needed);
        if (!missing.isEmpty()) {
            throw new IllegalStateException(InstallAdvice.message(installer, missing));
        }
    }

    /** Installs (Debian, root) or demands what is missing of {@code needed}. */
    public static void ensure(Set<Requirement> needed) {
        ensure(needed, EnumSet.noneOf(Requirement.class));
    }

    private static List<Requirement> missing(Collection<Requirement> requirements, Installer installer) {
        List<Requirement> missing = new ArrayList<>();
        for (Requirement requirement : requirements) {
            if (appliesTo(requirement, installer) && !present(requirement)) {
                missing.add(requirement);
            }
        }
        return missing;
    }

    /**
     * The fonts are Debian's name for what other systems always have; bubblewrap and the browser
     * test's Chromium are Linux's.
     */
    private static boolean appliesTo(Requirement requirement, Installer installer) {
        return switch (requirement) {
            case FONTS -> installer == Installer.APT;
            case BUBBLEWRAP, CHROMIUM -> Os.current() == Os.LINUX;
            default -> true;
        };
    }

    private static boolean present(Requirement requirement) {
        return switch (requirement) {
            case JUPYTER -> JupyterPython.find().isPresent();
            case GRAPHVIZ -> PathSearch.has("dot");
            case FONTS -> Files.isDirectory(Path.of("/usr/share/fonts/truetype/dejavu"));
            case BUBBLEWRAP -> PathSearch.has("bwrap");
            case CHROMIUM -> Files.isExecutable(Path.of("/usr/bin/chromium"));
            case NODE -> PathSearch.has("node") && PathSearch.has("npm");
        };
    }

    /** Whether this is the superuser (uid 0), who may install with apt-get and must pass Jupyter --allow-root. */
    static boolean isRoot() {
        if (Os.current() == Os.WINDOWS) {
            return false;
        }
        String uid = Processes.output(List.of("id", "-u"));
        return uid != null && uid.strip().equals("0");
    }

    /** apt-get, unattended: no questions (CI has no stdin), no recommended packages (a GiB of them). */
    private static void aptGetInstall(List<Requirement> missing) {
        List<String> packages = missing.stream().flatMap(r -> r.packages(Installer.APT).stream()).toList();
        System.err.println("kit: installing from Debian: " + String.join(" ", packages));
        Map<String, String> unattended = Map.of("DEBIAN_FRONTEND", "noninteractive");
        Processes.check("apt-get update", List.of("apt-get", "update", "-q"), unattended);
        List<String> install = new ArrayList<>(List.of("apt-get", "install", "-y", "-q", "--no-install-recommends"));
        install.addAll(packages);
        Processes.check("apt-get install", install, unattended);
    }
}
