package gradkit.kit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The test of the "launch" configurations, binder/postBuild (Binder, repo2docker) and
 * .devcontainer/devcontainer.json (GitHub Codespaces), neither of which CI can reach:
 * tools/binder-test runs postBuild as an ordinary user with an empty scratch HOME on a copy of the
 * repository, as Binder does, and checks the kernel it registered, that it wrote nowhere else, and
 * that notebook 01 runs in that kernel. It uses runuser, useradd and find, so it runs on Linux only.
 */
final class BinderTest {

    static final Path SCRIPT = Project.ROOT.resolve("tools/binder-test");

    private BinderTest() {
    }

    /** Runs the test on this JDK; its exit status. */
    static int run() {
        if (Os.current() != Os.LINUX) {
            System.err.println("kit: the Binder test plays Binder's Linux build (runuser, useradd), so it runs on Linux only; skipped");
            return 0;
        }
        return Processes.run(List.of("bash", SCRIPT.toString()), Map.of("JAVA_HOME", JavaTools.home().toString()));
    }
}
