package gradkit.grading.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Writes and reads the protocol's lines (see the package comment for their shape). Encoding never
 * fails for a message the records allow; decoding accepts exactly the shapes encoding makes and throws
 * {@link MalformedReply} for anything else.
 *
 * <pre>{@code
 * String line = LineCodec.encode(new Reply.Returned(new Plain.Real(-0.0), ""));   // "returned r8000000000000000 t"
 * Reply back = LineCodec.decodeReply(line);                                      // the same reply
 * }</pre>
 */
public final class LineCodec {
    /**
     * The line a worker writes once, before it reads any request and before any student class is
     * touched: the JVM has started. A fresh worker's start is timed apart from its calls, so a call gets
     * the per-call limit and no more.
     */
    public static final String READY = "ready";
    private static final String ABSENT = "-";

    private LineCodec() {
    }

    /** The line of a request, without its newline. */
    public static String encode(Request request) {
        StringBuilder line = new StringBuilder("call ").append(request.procedure());
        for (Plain p : request.arguments()) {
            line.append(' ').append(Fields.plain(p));
        }
        return line.toString();
    }

    /** The line of a reply, without its newline. */
    public static String encode(Reply reply) {
        if (reply instanceof Reply.Returned r) {
            return "returned " + Fields.plain(r.value()) + " " + Fields.text(r.printed());
        }
        if (reply instanceof Reply.Threw t) {
            Thrown c = t.thrown().cause();
            return "threw " + thrown(t.thrown()) + " " + (c == null ? "- - - -" : thrown(c)) + " " + Fields.text(t.printed());
        }
        return "refused " + Fields.text(((Reply.Refused) reply).why());
    }

    private static String thrown(Thrown t) {
        return Fields.text(t.className()) + " " + (t.message() == null ? ABSENT : Fields.text(t.message())) + " "
                + Fields.text(t.where()) + " " + Fields.text(t.calling());
    }

    /** Reads a request line (as a worker does). */
    public static Request decodeRequest(String line) throws MalformedReply {
        String[] f = line.split(" ", -1);
        if (f.length < 2 || !f[0].equals("call") || !Request.isName(f[1])) {
            throw new MalformedReply("A request must begin with \"call\" and a procedure's name, but began with \""
                    + Fields.preview(line) + "\".");
        }
        if (f.length - 2 > Limits.MAX_ARGUMENTS) {
            throw new MalformedReply("A request carries at most " + Limits.MAX_ARGUMENTS + " arguments, but this one has "
                    + (f.length - 2) + ".");
        }
        List<Plain> arguments = new ArrayList<>();
        for (int i = 2; i < f.length; i++) {
            arguments.add(Fields.readPlain(f[i]));
        }
        return new Request(f[1], arguments);
    }

    /** Reads a reply line (as the grader does), strictly. */
    public static Reply decodeReply(String line) throws MalformedReply {
        String[] f = line.split(" ", -1);
        switch (f[0]) {
            case "returned":
                fields(f, 3);
                return new Reply.Returned(Fields.readPlain(f[1]), Fields.readText(f[2]));
            case "threw":
                fields(f, 10);
                Thrown cause = f[5].equals(ABSENT) ? null : readThrown(f, 5);
                if (cause == null && !(f[6].equals(ABSENT) && f[7].equals(ABSENT) && f[8].equals(ABSENT))) {
                    throw new MalformedReply("A \"threw\" reply without a cause must have \"-\" in all four of the"
                            + " cause's fields.");
                }
                Thrown top = readThrown(f, 1);
                return new Reply.Threw(new Thrown(top.className(), top.message(), top.where(), top.calling(), cause),
                        Fields.readText(f[9]));
            case "refused":
                fields(f, 2);
                return new Reply.Refused(Fields.readText(f[1]));
            default:
                throw new MalformedReply("A reply must begin with \"returned\", \"threw\" or \"refused\", but began with \""
                        + Fields.preview(line) + "\".");
        }
    }

    private static void fields(String[] f, int count) throws MalformedReply {
        if (f.length != count) {
            throw new MalformedReply("A \"" + f[0] + "\" reply has " + count + " fields separated by single spaces, but"
                    + " this one has " + f.length + ".");
        }
    }

    private static Thrown readThrown(String[] f, int from) throws MalformedReply {
        String message = f[from + 1].equals(ABSENT) ? null : Fields.readText(f[from + 1]);
        return new Thrown(Fields.readText(f[from]), message, Fields.readText(f[from + 2]), Fields.readText(f[from + 3]), null);
    }

    /** One field: its encoding, its strict reading. */
    private static final class Fields {
        private static final Base64.Encoder BASE64 = Base64.getEncoder();
        private static final Base64.Decoder UNBASE64 = Base64.getDecoder();

        static String plain(Plain p) {
            if (p instanceof Plain.Real r) {
                return "r" + hex(r.value());
            }
            if (p instanceof Plain.Reals rs) {
                double[] v = rs.values();
                StringBuilder s = new StringBuilder("R").append(v.length).append(':');
                for (int i = 0; i < v.length; i++) {
                    s.append(i == 0 ? "" : ",").append(hex(v[i]));
                }
                return s.toString();
            }
            return text(((Plain.Text) p).value());
        }

        static String text(String s) {
            return "t" + BASE64.encodeToString(s.getBytes(StandardCharsets.UTF_8));
        }

        private static String hex(double d) {
            String h = Long.toHexString(Double.doubleToRawLongBits(d));
            return "0".repeat(16 - h.length()) + h;
        }

        static Plain readPlain(String f) throws MalformedReply {
            if (f.startsWith("r")) {
                return new Plain.Real(readHex(f.substring(1)));
            }
            if (f.startsWith("R")) {
                return readReals(f);
            }
            if (f.startsWith("t")) {
                return new Plain.Text(readText(f));
            }
            throw new MalformedReply("A value must be a number (r), numbers (R) or a text (t), but got \"" + preview(f) + "\".");
        }

        private static Plain readReals(String f) throws MalformedReply {
            int colon = f.indexOf(':');
            String count = colon < 0 ? "" : f.substring(1, colon);
            if (!count.matches("0|[1-9][0-9]{0,5}") || Integer.parseInt(count) > Limits.MAX_REALS) {
                throw new MalformedReply("An array of numbers must say how many it holds (at most " + Limits.MAX_REALS
                        + "), as in R2:..., but got \"" + preview(f) + "\".");
            }
            int n = Integer.parseInt(count);
            String body = f.substring(colon + 1);
            String[] parts = n == 0 ? new String[0] : body.split(",", -1);
            if (parts.length != n || n == 0 && !body.isEmpty()) {
                throw new MalformedReply("An array said it holds " + n + " numbers but held another count.");
            }
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = readHex(parts[i]);
            }
            return new Plain.Reals(v);
        }

        private static double readHex(String h) throws MalformedReply {
            if (h.length() != 16 || !h.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                throw new MalformedReply("A number must be the 16 lowercase hex digits of a double's bits, but got \""
                        + preview(h) + "\".");
            }
            return Double.longBitsToDouble(Long.parseUnsignedLong(h, 16));
        }

        static String readText(String f) throws MalformedReply {
            if (!f.startsWith("t")) {
                throw new MalformedReply("A text field must begin with \"t\", but got \"" + preview(f) + "\".");
            }
            byte[] bytes;
            try {
                bytes = UNBASE64.decode(f.substring(1));
            } catch (IllegalArgumentException e) {
                throw new MalformedReply("A text field must be Base64, but \"" + preview(f) + "\" is not.");
            }
            String s;
            try {
                s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new MalformedReply("A text field must be Base64 of UTF-8, but its bytes are not UTF-8.");
            }
            if (s.length() > Limits.MAX_TEXT_CHARS) {
                throw new MalformedReply("A text field holds at most " + Limits.MAX_TEXT_CHARS + " characters, but this"
                        + " one holds " + s.length() + ".");
            }
            return s;
        }

        /** The start of a field for a message: at most 40 characters, printable ASCII only. */
        static String preview(String s) {
            String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
            return cut.replaceAll("[^\\x20-\\x7e]", "?");
        }
    }
}
