package gradkit.grading;

import java.util.Map;

/**
 * Whether a test left code of its own running where the runner cannot stop it: on the JDK's threads,
 * which are outside the test's thread group (a finalizer, a Cleaner action, a task on the common
 * pool). Such code could later use the CPU or the heap of the tests after it, or their output, so a
 * test that leaves any ends its JVM after its report, as a thread that would not stop does, and the
 * tests after it run in a fresh one.
 *
 * <p>How it is seen: each test's classes are loaded by class loaders named for tests
 * ({@link #loaderName}); after the test, garbage is collected, pending finalizers are run (waiting a
 * little for them), and then no thread's stack may hold a frame of a class so loaded.
 *
 * <pre>{@code
 * SandboxLoader student = new SandboxLoader(Leftovers.loaderName(3, true), classes, parent, true);
 * ...the test runs, its threads are stopped...
 * if (!Leftovers.none()) { report, then end this JVM }
 * }</pre>
 */
final class Leftovers {
    private static final String PREFIX = "gradkit-test-";
    /** How long pending finalizers may take before they count as still running. */
    private static final long FINALIZATION_WAIT_MILLIS = 300;

    private Leftovers() {
    }

    /** The name of test {@code index}'s class loader for the student's classes or for the test's. */
    static String loaderName(int index, boolean student) {
        return PREFIX + index + (student ? "-student" : "-tests");
    }

    /** True when no code of any test runs on any thread, once garbage is collected and finalizers have run. */
    @SuppressWarnings({"deprecation", "removal"})   // runFinalization: the way to run what a test left to finalize
    static boolean none() {
        System.gc();
        Thread finalization = new Thread(System::runFinalization, "grading-finalization");
        finalization.setDaemon(true);
        finalization.start();
        try {
            finalization.join(FINALIZATION_WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Map.Entry<Thread, StackTraceElement[]> thread : Thread.getAllStackTraces().entrySet()) {
            for (StackTraceElement frame : thread.getValue()) {
                String loader = frame.getClassLoaderName();
                if (loader != null && loader.startsWith(PREFIX)) {
                    return false;
                }
            }
        }
        return true;
    }
}
