package gradkit.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The weaver reads the class files of every JDK the students have (JShell compiles cells for the
 * JDK it runs on: class file version 61 on JDK 17, 65 on 21, 69 on 25), whichever JDK runs this
 * test, and says so when it cannot.
 */
class StopCheckWeaverTest {

    @Test
    void classFilesOfJdk17To25AreWovenAndKeepTheirVersion(@TempDir Path folder) throws Exception {
        byte[] spin = Files.readAllBytes(LibraryOnTheFly.compileInto(folder).resolve("spin/Spin.class"));
        for (int version : new int[] {61, 65, 69}) {
            byte[] woven = StopCheckWeaver.weave(withVersion(spin, version));
            assertEquals(version, versionOf(woven));
            assertTrue(new String(woven, StandardCharsets.ISO_8859_1).contains("gradkit/kernel/StopSignal"),
                    "version " + version + " calls the stop check");
        }
    }

    @Test
    void aClassFileNewerThanTheWeaverKnowsIsRefused(@TempDir Path folder) throws Exception {
        byte[] spin = Files.readAllBytes(LibraryOnTheFly.compileInto(folder).resolve("spin/Spin.class"));
        assertThrows(IllegalArgumentException.class, () -> StopCheckWeaver.weave(withVersion(spin, 99)));
        assertArrayEquals(spin, Files.readAllBytes(folder.resolve("classes/spin/Spin.class")), "the input stays");
    }

    /** A copy with another major version (bytes 6 and 7 of a class file). */
    private static byte[] withVersion(byte[] classFile, int major) {
        byte[] copy = classFile.clone();
        copy[6] = (byte) (major >> 8);
        copy[7] = (byte) major;
        return copy;
    }

    private static int versionOf(byte[] classFile) {
        return (classFile[6] & 0xff) << 8 | classFile[7] & 0xff;
    }
}
