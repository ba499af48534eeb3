package gradkit.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The notebooks in notebooks/ run through JShell (fast, no Jupyter needed) and are committed clean.
 * `./kit run` executes them in a real Jupyter kernel as well.
 *
 * <p>One dynamic test per notebook, named after it: an empty notebooks/ folder gives none (the
 * factories then show zero tests), a notebook added later gets its own test at once.
 */
class NotebookJShellTest {

    static final Path NOTEBOOKS = Path.of("notebooks");
    static final Path FIXTURES = Path.of("src/test/resources/notebook-fixtures");
    /** The one line every notebook in notebooks/ starts with: library and dependencies as classes. */
    static final String CLASSPATH_CELL = "%classpath ../target/kit-classes";

    @Test
    void notebooksFolderExists() {
        assertTrue(Files.isDirectory(NOTEBOOKS), "the notebooks folder " + NOTEBOOKS.toAbsolutePath()
                + " is missing");
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRunsInJShell() {
        return Notebook.in(NOTEBOOKS).stream()
                .map(path -> dynamicTest(path.getFileName() + " runs in JShell",
                        () -> JShellNotebookRunner.run(Notebook.read(path))));
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookIsCommittedClean() {
        return Notebook.in(NOTEBOOKS).stream()
                .map(path -> dynamicTest(path.getFileName() + " has no outputs and loads the library first",
                        () -> assertClean(Notebook.read(path))));
    }

    static void assertClean(Notebook notebook) {
        List<String> problems = new ArrayList<>();
        for (Notebook.CodeCell cell : notebook.codeCells()) {
            JsonNode outputs = cell.json().path("outputs");
            if (!outputs.isArray() || outputs.size() > 0) {
                problems.add("cell " + cell.index() + " has outputs");
            }
            if (!cell.json().path("execution_count").isNull()) {
                problems.add("cell " + cell.index() + " has execution_count "
                        + cell.json().path("execution_count"));
            }
        }
        if (notebook.codeCells().isEmpty()
                || !notebook.codeCells().get(0).source().strip().equals(CLASSPATH_CELL)) {
            problems.add("the first code cell must be exactly \"" + CLASSPATH_CELL + "\", alone");
        }
        assertTrue(problems.isEmpty(), notebook.name() + ": " + String.join("; ", problems)
                + " (clear the outputs before committing: Kernel > Restart & Clear Output)");
    }

    @Test
    void aNotebookThatComputesAGradientAndDrawsRunsThrough() {
        JShellNotebookRunner.run(Notebook.read(FIXTURES.resolve("value-and-image.ipynb")));
    }

    @Test
    void aNotebookThatThrowsFailsAtThatCellWithTheException() {
        var failure = assertThrows(JShellNotebookRunner.Failure.class,
                () -> JShellNotebookRunner.run(Notebook.read(FIXTURES.resolve("fails.ipynb"))));
        assertEquals(3, failure.cellIndex, failure.getMessage());
        assertTrue(failure.getMessage().contains("java.lang.IllegalArgumentException"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Settings.setReluGradAtZero(2.0);"), failure.getMessage());
    }

    @Test
    void fixturesAreCommittedClean() {
        // the fixtures sit deeper than notebooks/, so only outputs and counts are checked here
        for (String name : List.of("value-and-image.ipynb", "fails.ipynb")) {
            Notebook notebook = Notebook.read(FIXTURES.resolve(name));
            for (Notebook.CodeCell cell : notebook.codeCells()) {
                assertEquals(0, cell.json().path("outputs").size(), name + " cell " + cell.index());
                assertTrue(cell.json().path("execution_count").isNull(), name + " cell " + cell.index());
            }
        }
    }
}
