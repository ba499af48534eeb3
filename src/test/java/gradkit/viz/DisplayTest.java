package gradkit.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
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

/**
 * The plain-JVM fallbacks, and the reflective calls against small fake kernels compiled here with
 * the real kernels' class and method names (the real kernels run in the notebooks in CI).
 */
class DisplayTest {

    @Test
    void noKernelRunsInAPlainJvm() {
        assertEquals(Display.Kernel.NONE, Display.kernel());
    }

    @Test
    void htmlOutsideAKernelPrintsPlainText() {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            Display.html("<p><b>loss</b> = 0.25 &lt; 1</p>");
        } finally {
            System.setOut(original);
        }
        assertEquals("loss = 0.25 < 1", captured.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void svgOutsideAKernelHandsBackTheFallbackPicture() {
        BufferedImage fallback = new BufferedImage(4, 3, BufferedImage.TYPE_INT_RGB);
        assertSame(fallback, Display.svg("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", fallback));
        assertNull(Display.svg("<svg/>", null));
    }

    @Test
    void plainTextKeepsTableCellsApart() {
        String html = "<table><tr><th>name</th><th>grad</th></tr><tr><td>a</td><td>-2.0</td></tr></table>";
        assertEquals("name\tgrad\t\na\t-2.0", Display.plainText(html));
    }

    @Test
    void inlineSvgDropsTheXmlPrologue() {
        String svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg width=\"1\"></svg>";
        assertEquals("<svg width=\"1\"></svg>", Display.inlineSvg(svg));
        assertEquals("no svg here", Display.inlineSvg("no svg here"));
    }

    // ---------------------------------------------------------------- fake kernels

    private static final String FAKE_RAPAIO = """
            package org.rapaio.jupyter.kernel.global;
            public final class Global {
                public static final java.util.List<String> SHOWN = new java.util.ArrayList<>();
                public static String display(String mime, Object o) {
                    SHOWN.add(mime + "=" + o);
                    return "id";
                }
            }
            """;

    private static final String FAKE_IJAVA = """
            package io.github.spencerpark.ijava;
            public class IJava {
                public static final JavaKernel KERNEL = new JavaKernel();
                public static JavaKernel getKernelInstance() { return KERNEL; }
            }
            """;

    private static final String FAKE_IJAVA_KERNEL = """
            package io.github.spencerpark.ijava;
            import io.github.spencerpark.jupyter.kernel.display.DisplayData;
            public class JavaKernel {
                public final java.util.List<DisplayData> shown = new java.util.ArrayList<>();
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

    private static ClassLoader compile(Path dir, Map<String, String> sources) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assumeTrue(compiler != null, "no Java compiler in this runtime (a JRE, not a JDK)");
        List<String> args = new ArrayList<>(List.of("-d", dir.toString()));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = dir.resolve(source.getKey() + ".java");
            Files.writeString(file, source.getValue());
            args.add(file.toString());
        }
        assertEquals(0, compiler.run(null, null, null, args.toArray(new String[0])), "fake kernel must compile");
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, DisplayTest.class.getClassLoader());
    }

    @Test
    void rapaioGetsHtmlAndSvgAsHtml(@TempDir Path dir) throws Exception {
        ClassLoader loader = compile(dir, Map.of("Global", FAKE_RAPAIO));
        assertTrue(Display.find(List.of(loader), "org.apache.maven.surefire.booter.ForkedBooter").isEmpty(),
                "Rapaio's classes alone do not mean that a Rapaio kernel runs");
        Optional<Display.Shower> shower = Display.find(List.of(loader),
                "/opt/rapaio/rapaio-jupyter-kernel-2.3.0.jar /tmp/kernel-1.json");
        assertTrue(shower.isPresent());
        assertEquals(Display.Kernel.RAPAIO, shower.get().kernel());

        assertTrue(shower.get().show(Map.of("text/html", "<b>hi</b>", "text/plain", "hi")));
        @SuppressWarnings("unchecked")
        List<String> shown = (List<String>) loader.loadClass("org.rapaio.jupyter.kernel.global.Global")
                .getField("SHOWN").get(null);
        assertEquals(List.of("text/html=<b>hi</b>"), shown);
    }

    @Test
    void ijavaGetsOneBundleWithEveryMimeType(@TempDir Path dir) throws Exception {
        ClassLoader loader = compile(dir, Map.of(
                "IJava", FAKE_IJAVA, "JavaKernel", FAKE_IJAVA_KERNEL, "DisplayData", FAKE_DISPLAY_DATA));
        Optional<Display.Shower> shower = Display.find(List.of(loader), "io.github.spencerpark.ijava.IJava");
        assertTrue(shower.isPresent());
        assertEquals(Display.Kernel.IJAVA, shower.get().kernel());

        assertTrue(shower.get().show(Map.of("image/svg+xml", "<svg/>", "text/plain", "[SVG picture]")));
        Object kernel = loader.loadClass("io.github.spencerpark.ijava.IJava").getField("KERNEL").get(null);
        List<?> shown = (List<?>) kernel.getClass().getField("shown").get(kernel);
        assertEquals(1, shown.size());
        assertEquals("{image/svg+xml=<svg/>, text/plain=[SVG picture]}", shown.get(0).toString());
    }

    @Test
    void aLoaderWithoutKernelClassesFindsNothing() {
        assertTrue(Display.find(List.of(ClassLoader.getPlatformClassLoader()), "rapaio").isEmpty());
    }
}
