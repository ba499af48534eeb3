package gradkit.kit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The exact commands that install what is missing, for this computer's installer: one line for the
 * system's package manager, and for Jupyter also pip's and conda's (a Jupyter from either works, as
 * long as its {@code jupyter} is on the PATH).
 *
 * <pre>{@code
 * InstallAdvice.commands(Installer.APT, List.of(Requirement.GRAPHVIZ))
 * // [sudo apt-get install -y --no-install-recommends graphviz]
 * }</pre>
 */
public final class InstallAdvice {

    /** Jupyter's Python packages, as pip and conda name them. */
    static final String JUPYTER_PIP_PACKAGES = "notebook nbclient nbconvert ipykernel";

    private InstallAdvice() {
    }

    /** The commands, one per line, that install every requirement in {@code missing}. */
    public static List<String> commands(Installer installer, Collection<Requirement> missing) {
        List<String> lines = new ArrayList<>();
        List<String> packages = missing.stream().flatMap(r -> r.packages(installer).stream()).toList();
        if (!packages.isEmpty()) {
            lines.add(systemCommand(installer, packages));
        }
        if (missing.contains(Requirement.JUPYTER)) {
            String python = installer == Installer.WINGET ? "py" : "python3";
            lines.add(python + " -m pip install --user " + JUPYTER_PIP_PACKAGES);
            lines.add("conda install -c conda-forge " + JUPYTER_PIP_PACKAGES);
        }
        return lines;
    }

    /** The message a command stops with: what is missing, what installs it, what comes after. */
    public static String message(Installer installer, Collection<Requirement> missing) {
        String what = missing.stream().map(r -> "  - " + r.description()).collect(Collectors.joining("\n"));
        List<String> commands = commands(installer, missing);
        StringBuilder text = new StringBuilder("this needs what is not installed yet:\n" + what + "\n");
        if (commands.isEmpty()) {
            text.append("Install them with your system's package manager, then run the command again.");
            return text.toString();
        }
        text.append("Install ").append(missing.size() == 1 ? "it" : "them").append(" with")
                .append(missing.contains(Requirement.JUPYTER) ? " (Jupyter: one of the last lines, or the first)" : "")
                .append(":\n");
        commands.forEach(line -> text.append("    ").append(line).append('\n'));
        if (missing.contains(Requirement.JUPYTER)) {
            text.append("A Jupyter from pip or conda is found through `jupyter` on the PATH: pip --user puts it in ")
                    .append(userScripts(installer)).append(", which must be on the PATH.\n");
        }
        return text.append("Then run the command again.").toString();
    }

    private static String systemCommand(Installer installer, List<String> packages) {
        String names = String.join(" ", packages);
        return switch (installer) {
            case APT -> "sudo apt-get install -y --no-install-recommends " + names;
            case DNF -> "sudo dnf install -y " + names;
            case HOMEBREW -> "brew install " + names;
            case WINGET -> packages.stream().map(id -> "winget install --id " + id + " -e")
                    .collect(Collectors.joining(" && "));
            case OTHER -> throw new IllegalArgumentException("no package names are known for " + installer);
        };
    }

    private static String userScripts(Installer installer) {
        return switch (installer) {
            case HOMEBREW -> "~/Library/Python/3.X/bin";
            case WINGET -> "%APPDATA%\\Python\\Python3X\\Scripts";
            default -> "~/.local/bin";
        };
    }
}
