package gradkit.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./kit run [NOTEBOOK...]}: every notebook (or those named) headless in the {@code java} kernel. */
@Command(name = "run", description = {"execute every notebook headless; executed copies and HTML in target/notebooks/",
    "(./kit run NOTEBOOK.ipynb... runs just those)"})
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NOTEBOOK", description = "notebooks or folders of notebooks (default: notebooks/)")
    List<String> notebooks = new ArrayList<>();

    @Override
    public Integer call() {
        Prerequisites.ensure(Prerequisites.forNotebooks(), Prerequisites.wantedForNotebooks());
        JupyterPython python = JupyterPython.find().orElseThrow();
        JavaKernel.ensureRegistered(python, JupyterFolders.dataDir(python).resolve("kernels"), Map.of());
        return NotebookRunner.run(python, KernelSpec.NAME, Project.ROOT.resolve("target/notebooks"), notebooks, Map.of());
    }
}
