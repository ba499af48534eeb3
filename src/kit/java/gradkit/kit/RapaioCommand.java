package gradkit.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code ./kit rapaio [NOTEBOOK...]}: the same notebooks in Rapaio's Java kernel, registered under target/ only. */
@Command(name = "rapaio", description = {"the same in Rapaio's Java kernel (rapaio-jupyter-kernel " + RapaioKernel.VERSION
    + ", from Maven Central,", "registered under target/rapaio/ only); results in target/notebooks-rapaio/"})
final class RapaioCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NOTEBOOK", description = "notebooks or folders of notebooks (default: notebooks/)")
    List<String> notebooks = new ArrayList<>();

    @Override
    public Integer call() {
        Prerequisites.ensure(Prerequisites.forNotebooks(), Prerequisites.wantedForNotebooks());
        JupyterPython python = JupyterPython.find().orElseThrow();
        Map<String, String> environment = RapaioKernel.ensureRegistered(python);
        return NotebookRunner.run(python, "rapaio", Project.ROOT.resolve("target/notebooks-rapaio"), notebooks, environment);
    }
}
