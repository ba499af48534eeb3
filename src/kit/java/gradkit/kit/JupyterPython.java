package gradkit.kit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Python that has Jupyter: the one behind {@code jupyter} on the PATH, whoever installed it
 * (Debian, pip, conda, Homebrew, VS Code's Python). The kit's Python tools (tools/*.py) import
 * jupyter_client, nbclient and nbconvert, so they must run in that Python and no other.
 *
 * <pre>{@code
 * JupyterPython python = JupyterPython.find().orElseThrow();
 * python.check("running the notebooks", List.of("tools/run_notebooks.py", "notebooks"), Map.of());
 * }</pre>
 *
 * <p>On Linux and macOS {@code jupyter} is a script whose first line names its Python
 * ({@link Shebang}). On Windows it is {@code jupyter.exe} in the environment's {@code Scripts\}
 * folder, beside which the environment's {@code python.exe} sits (venv, conda, python.org); pip's
 * launcher also carries its Python's path after a {@code #!} inside the exe, read when the folder
 * has none.
 */
public final class JupyterPython {

    /** What the kit's Python tools import; a Python without one of them is not Jupyter's. */
    static final String IMPORTS = "import jupyter_client, jupyter_core, nbclient, nbconvert, nbformat, notebook";

    private final Path python;

    private JupyterPython(Path python) {
        this.python = python;
    }

    /**
     * Jupyter's Python: the one {@code jupyter} on the PATH runs, if it imports what the kit needs;
     * else {@code python3} (Windows: {@code python}) on the PATH if that one does, for a
     * {@code jupyter} that is a shell script of a version manager (pyenv's shims are).
     */
    public static Optional<JupyterPython> find() {
        Optional<JupyterPython> launchers = PathSearch.find("jupyter").flatMap(JupyterPython::pythonOf)
                .map(JupyterPython::new).filter(JupyterPython::importsJupyter);
        if (launchers.isPresent()) {
            return launchers;
        }
        return PathSearch.find(Os.current() == Os.WINDOWS ? "python" : "python3").map(JupyterPython::new)
                .filter(JupyterPython::importsJupyter);
    }

    /** The Python interpreter's file. */
    public Path python() {
        return python;
    }

    /** Runs {@code python ARGS...} (a tool of tools/, or {@code -m MODULE}); its exit status. */
    public int run(List<String> args, Map<String, String> environment) {
        return Processes.run(command(args), environment);
    }

    /** Runs {@code python ARGS...} and fails with a sentence naming {@code what} unless it succeeds. */
    public void check(String what, List<String> args, Map<String, String> environment) {
        Processes.check(what, command(args), environment);
    }

    /** What {@code python -c CODE} prints, stripped, or empty if it fails. */
    public Optional<String> evaluate(String code) {
        return Optional.ofNullable(Processes.output(command(List.of("-c", code)))).map(String::strip);
    }

    private List<String> command(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(python.toString());
        command.addAll(args);
        return command;
    }

    private boolean importsJupyter() {
        return evaluate(IMPORTS + "; print('ok')").filter("ok"::equals).isPresent();
    }

    /** The Python a {@code jupyter} launcher runs. */
    static Optional<Path> pythonOf(Path jupyter) {
        if (Os.current() == Os.WINDOWS) {
            Path beside = jupyter.toAbsolutePath().getParent().resolveSibling("python.exe");
            if (Files.isRegularFile(beside)) {
                return Optional.of(beside);
            }
            return embeddedShebang(jupyter).map(Path::of);
        }
        return Shebang.interpreter(head(jupyter, 512))
                .flatMap(name -> name.contains("/") ? Optional.of(Path.of(name)) : PathSearch.find(name));
    }

    /** The {@code #!} line pip's Windows launchers keep after their code. */
    private static Optional<String> embeddedShebang(Path exe) {
        String text = head(exe, Integer.MAX_VALUE);
        int at = text.lastIndexOf("#!");
        return at < 0 ? Optional.empty() : Shebang.interpreter(text.substring(at));
    }

    private static String head(Path file, int bytes) {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(bytes), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return "";
        }
    }
}
