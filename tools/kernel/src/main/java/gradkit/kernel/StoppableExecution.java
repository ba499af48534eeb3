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
 *   <li>the snippet's thread is interrupted, which ends {@code Thread.sleep}, {@code wait} and
 *       anything else that checks for interrupts;</li>
 *   <li>after {@link #STOP_AFTER_MILLIS} it is stopped ({@code Thread.stop}), which ends even
 *       {@code while (true) {}} on JDK 17 to 19 (later JDKs refuse to stop threads);</li>
 *   <li>after {@link #ABANDON_AFTER_MILLIS} more, a thread still running (blocked in native code,
 *       or on a JDK that refuses step 2) is left behind: the cell finishes as interrupted and the
 *       kernel takes the next one. The orphan runs on until it ends or the kernel restarts.</li>
 * </ol>
 * Whatever happens, the cell gets its reply and every earlier variable keeps its value.
 */
final class StoppableExecution extends DirectExecutionControl {

    static final long STOP_AFTER_MILLIS = 500;
    static final long ABANDON_AFTER_MILLIS = 2_500;
    private static final String KEY_PREFIX = "gradkit-kernel-value-";

    /** The snippet running now, or null. */
    private volatile Running running;
    private volatile boolean lastWasStopped;
    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();

    /** A snippet's thread, the outcome the kernel waits for, and whether a stop was asked for. */
    private record Running(Thread thread, CompletableFuture<Object> outcome, AtomicBoolean stopAsked) {
    }

    /** Signals that the snippet was stopped, not that it failed. */
    private static final class Stopped extends Exception {
        private static final long serialVersionUID = 1L;
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
        lastWasStopped = false;
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        AtomicBoolean stopAsked = new AtomicBoolean();
        Thread thread = new Thread(() -> runSnippet(doit, outcome, stopAsked), "cell");
        thread.setDaemon(true);   // an abandoned snippet must not keep the JVM alive at shutdown
        thread.setContextClassLoader(doit.getDeclaringClass().getClassLoader());
        Running now = new Running(thread, outcome, stopAsked);
        running = now;
        thread.start();
        try {
            Object value = now.outcome().get();
            String key = KEY_PREFIX + keys.incrementAndGet();
            if (value != null) {
                values.put(key, value);
            }
            return key;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Stopped) {
                lastWasStopped = true;
                throw new StoppedException();
            }
            throw (Exception) e.getCause();   // an InvocationTargetException: the user's exception
        } finally {
            running = null;
        }
    }

    /** On the snippet's thread: runs it and records how it ended. */
    private static void runSnippet(Method doit, CompletableFuture<Object> outcome, AtomicBoolean stopAsked) {
        try {
            outcome.complete(doit.invoke(null));
        } catch (Throwable t) {
            // After a stop was asked for, any way of ending (InterruptedException, ThreadDeath, an
            // exception of the user's code reacting to either) counts as stopped.
            boolean stopped = stopAsked.get() || t instanceof ThreadDeath || t.getCause() instanceof ThreadDeath;
            Throwable failure = t instanceof InvocationTargetException ? t : new InvocationTargetException(t);
            outcome.completeExceptionally(stopped ? new Stopped() : failure);
        }
    }

    /** Stops the running snippet, if any, as the class comment says; returns at once. */
    @Override
    public void stop() {
        Running now = running;
        if (now == null) {
            return;
        }
        now.stopAsked().set(true);
        now.thread().interrupt();
        Thread escalation = new Thread(() -> escalate(now), "cell-stopper");
        escalation.setDaemon(true);
        escalation.start();
    }

    @SuppressWarnings({"deprecation", "removal"})   // Thread.stop: the only way to end a loop that ignores interrupts
    private static void escalate(Running now) {
        if (finishesWithin(now, STOP_AFTER_MILLIS)) {
            return;
        }
        try {
            now.thread().stop();
        } catch (UnsupportedOperationException refused) {
            // JDK 20 and later refuse: go on to leaving it behind
        }
        if (!finishesWithin(now, ABANDON_AFTER_MILLIS)) {
            System.err.println("kernel: the interrupted cell's thread does not stop (it may be blocked outside"
                    + " Java code); it is left running. Kernel > Restart ends it.");
            now.outcome().completeExceptionally(new Stopped());
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

    /** True if the last snippet ended because it was stopped. */
    boolean lastWasStopped() {
        return lastWasStopped;
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
