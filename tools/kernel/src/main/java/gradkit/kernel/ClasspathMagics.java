package gradkit.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.github.spencerpark.jupyter.kernel.magic.registry.LineMagic;
import io.github.spencerpark.jupyter.kernel.util.GlobFinder;

/**
 * {@code %classpath} and {@code %jars}, as in IJava: they add folders of classes and jars to what
 * the cells compile against and run with. Relative paths start at the kernel's working folder,
 * which Jupyter sets to the notebook's own folder.
 *
 * <pre>
 * %classpath ../target/kit-classes          a folder of classes (or a jar)
 * %classpath lib/a.jar:lib/b.jar            several, separated as on a java command line
 * %jars lib/*.jar                           every jar a glob matches
 * </pre>
 */
public final class ClasspathMagics {

    private final Consumer<String> addToClasspath;

    /** @param addToClasspath receives each absolute path to add */
    public ClasspathMagics(Consumer<String> addToClasspath) {
        this.addToClasspath = addToClasspath;
    }

    /** {@code %classpath PATH...}: folders and jars, each argument may hold several and globs. */
    @LineMagic
    public void classpath(List<String> args) throws IOException {
        for (Path path : resolve(args, false)) {
            addToClasspath.accept(path.toString());
        }
    }

    /** {@code %jars GLOB...}: the jar files that match. */
    @LineMagic
    public void jars(List<String> args) throws IOException {
        for (Path path : resolve(args, true)) {
            addToClasspath.accept(path.toString());
        }
    }

    /**
     * The absolute paths that arguments name: each argument split at the path separator, each
     * piece a path or a glob; a piece that names nothing is an error, so that a typo shows.
     */
    static List<Path> resolve(List<String> args, boolean jarsOnly) throws IOException {
        if (args.isEmpty()) {
            throw new IllegalArgumentException("expected at least one folder or jar after the magic, but got none");
        }
        List<Path> found = new ArrayList<>();
        for (String arg : args) {
            for (String piece : arg.split(File.pathSeparator)) {
                if (piece.isBlank()) {
                    continue;
                }
                List<Path> matches = matches(piece, jarsOnly);
                if (matches.isEmpty()) {
                    throw new IllegalArgumentException("expected " + (jarsOnly ? "jar files" : "a folder or a jar")
                            + " at " + piece + " (from " + Path.of("").toAbsolutePath() + "), but found none");
                }
                found.addAll(matches);
            }
        }
        return found;
    }

    private static List<Path> matches(String piece, boolean jarsOnly) throws IOException {
        List<Path> matches = new ArrayList<>();
        boolean glob = piece.contains("*") || piece.contains("?");
        if (!glob) {
            Path path = Path.of(piece).toAbsolutePath().normalize();
            if (Files.exists(path) && (!jarsOnly || isJar(path))) {
                matches.add(path);
            }
            return matches;
        }
        for (Path path : new GlobFinder(piece).computeMatchingPaths()) {
            Path absolute = path.toAbsolutePath().normalize();
            if (!jarsOnly || isJar(absolute)) {
                matches.add(absolute);
            }
        }
        matches.sort(null);
        return matches;
    }

    private static boolean isJar(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jar");
    }
}
