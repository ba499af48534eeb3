package gradkit.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class CellTest {

    @Test
    void aCellOfCodeIsOnePart() {
        assertEquals(List.of(new Cell.Code("int x = 1;\nx % 2")), Cell.parse("int x = 1;\nx % 2"));
    }

    @Test
    void lineMagicsAndCodeKeepTheirOrder() {
        List<Cell.Part> parts = Cell.parse("%classpath ../target/kit-classes\nimport gradkit.engine.*;\n%jars lib/*.jar\nValue.of(1)");
        assertEquals(List.of(
                new Cell.LineMagic("classpath", List.of("../target/kit-classes")),
                new Cell.Code("import gradkit.engine.*;"),
                new Cell.LineMagic("jars", List.of("lib/*.jar")),
                new Cell.Code("Value.of(1)")), parts);
    }

    @Test
    void aMagicAloneHasNoCodePart() {
        assertEquals(List.of(new Cell.LineMagic("classpath", List.of("a", "b"))), Cell.parse("%classpath a b\n"));
    }

    @Test
    void aCellMagicTakesTheRestOfTheCellAsItsBody() {
        assertEquals(List.of(new Cell.CellMagic("html", List.of(), "<b>x</b>\n%not a magic")),
                Cell.parse("%%html\n<b>x</b>\n%not a magic"));
        assertEquals(List.of(new Cell.CellMagic("writefile", List.of("out.txt"), "")), Cell.parse("%%writefile out.txt"));
    }

    @Test
    void aPercentSignInsideALineIsCode() {
        assertEquals(List.of(new Cell.Code("  %classpath x")), Cell.parse("  %classpath x"));
    }

    @Test
    void argumentsSplitLikeAShellDoes() {
        assertEquals(List.of("load", "my file.jsh", "x y", "it's"), Cell.words("load \"my file.jsh\" x\\ y \"it's\""));
        assertEquals(List.of("a b", "c"), Cell.words("  'a b'   c  "));
        assertEquals(List.of(""), Cell.words("\"\""));
    }

    @Test
    void anUnclosedQuoteOrAMissingNameIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> Cell.words("load \"my file"));
        assertThrows(IllegalArgumentException.class, () -> Cell.parse("% classpath x"));
        assertThrows(IllegalArgumentException.class, () -> Cell.parse("%"));
    }
}
