package gradkit.kernel;

import java.util.ArrayList;
import java.util.List;

import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.magic.common.DisplayMagics;
import io.github.spencerpark.jupyter.kernel.magic.common.Load;
import io.github.spencerpark.jupyter.kernel.magic.common.Shell;
import io.github.spencerpark.jupyter.kernel.magic.common.WriteFile;
import io.github.spencerpark.jupyter.kernel.magic.registry.Magics;

/**
 * gradkit's Jupyter kernel for Java: each cell is cut into Java code and magics ({@link Cell}), the
 * code runs in JShell ({@link JShellSession}), and the Jupyter protocol is basekernel's
 * ({@link BaseKernel}, the foundation of IJava).
 *
 * <p>Magics, as in IJava: {@code %classpath}, {@code %jars} ({@link ClasspathMagics}),
 * {@code %load FILE} (a .jsh/.java file or a notebook, run here), {@code %sh}, and the cell magics
 * {@code %%html}, {@code %%markdown}, {@code %%svg}, {@code %%latex}, {@code %%javascript} and
 * {@code %%writefile}. A cell's last expression is shown as its value: a {@code BufferedImage} as
 * a picture, a {@code DisplayData} (from {@code render}) as itself, anything else as text.
 */
public final class JavaKernel extends BaseKernel {

    /** The kernel of this JVM, for {@link CellDisplay}; set once, when the kernel is made. */
    private static volatile JavaKernel instance;

    private final JShellSession java = new JShellSession();
    private final Magics magics = new Magics();

    public JavaKernel() {
        magics.registerMagics(new ClasspathMagics(java::addToClasspath));
        magics.registerMagics(new Load(List.of(".jsh", ".jshell", ".java"), this::evalCell));
        magics.registerMagics(new DisplayMagics(getRenderer(), getIO().display));
        magics.registerMagics(Shell.class);
        magics.registerMagics(WriteFile.class);
        instance = this;
    }

    /** The running kernel, or null outside one. */
    public static JavaKernel instance() {
        return instance;
    }

    @Override
    public DisplayData eval(String source) throws Exception {
        java.newCell();
        Object value = evalCell(source);
        if (value == null) {
            return null;
        }
        return value instanceof DisplayData data ? data : getRenderer().render(value);
    }

    /** Runs a cell's parts in order; the value is the last part's, if it is code ending in an expression. */
    private Object evalCell(String source) throws Exception {
        Object value = null;
        for (Cell.Part part : Cell.parse(source)) {
            if (part instanceof Cell.Code code) {
                value = java.eval(code.source());
            } else if (part instanceof Cell.LineMagic magic) {
                magics.applyLineMagic(magic.name(), magic.args());
                value = null;
            } else if (part instanceof Cell.CellMagic magic) {
                magics.applyCellMagic(magic.name(), magic.args(), magic.body());
                value = null;
            }
        }
        return value;
    }

    @Override
    public void interrupt() {
        java.stop();
    }

    @Override
    public String isComplete(String code) {
        if (code.startsWith("%")) {
            return IS_COMPLETE_YES;   // a magic runs as it is
        }
        return java.completeness(code);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        JShellSession.Completions found = java.complete(code, at);
        return new ReplacementOptions(found.replacements(), found.start(), found.end());
    }

    /**
     * The same on every machine (no JDK version in it): Jupyter compares it with the notebook's
     * {@code language_info} and marks the notebook modified when they differ, so a version would make
     * every committed notebook "(unsaved changes)" on opening, and autosave would rewrite it.
     */
    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo.Builder("java")
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("java")
                .build();
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " (gradkit's Java kernel, JShell)";
    }

    /** Our own errors show their message and details; anything else its stack trace. */
    @Override
    public List<String> formatError(Exception e) {
        if (e instanceof CellError cellError) {
            List<String> lines = new ArrayList<>();
            lines.add(errorStyler.secondary(e.getClass().getSimpleName() + ": " + e.getMessage()));
            cellError.details().forEach(line -> lines.add(errorStyler.primary(line)));
            return lines;
        }
        return super.formatError(e);
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        java.close();
    }
}
