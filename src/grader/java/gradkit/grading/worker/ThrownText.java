package gradkit.grading.worker;

import gradkit.grading.protocol.Limits;
import gradkit.grading.protocol.Thrown;

/**
 * What the student's code threw, as the plain {@link Thrown} a reply carries: the class, the message,
 * the first stack frame in the exercise's own file and the call made from it; for an
 * ExceptionInInitializerError, its cause as well. The throwable is the student's and may be hostile
 * (a getMessage that throws or returns megabytes): every call on it is guarded and every text capped.
 *
 * <pre>{@code
 * Thrown t = ThrownText.of(new UnsupportedOperationException("TODO: forward"));
 * }</pre>
 */
final class ThrownText {
    private ThrownText() {
    }

    /** {@code t} as plain text, with its cause when it is an ExceptionInInitializerError. */
    static Thrown of(Throwable t) {
        try {
            Throwable cause = t instanceof ExceptionInInitializerError ? t.getCause() : null;
            Thrown top = alone(t);
            return cause == null || cause == t ? top
                    : new Thrown(top.className(), top.message(), top.where(), top.calling(), alone(cause));
        } catch (Throwable hostile) {   // a getStackTrace or getCause that throws, a stack overflow in one
            return new Thrown(cap(t.getClass().getName()), "(what was thrown could not be read)", "", "", null);
        }
    }

    private static Thrown alone(Throwable t) {
        String message;
        try {
            String m = t.getMessage();
            message = m == null ? null : cap(m);
        } catch (Throwable hostile) {
            message = "(the message could not be read: its getMessage threw " + hostile.getClass().getName() + ")";
        }
        StackTraceElement[] stack;
        try {
            stack = t.getStackTrace();
        } catch (Throwable hostile) {
            stack = new StackTraceElement[0];
        }
        int frame = firstExerciseFrame(stack);
        String where = frame < 0 ? "" : cap(String.valueOf(stack[frame]));
        String calling = frame <= 0 ? "" : cap(stack[frame - 1].getClassName() + "." + stack[frame - 1].getMethodName());
        return new Thrown(cap(t.getClass().getName()), message, where, calling, null);
    }

    /** The index of the first frame in exercise code (a class of gradkit.exercises), or -1. */
    private static int firstExerciseFrame(StackTraceElement[] stack) {
        for (int i = 0; i < stack.length; i++) {
            if (stack[i].getClassName().startsWith("gradkit.exercises.Ex")) {
                return i;
            }
        }
        return -1;
    }

    private static String cap(String s) {
        return s.length() <= Limits.MAX_MESSAGE_CHARS ? s : s.substring(0, Limits.MAX_MESSAGE_CHARS) + "...";
    }
}
