package gradkit.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

/** The start-up script of `./kit jshell` makes the README's first example work at once. */
class JShellStartupTest {

    static final Path STARTUP = Path.of("src/main/jshell/gradkit.jsh");
    static final Path CLASSES = Path.of("target/kit-classes");

    @Test
    void theFirstExampleWorksAfterTheStartupScript() throws IOException {
        try (JShell shell = JShell.builder().build()) {
            shell.addToClasspath(CLASSES.toAbsolutePath().toString());
            for (String snippet : snippets(Files.readString(STARTUP), shell)) {
                for (SnippetEvent event : shell.eval(snippet)) {
                    assertEquals(Snippet.Status.VALID, event.status(), snippet + ": "
                            + shell.diagnostics(event.snippet()).map(d -> d.getMessage(null)).toList());
                }
            }
            String last = null;
            for (String snippet : snippets("var a = Value.of(2.0); var b = a.mul(a).add(1); b.backward(); a.grad()",
                    shell)) {
                for (SnippetEvent event : shell.eval(snippet)) {
                    assertEquals(Snippet.Status.VALID, event.status(), snippet);
                    assertNull(event.exception(), snippet);
                    last = event.value();
                }
            }
            assertEquals("4.0", last);
        }
    }

    @Test
    void theStartupScriptImportsEveryLibraryPackage() throws IOException {
        String script = Files.readString(STARTUP);
        for (String pkg : List.of("engine", "nn", "check", "data", "viz", "io")) {
            assertTrue(script.contains("import gradkit." + pkg + ".*;"), "missing gradkit." + pkg);
        }
    }

    static List<String> snippets(String source, JShell shell) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        List<String> snippets = new ArrayList<>();
        String remaining = source;
        while (true) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                return snippets;
            }
            assertTrue(info.completeness().isComplete(), "incomplete: " + remaining);
            snippets.add(info.source());
            remaining = info.remaining();
        }
    }
}
