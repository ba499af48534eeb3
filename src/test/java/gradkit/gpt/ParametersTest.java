package gradkit.gpt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParametersTest {

    static final GptConfig TINY = new GptConfig(5, 4, 2, 1, 3);

    @Test
    void namesAndShapesAsMicrogpt() {
        Parameters p = Parameters.init(GptConfig.defaults(27), 42L);
        assertEquals(List.of("wte", "wpe", "lm_head", "layer0.attn_wq", "layer0.attn_wk", "layer0.attn_wv",
                "layer0.attn_wo", "layer0.mlp_fc1", "layer0.mlp_fc2"), p.names());
        assertEquals(27 * 16 + 16 * 16 + 27 * 16 + 4 * 16 * 16 + 2 * 64 * 16, p.count());
        assertEquals(64, p.matrix("layer0.mlp_fc1").length);
        assertEquals(16, p.matrix("layer0.mlp_fc1")[0].length);
        assertEquals(64, p.matrix("layer0.mlp_fc2")[0].length);
        assertThrows(IllegalArgumentException.class, () -> p.matrix("layer1.attn_wq"));
    }

    @Test
    void seededGaussianWithStdOfEightHundredths() {
        double[] a = Parameters.init(GptConfig.defaults(27), 7L).snapshot();
        assertArrayEquals(a, Parameters.init(GptConfig.defaults(27), 7L).snapshot(), 0.0);
        double mean = 0;
        for (double x : a) {
            mean += x / a.length;
        }
        double variance = 0;
        for (double x : a) {
            variance += (x - mean) * (x - mean) / a.length;
        }
        // 4192 draws: the sample std is within a few percent of 0.08, the mean within 0.08 * 4 / sqrt(4192).
        assertEquals(0.08, Math.sqrt(variance), 0.004);
        assertEquals(0.0, mean, 0.005);
        assertEquals(new java.util.Random(7L).nextGaussian() * 0.08, a[0], 0.0, "the first draw is wte[0][0]");
    }

    @Test
    void configRefusesHeadsThatDoNotDivideTheWidth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GptConfig(5, 6, 4, 1, 3));
        assertTrue(e.getMessage().contains("nHead"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GptConfig(5, 4, 2, 0, 3));
    }

    @Test
    void jsonRoundTripIsExact(@TempDir Path folder) {
        Parameters p = Parameters.init(TINY, 3L);
        Path file = folder.resolve("gpt.json");
        ParametersJson.save(p, file);
        Parameters back = ParametersJson.load(file);
        assertEquals(p.config(), back.config());
        assertEquals(p.names(), back.names());
        assertArrayEquals(p.snapshot(), back.snapshot(), 0.0);
    }

    /** A saved text with one replacement made, which must be refused with a message containing {@code expected}. */
    private static void refused(String from, String to, String expected) {
        refusedPattern(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to), expected);
    }

    /** As {@link #refused}, replacing the first match of a regular expression. */
    private static void refusedPattern(String regex, String to, String expected) {
        String json = ParametersJson.toJson(Parameters.init(TINY, 3L));
        assertTrue(java.util.regex.Pattern.compile(regex).matcher(json).find(), "the saved text contains " + regex);
        String bad = json.replaceFirst(regex, to);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParametersJson.fromJson(bad));
        assertTrue(e.getMessage().contains(expected), "message: " + e.getMessage() + "\nexpected to contain: " + expected);
    }

    @Test
    void strictLoading() {
        refused("\"wpe\"", "\"wpx\"", "unknown field \"wpx\"");
        refused("\"wpe\"", "\"wte\"", "Duplicate field 'wte'");
        refused("\"format\" : \"gradkit-gpt\"", "\"format\" : \"gradkit-mlp\"", "format \"gradkit-mlp\"");
        refused("\"version\" : 1", "\"version\" : 2", "version 2");
        refused("\"nLayer\" : 1", "\"nLayer\" : 2", "has no \"layer1.attn_wq\" field");
        refused("\"nHead\" : 2", "\"nHead\" : 3", "not a valid configuration");
        refused("\"blockSize\" : 3", "\"blockSize\" : 4", "Matrix wpe is an array of 3 rows, expected 4 rows");
        refused("\"nEmbd\" : 4,", "\"nEmbd\" : 4, \"extra\" : 1,", "\"config\" has an unknown field \"extra\"");
        refused("\"matrices\" : {", "\"matrices\" : { \"layer0.mlp_fc3\" : [], ", "unknown field \"layer0.mlp_fc3\"");
        refused("\"version\" : 1,", "", "has no \"version\" field");
        refusedPattern("\\[ \\[ [-0-9.eE]+", "[ [ \"x\"", "wte[0][0] is the string \"x\", expected a number");
        refusedPattern("\\[ \\[ [-0-9.eE]+", "[ [ 1e999", "wte[0][0] is beyond the range");
        String json = ParametersJson.toJson(Parameters.init(TINY, 3L));
        IllegalArgumentException trailing = assertThrows(IllegalArgumentException.class,
                () -> ParametersJson.fromJson(json + " {}"));
        assertTrue(trailing.getMessage().contains("not valid JSON") && trailing.getMessage().contains("line"),
                trailing.getMessage());
    }

    @Test
    void aRowOfTheWrongLengthIsNamed() {
        Parameters p = Parameters.init(TINY, 3L);
        String json = ParametersJson.toJson(p);
        // drop the last number of lm_head's row 2
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try {
            com.fasterxml.jackson.databind.node.ObjectNode root = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
            ((com.fasterxml.jackson.databind.node.ArrayNode) root.get("matrices").get("lm_head").get(2)).remove(3);
            String bad = mapper.writeValueAsString(root);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParametersJson.fromJson(bad));
            assertEquals("lm_head row 2 is an array of 3 numbers, expected 4 numbers.", e.getMessage());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void savingANanIsRefusedWithThePlace() {
        Parameters p = Parameters.init(TINY, 3L);
        p.matrix("wpe")[1][2].setData(Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParametersJson.toJson(p));
        assertTrue(e.getMessage().contains("wpe[1][2] is NaN"), e.getMessage());
    }
}
