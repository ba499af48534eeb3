package gradkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JupyterFoldersTest {

    private static final Path HOME = Path.of("/home/ada");

    @Test
    void eachSystemHasItsDefault() {
        assertEquals(HOME.resolve(".local/share/jupyter"), JupyterFolders.platformDefault(Os.LINUX, Map.of(), HOME));
        assertEquals(HOME.resolve("Library/Jupyter"), JupyterFolders.platformDefault(Os.MACOS, Map.of(), HOME));
        assertEquals(Path.of("/roaming", "jupyter"),
                JupyterFolders.platformDefault(Os.WINDOWS, Map.of("APPDATA", "/roaming"), HOME));
    }

    @Test
    void xdgDataHomeMovesLinuxsFolder() {
        assertEquals(Path.of("/data/jupyter"),
                JupyterFolders.platformDefault(Os.LINUX, Map.of("XDG_DATA_HOME", "/data"), HOME));
    }

    @Test
    void jupyterDataDirWinsEverywhere() {
        for (Os os : Os.values()) {
            assertEquals(Path.of("/kit/target/test-jupyter-data"),
                    JupyterFolders.platformDefault(os, Map.of("JUPYTER_DATA_DIR", "/kit/target/test-jupyter-data"), HOME));
        }
    }
}
