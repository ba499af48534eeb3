package gradkit.viz;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs Graphviz's {@code dot} program: DOT text in, a picture (PNG, SVG) or a layout out. This is
 * all that {@link GraphDrawing} needs of the outside world, kept apart from the drawing itself.
 *
 * <pre>{@code
 * byte[] png = Graphviz.run("digraph { a -> b }", "png");
 * double inches = Graphviz.layoutWidthInches("digraph { a -> b }");
 * }</pre>
 */
final class Graphviz {

    /** How long {@code dot} may take before it is stopped. */
    static final long TIMEOUT_SECONDS = 60;

    /** Pixels per inch of Graphviz's PNG and SVG output. */
    static final double PIXELS_PER_INCH = 96;

    private Graphviz() {}

    /** Whether the {@code dot} program is on the PATH. */
    static boolean available() {
        return find(System.getenv("PATH")) != null;
    }

    /** The {@code dot} program in one of the directories of a PATH-like list, or null. */
    static Path find(String path) {
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "dot");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * The {@code dot} program found on a PATH-like list of directories.
     *
     * @throws IllegalStateException saying how to install Graphviz, if there is none
     */
    static Path require(String path) {
        Path dot = find(path);
        if (dot == null) {
            throw new IllegalStateException("Drawing a graph needs Graphviz's dot program, which is not installed "
                    + "(not found on the PATH). Install it with 'apt-get install graphviz' (or run "
                    + "'./kit notebook', which installs it). GraphDrawing.toDot(value) needs nothing and "
                    + "gives the same graph as text.");
        }
        return dot;
    }

    /**
     * The width in inches of the picture {@code dot} would draw from this text, read from its
     * {@code plain} output, whose first line is {@code graph <scale> <width> <height>}.
     */
    static double layoutWidthInches(String dotText) {
        String plain = new String(run(dotText, "plain"), StandardCharsets.UTF_8);
        String[] first = plain.lines().findFirst().orElse("").trim().split("\\s+");
        if (first.length < 4 || !first[0].equals("graph")) {
            throw new IllegalStateException("Graphviz's dot gave a layout that does not start with "
                    + "'graph <scale> <width> <height>': " + plain.lines().findFirst().orElse("(nothing)"));
        }
        return Double.parseDouble(first[1]) * Double.parseDouble(first[2]);
    }

    /**
     * Runs {@code dot -T<format>} with the DOT text on its standard input and returns its standard
     * output. Input, output and error each get their own thread, so that a full pipe never blocks
     * the others (the classic deadlock when a process writes more than a pipe holds).
     */
    static byte[] run(String dotText, String format) {
        Process process = start(format);
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Thread writer = new Thread(() -> {
            try (OutputStream in = process.getOutputStream()) {
                in.write(dotText.getBytes(StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // dot closed its input early; its exit code and error output will tell why
            }
        }, "dot-stdin");
        Thread outReader = copier(process.getInputStream(), stdout, "dot-stdout");
        Thread errReader = copier(process.getErrorStream(), stderr, "dot-stderr");
        writer.start();
        outReader.start();
        errReader.start();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Graphviz's dot did not finish within " + TIMEOUT_SECONDS
                        + " seconds; draw a smaller expression.");
            }
            writer.join();
            outReader.join();
            errReader.join();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Graphviz's dot.", e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("Graphviz's dot failed with exit code " + process.exitValue() + ": "
                    + stderr.toString(StandardCharsets.UTF_8).trim());
        }
        return stdout.toByteArray();
    }

    /** {@code dot -T<format>}, found on the PATH and started. */
    private static Process start(String format) {
        Path dot = require(System.getenv("PATH"));
        try {
            return new ProcessBuilder(dot.toString(), "-T" + format.toLowerCase(Locale.ROOT)).start();
        } catch (IOException e) {
            throw new IllegalStateException("Could not start Graphviz's dot program at " + dot + ": " + e.getMessage(), e);
        }
    }

    private static Thread copier(InputStream from, ByteArrayOutputStream to, String name) {
        Thread thread = new Thread(() -> {
            try (from) {
                from.transferTo(to);
            } catch (IOException ignored) {
                // the process was stopped; what was read so far is kept
            }
        }, name);
        thread.setDaemon(true);
        return thread;
    }
}
