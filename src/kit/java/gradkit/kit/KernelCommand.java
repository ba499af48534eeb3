package gradkit.kit;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./kit kernel [--replace]}: registers the kit's Java kernel as {@code java} in this user's
 * Jupyter data folder, unless a {@code java} kernel that works is there already.
 */
@Command(name = "kernel", description = {"register the kit's Java kernel as `java` in your Jupyter (for Jupyter and VS Code),",
    "running on this JDK, unless a `java` kernel that starts and answers is there (--replace: anyway)"})
final class KernelCommand implements Callable<Integer> {

    @Option(names = "--replace", description = "register the kit's kernel even if another `java` kernel works")
    boolean replace;

    @Override
    public Integer call() {
        Prerequisites.ensure(java.util.EnumSet.of(Requirement.JUPYTER));
        JupyterPython python = JupyterPython.find().orElseThrow();
        java.nio.file.Path kernels = JupyterFolders.dataDir(python).resolve("kernels");
        if (replace) {
            JavaKernel.build();
            JavaKernel.register(kernels);
        } else {
            JavaKernel.ensureRegistered(python, kernels, Map.of());
        }
        return 0;
    }
}
