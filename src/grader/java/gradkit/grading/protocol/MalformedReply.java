package gradkit.grading.protocol;

/**
 * A message that is not of the protocol's shape: a line too long, a field of the wrong kind, a number
 * that is not 16 hex digits, text that is not Base64 of UTF-8, a size over its cap. Its message is one
 * sentence saying what was wrong. (A worker decoding a request throws it too: the grader never sends
 * one, so it means the two sides disagree.)
 *
 * <pre>{@code
 * try {
 *     Reply r = LineCodec.decodeReply(line);
 * } catch (MalformedReply e) {
 *     fail("The worker's reply was malformed: " + e.getMessage());
 * }
 * }</pre>
 */
public final class MalformedReply extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param sentence what was wrong, as one sentence */
    public MalformedReply(String sentence) {
        super(sentence);
    }
}
