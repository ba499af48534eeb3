package gradkit.kit;

import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code ./kit bench [--compare]}: the benchmark (gradkit.bench.Benchmark); {@code --compare} also
 * times the kit's Python reference engine, run by Jupyter's Python (passed as {@code gradkit.python}).
 */
@Command(name = "bench", description = {"run the benchmark (gradkit.bench.Benchmark); --compare also times the kit's",
    "Python reference engine (micrograd's Value, in Jupyter's Python) on the same workload, as ratios"})
final class BenchCommand extends LibraryProgram {
    BenchCommand() {
        super("gradkit.bench.Benchmark");
    }

    @Override
    List<String> jvmOptions() {
        if (!args.contains("--compare")) {
            return List.of();
        }
        Prerequisites.ensure(java.util.EnumSet.of(Requirement.JUPYTER));
        return List.of("-Dgradkit.python=" + JupyterPython.find().orElseThrow().python());
    }
}
