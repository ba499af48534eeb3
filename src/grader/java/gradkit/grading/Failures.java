package gradkit.grading;

import gradkit.grading.client.StudentThrew;
import java.security.AccessControlException;
import org.opentest4j.AssertionFailedError;

/**
 * Turns what a test threw into a sentence for the student: the assertion's message, "Not implemented
 * yet" for a TODO, what the grader does not allow for a refused permission, and where in the exercise
 * code it happened. What student code threw in a worker JVM comes as a {@link StudentThrew} (its class
 * by name, its message and line as text) and reads the same. The throwable may be hostile (its getMessage may throw or return megabytes): every
 * call on it is guarded and the result is capped.
 *
 * <pre>{@code
 * String todo = "TODO: forward";                                  // an exercise skeleton's message
 * Failures.describe(new UnsupportedOperationException(todo));      // "Not implemented yet: TODO: forward"
 * }</pre>
 */
@SuppressWarnings("removal")
final class Failures {
    private Failures() {
    }

    static String describe(Throwable t) {
        try {
            return StudentText.cap(describeUnguarded(t), TestRunner.MAX_MESSAGE_CHARS);
        } catch (Throwable hostile) {
            return "The test failed with a " + t.getClass().getName() + " whose message could not be read.";
        }
    }

    private static String describeUnguarded(Throwable t) {
        if (t instanceof AssertionFailedError || t instanceof AssertionError) {
            Throwable cause = t.getCause();   // assertThrows reports an unexpected exception as the cause
            String message = StudentText.cap(String.valueOf(t.getMessage()), TestRunner.MAX_MESSAGE_CHARS);
            return cause != null && cause != t && isTodo(cause) ? describeUnguarded(cause) + "\n" + message : message;
        }
        if (is(t, ExceptionInInitializerError.class) && t.getCause() != null && t.getCause() != t) {
            return inStaticInitializer(t.getCause());
        }
        String text;
        if (isTodo(t)) {
            text = "Not implemented yet: " + t.getMessage();
        } else if (is(t, StackOverflowError.class)) {
            text = "StackOverflowError: the call stack overflowed (endless or too deep recursion?)";
        } else if (t instanceof AccessControlException denied) {
            text = refused(denied);
        } else if (t instanceof NoClassDefFoundError && String.valueOf(t.getMessage()).startsWith("Could not initialize class")) {
            text = t.getMessage() + ": its static initializer failed when an earlier test loaded it (that test's"
                    + " failure says why).";
        } else {
            text = StudentText.cap(String.valueOf(t), TestRunner.MAX_MESSAGE_CHARS);
        }
        String where = whereInExercise(t);
        return where.isEmpty() ? text : text + "\n    " + where;
    }

    /**
     * A static initializer ({@code static { }} or a static field's initial value) threw {@code cause}: the
     * JVM wraps it in an ExceptionInInitializerError, whose name alone tells a student nothing. So the
     * sentence says where in the initializer it happened, which call failed there, and why:
     * "The class could not be loaded: its static initializer failed at Ex02ChainRuleByHand.java line 28,
     * calling java.nio.file.Files.readAllLines: Not allowed: ...".
     */
    private static String inStaticInitializer(Throwable cause) {
        if (cause instanceof StudentThrew s) {
            String where = s.where().isEmpty() ? "" : " at " + s.fileAndLine() + (s.calling().isEmpty() ? "" : ", calling " + s.calling());
            String why = isTodo(s) ? "Not implemented yet: " + s.getMessage() : StudentText.cap(String.valueOf(s), TestRunner.MAX_MESSAGE_CHARS);
            return "The class could not be loaded: its static initializer failed" + where + ": " + why;
        }
        StackTraceElement[] stack = cause.getStackTrace();
        int frame = firstExerciseFrame(stack);
        String where = "";
        if (frame >= 0) {
            StackTraceElement e = stack[frame];
            where = " at " + (e.getFileName() != null && e.getLineNumber() > 0 ? e.getFileName() + " line " + e.getLineNumber() : e);
            if (frame > 0) {
                where += ", calling " + stack[frame - 1].getClassName() + "." + stack[frame - 1].getMethodName();
            }
        }
        String why = isTodo(cause) ? "Not implemented yet: " + cause.getMessage()
                : cause instanceof AccessControlException denied ? refused(denied)
                : StudentText.cap(String.valueOf(cause), TestRunner.MAX_MESSAGE_CHARS);
        return "The class could not be loaded: its static initializer failed" + where + ": " + why;
    }

    /** What the grader does not let exercise code do, in words. */
    private static String refused(AccessControlException denied) {
        String permission = String.valueOf(denied.getPermission());
        if (permission.contains("exitVM")) {
            return "Not allowed: the exercise code tried to end the JVM (System.exit or Runtime.halt). Exercise"
                    + " code must return or throw, never end the program.";
        }
        if (permission.contains("FilePermission")) {
            return "Not allowed: the exercise code tried to use a file or run a program " + permission
                    + ". Exercise code computes with its arguments only.";
        }
        return "Not allowed in graded code: " + permission + ".";
    }

    /** True for the exception an untouched exercise method throws. */
    static boolean isTodo(Throwable t) {
        return (t instanceof UnsupportedOperationException || t instanceof StudentThrew s && s.is(UnsupportedOperationException.class))
                && t.getMessage() != null && t.getMessage().startsWith("TODO");
    }

    /** True when {@code t} is a {@code type}, or student code in a worker JVM threw exactly one. */
    private static boolean is(Throwable t, Class<? extends Throwable> type) {
        return type.isInstance(t) || t instanceof StudentThrew s && s.is(type);
    }

    /** The first stack frame in exercise code (a class of gradkit.exercises that is not a test). */
    private static String whereInExercise(Throwable t) {
        if (t instanceof StudentThrew s) {
            return s.where().isEmpty() ? "" : "at " + s.where();
        }
        StackTraceElement[] stack = t.getStackTrace();
        int frame = firstExerciseFrame(stack);
        return frame < 0 ? "" : "at " + stack[frame];
    }

    /** The index of the first frame in exercise code, or -1. */
    private static int firstExerciseFrame(StackTraceElement[] stack) {
        for (int i = 0; i < stack.length; i++) {
            String c = stack[i].getClassName();
            if (c.startsWith("gradkit.exercises.Ex") && !c.contains("Test")) {
                return i;
            }
        }
        return -1;
    }
}
