package gradkit.courses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packager's command line: what it writes for the exercises named, and a sentence and status 2 for a mistake. */
class PackageTest {
    @TempDir
    Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Package.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void theZipGradesTheExercisesNamedOnTheJdkNamed() throws IOException {
        Path zip = dir.resolve("a.zip");
        assertEquals(Package.OK, run("gradescope", "--jdk", "21", "--out", zip.toString(), "6", "Ex01DifferenceQuotients"));
        try (FileSystem fs = FileSystems.newFileSystem(zip)) {
            CourseSettings settings = CourseSettings.read(fs.getPath("gradkit/settings.properties"));
            assertEquals(21, settings.jdk());
            assertEquals(java.util.List.of("ex06", "ex01"), settings.exercises());
            assertTrue(Files.exists(fs.getPath("gradkit/tests/Ex06KinkRulesTest.java")));
            assertTrue(Files.readString(fs.getPath("gradkit/not-graded.json")).contains(GradescopePackage.REASON));
            assertTrue(Files.notExists(fs.getPath("gradkit/" + GradescopeRun.LATE_POLICY)), "no policy given, none carried");
        }
    }

    @Test
    void mistakesGetASentenceAndStatusTwo() {
        assertEquals(Package.USAGE, run("moodle"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Expected \"gradescope\" or \"classroom\""));
        assertEquals(Package.USAGE, run("gradescope", "--jdk", "11", "--out", dir.resolve("b.zip").toString()));
        assertEquals(Package.USAGE, run("classroom", "--out", dir.toString(), "ex99"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("No exercise ex99"));
        assertEquals(Package.USAGE, run("gradescope", "--frobnicate"));
        Path policy = dir.resolve("late.properties");
        assertEquals(Package.USAGE, run("gradescope", "--late-policy", policy.toString(), "--out", dir.resolve("c.zip").toString()),
                "a missing policy file");
    }
}
