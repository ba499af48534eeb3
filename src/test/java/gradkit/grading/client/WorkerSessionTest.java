package gradkit.grading.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradkit.grading.protocol.Plain;
import gradkit.grading.protocol.Reply;
import gradkit.grading.protocol.Request;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real worker JVM ({@code FixtureProbe} over {@code ExWorkerFixture}) against the grader's side:
 * values, exceptions, printed output, and every way a worker can fail.
 */
class WorkerSessionTest {
    private static final WorkerStarter STARTER = new WorkerStarter() {
        @Override
        public Process start() throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            return new ProcessBuilder(java, "-Xmx64m", "-XX:+ExitOnOutOfMemoryError", "-XX:TieredStopAtLevel=1",
                    "--limit-modules", "java.base", "-cp", System.getProperty("java.class.path"),
                    "gradkit.grading.worker.FixtureProbe").start();
        }

        @Override
        public void kill(Process worker) {
            worker.destroyForcibly();
        }
    };

    private final WorkerSession session = new WorkerSession(STARTER, Duration.ofSeconds(20));

    @AfterEach
    void close() {
        session.close();
    }

    private Reply call(String procedure, Plain... arguments) {
        return session.call(new Request(procedure, List.of(arguments)));
    }

    private static double value(Reply r) {
        return ((Plain.Real) ((Reply.Returned) r).value()).value();
    }

    @Test
    void aValueComesBackWithWhatTheCallPrinted() {
        Reply r = call("twice", new Plain.Real(-0.0));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(value(r)));
        assertEquals("doubling -0.0\n", ((Reply.Returned) r).printed());
        assertEquals(27.0, value(call("cube", new Plain.Real(3), new Plain.Text("cube"))));
        assertEquals("doubling -0.0\n", session.takePrinted());
        assertEquals("", session.takePrinted(), "taken once");
    }

    @Test
    void anExceptionComesBackAsClassMessageAndLine() {
        Reply.Threw t = (Reply.Threw) call("todo", new Plain.Real(1));
        assertEquals("java.lang.UnsupportedOperationException", t.thrown().className());
        assertEquals("TODO: twice, but for real", t.thrown().message());
        assertTrue(t.thrown().where().startsWith("gradkit.exercises.ExWorkerFixture.todo(ExWorkerFixture.java:"), t.thrown().where());
        assertEquals(4.0, value(call("twice", new Plain.Real(2))), "the worker goes on after a student's exception");
    }

    @Test
    void aStaticInitializerFailureCarriesItsCause() {
        Reply.Threw t = (Reply.Threw) call("brokenClass", new Plain.Real(1));
        assertEquals("java.lang.ExceptionInInitializerError", t.thrown().className());
        assertEquals("java.lang.ArithmeticException", t.thrown().cause().className());
        assertTrue(t.thrown().cause().where().contains("ExWorkerFixture.java:"), t.thrown().cause().where());
    }

    @Test
    void anUnknownProcedureIsRefusedNotBlamedOnTheStudent() {
        assertTrue(call("sideways") instanceof Reply.Refused);
        assertTrue(call("cube", new Plain.Real(1), new Plain.Text("no-such-function")) instanceof Reply.Refused);
        assertEquals(2.0, value(call("twice", new Plain.Real(1))));
    }

    @Test
    void printingRepliesIsOnlyOutput() {
        Reply.Returned r = (Reply.Returned) call("flood", new Plain.Real(5));
        assertEquals(5.0, value(r));
        assertTrue(r.printed().contains("more bytes of output dropped"), r.printed());
        assertTrue(r.printed().length() < 4200, "capped: " + r.printed().length());
    }

    @Test
    void anExitEndsTheWorkerForGood() {
        WorkerFailed e = assertThrows(WorkerFailed.class, () -> call("exit", new Plain.Real(1)));
        assertTrue(e.getMessage().contains("ended during a call (exit code 3)"), e.getMessage());
        WorkerFailed later = assertThrows(WorkerFailed.class, () -> call("twice", new Plain.Real(1)));
        assertTrue(later.getMessage().startsWith("Not run: The worker JVM"), later.getMessage());
    }

    @Test
    void aHangTimesOutAndTheNextCallGetsAFreshWorker() {
        WorkerSession quick = new WorkerSession(STARTER, Duration.ofSeconds(3));
        try {
            assertEquals(2.0, value(quick.call(new Request("twice", List.of(new Plain.Real(1))))), "started");
            WorkerFailed e = assertThrows(WorkerFailed.class, () -> quick.call(new Request("loop", List.of(new Plain.Real(1)))));
            assertTrue(e.getMessage().startsWith("Timed out"), e.getMessage());
            Reply r = quick.call(new Request("twice", List.of(new Plain.Real(1))));
            assertEquals(2.0, value(r));
        } finally {
            quick.close();
        }
    }

    /**
     * A fresh worker's start is timed apart from its calls: the first call of a worker, when it hangs, is
     * stopped after the per-call limit, not after that limit and the start's allowance (30 s), which
     * would make every hanging test cost four times its limit.
     */
    @Test
    void aFreshWorkersFirstCallGetsThePerCallLimitOnly() {
        WorkerSession quick = new WorkerSession(STARTER, Duration.ofSeconds(3));
        try {
            long start = System.nanoTime();
            WorkerFailed e = assertThrows(WorkerFailed.class, () -> quick.call(new Request("loop", List.of(new Plain.Real(1)))));
            double seconds = (System.nanoTime() - start) / 1e9;
            assertTrue(e.getMessage().startsWith("Timed out"), e.getMessage());
            assertTrue(seconds < 3 + WorkerSession.STARTUP.toSeconds() / 2.0, "the first call hung for " + seconds
                    + " s before it was stopped; the limit is 3 s, plus the JVM's start");
        } finally {
            quick.close();
        }
    }

    @Test
    void aForgedReplyIsOnlyAnAnswerAndShiftsTheRest() {
        assertEquals(42.0, value(call("forge", new Plain.Real(1))), "the forged line is read as this call's answer");
        assertEquals(1.0, value(call("twice", new Plain.Real(7))), "and the real one as the next call's");
    }

    @Test
    void aLineOffTheProtocolEndsTheWorkerForGood() {
        WorkerFailed e = assertThrows(WorkerFailed.class, () -> call("garble", new Plain.Real(1)));
        assertTrue(e.getMessage().contains("malformed"), e.getMessage());
        assertThrows(WorkerFailed.class, () -> call("twice", new Plain.Real(1)));
    }

    @Test
    void anOversizedLineEndsTheWorkerForGood() {
        WorkerFailed e = assertThrows(WorkerFailed.class, () -> call("huge", new Plain.Real(1)));
        assertTrue(e.getMessage().contains("longer than"), e.getMessage());
    }

    @Test
    void runningOutOfMemoryIsSaidSo() {
        WorkerFailed e = assertThrows(WorkerFailed.class, () -> call("hog", new Plain.Real(1)));
        assertTrue(e.getMessage().startsWith("Out of memory"), e.getMessage());
    }
}
