package gradkit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exercise 12's planted bugs, built from the correct Rules and each bug's file: each differs from the
 * correct class only inside the method it is meant to break, keeps its line numbers and compiles; and a
 * bug's file that does not fit the correct class is refused with a sentence saying why.
 */
class PlantedBugTest {
    private static final Path FOLDER = Grader.DEFAULT_TESTS.resolve("implementations").resolve("ex12");
    /** Each bug and the method of Rules it is meant to change (the README of the folder says why). */
    private static final Map<String, String> INTENDED = new TreeMap<>(Map.of("sigmoid-overwrites", "sigmoid",
            "sigmoid-no-upstream", "sigmoid", "div-no-upstream", "div", "div-sign", "div", "max-tie-to-both", "max",
            "softmax-index", "softmaxRule"));
    /** A method's header line in Rules: four spaces, modifiers, a type, the name and "(". */
    private static final Pattern METHOD = Pattern.compile("^    (?:public |private )static [\\w\\[\\]]+ (\\w+)\\(.*\\{$");

    @Test
    void eachBugDiffersFromTheCorrectRulesOnlyInItsMethodAndCompiles(@TempDir Path scratch) throws IOException {
        List<PlantedBug.Source> correct = ImplementationRuns.correctSources(FOLDER);
        assertEquals(List.of("Rules.java"), correct.stream().map(PlantedBug.Source::fileName).toList());
        List<String> correctLines = correct.get(0).text().lines().toList();
        List<PlantedBug> bugs = ImplementationRuns.plantedBugs(FOLDER);
        assertEquals(List.copyOf(INTENDED.keySet()), bugs.stream().map(PlantedBug::name).sorted().toList());
        for (PlantedBug bug : bugs) {
            List<PlantedBug.Source> built = bug.apply(correct);
            assertEquals(1, built.size());
            String text = built.get(0).text();
            List<String> lines = text.lines().toList();
            assertEquals(correctLines.size(), lines.size(), () -> bug.name() + " has other line numbers");
            List<Integer> changed = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).equals(correctLines.get(i))) {
                    changed.add(i);
                }
            }
            assertFalse(changed.isEmpty(), () -> bug.name() + " is the correct class");
            for (int i : changed) {
                assertEquals(INTENDED.get(bug.name()), methodAt(correctLines, i),
                        bug.name() + " changes line " + (i + 1) + ": " + lines.get(i));
            }
            assertCompiles(scratch.resolve(bug.name()), text);
        }
    }

    /** The name of the method whose body holds line {@code line}: the last header above it. */
    private static String methodAt(List<String> lines, int line) {
        for (int i = line; i >= 0; i--) {
            Matcher m = METHOD.matcher(lines.get(i));
            if (m.matches()) {
                return m.group(1);
            }
        }
        return "(no method)";
    }

    private static void assertCompiles(Path folder, String source) throws IOException {
        Path file = folder.resolve("src").resolve("Rules.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(null, null, errors, "--release", "17", "-classpath", Path.of("target", "classes").toString(),
                "-d", folder.resolve("classes").toString(), file.toString());
        assertEquals(0, status, () -> folder.getFileName() + " does not compile: " + errors.toString(StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(folder.resolve("classes/gradkit/exercises/Rules.class")));
    }

    private static final List<PlantedBug.Source> TWO_RULES = List.of(new PlantedBug.Source("Rules.java", """
            class Rules {
                static Runnable twice(int[] x) {
                    return () -> {
                        x[0] += 2;
                    };
                }

                static Runnable thrice(int[] x) {
                    return () -> {
                        x[0] += 3;
                    };
                }
            }
            """));

    @Test
    void aRuleIsReplacedLineForLine() {
        PlantedBug bug = new PlantedBug("once", "static Runnable thrice(int[] x) {", List.of("            x[0] = 3;"));
        String built = bug.apply(TWO_RULES).get(0).text();
        assertEquals(TWO_RULES.get(0).text().replace("x[0] += 3;", "x[0] = 3;"), built);
    }

    @Test
    void aMethodThatIsNotThereIsRefused() {
        PlantedBug bug = new PlantedBug("missing", "static Runnable once(int[] x) {", List.of("            x[0] = 1;"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bug.apply(TWO_RULES));
        assertEquals("The planted bug missing rewrites the rule of the method \"static Runnable once(int[] x) {\","
                + " which the correct implementation must declare once, but it has 0 of them.", e.getMessage());
    }

    @Test
    void aMethodDeclaredTwiceIsRefused() {
        List<PlantedBug.Source> twice = List.of(TWO_RULES.get(0), new PlantedBug.Source("Other.java",
                TWO_RULES.get(0).text().replace("class Rules", "class Other")));
        PlantedBug bug = new PlantedBug("twice", "static Runnable twice(int[] x) {", List.of("            x[0] = 2;"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bug.apply(twice));
        assertTrue(e.getMessage().endsWith("which the correct implementation must declare once, but it has 2 of them."),
                e.getMessage());
    }

    @Test
    void aRuleOfAnotherLengthIsRefused() {
        PlantedBug bug = new PlantedBug("longer", "static Runnable twice(int[] x) {",
                List.of("            x[0] += 1;", "            x[0] += 1;"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bug.apply(TWO_RULES));
        assertEquals("The planted bug longer writes the rule of \"static Runnable twice(int[] x) {\" in 2 line(s), but"
                + " the correct rule has 1: a bug must keep the correct class's line numbers.", e.getMessage());
    }

    @Test
    void aMethodWithoutARuleIsRefused() {
        List<PlantedBug.Source> plain = List.of(new PlantedBug.Source("Rules.java",
                "class Rules {\n    static int two() {\n        return 2;\n    }\n}\n"));
        PlantedBug bug = new PlantedBug("plain", "static int two() {", List.of("        return 3;"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bug.apply(plain));
        assertEquals("The planted bug plain rewrites the rule of \"static int two() {\" in Rules.java, which must write"
                + " one lambda (a line ending in \"-> {\"), but it writes 0.", e.getMessage());
    }

    @Test
    void aFileWithoutABodyIsRefused(@TempDir Path folder) throws IOException {
        Path file = Files.writeString(folder.resolve("empty.rule"), "# nothing but a comment\n    static int two() {\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PlantedBug.read(file));
        assertTrue(e.getMessage().endsWith("must hold a method's header line and then the body of its rule, but it"
                + " holds 1 line(s) besides its # comments."), e.getMessage());
    }
}
