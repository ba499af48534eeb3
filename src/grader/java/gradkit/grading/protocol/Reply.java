package gradkit.grading.protocol;

/**
 * What a worker answers to one {@link Request}: the value the student's code returned, or what it
 * threw, each with the text the call printed; or that the probe refused the request (a grader error,
 * never the student's).
 *
 * <pre>{@code
 * Reply r = new Reply.Returned(new Plain.Real(3.31), "");
 * if (r instanceof Reply.Threw t) { ... t.thrown().className() ... }
 * }</pre>
 */
public sealed interface Reply {
    /** The call returned {@code value}; {@code printed} is what it wrote to System.out and System.err. */
    record Returned(Plain value, String printed) implements Reply {
    }

    /** The call threw {@code thrown}; {@code printed} is what it wrote before. */
    record Threw(Thrown thrown, String printed) implements Reply {
    }

    /** The probe did not understand the request (unknown procedure, wrong arguments): {@code why}. */
    record Refused(String why) implements Reply {
    }
}
