package gradkit.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs JShell's snippets inside the kernel's own JVM, each on a fresh thread, so that a snippet can
 * be stopped while the kernel goes on answering.
 *
 * <p>Running in the same JVM (as IJava does) lets a cell's value reach the kernel as the object it
 * is, not as a string: a {@code BufferedImage} can then be shown as a picture. {@link #invoke}
 * therefore keeps each value under a key and hands JShell the key; {@link #takeValue} gives the
 * object back.
 *
 * <p>Stopping ({@link #stop}, Kernel > Interrupt) escalates until the cell is free:
 * <ol>
 *   <li>the {@link StopSignal} is raised and the snippet's thread interrupted. Every class a cell
 *       runs is loaded woven with stop checks ({@link CellClassLoader}), so the next loop turn or
 *       method call of the cell's code or of the library throws, and the interrupt ends
 *       {@code Thread.sleep}, {@code wait} and anything else that checks for interrupts. This ends
 *       almost every cell at once, on every JDK;</li>
 *   <li>after {@link #STOP_AFTER_MILLIS}, on JDK 17 to 19 only, the thread is stopped with
 *       {@code Thread.stop}: it adds one thing, ending a long loop inside the JDK's own code
 *       ({@code BigInteger.pow}, a stream's loop), which carries no checks. Later JDKs refuse
 *       ({@code UnsupportedOperationException}) or have no such method; neither is tried there;</li>
 *   <li>after {@link #ABANDON_AFTER_MILLIS} more, a thread still running (blocked in the operating
 *       system, or in the JDK's code on JDK 20 and later) is left behind: the cell finishes as
 *       interrupted with a message that says so, and the kernel takes the next one. The thread runs
 *       on until it ends or Kernel > Restart.</li>
 * </ol>
 * Whatever happens, the cell gets its reply and every earlier variable keeps its value. The signal
 * stays raised until the next snippet starts, so threads the stopped cell started (a parallel
 * stream's workers) stop too.
 */
final class StoppableExecution extends DirectExecutionControl {

    static final long STOP_AFTER_MILLIS = 500;
    static final long ABANDON_AFTER_MILLIS = 2_500;
    /** The last JDK that still stops a thread with {@code Thread.stop}. */
    private static final int LAST_JDK_WITH_THREAD_STOP = 19;
    /**
     * Whether step 2 is tried: on JDK 17 to 19, unless the kernel's JVM runs with
     * {@code -Dgradkit.kernel.threadStop=never}, which makes it stop cells as it does on JDK 20 and
     * later (to see on one JDK what students on the others get).
     */
    private static final boolean USE_THREAD_STOP = Runtime.version().feature() <= LAST_JDK_WITH_THREAD_STOP
            && !"never".equals(System.getProperty("gradkit.kernel.threadStop"));
    private static final String KEY_PREFIX = "gradkit-kernel-value-";

    /** The snippet running now, or null; read and written under this object's lock. */
    private Running running;
    /** An interrupt that came while no snippet ran (the cell was compiling): the next one stops at once. */
    private boolean stopPending;
    private volatile boolean lastWasStopped;
    private volatile boolean lastWasLeftRunning;
    private final CellClassLoader classes;
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();

    /** A snippet's thread, the outcome the kernel waits for, and whether a stop was asked for. */
    private record Running(Thread thread, CompletableFuture<Object> outcome, AtomicBoolean stopAsked) {
    }

    /** Signals that the snippet was stopped, not that it failed. */
    private static class Stopped extends Exception {
        private static final long serialVersionUID = 1L;
    }

    /** Signals that the snippet was given up while still running (see the class comment, step 3). */
    private static final class LeftRunning extends Stopped {
        private static final long serialVersionUID = 1L;
    }

    StoppableExecution() {
        this(new CellClassLoader());
    }

    private StoppableExecution(CellClassLoader classes) {
        super(classes);
        this.classes = classes;
    }

    /** The provider JShell asks for its execution engine; it always hands out this instance. */
    ExecutionControlProvider provider() {
        StoppableExecution self = this;
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "gradkit-stoppable";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return self;
            }
        };
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        AtomicBoolean stopAsked = new AtomicBoolean();
        Thread thread = new Thread(() -> runSnippet(doit, outcome, stopAsked), "cell");
        thread.setDaemon(true);   // an abandoned snippet must not keep the JVM alive at shutdown
        thread.setContextClassLoader(classes.classLoader());
        Running now = new Running(thread, outcome, stopAsked);
        synchronized (this) {
            if (stopPending) {
                lastWasStopped = true;
                throw new StoppedException();
            }
            StopSignal.lower();   // a stop meant for an earlier snippet (and the threads it started) ends here
            running = now;
        }
        thread.start();
        try {
            Object value = now.outcome().get();
            endedByItself();
            String key = KEY_PREFIX + keys.incrementAndGet();
            if (value != null) {
                values.put(key, value);
            }
            return key;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Stopped) {
                lastWasStopped = true;
                lastWasLeftRunning = e.getCause() instanceof LeftRunning;
                throw new StoppedException();
            }
            endedByItself();
            throw (Exception) e.getCause();   // an InvocationTargetException: the user's exception
        } finally {
            synchronized (this) {
                running = null;
            }
        }
    }

    /**
     * The snippet returned or threw by itself: an interrupt that came too late must not hit what
     * follows on the kernel's thread (JShell reading the exception's message, the value's
     * {@code toString}, both perhaps woven code).
     */
    private synchronized void endedByItself() {
        StopSignal.lower();
        running = null;
    }

    /** On the snippet's thread: runs it and records how it ended. */
    private static void runSnippet(Method doit, CompletableFuture<Object> outcome, AtomicBoolean stopAsked) {
        try {
            outcome.complete(doit.invoke(null));
        } catch (Throwable t) {
            // After a stop was asked for, any way of ending (CellStopped, InterruptedException, ThreadDeath,
            // an exception of the user's code reacting to one of them) counts as stopped.
            boolean stopped = stopAsked.get();
            Throwable failure = t instanceof InvocationTargetException ? t : new InvocationTargetException(t);
            outcome.completeExceptionally(stopped ? new Stopped() : failure);
        }
    }

    /**
     * Stops the running snippet as the class comment says, or, if none runs (its cell is still
     * being compiled), the next one before it starts, until {@link #newCell()}; returns at once.
     */
    @Override
    public void stop() {
        Running now;
        synchronized (this) {
            now = running;
            if (now == null) {
                stopPending = true;
                return;
            }
            now.stopAsked().set(true);
            StopSignal.raise();
        }
        now.thread().interrupt();
        Thread escalation = new Thread(() -> escalate(now), "cell-stopper");
        escalation.setDaemon(true);
        escalation.start();
    }

    /** Steps 2 and 3 of the class comment, for a snippet the stop signal has not ended. */
    private static void escalate(Running now) {
        if (finishesWithin(now, STOP_AFTER_MILLIS)) {
            return;
        }
        if (USE_THREAD_STOP) {
            stopThread(now.thread());
        }
        if (!finishesWithin(now, ABANDON_AFTER_MILLIS)) {
            now.outcome().completeExceptionally(new LeftRunning());
        }
    }

    /** {@code Thread.stop}, if this JDK has it and does it; never throws. */
    @SuppressWarnings({"deprecation", "removal"})   // the one way to end a loop in the JDK's own code, up to JDK 19
    private static void stopThread(Thread thread) {
        try {
            thread.stop();
        } catch (UnsupportedOperationException | NoSuchMethodError refused) {
            // a JDK that refuses or has removed it: the thread is left behind (step 3)
        }
    }

    private static boolean finishesWithin(Running now, long millis) {
        try {
            now.outcome().get(millis, TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException e) {
            return true;   // it ended, with an exception
        }
    }

    /** A new cell begins: an interrupt meant for an earlier one is forgotten. */
    synchronized void newCell() {
        stopPending = false;
    }

    /** Forgets that a snippet was stopped, before the next one is evaluated (which may run nothing). */
    void resetStopped() {
        lastWasStopped = false;
        lastWasLeftRunning = false;
    }

    /** True if the last snippet ended because it was stopped. */
    boolean lastWasStopped() {
        return lastWasStopped;
    }

    /** True if the last snippet was stopped but its thread left running (step 3 of the class comment). */
    boolean lastWasLeftRunning() {
        return lastWasLeftRunning;
    }

    /** The value a snippet returned under this key (null if it had none), forgotten from here on. */
    Object takeValue(String key) {
        return key == null ? null : values.remove(key);
    }

    /** Forgets values no one took (of snippets before a cell's last one). */
    void forgetValues() {
        values.clear();
    }
}
