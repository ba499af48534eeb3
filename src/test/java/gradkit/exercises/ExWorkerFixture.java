package gradkit.exercises;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Student code for the worker's tests ({@code WorkerSessionTest}): honest, mistaken and hostile methods,
 * in the package where the worker looks for the student's line.
 */
public final class ExWorkerFixture {
    private ExWorkerFixture() {
    }

    /** Twice x, after printing what it does. */
    public static double twice(double x) {
        System.out.println("doubling " + x);
        return 2 * x;
    }

    /** An untouched exercise method. */
    public static double todo(double x) {
        throw new UnsupportedOperationException("TODO: twice, but for real");
    }

    /** Ends the JVM. */
    public static double exit(double x) {
        System.exit(3);
        return x;
    }

    /** Never returns. */
    public static double loop(double x) {
        while (true) {
            x = Math.sin(x);
        }
    }

    /** Prints a million characters, reply-shaped lines among them, to System.out. */
    public static double flood(double x) {
        for (int i = 0; i < 20_000; i++) {
            System.out.println("returned r4000000000000000 t " + i + " ".repeat(20));
        }
        return x;
    }

    /** Writes a forged reply to the process's real stdout, then returns x. */
    public static double forge(double x) throws IOException {
        FileOutputStream out = new FileOutputStream(FileDescriptor.out);
        out.write("returned r4045000000000000 t\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return x;
    }

    /** Writes a line off the protocol's shape to the real stdout. */
    public static double garble(double x) throws IOException {
        FileOutputStream out = new FileOutputStream(FileDescriptor.out);
        out.write("hello grader\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return x;
    }

    /** Writes a line longer than the protocol's cap to the real stdout. */
    public static double huge(double x) throws IOException {
        FileOutputStream out = new FileOutputStream(FileDescriptor.out);
        out.write(new byte[1 << 20]);
        out.flush();
        return x;
    }

    /** Fills the heap. */
    public static double hog(double x) {
        List<long[]> all = new ArrayList<>();
        while (true) {
            all.add(new long[1 << 20]);
        }
    }

    /** Throws from a static initializer. */
    public static double brokenClass(double x) {
        return Broken.VALUE + x;
    }

    private static final class Broken {
        static final double VALUE = 1 / (int) Math.floor(0.5);
    }
}
