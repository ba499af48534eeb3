package gradkit.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/**
 * {@code ./kit notebook}: Jupyter on the repository, with the Java kernel registered, opening on
 * notebooks/. Extra arguments go to Jupyter ({@code ./kit notebook --no-browser --port 8899}).
 */
@Command(name = "notebook", description = {"build the library, set up Jupyter and the Java kernel, open notebooks/ in Jupyter",
    "(the server's root is this folder, so exercises/ opens in Jupyter's editor too)",
    "(extra arguments go to Jupyter, e.g. ./kit notebook --no-browser --port 8899)"})
final class NotebookCommand implements Callable<Integer> {

    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        Prerequisites.ensure(Prerequisites.forNotebooks(), Prerequisites.wantedForNotebooks());
        JupyterPython python = JupyterPython.find().orElseThrow();
        JavaKernel.ensureRegistered(python, JupyterFolders.dataDir(python).resolve("kernels"), Map.of());
        // Committed notebooks have no outputs, so nothing in them needs trust; sign them in this user's
        // Jupyter so that they do not open "Not Trusted" (the files are not changed).
        List<String> trust = new ArrayList<>(List.of(Project.ROOT.resolve("tools/trust_notebooks.py").toString()));
        trust.addAll(notebookFiles());
        python.check("trusting the notebooks", trust, Map.of());
        List<String> command = new ArrayList<>(List.of("-m", "notebook"));
        command.addAll(serverOptions(python.evaluate("import notebook; print(notebook.__version__)").orElse("6")));
        if (Prerequisites.isRoot()) {
            command.add("--allow-root");   // Jupyter refuses root without it (containers)
        }
        command.addAll(args);
        return python.run(command, Map.of());
    }

    /**
     * The server's root is the repository, so that the notebooks' links open exercises/ in Jupyter's
     * editor (a server cannot reach files above its root); the browser opens on notebooks/. Notebook 7
     * runs on jupyter_server, where both settings have other names than in Notebook 6.
     */
    static List<String> serverOptions(String notebookVersion) {
        String root = Project.ROOT.toString();
        if (notebookVersion.startsWith("6") || notebookVersion.startsWith("5")) {
            return List.of("--notebook-dir=" + root, "--NotebookApp.default_url=/tree/notebooks");
        }
        return List.of("--ServerApp.root_dir=" + root, "--JupyterNotebookApp.default_url=/tree/notebooks");
    }

    private static List<String> notebookFiles() {
        try (var files = java.nio.file.Files.list(Project.NOTEBOOKS)) {
            return files.filter(f -> f.toString().endsWith(".ipynb")).sorted().map(Object::toString).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
