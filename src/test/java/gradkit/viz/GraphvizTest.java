package gradkit.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphvizTest {

    @Test
    void aMissingDotProgramIsReportedWithHowToInstallItOnEachSystem(@TempDir Path empty) {
        assertNull(Graphviz.find(List.of(empty)));
        assertNull(Graphviz.find(List.of()));
        String message = Graphviz.notInstalledMessage();
        for (String command : List.of("'sudo apt-get install graphviz'", "'brew install graphviz'",
                "'winget install graphviz'", "'conda install -c conda-forge graphviz'")) {
            assertTrue(message.contains(command), message);
        }
        assertEquals(1, message.split("[.;] [A-Z]|\\.$", -1).length - 1, "one sentence: " + message);
        assertTrue(message.lines().allMatch(line -> line.length() <= gradkit.check.PageWidth.COLUMNS), message);
    }

    @Test
    void dotIsFoundInAnyOfTheFoldersAsDotOrDotExe(@TempDir Path dir) throws IOException {
        Path bin = Files.createDirectory(dir.resolve("bin"));
        Path fake = program(bin.resolve("dot"));
        Path windows = program(Files.createDirectory(dir.resolve("win")).resolve("dot.exe"));
        assertEquals(fake, Graphviz.find(List.of(dir.resolve("nothing-here"), bin)));
        assertEquals(windows, Graphviz.find(List.of(dir.resolve("win"), bin)));
        Files.createFile(Files.createDirectory(dir.resolve("plain")).resolve("dot"));
        assertEquals(fake, Graphviz.find(List.of(dir.resolve("plain"), bin)), "a file that cannot run is not dot");
    }

    @Test
    void thePathIsSearchedFirstThenTheFoldersInstallersUse(@TempDir Path dir) {
        String path = String.join(File.pathSeparator, dir.resolve("a").toString(), "", dir.resolve("b").toString());
        List<Path> folders = Graphviz.searchFolders(path);
        assertEquals(List.of(dir.resolve("a"), dir.resolve("b")), folders.subList(0, 2), "empty entries left out");
        assertEquals(Graphviz.USUAL_FOLDERS, folders.subList(2, folders.size()));
        assertEquals(Graphviz.USUAL_FOLDERS, Graphviz.searchFolders(null));
        assertTrue(Graphviz.USUAL_FOLDERS.contains(Path.of("/opt/homebrew/bin")), "Homebrew's, on this system");
    }

    /** Without Graphviz (here: gradkit.dot names nothing), in a JVM of its own: the property is the JVM's. */
    @Test
    void theSystemPropertyNamesTheDotProgramOrNothing(@TempDir Path dir) throws Exception {
        Path absent = dir.resolve("dot");
        String said = runInChildJvm("-Dgradkit.dot=" + absent);
        assertTrue(said.startsWith("available=false located=null\n"), said);
        assertTrue(said.contains("which is not where gradkit.dot says;\n"), said);
        assertTrue(said.contains("GraphDrawing.toDot(value) needs nothing installed"), said);
        Path fake = program(dir.resolve("my-dot"));
        assertTrue(runInChildJvm("-Dgradkit.dot=" + fake).startsWith("available=true located=" + fake + "\n"));
    }

    /** Prints what Graphviz finds in a child JVM with these options, and what drawing says when it finds nothing. */
    private static String runInChildJvm(String option) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), option, GraphvizProbe.class.getName())
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), output);
        return output;
    }

    private static Path program(Path file) throws IOException {
        Files.createFile(file);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
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
