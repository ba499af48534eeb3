package gradkit.kit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Jupyter's own page in headless Chromium (Debian's /usr/bin/chromium), driven by playwright-core
 * from npm (tools/browser-test/package-lock.json, installed exactly as locked; it never downloads a
 * browser): starts {@code ./kit notebook}, runs a notebook with Cell > Run All, interrupts a long
 * cell, runs one more. It drives the POSIX ./kit, so it runs on Linux only.
 */
final class BrowserTest {

    static final Path FOLDER = Project.ROOT.resolve("tools/browser-test");

    private BrowserTest() {
    }

    /** Runs the test with Jupyter finding its kernels through {@code jupyter}; its exit status. */
    static int run(Map<String, String> jupyter) {
        if (Os.current() != Os.LINUX) {
            System.err.println("kit: the browser test drives ./kit and Debian's Chromium, so it runs on Linux only; skipped");
            return 0;
        }
        Map<String, String> environment = new HashMap<>(jupyter);
        environment.put("JAVA_HOME", JavaTools.home().toString());   // the ./kit it starts uses this JDK
        environment.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!Files.isRegularFile(FOLDER.resolve("node_modules/playwright-core/package.json"))) {
            Processes.check("npm ci", List.of("sh", "-c", "cd '" + FOLDER + "' && npm ci --no-audit --no-fund"), environment);
        }
        return Processes.run(List.of("node", FOLDER.resolve("notebook-ui.test.js").toString()), environment);
    }
}
