package gradkit.kernel;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;

/**
 * The display functions a cell can call without an import, named as in IJava so that notebooks
 * written for IJava run unchanged:
 *
 * <pre>
 * display(image);                              // shows a BufferedImage as a picture, now
 * display("&lt;b&gt;bold&lt;/b&gt;", "text/html");          // shows text as the given MIME type
 * String id = display("step 1");  updateDisplay(id, "step 2");   // replaces what was shown
 * render(value)                                // as a cell's last expression: shown as its value
 * </pre>
 *
 * They need the running kernel ({@link JavaKernel#instance()}), which is there whenever a cell runs.
 */
public final class CellDisplay {

    private CellDisplay() {
    }

    /** Shows {@code value} in the cell's output now, in the richest form the kernel knows for it. */
    public static String display(Object value) {
        return show(render(value));
    }

    /**
     * Shows {@code value} as these MIME types; a String given as "text/html" (or another type)
     * is taken to be that type's text.
     */
    public static String display(Object value, String... mimeTypes) {
        return show(render(value, mimeTypes));
    }

    /** Replaces what {@code display} showed under {@code id} with {@code value}. */
    public static void updateDisplay(String id, Object value) {
        DisplayData data = render(value);
        data.setDisplayId(id);
        kernel().getIO().display.updateDisplay(data);
    }

    /** Replaces what {@code display} showed under {@code id} with {@code value} as these MIME types. */
    public static void updateDisplay(String id, Object value, String... mimeTypes) {
        DisplayData data = render(value, mimeTypes);
        data.setDisplayId(id);
        kernel().getIO().display.updateDisplay(data);
    }

    /** {@code value} rendered for the notebook, not shown: a cell ending with it shows it. */
    public static DisplayData render(Object value) {
        return kernel().getRenderer().render(value);
    }

    /** {@code value} rendered as these MIME types, not shown. */
    public static DisplayData render(Object value, String... mimeTypes) {
        if (value instanceof String text) {
            DisplayData data = new DisplayData(text);
            for (String type : mimeTypes) {
                data.putData(type, text);
            }
            return data;
        }
        return kernel().getRenderer().renderAs(value, mimeTypes);
    }

    private static String show(DisplayData data) {
        if (!data.hasDisplayId()) {
            data.setDisplayId(java.util.UUID.randomUUID().toString());
        }
        kernel().display(data);
        return data.getDisplayId();
    }

    private static JavaKernel kernel() {
        JavaKernel kernel = JavaKernel.instance();
        if (kernel == null) {
            throw new IllegalStateException("display and render need the Jupyter kernel, but none is running");
        }
        return kernel;
    }
}
