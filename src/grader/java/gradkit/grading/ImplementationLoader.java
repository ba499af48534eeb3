package gradkit.grading;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The class loader of one implementation that a student's tests are run against (exercise 12): the
 * classes in its folder come from there even when the library has a class of the same name, so the
 * student's tests, loaded below it, call this implementation's {@code gradkit.exercises.Rules}
 * rather than the library's. Every other class comes from the grader's class path as usual.
 *
 * <p>Each implementation is the same class in the same package, compiled by the grader from a source
 * that differs from the correct one only in the body of one rule, and loaded by a loader like this one
 * in a test JVM of its own ({@link ImplementationRuns}).
 *
 * <pre>{@code
 * ClassLoader rules = new ImplementationLoader(Path.of("work/ex12/tests/implementations/div-sign"),
 *         TestRunner.class.getClassLoader());
 * SandboxLoader student = new SandboxLoader("gradkit-test-0-student", studentFolder, rules, true);
 * }</pre>
 */
final class ImplementationLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    /** The binary names of the classes in the folder, listed once when the loader is made. */
    private final Set<String> own;

    /** @throws UncheckedIOException when the folder cannot be read */
    ImplementationLoader(Path classes, ClassLoader parent) {
        super("gradkit-implementation", new URL[] {url(classes)}, parent);
        this.own = classNames(classes);
    }

    /**
     * Listed here, while only the grader is on the stack: asking the folder later, while a student's
     * class is being linked, would be a file read with student code on the stack, which the policy refuses.
     */
    private static Set<String> classNames(Path classes) {
        try (Stream<Path> files = Files.walk(classes)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> classes.relativize(f).toString().replace(File.separatorChar, '.').replaceFirst("\\.class$", ""))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the implementation's classes in " + classes, e);
        }
    }

    private static URL url(Path classes) {
        try {
            return classes.toUri().toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException("Not a folder of classes: " + classes, e);
        }
    }

    /** Its own classes first, then the parent's: the implementation takes the place of the library's class. */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null && own.contains(name)) {
                c = findClass(name);
            }
            if (c == null) {
                return super.loadClass(name, resolve);
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }
}
