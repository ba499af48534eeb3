package gradkit.grading.worker;

import gradkit.grading.protocol.BoundedLines;
import gradkit.grading.protocol.LineCodec;
import gradkit.grading.protocol.Limits;
import gradkit.grading.protocol.MalformedReply;
import gradkit.grading.protocol.Reply;
import gradkit.grading.protocol.Request;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The worker's loop: one request line in on stdin, one reply line out on stdout, until stdin ends.
 * A probe's main calls {@link #serve} with itself.
 *
 * <p>Before any student class is touched, the real stdin and stdout are kept here and System.in,
 * System.out and System.err are replaced: student code reads an empty input and prints into the
 * call's {@link CallOutput}, whose text goes back in the reply. A student who reaches the real stdout
 * anyway (FileDescriptor.out, which the static check refuses) can write lines the grader reads as
 * replies: that changes only answers, which the grader checks.
 *
 * <pre>
 * java -cp student:probe:worker:library gradkit.probes.Ex01Probe   &lt; requests   &gt; replies
 * </pre>
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    /** Serves requests with {@code probe} until stdin ends; then the JVM ends. */
    public static void serve(Probe probe) {
        InputStream requests = new BufferedInputStream(System.in);
        PrintStream replies = new PrintStream(System.out, false, StandardCharsets.UTF_8);
        CallOutput printed = new CallOutput();
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        System.setOut(capture);
        System.setErr(capture);
        BoundedLines lines = new BoundedLines(requests, Limits.MAX_LINE_BYTES);
        replies.print(LineCodec.READY + "\n");
        replies.flush();
        try {
            for (String line = lines.next(); line != null; line = lines.next()) {
                Request request = LineCodec.decodeRequest(line);
                printed.reset();
                Reply reply = answer(probe, request, printed, capture);
                replies.print(LineCodec.encode(reply) + "\n");
                replies.flush();
            }
        } catch (IOException | MalformedReply e) {
            // stdin broke or the grader sent what it never sends: there is no one to answer
        }
        // halt, not exit: no shutdown hook of student code runs after the last reply.
        Runtime.getRuntime().halt(0);
    }

    /** Makes one call; what the student's code threw, even an Error, becomes a reply. */
    private static Reply answer(Probe probe, Request request, CallOutput printed, PrintStream capture) {
        try {
            var value = probe.call(new Call(request));
            capture.flush();
            return new Reply.Returned(value, printed.text());
        } catch (BadRequest e) {
            return new Reply.Refused(e.getMessage());
        } catch (Throwable t) {
            capture.flush();
            return new Reply.Threw(ThrownText.of(t), printed.text());
        }
    }
}
