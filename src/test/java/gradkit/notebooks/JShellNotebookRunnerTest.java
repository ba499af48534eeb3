package gradkit.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JShell notebook runner fails where a Java kernel would, and says where and why. */
class JShellNotebookRunnerTest {

    static final String LIBRARY = "%classpath " + Path.of("target/kit-classes").toAbsolutePath();

    @TempDir
    Path folder;

    /** Writes a notebook whose cells are a markdown cell followed by the given code cells. */
    Notebook notebook(String... codeCells) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode();
        ArrayNode cells = root.putArray("cells");
        cells.addObject().put("cell_type", "markdown").put("source", "# test");
        for (String source : codeCells) {
            ObjectNode cell = cells.addObject().put("cell_type", "code").putNull("execution_count");
            cell.putArray("outputs");
            cell.putObject("metadata");
            cell.put("source", source);
        }
        root.put("nbformat", 4).put("nbformat_minor", 5);
        Path path = folder.resolve("test.ipynb");
        json.writeValue(path.toFile(), root);
        return Notebook.read(path);
    }

    JShellNotebookRunner.Failure failure(String... codeCells) throws IOException {
        Notebook notebook = notebook(codeCells);
        return assertThrows(JShellNotebookRunner.Failure.class, () -> JShellNotebookRunner.run(notebook));
    }

    @Test
    void cellsShareStateAndSeeTheLibraryAndTheKernelImports() throws IOException {
        JShellNotebookRunner.run(notebook(LIBRARY, "import gradkit.engine.*;",
                "var a = Value.of(2.0); var b = a.mul(a).add(1); b.backward();",
                "List<Double> grads = new ArrayList<>(List.of(a.grad()));\n"
                        + "if (grads.get(0) != 4.0) throw new AssertionError(grads);"));
    }

    @Test
    void aLineWiderThanThePageFailsItsCellAndOneAtThePageWidthDoesNot() throws IOException {
        String fits = "System.out.println(\"x\".repeat(" + JShellNotebookRunner.PAGE_WIDTH + "));";
        String tooWide = "System.out.print(\"short\\n\" + \"y\".repeat(" + (JShellNotebookRunner.PAGE_WIDTH + 1) + "));";
        JShellNotebookRunner.run(notebook(fits));
        var failure = failure(fits, tooWide, fits);
        assertEquals(2, failure.cellIndex);
        assertTrue(failure.getMessage().contains("wider than the page"), failure.getMessage());
        assertTrue(failure.getMessage().contains("y".repeat(JShellNotebookRunner.PAGE_WIDTH + 1)), failure.getMessage());
    }

    @Test
    void aCompileErrorFailsWithTheDiagnostic() throws IOException {
        var failure = failure("int fine = 1;", "int x = \"s\";");
        assertEquals(2, failure.cellIndex);
        assertTrue(failure.getMessage().contains("incompatible types"), failure.getMessage());
    }

    @Test
    void aMissingImportFails() throws IOException {
        // kernels import java.util.* and a few more, not java.util.function: the notebook must
        var failure = failure("Function<Integer, Integer> twice = x -> 2 * x;");
        assertEquals(1, failure.cellIndex);
        assertTrue(failure.getMessage().contains("cannot find symbol"), failure.getMessage());
    }

    @Test
    void aMethodThatUsesSomethingUndefinedFails() throws IOException {
        var failure = failure("double area(double r) { return PI_ISH * r * r; }");
        assertTrue(failure.getMessage().contains("refers to something not defined"), failure.getMessage());
    }

    @Test
    void anExceptionInALaterSnippetOfACellFailsThatCell() throws IOException {
        var failure = failure("int[] xs = new int[2];", "xs[0] = 1;\nxs[2] = 3;");
        assertEquals(2, failure.cellIndex);
        assertTrue(failure.getMessage().contains("ArrayIndexOutOfBoundsException"), failure.getMessage());
        assertTrue(failure.getMessage().contains("--- snippet ---\nxs[2] = 3;"), failure.getMessage());
    }

    @Test
    void magicAndJavaInOneCellFail() throws IOException {
        var failure = failure(LIBRARY + "\nimport gradkit.engine.*;");
        assertTrue(failure.getMessage().contains("cell of its own"), failure.getMessage());
    }

    @Test
    void magicsOtherThanClasspathFail() throws IOException {
        var failure = failure("%jars target/kit-classes");
        assertTrue(failure.getMessage().contains("only \"%classpath DIR\""), failure.getMessage());
    }

    @Test
    void aCellThatStopsMidStatementFails() throws IOException {
        var failure = failure("Math.max(1,");
        assertTrue(failure.getMessage().contains("middle of a statement"), failure.getMessage());
    }

    @Test
    void aCellEndingWithPrintfFails() throws IOException {
        var failure = failure("int n = 3;", "System.out.printf(\"n = %d%n\", n)");
        assertEquals(2, failure.cellIndex);
        assertTrue(failure.getMessage().contains("PrintStream"), failure.getMessage());
        JShellNotebookRunner.run(notebook("System.out.printf(\"n = %d%n\", 3);\nSystem.out.println();"));
        // With a semicolon it is still an expression whose value Rapaio displays.
        assertTrue(failure("System.out.printf(\"n = %d%n\", 3);").getMessage().contains("PrintStream"));
    }
}
