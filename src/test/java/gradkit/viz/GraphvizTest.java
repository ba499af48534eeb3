package gradkit.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphvizTest {

    @Test
    void aMissingDotProgramIsReportedWithHowToInstallIt(@TempDir Path empty) {
        assertNull(Graphviz.find(empty.toString()));
        assertNull(Graphviz.find(null));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Graphviz.require(empty.toString()));
        assertTrue(e.getMessage().contains("apt-get install graphviz"), e.getMessage());
        assertTrue(e.getMessage().contains("./kit notebook"), e.getMessage());
        assertTrue(e.getMessage().contains("toDot"), e.getMessage());
    }

    @Test
    void dotIsFoundInAnyDirectoryOfThePath(@TempDir Path dir) throws IOException {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path fake = Files.createFile(bin.resolve("dot"));
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> path = new ArrayList<>(List.of(dir.resolve("nothing-here").toString(), bin.toString()));
        assertEquals(fake, Graphviz.find(String.join(java.io.File.pathSeparator, path)));
    }

    @Test
    void theLayoutWidthIsTheWidthOfTheDrawing() {
        assumeTrue(Graphviz.available(), "Graphviz's dot is not installed: apt-get install graphviz");
        // One fixed-size box, 2 inches wide, and nothing else: the drawing is 2 inches wide, and
        // its SVG (at 72 points per inch) says 144pt plus Graphviz's 4-point pad on each side.
        String dot = "digraph { node [shape=box, fixedsize=true, width=2, height=1]; a }";
        assertEquals(2.0, Graphviz.layoutWidthInches(dot), 1e-9);
        String svg = new String(Graphviz.run(dot, "svg"), StandardCharsets.UTF_8);
        assertTrue(svg.contains("width=\"152pt\""), svg);
    }

    @Test
    void dotsErrorsAreReported() {
        assumeTrue(Graphviz.available(), "Graphviz's dot is not installed: apt-get install graphviz");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Graphviz.run("digraph { a -> }", "png"));
        assertTrue(e.getMessage().contains("Graphviz's dot failed"), e.getMessage());
    }
}
