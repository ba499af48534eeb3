package gradkit.grading.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The protocol's lines: every value survives a round trip bit for bit, and every off-shape line is refused. */
class LineCodecTest {
    private static final double NAN_WITH_PAYLOAD = Double.longBitsToDouble(0x7ff8dead_beef0001L);

    private static Reply roundTrip(Reply r) throws MalformedReply {
        return LineCodec.decodeReply(LineCodec.encode(r));
    }

    @Test
    void numbersSurviveBitForBit() throws MalformedReply {
        for (double d : new double[] {0.0, -0.0, 1.0, -2.5, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
                NAN_WITH_PAYLOAD, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Math.ulp(1.0), 0.1}) {
            Reply back = roundTrip(new Reply.Returned(new Plain.Real(d), ""));
            double got = ((Plain.Real) ((Reply.Returned) back).value()).value();
            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits(got), "bits of " + d);
        }
    }

    @Test
    void theWireFormOfANumberIsItsBitsInHex() {
        assertEquals("returned r8000000000000000 t", LineCodec.encode(new Reply.Returned(new Plain.Real(-0.0), "")));
        assertEquals("call dgdx r3ff0000000000000", LineCodec.encode(new Request("dgdx", List.of(new Plain.Real(1.0)))));
    }

    @Test
    void arraysAndTextsSurvive() throws MalformedReply {
        double[] v = {-0.0, NAN_WITH_PAYLOAD, 3.5};
        Reply back = roundTrip(new Reply.Returned(new Plain.Reals(v), "printed\nline two \u00e9\u20ac returned r0 t"));
        Reply.Returned r = (Reply.Returned) back;
        double[] got = ((Plain.Reals) r.value()).values();
        for (int i = 0; i < v.length; i++) {
            assertEquals(Double.doubleToRawLongBits(v[i]), Double.doubleToRawLongBits(got[i]));
        }
        assertEquals("printed\nline two \u00e9\u20ac returned r0 t", r.printed());
        Reply empty = roundTrip(new Reply.Returned(new Plain.Reals(new double[0]), ""));
        assertArrayEquals(new double[0], ((Plain.Reals) ((Reply.Returned) empty).value()).values());
        Reply text = roundTrip(new Reply.Returned(new Plain.Text(""), "x"));
        assertEquals(new Plain.Text(""), ((Reply.Returned) text).value());
    }

    @Test
    void requestsSurvive() throws MalformedReply {
        Request r = new Request("forward", List.of(new Plain.Text("cube"), new Plain.Real(1.0), new Plain.Real(0.1),
                new Plain.Reals(new double[] {1, 2})));
        assertEquals(r, LineCodec.decodeRequest(LineCodec.encode(r)));
        assertEquals(new Request("centralStep", List.of()), LineCodec.decodeRequest("call centralStep"));
    }

    @Test
    void whatWasThrownSurvivesWithAndWithoutCauseAndMessage() throws MalformedReply {
        Thrown cause = new Thrown("java.lang.ArithmeticException", "/ by zero", "gradkit.exercises.Ex02X.<clinit>(Ex02X.java:9)",
                "java.lang.Math.floorDiv", null);
        Thrown top = new Thrown("java.lang.ExceptionInInitializerError", null, "", "", cause);
        Reply.Threw back = (Reply.Threw) roundTrip(new Reply.Threw(top, "said\n"));
        assertEquals(top, back.thrown());
        assertEquals("said\n", back.printed());
        Thrown alone = new Thrown("java.lang.UnsupportedOperationException", "TODO: dfdx", "f(F.java:1)", "", null);
        assertEquals(alone, ((Reply.Threw) roundTrip(new Reply.Threw(alone, ""))).thrown());
        assertEquals(new Reply.Refused("no such procedure"), roundTrip(new Reply.Refused("no such procedure")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "returned", "returned r3ff0000000000000", "returned r3ff0000000000000 t t", "returned  r3ff0000000000000 t",
        "returned r3ff0000000000000 t ", "RETURNED r3ff0000000000000 t", "returned r3FF0000000000000 t",
        "returned r3ff000000000000 t", "returned r3ff00000000000000 t", "returned r3ff000000000000g t",
        "returned x3ff0000000000000 t", "returned R2:3ff0000000000000 t", "returned R1:3ff0000000000000,3ff0000000000000 t",
        "returned R0:3ff0000000000000 t", "returned R-1: t", "returned R01:3ff0000000000000 t", "returned R1 t",
        "returned R99999:3ff0000000000000 t", "returned t!!! t", "returned tYQ=== t", "returned r3ff0000000000000 x",
        "returned r3ff0000000000000 -", "returned t/w== t",
        "threw tYQ== - t t - - - - t extra", "threw tYQ== - t t - tYQ== - - t", "threw - - t t - - - - t",
        "threw tYQ== - t - - - - - t", "refused", "refused tYQ== tYQ==", "refused -", "call forward r3ff0000000000000",
        "returned\tr3ff0000000000000\tt", "returned r3ff0000000000000 t\r"})
    void offShapeRepliesAreMalformed(String line) {
        MalformedReply e = assertThrows(MalformedReply.class, () -> LineCodec.decodeReply(line), line);
        assertTrue(e.getMessage().endsWith("."), "a sentence: " + e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "call", "call 1abc", "call a-b", "call forward  r3ff0000000000000", "returned r3ff0000000000000 t",
        "call forward r1", "call forward r1 r1 r1 r1 r1 r1 r1 r1 r1 r1 r1 r1 r1 r1 r1 r1 r1"})
    void offShapeRequestsAreMalformed(String line) {
        assertThrows(MalformedReply.class, () -> LineCodec.decodeRequest(line), line);
    }

    @Test
    void aTextOverItsCapIsMalformed() {
        String big = "x".repeat(Limits.MAX_TEXT_CHARS + 1);
        String line = LineCodec.encode(new Reply.Returned(new Plain.Real(1), big));
        MalformedReply e = assertThrows(MalformedReply.class, () -> LineCodec.decodeReply(line));
        assertTrue(e.getMessage().contains("at most " + Limits.MAX_TEXT_CHARS), e.getMessage());
        String fits = LineCodec.encode(new Reply.Returned(new Plain.Real(1), big.substring(1)));
        assertEquals(Limits.MAX_TEXT_CHARS, assertDoesNotThrowPrinted(fits).length());
    }

    private static String assertDoesNotThrowPrinted(String line) {
        try {
            return ((Reply.Returned) LineCodec.decodeReply(line)).printed();
        } catch (MalformedReply e) {
            throw new AssertionError(e.getMessage());
        }
    }

    @Test
    void textThatIsNotUtf8IsMalformed() {
        String notUtf8 = java.util.Base64.getEncoder().encodeToString(new byte[] {(byte) 0xc3, (byte) 0x28});
        assertThrows(MalformedReply.class, () -> LineCodec.decodeReply("returned t" + notUtf8 + " t"));
    }

    @Test
    void boundedLinesStopAtTheCapAndAtAnUnfinishedLine() throws Exception {
        BoundedLines lines = new BoundedLines(new ByteArrayInputStream("ab\ncd\n".getBytes(StandardCharsets.US_ASCII)), 2);
        assertEquals("ab", lines.next());
        assertEquals("cd", lines.next());
        assertNull(lines.next());
        BoundedLines flood = new BoundedLines(new ByteArrayInputStream(new byte[1_000_000]), 1000);
        MalformedReply e = assertThrows(MalformedReply.class, flood::next);
        assertTrue(e.getMessage().contains("longer than 1000 bytes"), e.getMessage());
        BoundedLines cut = new BoundedLines(new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)), 10);
        assertThrows(MalformedReply.class, cut::next);
    }

    @Test
    void recordsRefuseWhatTheProtocolCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> new Request("not a name", List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Plain.Text(null));
        Thrown deep = new Thrown("A", null, "", "", new Thrown("B", null, "", "", null));
        assertThrows(IllegalArgumentException.class, () -> new Thrown("C", null, "", "", deep));
    }
}
