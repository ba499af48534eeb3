package gradkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
        java.eval("int kept = 7;");
        CompletableFuture<Throwable> cell = CompletableFuture.supplyAsync(() -> {
            try {
                java.eval("while (true) {}");
                return null;
            } catch (CellError e) {
                return e;
            }
        });
        Thread.sleep(500);
        java.stop();
        Throwable ended = cell.get(StoppableExecution.STOP_AFTER_MILLIS + StoppableExecution.ABANDON_AFTER_MILLIS + 2_000,
                TimeUnit.MILLISECONDS);
        assertTrue(ended instanceof CellError.Interrupted, String.valueOf(ended));
        assertEquals(8, java.eval("kept + 1"));
    }

    @Test
    void stopWithNothingRunningDoesNothing() throws CellError {
        java.stop();
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
