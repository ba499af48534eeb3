package gradkit.kit;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where Jupyter keeps a user's kernels: the Jupyter data folder, as {@code jupyter --data-dir} prints
 * it, and its platform default when Jupyter cannot be asked.
 *
 * <pre>{@code
 * Path kernels = JupyterFolders.dataDir(python).resolve("kernels");
 * }</pre>
 */
public final class JupyterFolders {

    private JupyterFolders() {
    }

    /** The user's Jupyter data folder, as this Jupyter sees it (it honours JUPYTER_DATA_DIR). */
    public static Path dataDir(JupyterPython python) {
        return python.evaluate("from jupyter_core.paths import jupyter_data_dir; print(jupyter_data_dir())")
                .filter(s -> !s.isEmpty()).map(Path::of)
                .orElseGet(() -> platformDefault(Os.current(), System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    /**
     * Jupyter's default data folder: JUPYTER_DATA_DIR if set; else ~/.local/share/jupyter on Linux
     * (or $XDG_DATA_HOME/jupyter), ~/Library/Jupyter on macOS, %APPDATA%\jupyter on Windows.
     */
    public static Path platformDefault(Os os, Map<String, String> environment, Path home) {
        String set = environment.get("JUPYTER_DATA_DIR");
        if (set != null && !set.isEmpty()) {
            return Path.of(set);
        }
        return switch (os) {
            case MACOS -> home.resolve("Library").resolve("Jupyter");
            case WINDOWS -> environment.containsKey("APPDATA")
                    ? Path.of(environment.get("APPDATA"), "jupyter")
                    : home.resolve("AppData").resolve("Roaming").resolve("jupyter");
            case LINUX -> {
                String xdg = environment.get("XDG_DATA_HOME");
                yield xdg != null && !xdg.isEmpty()
                        ? Path.of(xdg, "jupyter")
                        : home.resolve(".local").resolve("share").resolve("jupyter");
            }
        };
    }
}
