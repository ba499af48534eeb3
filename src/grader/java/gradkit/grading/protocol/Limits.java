package gradkit.grading.protocol;

/**
 * The caps of the protocol, one definition used by both sides: the worker stays under them, the grader
 * refuses anything over them.
 *
 * <pre>{@code
 * BoundedLines replies = new BoundedLines(process.getInputStream(), Limits.MAX_LINE_BYTES);
 * }</pre>
 */
public final class Limits {
    /** The longest line, request or reply, in bytes (its newline not counted). */
    public static final int MAX_LINE_BYTES = 256 * 1024;
    /** What one call may print and still be reported; more is dropped with a note. */
    public static final int MAX_PRINTED_CHARS = 4000;
    /** The longest exception message, class name or stack frame the worker sends. */
    public static final int MAX_MESSAGE_CHARS = 4000;
    /** The longest text field the grader accepts: either cap above, and room for the note of what was dropped. */
    public static final int MAX_TEXT_CHARS = 4500;
    /** The most numbers in one array. */
    public static final int MAX_REALS = 8192;
    /** The most arguments in one request. */
    public static final int MAX_ARGUMENTS = 16;

    private Limits() {
    }
}
