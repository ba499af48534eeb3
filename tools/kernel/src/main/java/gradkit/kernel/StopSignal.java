package gradkit.kernel;

/**
 * The stop check woven into every class a cell runs: the cells' own classes and those that
 * {@code %classpath} and {@code %jars} add ({@link StopCheckWeaver}). Kernel > Interrupt raises the
 * signal, and the next check on any thread running woven code throws {@link CellStopped}, which
 * unwinds the cell as an exception would.
 *
 * <pre>
 * // a cell's loop                       runs as
 * while (true) { }                       while (true) { StopSignal.check(); }
 * long fib(int n) { return ...; }        long fib(int n) { StopSignal.check(); return ...; }
 * </pre>
 *
 * <p>This is how JShell stops its in-process snippets since JDK 20 (its {@code LocalExecutionControl}),
 * where {@code Thread.stop} no longer works; it needs no help from the JDK, so it works the same on
 * every JDK. A check costs one read of a volatile field. The signal is static state on purpose:
 * woven code can call a static method but cannot be handed an object. One kernel runs one JShell, so
 * there is one signal per JVM.
 */
public final class StopSignal {

    /** True from an interrupt until the next snippet starts (see {@link StoppableExecution}). */
    private static volatile boolean raised;

    private StopSignal() {
    }

    /** Called by woven code at the start of every method and before every backward jump. */
    public static void check() {
        if (raised) {
            throw new CellStopped();
        }
    }

    /** From now on every check throws. */
    static void raise() {
        raised = true;
    }

    /** From now on checks pass again. */
    static void lower() {
        raised = false;
    }

    /**
     * Thrown by {@link #check()} once the signal is raised. An {@code Error}, not an
     * {@code Exception}, so that a cell's {@code catch (Exception e)} lets it through, as
     * {@code ThreadDeath} did; even a cell that catches it meets the next check.
     */
    public static final class CellStopped extends Error {
        private static final long serialVersionUID = 1L;

        CellStopped() {
            // no stack trace: a loop that catches Throwable may meet thousands of these
            super("the cell was interrupted (Kernel > Interrupt)", null, false, false);
        }
    }
}
