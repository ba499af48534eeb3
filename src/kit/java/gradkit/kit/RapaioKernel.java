package gradkit.kit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Rapaio's Java kernel, the other kernel the notebooks are tested in: its jar from Maven Central
 * (Maven's local repository keeps it after the first time) and a kernelspec of the kit's own under
 * target/rapaio/, found through JUPYTER_PATH, never among the user's kernels.
 *
 * <pre>{@code
 * Map<String, String> environment = RapaioKernel.ensureRegistered(python);
 * }</pre>
 */
public final class RapaioKernel {

    static final String VERSION = "2.3.0";
    static final String ARTIFACT = "io.github.padreati:rapaio-jupyter-kernel:" + VERSION;
    static final Path FOLDER = Project.ROOT.resolve("target/rapaio");
    static final Path JAR = FOLDER.resolve("rapaio-jupyter-kernel-" + VERSION + ".jar");

    private RapaioKernel() {
    }

    /**
     * Fetches the jar if needed and registers it as the kernel {@code rapaio} in target/rapaio/jupyter/,
     * run by this JDK; returns the environment in which Jupyter finds it (JUPYTER_PATH) and keeps its
     * runtime files out of the user's (JUPYTER_DATA_DIR).
     */
    public static Map<String, String> ensureRegistered(JupyterPython python) {
        if (!Files.isRegularFile(JAR)) {
            Maven.check("fetching Rapaio's kernel", "-q", "-B", "dependency:copy", "-Dartifact=" + ARTIFACT,
                    "-DoutputDirectory=" + FOLDER);
        }
        Path jupyter = FOLDER.resolve("jupyter");
        python.check("registering Rapaio's kernel", List.of(Project.ROOT.resolve("tools/rapaio_kernel.py").toString(),
                "install", JAR.toString(), JavaTools.java().toString(), jupyter.toString()), Map.of());
        return Map.of("JUPYTER_PATH", jupyter.toString(), "JUPYTER_DATA_DIR", FOLDER.resolve("jupyter-data").toString());
    }
}
