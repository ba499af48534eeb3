package gradkit.kit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./kit test [--only STEP,...]}: everything CI checks, on this JDK. The kit's kernel under
 * test is registered for this JDK in a Jupyter folder of the test's own (target/test-jupyter/, found
 * through JUPYTER_PATH, with JUPYTER_DATA_DIR for runtime files beside it), so a test never changes
 * the user's kernels and {@code JAVA_HOME=OTHER_JDK ./kit test} tests the kernel on that JDK.
 */
@Command(name = "test", description = {"everything CI checks: unit tests, notebooks (JShell, the kit's kernel, Rapaio), the grader,",
    "the Java kernel's interrupts, a notebook run through Jupyter's page in headless Chromium,",
    "binder/postBuild run as an ordinary user as Binder runs it",
    "(--only java,notebooks,rapaio,interrupts,browser,binder runs just those steps)"})
final class TestCommand implements Callable<Integer> {

    /** The steps, in the order they run. */
    enum Step { JAVA, NOTEBOOKS, RAPAIO, INTERRUPTS, BROWSER, BINDER }

    /** The test's own Jupyter folders: kernels/java in the first, runtime files in the second. */
    static final Path KERNELS_HOME = Project.ROOT.resolve("target/test-jupyter");
    static final Path DATA_DIR = Project.ROOT.resolve("target/test-jupyter-data");

    @Option(names = "--only", split = ",", paramLabel = "STEP",
            description = "only these steps: java, notebooks, rapaio, interrupts, browser, binder (default: all)")
    Set<Step> only;

    private Map<String, String> kitKernel;

    @Override
    public Integer call() {
        System.err.printf("kit: testing on Java %d (%s)%n", JavaTools.version(), JavaTools.home());
        Set<Step> steps = only == null ? EnumSet.allOf(Step.class) : EnumSet.copyOf(only);
        Set<Requirement> wanted = Prerequisites.wantedForNotebooks();
        wanted.add(Requirement.BUBBLEWRAP);
        Prerequisites.ensure(needed(steps), wanted);
        List<String> failed = new ArrayList<>();
        for (Step step : steps) {
            if (run(step) != 0) {
                failed.add(step.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        if (!failed.isEmpty()) {
            System.err.println("kit: test failed in: " + String.join(", ", failed));
            return 1;
        }
        System.err.printf("kit: test passed on Java %d: %s%n", JavaTools.version(),
                steps.stream().map(step -> step.name().toLowerCase(java.util.Locale.ROOT)).toList());
        return 0;
    }

    /**
     * Everything runs Jupyter; the browser test needs its browser and Node.js. Graphviz, fonts and
     * bubblewrap are only wanted: the notebooks run without Graphviz (a drawing is then a sentence,
     * and NotebookJShellTest checks both ways), and the grader works without bubblewrap (and says so).
     */
    private static Set<Requirement> needed(Set<Step> steps) {
        Set<Requirement> needed = Prerequisites.forNotebooks();
        if (steps.contains(Step.BROWSER) && Os.current() == Os.LINUX) {
            needed.addAll(EnumSet.of(Requirement.CHROMIUM, Requirement.NODE));
        }
        return needed;
    }

    private int run(Step step) {
        JupyterPython python = JupyterPython.find().orElseThrow();
        return switch (step) {
            // mvn test compiles, runs the library's tests, every notebook through JShell, and the
            // grader's self-test (solutions score 100%, untouched exercises 0, broken submissions their
            // exact scores). Not -q: Surefire's closing "Tests run: N, Failures: N" line is the record
            // of what ran. Then the kernel's own tests, and its jar.
            case JAVA -> Maven.run("-B", "--no-transfer-progress", "test") != 0 ? 1
                    : Maven.run("-B", "--no-transfer-progress", "-f", JavaKernel.PROJECT.resolve("pom.xml").toString(), "package");
            case NOTEBOOKS -> NotebookRunner.run(python, KernelSpec.NAME, Project.ROOT.resolve("target/notebooks"),
                    List.of(), kitKernel());
            // the same notebooks, unchanged, in Rapaio's kernel
            case RAPAIO -> NotebookRunner.run(python, "rapaio", Project.ROOT.resolve("target/notebooks-rapaio"),
                    List.of(), RapaioKernel.ensureRegistered(python));
            // Kernel > Interrupt on long cells of several kinds, and Restart, in the kit's kernel (not in
            // Rapaio, whose Kernel > Interrupt does not stop a cell; the README says so).
            case INTERRUPTS -> python.run(List.of(Project.ROOT.resolve("tools/kernel_test.py").toString(),
                    "interrupts", "--kernel", KernelSpec.NAME), kitKernel());
            case BROWSER -> BrowserTest.run(kitKernel());
            // binder/postBuild as Binder runs it, registering the kernel in its own HOME (tools/binder-test)
            case BINDER -> BinderTest.run();
        };
    }

    /**
     * Registers the kit's kernel, on this JDK, in the test's own folder (once per run); the
     * environment in which Jupyter finds it.
     */
    private Map<String, String> kitKernel() {
        if (kitKernel == null) {
            JavaKernel.build();
            JavaKernel.register(KERNELS_HOME.resolve("kernels"));
            kitKernel = Map.of("JUPYTER_PATH", KERNELS_HOME.toString(), "JUPYTER_DATA_DIR", DATA_DIR.toString());
        }
        return kitKernel;
    }
}
