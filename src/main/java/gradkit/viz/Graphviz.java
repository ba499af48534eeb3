package gradkit.viz;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 *
 * <p>Graphviz is optional: students' laptops often lack it. Where {@code dot} is, it is found in the
 * folders of the PATH, then in the folders its installers use where a PATH may not reach
 * ({@link #USUAL_FOLDERS}: Homebrew's, and Graphviz's own on Windows). The system property
 * {@value #DOT_PROPERTY} names the program instead, for a {@code dot} elsewhere; naming one that
 * does not exist is how the tests run the notebooks as on a machine without Graphviz.
 */
final class Graphviz {

    /** How long {@code dot} may take before it is stopped. */
    static final long TIMEOUT_SECONDS = 60;

    /** Pixels per inch of Graphviz's PNG and SVG output. */
    static final double PIXELS_PER_INCH = 96;

    /**
     * The system property that names the {@code dot} program to use (a path); when it is set, the
     * PATH is not searched. {@code System.setProperty("gradkit.dot", "C:\\Graphviz\\bin\\dot.exe")}
     * in a notebook cell, or {@code -Dgradkit.dot=/opt/graphviz/bin/dot} when starting Java.
     */
    static final String DOT_PROPERTY = "gradkit.dot";

    /**
     * Where Graphviz's installers put {@code dot}, searched after the PATH: a Jupyter started from
     * macOS's Dock, or before Graphviz was installed on Windows, may not have them on its PATH.
     */
    static final List<Path> USUAL_FOLDERS = File.separatorChar == '\\'
            ? List.of(Path.of("C:\\Program Files\\Graphviz\\bin"), Path.of("C:\\Program Files (x86)\\Graphviz\\bin"))
            : List.of(Path.of("/opt/homebrew/bin"), Path.of("/usr/local/bin"));

    /** The file names {@code dot} has: {@code dot.exe} on Windows. */
    private static final List<String> NAMES = List.of("dot", "dot.exe");

    private Graphviz() {}

    /** Whether the {@code dot} program is there (see {@link #locate()}). */
    static boolean available() {
        return locate() != null;
    }

    /**
     * The {@code dot} program this JVM uses, or null: the one {@value #DOT_PROPERTY} names if that
     * property is set (null if nothing runnable is there), else the first found on the PATH or in
     * the {@link #USUAL_FOLDERS}.
     */
    static Path locate() {
        String named = System.getProperty(DOT_PROPERTY);
        if (named != null) {
            try {
                Path dot = Path.of(named);
                return isProgram(dot) ? dot : null;
            } catch (InvalidPathException notAPath) {
                return null;
            }
        }
        return find(searchFolders(System.getenv("PATH")));
    }

    /** The folders of a PATH-like list (empty entries left out), then the {@link #USUAL_FOLDERS}. */
    static List<Path> searchFolders(String path) {
        List<Path> folders = new ArrayList<>();
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                if (!dir.isEmpty()) {
                    folders.add(Path.of(dir));
                }
            }
        }
        folders.addAll(USUAL_FOLDERS);
        return folders;
    }

    /** The {@code dot} program ({@code dot} or {@code dot.exe}) in the first of these folders that has one, or null. */
    static Path find(List<Path> folders) {
        for (Path folder : folders) {
            for (String name : NAMES) {
                Path candidate = folder.resolve(name);
                if (isProgram(candidate)) {
                    return candidate;
                }
            }
        }
        return null;
    }

    private static boolean isProgram(Path file) {
        return Files.isRegularFile(file) && Files.isExecutable(file);
    }

    /**
     * What a notebook shows instead of a drawing where there is no {@code dot}: what is missing and
     * how to install it on each system, one sentence in lines that fit a notebook's page.
     */
    static String notInstalledMessage() {
        String where = System.getProperty(DOT_PROPERTY) == null ? "which was not found on this machine"
                : "which is not where " + DOT_PROPERTY + " says";
        return "No picture: drawing a graph needs Graphviz's dot program, " + where + ";\n"
                + "install it with 'sudo apt-get install graphviz' (Debian, Ubuntu), 'brew install graphviz' (macOS),\n"
                + "'winget install graphviz' (Windows) or 'conda install -c conda-forge graphviz', then draw again.";
    }

    /**
     * The {@code dot} program (see {@link #locate()}).
     *
     * @throws IllegalStateException saying how to install Graphviz, if there is none
     */
    static Path require() {
        Path dot = locate();
        if (dot == null) {
            throw new IllegalStateException(notInstalledMessage()
                    + "\nGraphDrawing.toDot(value) needs nothing installed and gives the same graph as text.");
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

    /** {@code dot -T<format>}, found ({@link #require()}) and started. */
    private static Process start(String format) {
        Path dot = require();
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
