package gradkit.viz;

import java.awt.image.BufferedImage;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shows HTML or SVG in whichever Jupyter Java kernel is running, and tells you when none is.
 *
 * <pre>{@code
 * Display.html("<b>loss</b> = 0.25");                                  // shown in the notebook
 * Display.svg(GraphDrawing.drawSvg(loss), GraphDrawing.draw(loss));   // null once shown
 * }</pre>
 *
 * <p><b>This class is the one place in gradkit that uses reflection</b>, on purpose: gradkit must
 * not depend at compile time on any kernel, yet each kernel has its own display call. At run time it
 * looks for these classes, first with the class loader that loaded gradkit (inside a kernel, the
 * notebook's loader, whose parents see the kernel), then with the thread's context class loader:
 * <ul>
 *   <li>JJava: the kernel from {@code org.dflib.jjava.jupyter.kernel.BaseKernel.notebookKernel()}
 *       (JJava 1.0) or {@code org.dflib.jjava.JJava.getKernelInstance()} (earlier), whose
 *       {@code display(DisplayData)} takes a {@code DisplayData} filled with {@code putData(mimeType, text)};</li>
 *   <li>IJava: {@code io.github.spencerpark.ijava.IJava.getKernelInstance()}, the same way;</li>
 *   <li>the kit's own kernel (tools/kernel): {@code gradkit.kernel.JavaKernel.instance()}, the same way;</li>
 *   <li>Rapaio: the static {@code org.rapaio.jupyter.kernel.global.Global.display(String mime, Object)}.
 *       Rapaio knows no {@code image/svg+xml}, so SVG is sent to it as HTML (an inline {@code <svg>}
 *       element, which notebooks render the same way).</li>
 * </ul>
 * Outside a kernel (plain JShell, a test, a main program) nothing is found and each method falls
 * back as its documentation says. The kernel paths are exercised by the notebooks in CI, not by
 * unit tests, which only see a fake kernel.
 *
 * <p>Pictures need no helper: a notebook cell that ends with a {@link BufferedImage} shows it as PNG
 * in all of these kernels.
 */
public final class Display {

    /** The kernels this helper knows how to talk to. */
    public enum Kernel {
        /** JJava (org.dflib.jjava), IJava's maintained successor. */
        JJAVA,
        /** IJava (io.github.spencerpark.ijava). */
        IJAVA,
        /** The kernel ./kit installs (tools/kernel, gradkit.kernel.JavaKernel), built on IJava's foundation. */
        KIT,
        /** rapaio-jupyter-kernel. */
        RAPAIO,
        /** No kernel: plain JShell, a test or a program. */
        NONE
    }

    private Display() {}

    /**
     * Shows HTML in the running kernel. Outside a kernel (or if the kernel refuses it), prints the
     * text without its tags to standard output, so that JShell still shows something readable.
     * Returns nothing, so that a notebook cell ending with this call shows only the HTML; ask
     * {@link #kernel()} to know whether a kernel is there.
     *
     * <pre>{@code
     * Display.html("<table><tr><td>a</td><td>2.0</td></tr></table>");
     * }</pre>
     */
    public static void html(String html) {
        if (html == null) {
            throw new IllegalArgumentException("Display.html needs HTML text, but got null.");
        }
        Optional<Shower> shower = find(defaultLoaders(), launchCommand());
        if (shower.isPresent() && shower.get().show(Map.of("text/html", html, "text/plain", plainText(html)))) {
            return;
        }
        System.out.println(plainText(html));
    }

    /**
     * Shows SVG in the running kernel, or hands back a fallback picture for the caller to show:
     * end a notebook cell with this call, and either the SVG is shown and the call returns null
     * (which shows nothing more), or it returns {@code fallback}, which the kernel shows as PNG.
     *
     * <pre>{@code
     * Display.svg(GraphDrawing.drawSvg(out), GraphDrawing.draw(out));
     * }</pre>
     *
     * @param svg the SVG document, for example from {@link GraphDrawing#drawSvg}
     * @param fallback the same picture as pixels, returned when no kernel can show SVG (may be null)
     * @return null if a kernel showed the SVG, else {@code fallback}
     */
    public static BufferedImage svg(String svg, BufferedImage fallback) {
        if (svg == null) {
            throw new IllegalArgumentException("Display.svg needs SVG text, but got null.");
        }
        Optional<Shower> shower = find(defaultLoaders(), launchCommand());
        if (shower.isPresent()) {
            Map<String, String> bundle = shower.get().kernel() == Kernel.RAPAIO
                    ? Map.of("text/html", inlineSvg(svg))
                    : Map.of("image/svg+xml", svg, "text/plain", "[SVG picture]");
            if (shower.get().show(bundle)) {
                return null;
            }
        }
        return fallback;
    }

    /** The kernel this code runs in, as far as this helper can tell. */
    public static Kernel kernel() {
        return find(defaultLoaders(), launchCommand()).map(Shower::kernel).orElse(Kernel.NONE);
    }

    // ---------------------------------------------------------------- finding a kernel

    /**
     * Shows a bundle that later calls can replace, the way an animation changes one picture in place:
     * in JJava, IJava and the kit's kernel, which can update what they showed (Jupyter's
     * {@code update_display_data}). Returns the display's id, or empty when no such kernel runs
     * (Rapaio, which cannot update, or none) or it refused the bundle: the caller then shows its
     * fallback.
     */
    static Optional<String> showUpdatable(Map<String, String> bundle) {
        Optional<Shower> shower = find(defaultLoaders(), launchCommand());
        if (shower.isEmpty() || !(shower.get() instanceof DisplayDataShower updatable)) {
            return Optional.empty();
        }
        String id = "gradkit-" + java.util.UUID.randomUUID();
        return updatable.show(bundle, id, false) ? Optional.of(id) : Optional.empty();
    }

    /** Replaces what {@link #showUpdatable} showed under {@code id}; false if no kernel took it. */
    static boolean update(String id, Map<String, String> bundle) {
        Optional<Shower> shower = find(defaultLoaders(), launchCommand());
        return shower.isPresent() && shower.get() instanceof DisplayDataShower updatable
                && updatable.show(bundle, id, true);
    }

    /** Sends a bundle of (MIME type, text) to a kernel; returns false if the kernel refused it. */
    interface Shower {
        Kernel kernel();

        boolean show(Map<String, String> bundle);
    }

    private static List<ClassLoader> defaultLoaders() {
        List<ClassLoader> loaders = new ArrayList<>();
        loaders.add(Display.class.getClassLoader());
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null && context != Display.class.getClassLoader()) {
            loaders.add(context);
        }
        return loaders;
    }

    /** How this JVM was started: its main class or jar and arguments, "" if the JVM does not say. */
    private static String launchCommand() {
        return System.getProperty("sun.java.command", "");
    }

    /**
     * The first kernel display found through these class loaders, tried in order.
     *
     * @param launchCommand how this JVM was started; Rapaio counts as running only if it names
     *     Rapaio, because its classes cannot tell whether a kernel runs
     */
    static Optional<Shower> find(List<ClassLoader> loaders, String launchCommand) {
        for (ClassLoader loader : loaders) {
            if (loader == null) {
                continue;
            }
            Optional<Shower> found =
                    kernelInstance(loader, "org.dflib.jjava.jupyter.kernel.BaseKernel", "notebookKernel", Kernel.JJAVA)
                    .or(() -> kernelInstance(loader, "org.dflib.jjava.JJava", "getKernelInstance", Kernel.JJAVA))
                    .or(() -> kernelInstance(loader, "io.github.spencerpark.ijava.IJava", "getKernelInstance", Kernel.IJAVA))
                    .or(() -> kernelInstance(loader, "gradkit.kernel.JavaKernel", "instance", Kernel.KIT))
                    .or(() -> rapaio(loader, launchCommand));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * IJava and JJava: a static method returns the kernel (null when the class is present but no
     * kernel runs), whose {@code display(DisplayData)} sends a bundle to the notebook.
     */
    private static Optional<Shower> kernelInstance(ClassLoader loader, String className, String getter, Kernel kind) {
        try {
            Class<?> holder = Class.forName(className, true, loader);
            Object kernel = holder.getMethod(getter).invoke(null);
            if (kernel == null) {
                return Optional.empty();
            }
            Method display = displayMethod(kernel);
            if (display == null) {
                return Optional.empty();
            }
            Method putData = display.getParameterTypes()[0].getMethod("putData", String.class, Object.class);
            return Optional.of(new DisplayDataShower(kind, kernel, display, putData));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** The kernel's {@code display(DisplayData)}, or null if it has none. */
    private static Method displayMethod(Object kernel) {
        Method display = null;
        for (Method m : kernel.getClass().getMethods()) {
            if (m.getName().equals("display") && m.getParameterCount() == 1
                    && m.getParameterTypes()[0].getSimpleName().equals("DisplayData")) {
                display = m;
            }
        }
        return display;
    }

    /**
     * Shows a bundle the IJava and JJava way: a new {@code DisplayData}, one {@code putData(mime, text)}
     * per MIME type, then the kernel's {@code display(data)}.
     */
    record DisplayDataShower(Kernel kernel, Object instance, Method display, Method putData) implements Shower {
        @Override
        public boolean show(Map<String, String> bundle) {
            return show(bundle, null, false);
        }

        /**
         * With an {@code id}, the bundle carries it as its display id ({@code setDisplayId}); with
         * {@code update}, it replaces the display of that id through the kernel's display stream
         * ({@code getIO().display.updateDisplay(data)}, the same in all three kernels).
         */
        boolean show(Map<String, String> bundle, String id, boolean update) {
            try {
                Class<?> dataClass = display.getParameterTypes()[0];
                Object data = dataClass.getConstructor().newInstance();
                for (Map.Entry<String, String> entry : new LinkedHashMap<>(bundle).entrySet()) {
                    putData.invoke(data, entry.getKey(), entry.getValue());
                }
                if (id != null) {
                    dataClass.getMethod("setDisplayId", String.class).invoke(data, id);
                }
                if (update) {
                    Object io = instance.getClass().getMethod("getIO").invoke(instance);
                    java.lang.reflect.Field field = io.getClass().getField("display");
                    // the field's declared type is public, where the stream's own class may not be
                    field.getType().getMethod("updateDisplay", dataClass).invoke(field.get(io), data);
                } else {
                    display.invoke(instance, data);
                }
                return true;
            } catch (ReflectiveOperationException | RuntimeException e) {
                return false;
            }
        }
    }

    /**
     * Rapaio: the static {@code Global.display(String mime, Object value)}, one MIME type a call.
     * Rapaio's classes start a kernel object as soon as they are touched, whether or not a notebook
     * is connected, so they cannot be asked whether one runs; instead the JVM's launch command must
     * name Rapaio (its kernel starts as {@code java ... rapaio-jupyter-kernel-<version>.jar}).
     */
    private static Optional<Shower> rapaio(ClassLoader loader, String launchCommand) {
        if (!launchCommand.toLowerCase(java.util.Locale.ROOT).contains("rapaio")) {
            return Optional.empty();
        }
        try {
            Class<?> global = Class.forName("org.rapaio.jupyter.kernel.global.Global", true, loader);
            Method display = global.getMethod("display", String.class, Object.class);
            return Optional.of(new Shower() {
                @Override
                public Kernel kernel() {
                    return Kernel.RAPAIO;
                }

                @Override
                public boolean show(Map<String, String> bundle) {
                    // Rapaio sends one MIME type per call: the richest one it knows.
                    String mime = bundle.containsKey("text/html") ? "text/html" : "text/plain";
                    if (!bundle.containsKey(mime)) {
                        return false;
                    }
                    try {
                        display.invoke(null, mime, bundle.get(mime));
                        return true;
                    } catch (ReflectiveOperationException | RuntimeException e) {
                        return false;
                    }
                }
            });
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------- text helpers

    /** SVG text made fit to sit inside HTML: without its XML declaration and DOCTYPE. */
    static String inlineSvg(String svg) {
        int start = svg.indexOf("<svg");
        return start < 0 ? svg : svg.substring(start);
    }

    /** HTML without its tags and with the common entities decoded, for a plain-text fallback. */
    static String plainText(String html) {
        String text = html.replaceAll("(?i)<br\\s*/?>|</p>|</tr>|</h[1-6]>|</li>", "\n")
                .replaceAll("(?i)</t[dh]>", "\t")
                .replaceAll("<[^>]*>", "");
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&").strip();
    }
}
