package gradkit.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.tools.ToolProvider;

/**
 * A tiny library compiled at test time into a folder of classes, as {@code target/kit-classes} is
 * for the notebooks: {@code spin.Spin}, whose methods run until they are stopped and count their
 * turns in {@code Spin.turns} (or in a counter they are given), so a test can see whether they still run.
 */
final class LibraryOnTheFly {

    static final String SOURCE = String.join("\n",
            "package spin;",
            "public class Spin implements Runnable {",
            "    public static volatile long turns;",
            "    /** A loop that never looks at interrupts. */",
            "    public static void forever() { while (true) { turns++; } }",
            "    /** Naive Fibonacci: years of calls for n = 60. */",
            "    public static long fib(int n) { turns++; return n < 2 ? n : fib(n - 1) + fib(n - 2); }",
            "    /** A sleeping loop that swallows every interrupt. */",
            "    public static void swallowing() {",
            "        while (true) { try { Thread.sleep(1); } catch (InterruptedException ignored) { } turns++; }",
            "    }",
            "    /** A loop that counts its turns in the caller's counter. */",
            "    public static void counting(java.util.concurrent.atomic.AtomicLong counter) {",
            "        while (true) { counter.incrementAndGet(); }",
            "    }",
            "    public void run() { forever(); }",
            "}");

    private LibraryOnTheFly() {
    }

    /** Compiles {@link #SOURCE} into {@code folder}; returns the folder. */
    static Path compileInto(Path folder) throws IOException {
        Path source = folder.resolve("src/spin/Spin.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE);
        Path classes = folder.resolve("classes");
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "--release", "17", "-d", classes.toString(), source.toString());
        if (status != 0) {
            throw new IllegalStateException("expected spin.Spin to compile, but javac exited with " + status);
        }
        return classes;
    }
}
