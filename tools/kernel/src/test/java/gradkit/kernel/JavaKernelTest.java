package gradkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import io.github.spencerpark.jupyter.kernel.magic.registry.UndefinedMagicException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel without a Jupyter connection: cells in, what the notebook would show out. */
class JavaKernelTest {

    private static JavaKernel kernel;

    @BeforeAll
    static void start() {
        kernel = new JavaKernel();
    }

    @AfterAll
    static void stop() {
        kernel.onShutdown(false);
    }

    @Test
    void theKernelIsFoundByTheCellsDisplayFunctions() {
        assertSame(kernel, JavaKernel.instance());
    }

    @Test
    void aValueIsShownAsTextAndAnImageAsAPicture() throws Exception {
        assertEquals("42", kernel.eval("6 * 7").getData(MIMEType.TEXT_PLAIN));
        DisplayData picture = kernel.eval("new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB)");
        assertTrue(picture.hasDataForType(MIMEType.IMAGE_PNG));
        assertNull(kernel.eval("int quiet = 1;"));
    }

    @Test
    void renderAndDisplayNeedNoImport() throws Exception {
        DisplayData html = kernel.eval("render(\"<b>bold</b>\", \"text/html\")");
        assertEquals("<b>bold</b>", html.getData(MIMEType.TEXT_HTML));
        assertEquals("<b>bold</b>", html.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void loadRunsAFileAndClasspathAddsAFolder(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("setup.jsh"), "int loaded = 5;\n");
        assertNull(kernel.eval("%load " + script + "\nint more = 1;"));
        assertEquals("6", kernel.eval("loaded + more").getData(MIMEType.TEXT_PLAIN));

        Path classes = Files.createDirectory(dir.resolve("classes"));
        assertNull(kernel.eval("%classpath " + classes));
    }

    @Test
    void anUnknownMagicIsAnError() {
        assertThrows(UndefinedMagicException.class, () -> kernel.eval("%nosuchmagic x"));
    }

    @Test
    void anInterruptWithNothingRunningLeavesTheKernelAsItWas() throws Exception {
        kernel.interrupt();
        assertEquals("ok", kernel.eval("\"ok\"").getData(MIMEType.TEXT_PLAIN));
    }
}
