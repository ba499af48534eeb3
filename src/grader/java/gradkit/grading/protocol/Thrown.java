package gradkit.grading.protocol;

/**
 * What student code threw, as plain text: the throwable's class name, its message (null when it had
 * none), where in the exercise's file it was thrown ({@code where}, a stack frame such as
 * "gradkit.exercises.Ex01DifferenceQuotients.forward(Ex01DifferenceQuotients.java:31)", or ""), the
 * call made from there ({@code calling}, the frame just above it, or ""), and for an
 * ExceptionInInitializerError its cause (one level; null otherwise).
 *
 * <pre>{@code
 * Thrown t = new Thrown("java.lang.ArithmeticException", "/ by zero",
 *         "gradkit.exercises.Ex02ChainRuleByHand.dfdx(Ex02ChainRuleByHand.java:33)", "", null);
 * }</pre>
 */
public record Thrown(String className, String message, String where, String calling, Thrown cause) {
    /** @throws IllegalArgumentException for a null class, where or calling, or a cause that has a cause */
    public Thrown {
        if (className == null || where == null || calling == null) {
            throw new IllegalArgumentException("A Thrown needs a class name, a where and a calling (\"\" for none).");
        }
        if (cause != null && cause.cause() != null) {
            throw new IllegalArgumentException("A Thrown carries one level of cause, not more.");
        }
    }
}
