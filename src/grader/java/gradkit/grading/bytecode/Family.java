package gradkit.grading.bytecode;

/**
 * The kinds of code grading refuses before it runs, each with the reason a student reads. This is the
 * one place where the reasons are written; {@link RefusedApi} says which API falls in which family and
 * {@link AllowedApi} what an exercise may use.
 *
 * <pre>{@code
 * Family.FILES.reason()   // "reading or writing files (an exercise never needs them)"
 * }</pre>
 */
public enum Family {
    /** System.exit, Runtime.halt, shutdown hooks: a test counts only when it finishes and reports. */
    EXIT("ending the JVM or leaving code to run when it ends (a test counts only when it finishes)"),
    /** ProcessBuilder, Runtime.exec, ProcessHandle: other processes are the grader's and other students'. */
    PROCESSES("starting, finding or stopping processes (an exercise never needs them)"),
    /** java.io's file classes, FileDescriptor, java.nio.file and channels: the grader's files and pipes. */
    FILES("reading or writing files (an exercise never needs them)"),
    /** java.net. */
    NETWORK("the network (an exercise never needs it)"),
    /** Native methods, System.load/loadLibrary, java.lang.foreign: code no check can read. */
    NATIVE("native code (no check can see what it does)"),
    /** java.lang.reflect, method handles, java.beans, most of Class, StackWalker. */
    REFLECTION("reflection and method handles (they reach into the grader and the grading tests)"),
    /** Class loaders, ServiceLoader, modules, instrumentation. */
    CLASS_LOADING("loading or defining classes (only the classes compiled from your file are graded)"),
    /** Threads, executors, timers, Cleaner, wait/notify, parallel streams. */
    THREADS("threads, executors and parallel streams (a thread can outlive the test that started it)"),
    /** sun.*, jdk.*, com.sun.*, management beans: the JDK's insides, Unsafe among them. */
    INTERNALS("the JDK's internals such as sun.misc.Unsafe (they get around every check)"),
    /** System.setOut/setIn/setProperty/getenv, the security manager, default locale and time zone. */
    SETTINGS("changing or reading the JVM's settings, environment and standard streams (the grading tests rely on them)"),
    /** finalize(): it runs when the garbage collector decides, in the middle of a later test. */
    FINALIZER("finalize() (it runs when the garbage collector decides, in the middle of a later test)"),
    /** JUnit and opentest4j: they are the grading tests' tools. */
    TEST_FRAMEWORK("the test framework's classes (they are the grading tests' tools)"),
    /** The parts of the gradkit library that write files, draw, start JVMs or grade. */
    LIBRARY("this part of the gradkit library (an exercise needs gradkit.engine, gradkit.nn, gradkit.check and Scalar)"),
    /** Exercise 12: the clock, memory figures, identity hash codes, class names, stack traces ({@link TestsApi}). */
    IDENTITY("telling the implementations apart by anything but what they compute: the clock, memory,"
            + " identity hash codes, class names or stack traces (your tests are graded on results alone)"),
    /** Exercise 12: JUnit beyond @Test, @DisplayName and Assertions, and annotations but java.lang's few. */
    TEST_EXTRAS("annotations and JUnit features beyond @Test, @DisplayName and Assertions (extensions, timeouts,"
            + " conditions and lifecycle methods; the exercise needs none of them)"),
    /** A class outside package gradkit.exercises or named like a grading test's class. */
    PACKAGE("classes outside package gradkit.exercises and names the grading tests use (they would stand in for them)"),
    /** Anything else outside {@link AllowedApi}. */
    OTHER("Java API the exercises do not need; it allows java.lang's basics, java.math, java.util with its"
            + " functions and streams, and gradkit's engine, nn and check packages");

    private final String reason;

    Family(String reason) {
        this.reason = reason;
    }

    /** Why grading refuses this family, as it follows "grading refuses ". */
    public String reason() {
        return reason;
    }
}
