package gradkit.courses;

import gradkit.grading.Grader;
import gradkit.grading.TestScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The built kit a package is made from: the grader's classes (target/grader-classes), the library
 * (target/classes), the dependency jars (listed in target/classpath.txt: Jackson, JUnit with its
 * launcher, ...) and the grading tests (src/grading/java/gradkit/exercises, with exercise 12's
 * implementations in its folder implementations/, and the probes beside them in
 * src/grading/java/gradkit/probes). A package carries all of them, so that grading needs neither
 * Maven nor the network.
 *
 * <pre>{@code
 * KitBuild kit = KitBuild.here();          // the kit's folder, after mvn compile
 * kit.copyInto(bundle, "gradkit/");        // gradkit/grader-classes, classes, lib/, tests/, classpath.txt
 * }</pre>
 *
 * @param root the kit's folder
 */
public record KitBuild(Path root) {
    /** Where a bundle keeps the grading tests, below its prefix. */
    static final String TESTS = "tests";
    /** The file, below a bundle's prefix, that lists its class path (relative to the bundle's root), one line. */
    static final String CLASSPATH_FILE = "classpath.txt";

    /** The kit in the current folder; an IllegalStateException says what to build when a piece is missing. */
    public static KitBuild here() {
        KitBuild kit = new KitBuild(Path.of("").toAbsolutePath());
        for (Path needed : List.of(kit.graderClasses(), kit.libraryClasses(), kit.root.resolve("target/classpath.txt"),
                kit.tests())) {
            if (!Files.exists(needed)) {
                throw new IllegalStateException(needed + " is missing: run this from the kit's folder after"
                        + " `mvn -q compile` (./kit builds it).");
            }
        }
        return kit;
    }

    Path graderClasses() {
        return root.resolve("target/grader-classes");
    }

    Path libraryClasses() {
        return root.resolve("target/classes");
    }

    Path tests() {
        return root.resolve(Grader.DEFAULT_TESTS);
    }

    /** The dependency jars, from target/classpath.txt. */
    List<Path> jars() {
        try {
            String line = Files.readString(root.resolve("target/classpath.txt")).strip();
            return Stream.of(line.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read target/classpath.txt", e);
        }
    }

    /** The exercise ids {@code names} stand for (all when empty); an IllegalArgumentException names the unknown one. */
    List<String> exercises(List<String> names) {
        List<String> ids = new ArrayList<>();
        List<TestScanner.Exercise> all = TestScanner.scan(tests());
        for (String name : names) {
            String digits = name.replaceAll("\\D", "");
            String id = digits.isEmpty() ? name : String.format("ex%02d", Integer.parseInt(digits));
            if (all.stream().noneMatch(e -> e.id().equals(id))) {
                throw new IllegalArgumentException("No exercise " + name + "; the exercises are "
                        + all.stream().map(TestScanner.Exercise::id).toList() + ".");
            }
            ids.add(id);
        }
        return ids;
    }

    /**
     * Copies the grader, the library, the jars and the grading tests below {@code prefix} ("gradkit/")
     * and writes {@code prefix + classpath.txt}: the class path, relative to the bundle's root.
     */
    void copyInto(Bundle bundle, String prefix) {
        bundle.copyTree(graderClasses(), prefix + "grader-classes");
        bundle.copyTree(libraryClasses(), prefix + "classes");
        List<String> classpath = new ArrayList<>(List.of(prefix + "grader-classes", prefix + "classes"));
        for (Path jar : jars()) {
            String name = prefix + "lib/" + jar.getFileName();
            bundle.copyFile(jar, name, false);
            classpath.add(name);
        }
        try (Stream<Path> files = Files.list(tests())) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                bundle.copyFile(f, prefix + TESTS + "/" + f.getFileName(), false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the grading tests in " + tests(), e);
        }
        Path probes = tests().resolveSibling("probes");   // beside the tests, where the grader looks for them
        if (Files.isDirectory(probes)) {
            bundle.copyTree(probes, prefix + "probes");
        }
        Path implementations = tests().resolve("implementations");   // exercise 12's hidden implementations
        if (Files.isDirectory(implementations)) {
            bundle.copyTree(implementations, prefix + TESTS + "/implementations");
        }
        bundle.text(prefix + CLASSPATH_FILE, String.join(":", classpath) + "\n", false);
    }

    /** A script or template of the packages, kept in src/grader/courses/ (text, LF line ends). */
    String template(String name) {
        try {
            return Files.readString(root.resolve("src/grader/courses").resolve(name)).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the template src/grader/courses/" + name, e);
        }
    }
}
