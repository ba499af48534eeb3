package gradkit.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gradkit.engine.BackwardTrace;
import gradkit.engine.Value;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The frames as SVG and as text, and the player outside a kernel. */
class BackwardAnimationTest {

    /** micrograd's L = (a*b + c) * f, labelled as in notebook 02. */
    private static Value micrograd() {
        Value a = Value.of(2.0, "a"), b = Value.of(-3.0, "b"), c = Value.of(10.0, "c"), f = Value.of(-2.0, "f");
        return a.mul(b).label("e").add(c).label("d").mul(f).label("L");
    }

    /** Notebook 03's graph: c = a*b, d = c + a, L = d*c, so that a and c are used twice. */
    private static Value usedTwice() {
        Value a = Value.of(2.0, "a"), b = Value.of(-3.0, "b");
        Value c = a.mul(b).label("c");
        return c.add(a).label("d").mul(c).label("L");
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    /** The groups of one class ("running", "receiving", "done", "waiting"), as the text they hold. */
    private static List<String> groups(Document svg, String kind) {
        List<String> found = new ArrayList<>();
        NodeList gs = svg.getElementsByTagName("g");
        for (int i = 0; i < gs.getLength(); i++) {
            Element g = (Element) gs.item(i);
            if (g.getAttribute("class").equals(kind)) {
                found.add(g.getTextContent().strip().replaceAll("\\s*\\n\\s*", " | "));
            }
        }
        return found;
    }

    @Test
    void everyFrameIsWellFormedSvgWithinThePageWithOneBoxPerValue() throws Exception {
        for (Value out : List.of(micrograd(), usedTwice())) {
            BackwardTrace trace = BackwardTrace.of(out);
            for (int k = 0; k < BackwardFrameText.frameCount(trace); k++) {
                Document svg = parse(BackwardFrameSvg.svg(trace, k));
                Element root = svg.getDocumentElement();
                assertEquals("svg", root.getLocalName());
                assertTrue(Integer.parseInt(root.getAttribute("width")) <= GraphDrawing.PAGE_WIDTH);
                int boxes = 0;
                for (String kind : List.of("running", "receiving", "done", "waiting")) {
                    boxes += groups(svg, kind).size();
                }
                assertEquals(trace.order().size(), boxes, "frame " + k);
            }
        }
    }

    @Test
    void theRunningNodeIsHighlightedAndItsOperandsShowBeforeAndAfter() throws Exception {
        BackwardTrace trace = BackwardTrace.of(micrograd());
        for (BackwardTrace.Step step : trace.steps()) {
            Document svg = parse(BackwardFrameSvg.svg(trace, step.number()));
            List<String> running = groups(svg, "running");
            assertEquals(1, running.size());
            assertTrue(running.get(0).startsWith(step.node().label()), running.get(0));
            List<String> receiving = groups(svg, "receiving");
            assertEquals(step.contributions().size(), receiving.size());
            for (BackwardTrace.Contribution c : step.contributions()) {
                String expected = "grad " + DotText.compact(c.gradBefore()) + " \u2192 " + DotText.compact(c.gradAfter());
                assertTrue(receiving.stream().anyMatch(box -> box.startsWith(c.operand().label()) && box.contains(expected)),
                        expected + " in " + receiving);
            }
            assertEquals(step.number() - 1, groups(svg, "done").size(), "the nodes already done");
        }
    }

    @Test
    void eachArrowCarriesItsLocalDerivativeAndEachBoxItsLabel() throws Exception {
        Value out = micrograd();
        BackwardTrace trace = BackwardTrace.of(out);
        String svg = BackwardFrameSvg.svg(trace, 0);
        String text = parse(svg).getDocumentElement().getTextContent();
        for (String label : List.of("a", "b", "c", "f", "e", "d", "L")) {
            assertTrue(svg.contains("font-weight=\"bold\">" + label + "</text>"), label);
        }
        // The local derivatives of L = d*f (f = -2, d = 4), d = e + c (1, 1), e = a*b (b = -3, a = 2).
        List<String> arrowLabels = new ArrayList<>();
        Matcher m = Pattern.compile("text-anchor=\"middle\" font-size=\"11\" fill=\"[^\"]*\">([^<]*)</text>").matcher(svg);
        while (m.find()) {
            arrowLabels.add(m.group(1));
        }
        arrowLabels.sort(null);
        assertEquals(List.of("-2", "-3", "1", "1", "2", "4"), arrowLabels);
        assertTrue(text.contains("Frame 0 of 7"), text);
    }

    @Test
    void theTextFramesAreNumberedInOrderAndCountBothContributions() {
        BackwardTrace trace = BackwardTrace.of(usedTwice());
        String all = BackwardFrameText.all(trace);
        int from = 0;
        for (int k = 0; k <= 5; k++) {
            int at = all.indexOf("Frame " + k + " of 5", from);
            assertTrue(at >= from, "frame " + k + " in order");
            from = at;
        }
        assertTrue(all.contains("  c.grad += 1 * (-6):  -4 -> -10   (dd/dc * d.grad), its 2nd contribution"), all);
        assertTrue(all.contains("  a.grad += (-3) * (-10):  -6 -> 24   (dc/da * c.grad), its 2nd contribution"), all);
        for (String line : all.split("\n")) {
            assertTrue(line.length() <= 100, line);
        }
        assertThrows(IllegalArgumentException.class, () -> BackwardFrameText.lines(trace, 6));
    }

    @Test
    void outsideAKernelThePlayerPrintsTheFramesAsText() {
        BackwardAnimation animation = BackwardAnimation.of(micrograd());
        String shown = captured(animation::show);
        assertEquals(BackwardFrameText.all(animation.trace()) + "\n", shown.replace("\r\n", "\n"));
        String next = captured(animation::next);
        assertEquals(1, animation.frame());
        assertTrue(next.startsWith("Frame 1 of 7: node L = d * f, grad 1"), next);
        captured(animation::back);
        assertEquals(0, animation.frame());
        captured(animation::back);
        assertEquals(0, animation.frame(), "no frame before the start");
        assertTrue(captured(animation::play).startsWith("Every frame is shown above"));
        assertThrows(IllegalArgumentException.class, () -> animation.goTo(8));
    }

    @Test
    void theFoldedSequenceHoldsEveryFrameNumbered() {
        BackwardAnimation animation = BackwardAnimation.of(usedTwice());
        String html = animation.allFramesHtml(false);
        assertTrue(html.startsWith("<details><summary>"));
        for (int k = 0; k <= animation.lastFrame(); k++) {
            assertTrue(html.contains("Frame " + k + " of " + animation.lastFrame()), "frame " + k);
        }
        assertTrue(animation.allFramesHtml(true).startsWith("<details open>"));
    }

    private static String captured(Runnable action) {
        PrintStream old = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setOut(old);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
