package gradkit.grading.worker;

/**
 * A request a probe cannot make: an unknown procedure, a missing argument or one of another kind, an
 * unknown function name. It is the grader's mistake, never the student's, and is answered as
 * {@code refused}.
 *
 * <pre>{@code
 * throw new BadRequest("Ex01Probe has no procedure \"sideways\".");
 * }</pre>
 */
public final class BadRequest extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param sentence what was wrong with the request */
    public BadRequest(String sentence) {
        super(sentence);
    }
}
