package gradkit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the grader reads {@code @Points} tests from source text: the forms it accepts and the ones it refuses. */
class TestDeclarationsTest {

    private static List<TestDeclarations.Declared> parse(String body) {
        return TestDeclarations.parse("package p;\nclass Ex01ATest {\n" + body + "\n}\n", "Ex01ATest.java");
    }

    private static String summary(List<TestDeclarations.Declared> tests) {
        return String.join("; ", tests.stream().map(d -> d.methodName() + "=" + d.points() + "/"
                + d.visibility().gradescopeName() + "/" + d.displayName()).toList());
    }

    @Test
    void theUsualFormAsTheGradingTestsWriteIt() {
        assertEquals("dfdx=2/visible/df/dx of \"f\"", summary(parse("""
                    @Test
                    @Points(2)
                    @DisplayName("df/dx of \\"f\\"")
                    void dfdx() {
                        assertEquals(1, 1);
                    }
                """)));
    }

    @Test
    void visibilityInAnySpellingAndElementsInAnyOrder() {
        assertEquals("a=3/after_due_date/a; b=1/hidden/b; c=2/after_published/c; d=4/visible/d", summary(parse("""
                    @Test @Points(value = 3, visibility = Points.Visibility.AFTER_DUE_DATE) void a() { }
                    @Test
                    @Points(visibility=Visibility.HIDDEN, value=1)
                    public void b() { }
                    @gradkit.grading.Points(
                            value = 2,   // a comment inside
                            visibility = gradkit.grading.Points.Visibility.AFTER_PUBLISHED)
                    @Test
                    void c() { }
                    @Points( value = 4 , visibility = VISIBLE ) @Test void d() { }
                """)));
    }

    @Test
    void annotationsWithBracesParenthesesAndStringsAroundItStillBelongToTheMethod() {
        assertEquals("kinks=2/visible/at x = 0, {1} (a ) b); second=1/visible/second", summary(parse("""
                    @ParameterizedTest(name = "x = {0}")
                    @ValueSource(doubles = {0.0, -1.0})
                    @Points(2)
                    @DisplayName("at x = 0, " + "{1} (a ) b)")
                    void kinks(double x) { }

                    /** A javadoc with @Points(9) in it, and a line comment: */
                    // @Points(7)
                    private static final String TEXT = "@Points(8) void fake() {";

                    @Test
                    @Points(1) // worth one
                    void second() { }

                    void helper() { }
                """)));
    }

    @Test
    void aPointsThatCannotBeReadIsAnErrorWithItsLine() {
        IllegalArgumentException notANumber = assertThrows(IllegalArgumentException.class,
                () -> parse("    @Test\n    @Points(TWO)\n    void a() { }"));
        assertEquals("Ex01ATest.java:4: @Points needs a whole-number literal as its value, but got \"TWO\".",
                notANumber.getMessage());
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class, () -> parse("@Points(0) void a() {}"));
        assertTrue(zero.getMessage().contains("positive whole number"), zero.getMessage());
        IllegalArgumentException element = assertThrows(IllegalArgumentException.class,
                () -> parse("@Points(value = 1, weight = 2) void a() {}"));
        assertTrue(element.getMessage().contains("no element \"weight\""), element.getMessage());
        IllegalArgumentException visibility = assertThrows(IllegalArgumentException.class,
                () -> parse("@Points(value = 1, visibility = Visibility.LATER) void a() {}"));
        assertTrue(visibility.getMessage().contains("AFTER_DUE_DATE"), visibility.getMessage());
        IllegalArgumentException field = assertThrows(IllegalArgumentException.class,
                () -> parse("@Points(1) int a = 2;"));
        assertTrue(field.getMessage().contains("void name(...)"), field.getMessage());
        IllegalArgumentException returns = assertThrows(IllegalArgumentException.class,
                () -> parse("@Points(1) int a() { return 1; }"));
        assertTrue(returns.getMessage().contains("annotates \"int a\""), returns.getMessage());
    }

    @Test
    void theScannerGivesEveryTestItsVisibility(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("Ex07NeuronTest.java"), """
                package gradkit.exercises;
                class Ex07NeuronTest {
                    @Test @Points(2) void seen() { }
                    @Test @Points(value = 3, visibility = Points.Visibility.AFTER_DUE_DATE) void later() { }
                }
                """);
        Files.writeString(dir.resolve("Helper.java"), "class Helper { @Points(1) void notATest() { } }");
        List<TestScanner.Exercise> exercises = TestScanner.scan(dir);
        assertEquals(1, exercises.size());
        TestScanner.Exercise ex = exercises.get(0);
        assertEquals("ex07", ex.id());
        assertEquals("Ex07Neuron.java", ex.studentFile());
        assertEquals(5, ex.maxPoints());
        assertEquals(Points.Visibility.AFTER_DUE_DATE, ex.tests().get(1).visibility());
        assertEquals("gradkit.exercises.Ex07NeuronTest", ex.tests().get(1).className());
        assertEquals(List.of(dir.resolve("Helper.java")), TestScanner.helpers(dir));
    }

    @Test
    void theKitsGradingTestsAreReadInFull() {
        List<TestScanner.Exercise> exercises = TestScanner.scan(Grader.DEFAULT_TESTS);
        assertTrue(exercises.size() >= 10);
        for (TestScanner.Exercise ex : exercises) {
            String source;
            try {
                source = Files.readString(ex.testSource());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            long written = source.lines().filter(l -> l.strip().startsWith("@Points")).count();
            assertEquals(written, ex.tests().size(), ex.id() + ": one test per @Points line");
        }
    }
}
