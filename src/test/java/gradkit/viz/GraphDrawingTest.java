package gradkit.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gradkit.engine.Graph;
import gradkit.engine.Value;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class GraphDrawingTest {

    private static final Pattern EDGE = Pattern.compile("v(\\d+)(_op)? -> v(\\d+)(_op)?;");

    /** relu(a*b + c) with a*b + c = 0: the relu sits exactly on its kink. */
    private static Value reluAtKink() {
        Value a = Value.of(2.0, "a");
        Value b = Value.of(-3.0, "b");
        Value c = Value.of(6.0, "c");
        Value out = a.mul(b).add(c).relu().label("out");
        out.backward();
        return out;
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void oneBoxPerValueAndOneOvalPerOperation() {
        Value out = reluAtKink();
        String dot = GraphDrawing.toDot(out);
        Graph graph = Graph.of(out);
        int operations = graph.size() - graph.leaves().size();

        assertEquals(6, graph.size());
        assertEquals(graph.size(), count(dot, "shape=record"));
        assertEquals(operations, count(dot, "shape=ellipse"));
        assertTrue(dot.contains("label=\"*\""), dot);
        assertTrue(dot.contains("label=\"+\""), dot);
        assertTrue(dot.contains("label=\"relu\\nat kink\""), dot);
        assertTrue(dot.contains("rankdir=LR"), dot);
    }

    @Test
    void boxesShowLabelDataAndGrad() {
        Value x = Value.of(3.0, "x");
        Value y = x.mul(x).label("y");
        y.backward(); // dy/dx = 2x = 6
        String dot = GraphDrawing.toDot(y);
        assertTrue(dot.contains("v0 [shape=record, label=\"{ x | data 3 | grad 6 }\"]"), dot);
        assertTrue(dot.contains("v1 [shape=record, label=\"{ y | data 9 | grad 1 }\"]"), dot);
    }

    @Test
    void unlabelledValuesShowOnlyDataAndGrad() {
        String dot = GraphDrawing.toDot(Value.of(0.5).exp());
        assertTrue(dot.contains("v0 [shape=record, label=\"{ data 0.5 | grad 0 }\"]"), dot);
    }

    @Test
    void edgesRunFromOperandsToOperationToResult() {
        Value out = reluAtKink();
        String dot = GraphDrawing.toDot(out);
        List<Value> nodes = Graph.of(out).nodes();

        Matcher m = EDGE.matcher(dot);
        int edges = 0;
        while (m.find()) {
            edges++;
            int from = Integer.parseInt(m.group(1));
            int to = Integer.parseInt(m.group(3));
            boolean fromOp = m.group(2) != null;
            boolean toOp = m.group(4) != null;
            if (fromOp) {
                // an operation feeds exactly the value it made
                assertFalse(toOp, m.group());
                assertEquals(from, to, m.group());
            } else {
                // a value feeds an operation of a later value that has it as a parent
                assertTrue(toOp, m.group());
                assertTrue(from < to, m.group());
                assertTrue(nodes.get(to).parents().contains(nodes.get(from)), m.group());
            }
        }
        // one edge per operand, plus one from each operation to its result: 2 + 2 + 1 and 3 operations
        assertEquals(8, edges);
        assertTrue(dot.contains("v0 -> v2_op;"), dot);
        assertTrue(dot.contains("v2_op -> v2;"), dot);
        assertTrue(dot.contains("v4 -> v5_op;"), dot);
    }

    @Test
    void aValueUsedTwiceFeedsTheOperationTwice() {
        Value x = Value.of(3.0, "x");
        String dot = GraphDrawing.toDot(x.mul(x));
        assertEquals(2, count(dot, "v0 -> v1_op;"), dot);
    }

    @Test
    void theTextIsTheSameForTheSameExpression() {
        assertEquals(GraphDrawing.toDot(reluAtKink()), GraphDrawing.toDot(reluAtKink()));
    }

    static Stream<Arguments> kinkedOperations() {
        return Stream.of(
                Arguments.of("relu", 0.0, 1.5, (DoubleFunction<Value>) x -> Value.of(x).relu()),
                Arguments.of("abs", 0.0, -2.0, (DoubleFunction<Value>) x -> Value.of(x).abs()),
                Arguments.of("leakyRelu", 0.0, -1.0, (DoubleFunction<Value>) x -> Value.of(x).leakyRelu(0.1)),
                Arguments.of("max", 1.0, 0.5, (DoubleFunction<Value>) x -> Value.of(x).max(1.0)),
                Arguments.of("min", 1.0, 2.0, (DoubleFunction<Value>) x -> Value.of(x).min(1.0)));
    }

    @ParameterizedTest(name = "{0} is marked at its kink and only there")
    @MethodSource("kinkedOperations")
    void kinkMarkingExactlyWhereTheOperationSitsOnItsKink(String op, double kink, double elsewhere,
                                                         DoubleFunction<Value> build) {
        Value atKink = build.apply(kink).mul(2.0).add(1.0);
        String dot = GraphDrawing.toDot(atKink);
        assertEquals(1, Graph.of(atKink).kinks().size());
        assertEquals(1, count(dot, "at kink"), dot);
        assertTrue(dot.contains("label=\"" + op + "\\nat kink\""), dot);
        assertEquals(1, count(dot, "fillcolor="), dot);

        String smooth = GraphDrawing.toDot(build.apply(elsewhere).mul(2.0).add(1.0));
        assertEquals(0, count(smooth, "at kink"), smooth);
        assertEquals(0, count(smooth, "fillcolor="), smooth);
    }

    @Test
    void everyKinkInAGraphIsMarked() {
        Value x = Value.of(0.0, "x");
        Value y = x.relu().add(x.abs()).add(x.max(0.0)).add(Value.of(1.0).relu());
        assertEquals(3, Graph.of(y).kinks().size());
        assertEquals(3, count(GraphDrawing.toDot(y), "at kink"));
    }

    @Test
    void labelsAreEscaped() {
        Value odd = Value.of(1.0, "{a|b} <c> \"q\" \\");
        String dot = GraphDrawing.toDot(odd);
        assertTrue(dot.contains("\\{a\\|b\\}\\ \\<c\\>\\ \\\"q\\\"\\ \\\\"), dot);
    }

    @ParameterizedTest
    @CsvSource({
        "2.0, 2",
        "-0.5, -0.5",
        "3.141592653589793, 3.142",
        "0.000123456, 0.0001235",
        "1.23456e-6, 1.235e-06",
        "12345.0, 1.235e+04",
        "100.0, 100",
        "-6.0, -6",
    })
    void numbersAreCompact(double x, String expected) {
        assertEquals(expected, GraphDrawing.compact(x));
    }

    @Test
    void specialNumbersAreNamed() {
        assertEquals("NaN", GraphDrawing.compact(Double.NaN));
        assertEquals("inf", GraphDrawing.compact(Double.POSITIVE_INFINITY));
        assertEquals("-inf", GraphDrawing.compact(Double.NEGATIVE_INFINITY));
        assertEquals("0", GraphDrawing.compact(0.0));
        assertEquals("-0", GraphDrawing.compact(-0.0));
    }

    @Test
    void nullIsRefusedWithAMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GraphDrawing.toDot(null));
        assertTrue(e.getMessage().contains("null"));
    }

    // ---------------------------------------------------------------- pictures

    @Test
    void drawReturnsAPictureWiderThanHigh() {
        assumeTrue(GraphDrawing.dotAvailable(), "Graphviz's dot is not installed: apt-get install graphviz");
        BufferedImage picture = GraphDrawing.draw(reluAtKink());
        // six boxes and three ovals in a row, left to right
        assertTrue(picture.getWidth() > 600, "width " + picture.getWidth());
        assertTrue(picture.getHeight() > 50, "height " + picture.getHeight());
        assertTrue(picture.getWidth() > 3 * picture.getHeight(), picture.getWidth() + " x " + picture.getHeight());
    }

    @Test
    void drawSvgReturnsAnSvgDocumentWithTheTexts() {
        assumeTrue(GraphDrawing.dotAvailable(), "Graphviz's dot is not installed: apt-get install graphviz");
        String svg = GraphDrawing.drawSvg(reluAtKink());
        assertTrue(svg.contains("<svg"), svg);
        assertTrue(svg.contains("at kink"), svg);
        assertTrue(svg.contains("&gt;") || svg.contains(">out<"), svg);
        assertTrue(svg.trim().endsWith("</svg>"), svg);
    }

    @Test
    void escapedLabelsAreAcceptedByGraphviz() {
        assumeTrue(GraphDrawing.dotAvailable(), "Graphviz's dot is not installed: apt-get install graphviz");
        Value odd = Value.of(1.0, "{a|b} <c> \"q\"").mul(2.0);
        String svg = GraphDrawing.drawSvg(odd);
        assertTrue(svg.contains("{a|b} &lt;c&gt; &quot;q&quot;"), svg);
    }

    @Test
    void largeGraphsAreRefusedUnlessTheLimitIsRaised() {
        Value x = Value.of(1.0, "x");
        for (int i = 0; i < 250; i++) {
            x = x.add(1.0); // each step adds a constant leaf and a sum: 1 + 2 * 250 = 501 values
        }
        Value big = x;
        assertEquals(501, Graph.of(big).size());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> GraphDrawing.draw(big));
        assertTrue(e.getMessage().contains("501 values"), e.getMessage());
        assertTrue(e.getMessage().contains("GraphDrawing.draw(value, 501)"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> GraphDrawing.drawSvg(big));

        // The limit is the caller's to move: a six-value graph against limits of 5 and 6.
        Value small = reluAtKink();
        assertThrows(IllegalStateException.class, () -> GraphDrawing.draw(small, 5));
        assumeTrue(GraphDrawing.dotAvailable(), "Graphviz's dot is not installed: apt-get install graphviz");
        assertNotNull(GraphDrawing.draw(small, 6));
    }

    @Test
    void withoutGraphvizShowPrintsHowToInstallItInsteadOfThePicture() {
        var printed = new java.io.ByteArrayOutputStream();
        BufferedImage shown = GraphDrawing.show(reluAtKink(), false,
                new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        assertNull(shown, "nothing for a notebook to show but the sentence");
        String sentence = printed.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(Graphviz.notInstalledMessage() + System.lineSeparator(), sentence);
        assertTrue(sentence.startsWith("No picture: drawing a graph needs Graphviz's dot program"), sentence);
        assertTrue(sentence.contains("'winget install graphviz' (Windows)"), sentence);
    }

    @Test
    void withGraphvizShowIsTheDrawing() {
        assumeTrue(GraphDrawing.dotAvailable(), "Graphviz's dot is not installed: apt-get install graphviz");
        var printed = new java.io.ByteArrayOutputStream();
        BufferedImage shown = GraphDrawing.show(reluAtKink(), true, new java.io.PrintStream(printed));
        BufferedImage drawn = GraphDrawing.draw(reluAtKink());
        assertEquals(drawn.getWidth(), shown.getWidth());
        assertEquals(drawn.getHeight(), shown.getHeight());
        assertEquals(0, printed.size(), "nothing printed beside the picture");
        assertNotNull(GraphDrawing.show(reluAtKink()));
    }

    @Test
    void showRefusesALargeGraphWithOrWithoutGraphviz() {
        Value x = Value.of(1.0, "x");
        for (int i = 0; i < 250; i++) {
            x = x.add(1.0);
        }
        Value big = x;
        for (boolean installed : new boolean[] {false, true}) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> GraphDrawing.show(big, installed, System.out));
            assertTrue(e.getMessage().contains("501 values"), e.getMessage());
        }
    }

    // ---------------------------------------------------------------- fitting the page

    /** tanh(w1*x1 + w2*x2 + b), written out with exp as in micrograd's lecture: a long graph. */
    private static Value tanhNeuronWrittenOut() {
        Value x1 = Value.of(2.0, "x1"), x2 = Value.of(0.0, "x2");
        Value w1 = Value.of(-3.0, "w1"), w2 = Value.of(1.0, "w2");
        Value b = Value.of(6.8813735870195432, "b");
        Value n = x1.mul(w1).label("x1w1").add(x2.mul(w2).label("x2w2")).label("x1w1 + x2w2").add(b).label("n");
        Value e = n.mul(2).exp().label("e");
        Value o = e.sub(1).div(e.add(1)).label("o");
        o.backward();
        return o;
    }

    @Test
    void theDirectionIsTheCallersInTheDotText() {
        String leftToRight = GraphDrawing.toDot(reluAtKink(), GraphDrawing.Direction.LEFT_TO_RIGHT);
        String topToBottom = GraphDrawing.toDot(reluAtKink(), GraphDrawing.Direction.TOP_TO_BOTTOM);
        assertEquals(GraphDrawing.toDot(reluAtKink()), leftToRight);
        assertTrue(topToBottom.contains("rankdir=TB"), topToBottom);
        assertEquals(leftToRight.replace("rankdir=LR", "rankdir=TB"), topToBottom);
        assertThrows(IllegalArgumentException.class, () -> GraphDrawing.toDot(reluAtKink(), null));
    }

    @Test
    void aGraphThatFitsThePageReadsLeftToRight() {
        assumeTrue(GraphDrawing.dotAvailable(), "Graphviz's dot is not installed: apt-get install graphviz");
        Value small = Value.of(2.0, "a").mul(Value.of(3.0, "b")).label("c");
        String svg = GraphDrawing.drawSvg(small);
        double width = Graphviz.layoutWidthInches(GraphDrawing.toDot(small)) * Graphviz.PIXELS_PER_INCH;
        assertTrue(width <= GraphDrawing.WIDEST_LEFT_TO_RIGHT, "width " + width);
        BufferedImage picture = GraphDrawing.draw(small);
        assertTrue(picture.getWidth() > picture.getHeight(), picture.getWidth() + " x " + picture.getHeight());
        assertTrue(svg.contains(">c<"), svg);
    }

    @Test
    void aLongGraphIsDrawnTopToBottomToKeepItsLabelsReadable() {
        assumeTrue(GraphDrawing.dotAvailable(), "Graphviz's dot is not installed: apt-get install graphviz");
        Value o = tanhNeuronWrittenOut();
        double leftToRight = Graphviz.layoutWidthInches(GraphDrawing.toDot(o)) * Graphviz.PIXELS_PER_INCH;
        assertTrue(leftToRight > GraphDrawing.WIDEST_LEFT_TO_RIGHT, "left to right it is " + leftToRight + " pixels");

        BufferedImage picture = GraphDrawing.draw(o);
        // Graphviz's PNG is at 96 pixels per inch, its layout plus a 4-point pad on each side.
        double topToBottom = Graphviz.layoutWidthInches(GraphDrawing.toDot(o, GraphDrawing.Direction.TOP_TO_BOTTOM))
                * Graphviz.PIXELS_PER_INCH;
        assertEquals(topToBottom, picture.getWidth(), 12);
        assertTrue(picture.getWidth() <= GraphDrawing.PAGE_WIDTH, "width " + picture.getWidth());
        assertTrue(picture.getHeight() > picture.getWidth(), picture.getWidth() + " x " + picture.getHeight());

        // The SVG takes the same layout: its width, in points of 1/72 inch, fits the page too.
        Matcher svgWidth = Pattern.compile("<svg width=\"(\\d+)pt\"").matcher(GraphDrawing.drawSvg(o));
        assertTrue(svgWidth.find());
        assertTrue(Integer.parseInt(svgWidth.group(1)) * 96 / 72 <= GraphDrawing.PAGE_WIDTH, svgWidth.group(1) + "pt");
    }
}
