package gradkit.grading;

import java.security.AccessControlException;
import org.opentest4j.AssertionFailedError;

/**
 * Turns what a test threw into a sentence for the student: the assertion's message, "Not implemented
 * yet" for a TODO, what the grader does not allow for a refused permission, and where in the exercise
 * code it happened. The throwable may be hostile (its getMessage may throw or return megabytes): every
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
        String text;
        if (isTodo(t)) {
            text = "Not implemented yet: " + t.getMessage();
        } else if (t instanceof StackOverflowError) {
            text = "StackOverflowError: the call stack overflowed (endless or too deep recursion?)";
        } else if (t instanceof AccessControlException denied) {
            text = refused(denied);
        } else {
            text = StudentText.cap(String.valueOf(t), TestRunner.MAX_MESSAGE_CHARS);
        }
        String where = whereInExercise(t);
        return where.isEmpty() ? text : text + "\n    " + where;
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
        return t instanceof UnsupportedOperationException && t.getMessage() != null && t.getMessage().startsWith("TODO");
    }

    /** The first stack frame in exercise code (a class of gradkit.exercises that is not a test). */
    private static String whereInExercise(Throwable t) {
        for (StackTraceElement e : t.getStackTrace()) {
            String c = e.getClassName();
            if (c.startsWith("gradkit.exercises.Ex") && !c.contains("Test")) {
                return "at " + e;
            }
        }
        return "";
    }
}
