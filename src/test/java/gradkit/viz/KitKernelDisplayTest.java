package gradkit.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kit's own kernel is found by its class gradkit.kernel.JavaKernel, here a fake with its names. */
class KitKernelDisplayTest {

    private static final String FAKE_KIT_KERNEL = """
            package gradkit.kernel;
            import io.github.spencerpark.jupyter.kernel.display.DisplayData;
            public final class JavaKernel {
                private static final JavaKernel INSTANCE = new JavaKernel();
                public final java.util.List<DisplayData> shown = new java.util.ArrayList<>();
                public static JavaKernel instance() { return INSTANCE; }
                public void display(DisplayData data) { shown.add(data); }
            }
            """;

    private static final String FAKE_DISPLAY_DATA = """
            package io.github.spencerpark.jupyter.kernel.display;
            public class DisplayData {
                public final java.util.Map<String, Object> data = new java.util.TreeMap<>();
                public void putData(String mime, Object value) { data.put(mime, value); }
                @Override public String toString() { return data.toString(); }
            }
            """;

    @Test
    void theKitsKernelGetsOneBundleWithEveryMimeType(@TempDir Path dir) throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assumeTrue(compiler != null, "no Java compiler in this runtime (a JRE, not a JDK)");
        List<String> args = new ArrayList<>(List.of("-d", dir.toString()));
        for (var source : Map.of("JavaKernel", FAKE_KIT_KERNEL, "DisplayData", FAKE_DISPLAY_DATA).entrySet()) {
            Path file = dir.resolve(source.getKey() + ".java");
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        assertEquals(0, compiler.run(null, null, null, args.toArray(new String[0])), "fake kernel must compile");
        ClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());

        Optional<Display.Shower> shower = Display.find(List.of(loader), "gradkit.kernel.Main /tmp/kernel-1.json");
        assertTrue(shower.isPresent());
        assertEquals(Display.Kernel.KIT, shower.get().kernel());
        assertTrue(shower.get().show(Map.of("text/html", "<b>hi</b>", "text/plain", "hi")));
        Object kernel = loader.loadClass("gradkit.kernel.JavaKernel").getMethod("instance").invoke(null);
        List<?> shown = (List<?>) kernel.getClass().getField("shown").get(kernel);
        assertEquals("[{text/html=<b>hi</b>, text/plain=hi}]", shown.toString());
    }

    private static final String FAKE_UPDATING_KERNEL = """
            package gradkit.kernel;
            import io.github.spencerpark.jupyter.kernel.display.DisplayData;
            public final class JavaKernel {
                private static final JavaKernel INSTANCE = new JavaKernel();
                public final java.util.List<String> log = new java.util.ArrayList<>();
                private final IO io = new IO(log);
                public static JavaKernel instance() { return INSTANCE; }
                public void display(DisplayData data) { log.add("display " + data); }
                public IO getIO() { return io; }
                public static final class IO {
                    public final Stream display;
                    IO(java.util.List<String> log) { display = new Stream(log); }
                }
                public static final class Stream {
                    private final java.util.List<String> log;
                    Stream(java.util.List<String> log) { this.log = log; }
                    public void updateDisplay(DisplayData data) { log.add("update " + data); }
                }
            }
            """;

    private static final String FAKE_DISPLAY_DATA_WITH_ID = """
            package io.github.spencerpark.jupyter.kernel.display;
            public class DisplayData {
                public final java.util.Map<String, Object> data = new java.util.TreeMap<>();
                private String id;
                public void putData(String mime, Object value) { data.put(mime, value); }
                public void setDisplayId(String id) { this.id = id; }
                @Override public String toString() { return id + " " + data; }
            }
            """;

    @Test
    void aDisplayWithAnIdIsShownOnceThenUpdatedThroughTheKernelsDisplayStream(@TempDir Path dir) throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assumeTrue(compiler != null, "no Java compiler in this runtime (a JRE, not a JDK)");
        List<String> args = new ArrayList<>(List.of("-d", dir.toString()));
        for (var source : Map.of("JavaKernel", FAKE_UPDATING_KERNEL, "DisplayData", FAKE_DISPLAY_DATA_WITH_ID).entrySet()) {
            Path file = dir.resolve(source.getKey() + ".java");
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        assertEquals(0, compiler.run(null, null, null, args.toArray(new String[0])), "fake kernel must compile");
        ClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());

        Display.Shower shower = Display.find(List.of(loader), "gradkit.kernel.Main /tmp/kernel-1.json").orElseThrow();
        assertTrue(shower instanceof Display.DisplayDataShower);
        Display.DisplayDataShower updatable = (Display.DisplayDataShower) shower;
        assertTrue(updatable.show(Map.of("text/plain", "frame 0"), "anim-1", false));
        assertTrue(updatable.show(Map.of("text/plain", "frame 1"), "anim-1", true));
        Object kernel = loader.loadClass("gradkit.kernel.JavaKernel").getMethod("instance").invoke(null);
        List<?> log = (List<?>) kernel.getClass().getField("log").get(kernel);
        assertEquals("[display anim-1 {text/plain=frame 0}, update anim-1 {text/plain=frame 1}]", log.toString());
    }
}
