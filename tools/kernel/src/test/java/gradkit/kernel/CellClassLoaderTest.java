package gradkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stop checks woven into a library's classes end its loops and recursions when the signal is
 * raised, with nothing else at work (no interrupt, no Thread.stop): the truth is the library's own
 * counter of turns, which stops advancing.
 */
class CellClassLoaderTest {

    @TempDir
    static Path folder;
    private static Path classes;

    @BeforeAll
    static void compileTheLibrary() throws Exception {
        classes = LibraryOnTheFly.compileInto(folder);
    }

    @AfterEach
    void lowerTheSignal() {
        StopSignal.lower();
    }

    @Test
    void aLoopThatNeverLooksAtInterruptsEndsAtTheNextTurn() throws Exception {
        assertStopsAtTheSignal("forever");
    }

    @Test
    void aRecursionEndsAtTheNextCall() throws Exception {
        assertStopsAtTheSignal("fib");
    }

    @Test
    void aLoopThatSwallowsInterruptsEnds() throws Exception {
        assertStopsAtTheSignal("swallowing");
    }

    @Test
    void theLibrarysClassesSayTheyComeFromTheirFolderAsOnAClassPath() throws Exception {
        Class<?> spin = libraryLoader().loadClass("spin.Spin");
        assertEquals(classes.toUri().toURL(), spin.getProtectionDomain().getCodeSource().getLocation());
        assertTrue(Runnable.class.isAssignableFrom(spin), "the library sees the JDK's classes");
    }

    private static ClassLoader libraryLoader() throws Exception {
        CellClassLoader loader = new CellClassLoader();
        loader.addToClasspath(classes.toString());
        return loader.classLoader();
    }

    /** Runs Spin's method on a thread until it has turned, raises the signal, and checks it ended. */
    private static void assertStopsAtTheSignal(String methodName) throws Exception {
        Class<?> spin = libraryLoader().loadClass("spin.Spin");
        Method method = methodName.equals("fib") ? spin.getMethod("fib", int.class) : spin.getMethod(methodName);
        Object[] arguments = methodName.equals("fib") ? new Object[] {60} : new Object[0];
        AtomicReference<Throwable> ended = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                method.invoke(null, arguments);
            } catch (ReflectiveOperationException e) {
                ended.set(e.getCause());
            }
        });
        thread.setDaemon(true);   // should it not stop, the test fails and the JVM may still end
        thread.start();
        long started = System.nanoTime();
        while (turns(spin) < 10 && System.nanoTime() - started < 10_000_000_000L) {
            Thread.sleep(10);
        }
        assertTrue(turns(spin) >= 10, "expected Spin." + methodName + " to be running before the stop");

        StopSignal.raise();
        thread.join(5_000);

        assertFalse(thread.isAlive(), "expected Spin." + methodName + " to end within 5 s of the signal");
        assertTrue(ended.get() instanceof StopSignal.CellStopped, "it ended with " + ended.get());
        long after = turns(spin);
        Thread.sleep(200);
        assertEquals(after, turns(spin), "the counter of turns stopped advancing");
    }

    private static long turns(Class<?> spin) throws ReflectiveOperationException {
        return spin.getField("turns").getLong(null);
    }
}
