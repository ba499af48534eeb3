package gradkit.grading.client;

import gradkit.grading.protocol.Thrown;

/**
 * What the student's code threw in the worker, rethrown in the grader as text: its class name (the class
 * itself is never loaded here), message, where in the exercise's file, and for an
 * ExceptionInInitializerError its cause. {@link #toString()} reads as the original's would
 * ("java.lang.ArithmeticException: / by zero"), so the report shows what the student would see.
 *
 * <pre>{@code
 * try {
 *     ex.number("dfdx", 1.0, 2.0);
 * } catch (StudentThrew t) {
 *     t.className();   // "java.lang.UnsupportedOperationException"
 * }
 * }</pre>
 */
public final class StudentThrew extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Thrown thrown;

    /** Wraps what a reply said was thrown. */
    public StudentThrew(Thrown thrown) {
        super(thrown.message(), thrown.cause() == null ? null : new StudentThrew(thrown.cause()), false, false);
        this.thrown = thrown;
    }

    /** The class the student's code threw, by name. */
    public String className() {
        return thrown.className();
    }

    /** True when it was an instance of exactly {@code type} (the class is not loaded here, so not of a subclass). */
    public boolean is(Class<? extends Throwable> type) {
        return thrown.className().equals(type.getName());
    }

    /** The first stack frame in the exercise's file, or "". */
    public String where() {
        return thrown.where();
    }

    /** Where it was thrown as "Ex02ChainRuleByHand.java line 28" when the frame names both, else the frame. */
    public String fileAndLine() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(([^():]+):(\\d+)\\)$").matcher(thrown.where());
        return m.find() ? m.group(1) + " line " + m.group(2) : thrown.where();
    }

    /** The method called from that frame ("java.lang.Math.sqrt"), or "". */
    public String calling() {
        return thrown.calling();
    }

    @Override
    public String toString() {
        return thrown.message() == null ? thrown.className() : thrown.className() + ": " + thrown.message();
    }
}
