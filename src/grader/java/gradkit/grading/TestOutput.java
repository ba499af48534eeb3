package gradkit.grading;

import java.io.OutputStream;
import java.security.AccessController;
import java.security.PrivilegedAction;
import java.util.Optional;

/**
 * System.out and System.err of the test JVM: what the running test prints is kept for its report
 * (capped, {@link CappedBuffer}); what anything else prints is dropped. "The running test" is decided
 * per write, by who writes, not by when: the first class on the writing thread's stack that was loaded
 * for a test (its student or test class loader) names the test, so a finalizer, a Cleaner or a pool
 * task an earlier test left behind, which runs that test's code on a JDK thread, cannot print into a
 * later test's output. A write with no such class on the stack (the JDK reporting an uncaught
 * exception, the library) counts for the running test when its thread belongs to that test's group.
 *
 * <pre>{@code
 * TestOutput output = new TestOutput(4000);          // before the security policy: it walks stacks
 * System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
 * output.begin(group);
 * output.loaders(studentLoader, testLoader);          // once the test's classes have their loaders
 * String printed = output.end();
 * }</pre>
 */
@SuppressWarnings("removal")   // AccessController: Java 17 to 23, like the rest of the policy
final class TestOutput extends OutputStream {
    private final CappedBuffer kept;
    private final StackWalker walker = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    /** The running test, or null between tests (when everything printed is dropped). */
    private volatile Owner running;

    /** Whose output is kept: a test's thread group and, once they exist, its two class loaders. */
    private record Owner(ThreadGroup group, ClassLoader student, ClassLoader tests) {
        boolean owns(ClassLoader loader) {
            return loader == student || loader == tests;
        }
    }

    /** Keeps at most {@code limit} bytes per test. Build it before the policy is installed. */
    TestOutput(int limit) {
        this.kept = new CappedBuffer(limit);
    }

    /** A test starts on a thread of {@code group}: its output from now on is kept, an earlier one's is gone. */
    void begin(ThreadGroup group) {
        kept.reset();
        running = new Owner(group, null, null);
    }

    /** The running test's classes are loaded by these two (before any of them runs). */
    void loaders(ClassLoader student, ClassLoader tests) {
        Owner owner = running;
        if (owner != null) {
            running = new Owner(owner.group(), student, tests);
        }
    }

    /** The test has ended: what it printed; nothing printed from now on is kept. */
    String end() {
        running = null;
        return kept.text();
    }

    @Override
    public void write(int b) {
        if (fromRunningTest()) {
            kept.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (fromRunningTest()) {
            kept.write(b, off, len);
        }
    }

    private boolean fromRunningTest() {
        Owner owner = running;
        if (owner == null) {
            return false;
        }
        Optional<ClassLoader> writer = AccessController.doPrivileged((PrivilegedAction<Optional<ClassLoader>>) () ->
                walker.walk(frames -> frames.map(f -> f.getDeclaringClass().getClassLoader())
                        .filter(l -> l instanceof SandboxLoader).findFirst()));
        if (writer.isPresent()) {
            return owner.owns(writer.get());
        }
        ThreadGroup group = Thread.currentThread().getThreadGroup();
        return group != null && owner.group().parentOf(group);
    }
}
