package gradkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JShellSessionTest {

    private static JShellSession java;

    @BeforeAll
    static void start() {
        java = new JShellSession();
    }

    @AfterAll
    static void close() {
        java.close();
    }

    @Test
    void aCellShowsItsLastExpressionAsTheObjectItIs() throws CellError {
        assertNull(java.eval("int twenty = 20;"));
        assertEquals(42, java.eval("int two = 2;\ntwenty + 20 + two"));
        Object image = java.eval("new java.awt.image.BufferedImage(3, 2, java.awt.image.BufferedImage.TYPE_INT_RGB)");
        assertTrue(image instanceof BufferedImage);
        assertEquals(3, ((BufferedImage) image).getWidth());
    }

    @Test
    void declarationsStatementsAndCommentsShowNothing() throws CellError {
        assertNull(java.eval("var list = new ArrayList<String>();"));
        assertNull(java.eval("list.add(\"x\");\nfor (int i = 0; i < 3; i++) { list.add(\"y\"); }"));
        assertEquals(4, java.eval("list.size()\n// four"));
        assertNull(java.eval("String nothing = null; nothing"));
    }

    @Test
    void codeThatDoesNotCompileNamesTheProblemAndPointsAtIt() {
        CellError e = assertThrows(CellError.CompilationError.class, () -> java.eval("int k = \"text\";"));
        assertTrue(e.getMessage().contains("incompatible types"), e.getMessage());
        assertEquals("int k = \"text\";", e.details().get(0));
        assertEquals("        ^", e.details().get(1));
    }

    @Test
    void anExceptionInACellNamesItsClassAndMessage() {
        CellError e = assertThrows(CellError.ExceptionInCell.class, () -> java.eval("int zero = 0; 1 / zero"));
        assertEquals("java.lang.ArithmeticException: / by zero", e.getMessage());
    }

    @Test
    void aLoopThatNeverLooksAtInterruptsIsStoppedAndTheStateStays() throws Exception {
        java.newCell();
        java.eval("int kept = 7;");
        CellError ended = interruptOnceRunning("while (true) { gradkit.kernel.Turns.LOOP.incrementAndGet(); }", Turns.LOOP);
        assertTrue(ended instanceof CellError.Interrupted, String.valueOf(ended));
        assertStillAt(Turns.LOOP);
        assertEquals(8, java.eval("kept + 1"));
    }

    @Test
    void aRecursionIsStopped() throws Exception {
        java.newCell();
        java.eval("long fib(int n) { gradkit.kernel.Turns.CALLS.incrementAndGet(); return n < 2 ? n : fib(n - 1) + fib(n - 2); }");
        CellError ended = interruptOnceRunning("fib(60)", Turns.CALLS);
        assertTrue(ended instanceof CellError.Interrupted, String.valueOf(ended));
        assertStillAt(Turns.CALLS);
    }

    @Test
    void aLongCallIntoALibraryOnTheClassPathIsStopped(@TempDir Path folder) throws Exception {
        java.addToClasspath(LibraryOnTheFly.compileInto(folder).toString());
        java.newCell();
        CellError ended = interruptOnceRunning("spin.Spin.counting(gradkit.kernel.Turns.LIBRARY)", Turns.LIBRARY);
        assertTrue(ended instanceof CellError.Interrupted, String.valueOf(ended));
        assertStillAt(Turns.LIBRARY);
    }

    @Test
    void aCellBlockedInTheOperatingSystemGetsItsReplyAndSaysRestartEndsIt() throws Exception {
        java.newCell();
        java.eval("int before = 5;");
        long started = System.nanoTime();
        CompletableFuture<CellError> cell = evalAsync("new java.net.ServerSocket(0).accept()");
        Thread.sleep(500);
        java.stop();
        CellError ended = cell.get(StoppableExecution.STOP_AFTER_MILLIS + StoppableExecution.ABANDON_AFTER_MILLIS + 3_000,
                TimeUnit.MILLISECONDS);
        assertTrue(ended instanceof CellError.Interrupted, String.valueOf(ended));
        assertTrue(ended.getMessage().contains("Kernel > Restart ends it"), ended.getMessage());
        assertTrue(System.nanoTime() - started > StoppableExecution.ABANDON_AFTER_MILLIS * 1_000_000L,
                "given up only after the stop had its time");
        java.newCell();
        assertEquals(6, java.eval("before + 1"));
    }

    /**
     * Runs {@code code} in a cell, waits until the counter {@code turns} has moved (the cell runs,
     * it is not still compiling), interrupts, and returns how the cell ended (null: normally).
     */
    private static CellError interruptOnceRunning(String code, AtomicLong turns) throws Exception {
        CompletableFuture<CellError> cell = evalAsync(code);
        long started = System.nanoTime();
        while (turns.get() == 0 && System.nanoTime() - started < 30_000_000_000L) {
            Thread.sleep(20);
        }
        java.stop();
        return cell.get(StoppableExecution.STOP_AFTER_MILLIS + StoppableExecution.ABANDON_AFTER_MILLIS + 2_000,
                TimeUnit.MILLISECONDS);
    }

    private static CompletableFuture<CellError> evalAsync(String code) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                java.eval(code);
                return null;
            } catch (CellError e) {
                return e;
            }
        });
    }

    /** The counter no longer moves: the stopped code really ended. */
    private static void assertStillAt(AtomicLong counter) throws Exception {
        java.newCell();
        long first = counter.get();
        Thread.sleep(300);
        assertEquals(first, counter.get(), "the counter stopped advancing");
        assertTrue(first > 0, "the counter had moved before the interrupt");
    }

    @Test
    void anInterruptWhileACellCompilesStopsItsFirstSnippetAndNoLaterCell() throws CellError {
        java.newCell();
        java.stop();   // nothing runs: as if the cell's code were still being compiled
        assertThrows(CellError.Interrupted.class, () -> java.eval("int never = 1;"));
        java.newCell();
        assertNull(java.eval("void declaredOnly() { }"));   // runs nothing, so cannot count as stopped
        assertEquals("ok", java.eval("\"ok\""));
    }

    @Test
    void isCompleteSeesAnOpenBlockAndAFinishedStatement() {
        assertEquals("complete", java.completeness("int a = 1;\na + 1"));
        assertEquals("    ", java.completeness("for (int i = 0; i < 3; i++) {"));
    }

    @Test
    void completionOffersNamesThatFit() throws CellError {
        java.eval("int uniqueCounter = 1;");
        JShellSession.Completions found = java.complete("uniqueCou", 9);
        assertTrue(found.replacements().contains("uniqueCounter"), found.replacements().toString());
        assertEquals(0, found.start());
    }
}
