package gradkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClasspathMagicsTest {

    @TempDir
    Path dir;

    @Test
    void classpathTakesFoldersAndJarsSeparatedAsOnACommandLine() throws IOException {
        Path classes = Files.createDirectory(dir.resolve("classes"));
        Path jar = Files.createFile(dir.resolve("a.jar"));
        List<String> added = new ArrayList<>();
        new ClasspathMagics(added::add).classpath(List.of(classes + File.pathSeparator + jar));
        assertEquals(List.of(classes.toString(), jar.toString()), added);
    }

    @Test
    void jarsTakesOnlyTheJarsAGlobMatches() throws IOException {
        Path lib = Files.createDirectory(dir.resolve("lib"));
        Path b = Files.createFile(lib.resolve("b.jar"));
        Path a = Files.createFile(lib.resolve("a.jar"));
        Files.createFile(lib.resolve("notes.txt"));
        List<String> added = new ArrayList<>();
        new ClasspathMagics(added::add).jars(List.of(lib + "/*"));
        assertEquals(List.of(a.toString(), b.toString()), added);
    }

    @Test
    void aPathThatNamesNothingIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ClasspathMagics(p -> { }).classpath(List.of(dir.resolve("missing").toString())));
        assertEquals(true, e.getMessage().contains("missing"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ClasspathMagics(p -> { }).classpath(List.of()));
    }
}
