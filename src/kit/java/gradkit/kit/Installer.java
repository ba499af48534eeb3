package gradkit.kit;

/**
 * How software is installed on this computer: the system's package manager, the one a missing
 * program is advised from. Jupyter can also come from pip or conda anywhere ({@link InstallAdvice}).
 *
 * <pre>{@code
 * Installer installer = Installer.of(Os.current(), PathSearch::has);   // APT on Debian and Ubuntu
 * }</pre>
 */
public enum Installer {
    /** Debian, Ubuntu and their kin: {@code apt-get}, the only one the kit runs itself (as root). */
    APT,
    /** Fedora, RHEL and their kin. */
    DNF,
    /** macOS, with Homebrew. */
    HOMEBREW,
    /** Windows 10 and 11, with winget (the App Installer). */
    WINGET,
    /** A Linux the kit knows no package manager of: only what to install is named. */
    OTHER;

    /** Something that says whether a program is on the PATH (a test passes its own). */
    public interface Programs {
        boolean has(String program);
    }

    /** The installer of this system: by OS, and on Linux by the package manager found on the PATH. */
    public static Installer of(Os os, Programs programs) {
        return switch (os) {
            case WINDOWS -> WINGET;
            case MACOS -> HOMEBREW;
            case LINUX -> programs.has("apt-get") ? APT : programs.has("dnf") ? DNF : OTHER;
        };
    }
}
