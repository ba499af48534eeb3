package gradkit.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import gradkit.viz.GraphDrawing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notebooks in notebooks/ run through JShell (fast, no Jupyter needed) and are committed clean.
 * `./kit run` executes them in a real Jupyter kernel as well.
 *
 * <p>One dynamic test per notebook, named after it: an empty notebooks/ folder gives none (the
 * factories then show zero tests), a notebook added later gets its own test at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
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

    /**
     * Every run of a notebook below, started together before the tests ask for them, {@link #AT_ONCE} at
     * a time: each run is one JShell and the JVM its cells run in, about one core's work, and the
     * runs take most of this build's time. The tests then wait for their own run.
     */
    private final Map<Path, Future<String>> withGraphviz = new LinkedHashMap<>();
    private final Map<Path, Future<String>> withoutGraphviz = new LinkedHashMap<>();
    private ExecutorService runner;

    /** As many runs at once as the machine has cores, and at most two (more only wait for each other). */
    static final int AT_ONCE = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));

    @BeforeAll
    void startEveryRun(@TempDir Path empty) {
        runner = Executors.newFixedThreadPool(AT_ONCE);
        // a dot program that is not there: the notebooks run as on a laptop without Graphviz
        String noDot = "-Dgradkit.dot=" + empty.resolve("dot");
        if (!Files.isDirectory(NOTEBOOKS)) {
            return;   // notebooksFolderExists says so
        }
        for (Path path : Notebook.in(NOTEBOOKS)) {
            Notebook notebook = Notebook.read(path);
            withGraphviz.put(path, runner.submit(() -> JShellNotebookRunner.run(notebook)));
            if (draws(notebook)) {
                withoutGraphviz.put(path, runner.submit(() -> JShellNotebookRunner.run(notebook, noDot)));
            }
        }
    }

    @AfterAll
    void stopRuns() {
        runner.shutdownNow();
    }

    /** What a run printed, or the failure it ended with, thrown here as it was thrown there. */
    private static String printedBy(Future<String> run) throws Exception {
        try {
            return run.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;   // a JShellNotebookRunner.Failure, or an assertion
            }
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * Every notebook, with Graphviz as this machine has it: where {@code dot} is installed, no drawing
     * says it is missing.
     */
    @TestFactory
    Stream<DynamicTest> everyNotebookRunsInJShell() {
        return withGraphviz.entrySet().stream()
                .map(run -> dynamicTest(run.getKey().getFileName() + " runs in JShell", () -> {
                    String printed = printedBy(run.getValue());
                    if (GraphDrawing.dotAvailable()) {
                        assertFalse(printed.contains(NO_PICTURE), run.getKey() + " said Graphviz is missing:\n"
                                + printed);
                    }
                }));
    }

    /**
     * The notebooks that draw, as on a laptop without Graphviz: the system property gradkit.dot names
     * a program that is not there, so every drawing is the sentence that says how to install
     * Graphviz, and every other cell runs as before. (Only GraphDrawing runs Graphviz, so the
     * notebooks that do not mention it run the same either way, and are run once, above.)
     */
    @TestFactory
    Stream<DynamicTest> everyNotebookThatDrawsRunsWithoutGraphviz() {
        return withoutGraphviz.entrySet().stream()
                .map(run -> dynamicTest(run.getKey().getFileName() + " runs without Graphviz", () -> {
                    Path path = run.getKey();
                    String printed = printedBy(run.getValue());
                    int drawings = count(source(Notebook.read(path)), "GraphDrawing.show(");
                    assertTrue(drawings > 0, path + " mentions GraphDrawing but draws with something else than show");
                    assertEquals(drawings, count(printed, NO_PICTURE),
                            "one sentence per drawing in " + path + ":\n" + printed);
                    for (String command : List.of("sudo apt-get install graphviz", "brew install graphviz",
                            "winget install graphviz", "conda install -c conda-forge graphviz")) {
                        assertTrue(printed.contains(command), command);
                    }
                }));
    }

    private static boolean draws(Notebook notebook) {
        return source(notebook).contains("GraphDrawing");
    }

    /** The beginning of the sentence a drawing is where Graphviz is missing. */
    static final String NO_PICTURE = "No picture: drawing a graph needs Graphviz's dot program";

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    private static String source(Notebook notebook) {
        return notebook.codeCells().stream().map(Notebook.CodeCell::source).collect(Collectors.joining("\n"));
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
