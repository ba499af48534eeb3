package gradkit.grading.client;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * The class loader of one exercise's grading tests in the grader's JVM, which carries that exercise's
 * {@link WorkerSession}: the tests find it as their thread's context class loader
 * ({@link StudentCode#current()}), so two exercises graded at once never share a worker. It loads the
 * tests' classes only; no student class is on its path.
 *
 * <pre>{@code
 * try (ExerciseLoader tests = new ExerciseLoader(new URL[] {testsFolder.toUri().toURL()}, parent, session, seed,
 *         studentClasses)) {
 *     Thread.currentThread().setContextClassLoader(tests);
 *     ...
 * }
 * }</pre>
 */
public final class ExerciseLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private final WorkerSession session;
    private final long seed;
    private final Path studentClasses;

    /**
     * Loads from {@code urls}, then from {@code parent}; the tests it loads call student code through
     * {@code session}, draw their inputs from {@code seed}, and may read (never load) the student's class
     * files in the folder {@code studentClasses}.
     */
    public ExerciseLoader(URL[] urls, ClassLoader parent, WorkerSession session, long seed, Path studentClasses) {
        super("grading-tests", urls, parent);
        this.session = session;
        this.seed = seed;
        this.studentClasses = studentClasses;
    }

    /** The folder of the student's compiled classes of this exercise (read as files; never on this loader's path). */
    public Path studentClasses() {
        return studentClasses;
    }

    /** The seed of this grading run's drawn inputs (what -Dgradkit.seed is in a test JVM). */
    public long seed() {
        return seed;
    }

    /** The worker session of the exercise these tests grade. */
    public WorkerSession session() {
        return session;
    }
}
