package gradkit.kit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Executes notebooks headless in a Jupyter kernel with tools/run_notebooks.py, in Jupyter's Python:
 * executed copies, HTML pages and the kernels' logs go to an output folder under target/.
 *
 * <pre>{@code
 * NotebookRunner.run(python, "java", Path.of("target/notebooks"), List.of(), Map.of());
 * }</pre>
 */
final class NotebookRunner {

    private NotebookRunner() {
    }

    /** Runs {@code paths} (every notebook in notebooks/ if empty) in {@code kernel}; its exit status. */
    static int run(JupyterPython python, String kernel, Path out, List<String> paths, Map<String, String> environment) {
        List<String> args = new ArrayList<>(List.of(Project.ROOT.resolve("tools/run_notebooks.py").toString(),
                "--kernel", kernel, "--out", out.toString()));
        args.addAll(paths.isEmpty() ? List.of(Project.NOTEBOOKS.toString()) : paths);
        return python.run(args, environment);
    }
}
