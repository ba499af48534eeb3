package gradkit.kit;

import java.util.List;

/**
 * Something outside Java that a kit command needs, with the names it goes by in each package
 * manager. Whether it is present is {@link Prerequisites}'s question; how to install it,
 * {@link InstallAdvice}'s.
 *
 * <pre>{@code
 * Requirement.GRAPHVIZ.packages(Installer.HOMEBREW)   // [graphviz]
 * }</pre>
 */
public enum Requirement {
    /** Jupyter with the libraries the kit's Python tools import; pip and conda can provide it too. */
    JUPYTER("Jupyter (notebook, nbclient, nbconvert, jupyter_client), reached through `jupyter` on the PATH",
            List.of("jupyter-notebook", "jupyter-client", "python3-nbclient", "python3-nbconvert", "python3-ipykernel"),
            List.of("python3-notebook", "python3-nbclient", "python3-nbconvert", "python3-ipykernel"),
            List.of(), List.of()),
    /** Graphviz's {@code dot}, which draws the notebooks' computation graphs (optional: see Prerequisites). */
    GRAPHVIZ("Graphviz's `dot` program, which draws the notebooks' graphs",
            List.of("graphviz"), List.of("graphviz"), List.of("graphviz"), List.of("Graphviz.Graphviz")),
    /** Fonts for the pictures; Debian's minimal images have none (other systems always have some). */
    FONTS("the DejaVu fonts, for the text in the pictures",
            List.of("fonts-dejavu-core"), List.of(), List.of(), List.of()),
    /** The grader's sandbox for test JVMs; the grader works without it (and says so in its report). */
    BUBBLEWRAP("bubblewrap (bwrap), the grader's sandbox",
            List.of("bubblewrap"), List.of("bubblewrap"), List.of(), List.of()),
    /** The browser of the browser test: Debian's /usr/bin/chromium (playwright never downloads one). */
    CHROMIUM("Chromium at /usr/bin/chromium, for the test of Jupyter's page",
            List.of("chromium"), List.of("chromium"), List.of(), List.of()),
    /** Node.js and npm, which run the browser test (tools/browser-test, playwright-core). */
    NODE("Node.js and npm, which drive the browser test",
            List.of("nodejs", "npm"), List.of("nodejs", "npm"), List.of("node"), List.of("OpenJS.NodeJS.LTS"));

    private final String description;
    private final List<String> apt;
    private final List<String> dnf;
    private final List<String> homebrew;
    private final List<String> winget;

    Requirement(String description, List<String> apt, List<String> dnf, List<String> homebrew, List<String> winget) {
        this.description = description;
        this.apt = apt;
        this.dnf = dnf;
        this.homebrew = homebrew;
        this.winget = winget;
    }

    /** What it is and what it is for, in a sentence's words. */
    public String description() {
        return description;
    }

    /** Its package names for an installer; empty where that installer has none for the kit to name. */
    public List<String> packages(Installer installer) {
        return switch (installer) {
            case APT -> apt;
            case DNF -> dnf;
            case HOMEBREW -> homebrew;
            case WINGET -> winget;
            case OTHER -> List.of();
        };
    }
}
