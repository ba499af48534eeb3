package gradkit.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
                if (isImportOfMissingGradkitPackage(snippet)) {
                    // TODO(after merge): every gradkit package exists then; drop this skip so that a
                    // wrong import in the start-up script fails here.
                    continue;
                }
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

    /** An import of a gradkit package that has no classes in target/kit-classes yet. */
    static boolean isImportOfMissingGradkitPackage(String snippet) throws IOException {
        String s = snippet.lines().filter(line -> !line.strip().startsWith("//"))
                .collect(Collectors.joining("\n")).strip();
        if (!s.startsWith("import gradkit.")) {
            return false;
        }
        String name = s.substring("import ".length(), s.length() - 1); // gradkit.nn.* or gradkit.nn.Module
        String pkg = name.endsWith(".*") ? name.substring(0, name.length() - 2)
                : name.substring(0, name.lastIndexOf('.'));
        Path dir = CLASSES.resolve(pkg.replace('.', '/'));
        if (!Files.isDirectory(dir)) {
            return true;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.noneMatch(p -> p.toString().endsWith(".class"));
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
