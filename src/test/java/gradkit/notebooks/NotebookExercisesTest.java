package gradkit.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each notebook opens clean in Jupyter and ends with a check of its exercises: its kernelspec is the
 * `java` kernel the kit installs (otherwise Jupyter marks it modified as soon as it opens), its
 * exercise links point at files that exist, in the form Jupyter's editor opens, and its last code
 * cell checks exactly the exercises it links to.
 */
class NotebookExercisesTest {

    private static final Path KERNEL_INSTALLER = Path.of("tools", "java_kernel.py");
    private static final Pattern DISPLAY_NAME = Pattern.compile("(?:DISPLAY_NAME\\s*=\\s*|\"display_name\":\\s*)\"([^\"]+)\"");
    /** A link to an exercise file in Jupyter's editor, from notebooks/ with the server's root the repository. */
    private static final Pattern EDIT_LINK = Pattern.compile("\\]\\(\\.\\./\\.\\./edit/exercises/(Ex(\\d+)\\w*\\.java)\\)");
    private static final Pattern CHECK = Pattern.compile("(?m)^var grading = gradkit\\.exercises\\.Exercises\\.check\\(([^)]*)\\);$");

    /** What the kit's kernel reports as its language_info (tools/kernel, JavaKernel.getLanguageInfo). */
    static final String KIT_LANGUAGE_INFO = "{\"name\":\"java\",\"mimetype\":\"text/x-java-source\","
            + "\"file_extension\":\".jshell\",\"pygments_lexer\":\"java\",\"codemirror_mode\":\"java\"}";

    /** The display name tools/java_kernel.py installs the `java` kernel with. */
    static String installedDisplayName() throws IOException {
        Matcher m = DISPLAY_NAME.matcher(Files.readString(KERNEL_INSTALLER));
        assertTrue(m.find(), "no display name found in " + KERNEL_INSTALLER);
        return m.group(1);
    }

    @TestFactory
    Stream<DynamicTest> everyNotebooksKernelspecIsTheKitsJavaKernel() {
        return Notebook.in(NotebookJShellTest.NOTEBOOKS).stream().map(path -> dynamicTest(path.getFileName() + "", () -> {
            JsonNode metadata = new ObjectMapper().readTree(path.toFile()).path("metadata");
            JsonNode spec = metadata.path("kernelspec");
            assertEquals("java", spec.path("name").asText(), path + ": kernelspec name");
            assertEquals("java", spec.path("language").asText(), path + ": kernelspec language");
            assertEquals(installedDisplayName(), spec.path("display_name").asText(), path + ": kernelspec display_name"
                    + " must be the one " + KERNEL_INSTALLER + " installs, or Jupyter marks the notebook modified on opening");
            assertEquals(3, spec.size(), path + ": kernelspec has exactly name, display_name and language");
            assertEquals(new ObjectMapper().readTree(KIT_LANGUAGE_INFO), metadata.path("language_info"), path
                    + ": language_info must be what the kit's kernel reports, or Jupyter marks the notebook modified");
        }));
    }

    /** nbformat 4.5 gives every cell an id; one without would be given one on opening, a modification. */
    @TestFactory
    Stream<DynamicTest> everyCellHasItsOwnId() {
        return Notebook.in(NotebookJShellTest.NOTEBOOKS).stream().map(path -> dynamicTest(path.getFileName() + "", () -> {
            Set<String> ids = new LinkedHashSet<>();
            int i = 0;
            for (JsonNode cell : new ObjectMapper().readTree(path.toFile()).path("cells")) {
                String id = cell.path("id").asText("");
                int index = i++;
                assertTrue(!id.isEmpty(), () -> path + ": cell " + index + " has no id");
                assertTrue(ids.add(id), () -> path + ": cell " + index + " repeats the id " + id);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookEndsByCheckingTheExercisesItLinks() {
        return Notebook.in(NotebookJShellTest.NOTEBOOKS).stream().map(path -> dynamicTest(path.getFileName() + "", () -> {
            JsonNode cells = new ObjectMapper().readTree(path.toFile()).path("cells");
            Set<String> linked = new LinkedHashSet<>();
            List<String> problems = new ArrayList<>();
            for (JsonNode cell : cells) {
                if (cell.path("cell_type").asText().equals("markdown")) {
                    Matcher m = EDIT_LINK.matcher(text(cell));
                    while (m.find()) {
                        if (!Files.isRegularFile(Path.of("exercises", m.group(1)))) {
                            problems.add("links to exercises/" + m.group(1) + ", which does not exist");
                        }
                        linked.add(String.format("ex%02d", Integer.parseInt(m.group(2))));
                    }
                }
            }
            JsonNode last = cells.get(cells.size() - 1);
            Matcher check = CHECK.matcher(last.path("cell_type").asText().equals("code") ? text(last) : "");
            assertTrue(check.find(), path + ": the last cell must be a code cell with var grading = gradkit.exercises.Exercises.check(...);");
            Set<String> checked = new LinkedHashSet<>();
            for (String id : check.group(1).split(",")) {
                checked.add(id.strip().replace("\"", ""));
            }
            assertTrue(problems.isEmpty(), path + ": " + problems);
            assertTrue(linked.containsAll(checked), path + ": checks " + checked + " but links only " + linked);
            assertTrue(!checked.isEmpty(), path + ": checks no exercise");
        }));
    }

    private static String text(JsonNode cell) {
        StringBuilder joined = new StringBuilder();
        cell.path("source").forEach(line -> joined.append(line.asText()));
        return joined.toString();
    }
}
