package gradkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gradkit.engine.Value;
import gradkit.nn.Activation;
import gradkit.nn.MLP;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ModelJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static void assertSameModel(MLP expected, MLP actual) {
        assertEquals(expected.nin(), actual.nin());
        assertEquals(java.util.Arrays.toString(expected.sizes()), java.util.Arrays.toString(actual.sizes()));
        assertEquals(expected.hiddenActivation(), actual.hiddenActivation());
        assertEquals(expected.outputActivation(), actual.outputActivation());
        List<Value> a = expected.parameters(), b = actual.parameters();
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            // bit for bit, not just close
            assertEquals(Double.doubleToRawLongBits(a.get(i).data()), Double.doubleToRawLongBits(b.get(i).data()),
                    "parameter " + i);
        }
    }

    @Test
    void roundTripIsExact() {
        MLP model = new MLP(new Random(17), Activation.TANH, Activation.SIGMOID, 3, 5, 4, 2);
        model.parameters().get(7).setData(0.1 + 0.2);       // a number with a long decimal expansion
        model.parameters().get(8).setData(-1e-300);
        model.parameters().get(9).setData(Double.MIN_VALUE);
        String json = ModelJson.toJson(model);
        MLP loaded = ModelJson.fromJson(json);
        assertSameModel(model, loaded);
        assertEquals(json, ModelJson.toJson(loaded));
        assertEquals(model.forward(0.3, -0.1, 0.7)[1].data(), loaded.forward(0.3, -0.1, 0.7)[1].data(), 0.0);
    }

    @Test
    void saveAndLoadAFile(@TempDir Path dir) throws Exception {
        MLP model = new MLP(2, 16, 16, 1);
        Path file = dir.resolve("model.json");
        ModelJson.save(model, file);
        assertSameModel(model, ModelJson.load(file));
        String text = Files.readString(file);
        assertTrue(text.contains("\"format\" : \"gradkit-mlp\""), text.substring(0, 80));
        assertTrue(text.contains("\"version\" : 1"));
    }

    @Test
    void loadNamesTheFileInItsErrors(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\"format\": \"gradkit-mlp\"");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelJson.load(file));
        assertTrue(e.getMessage().startsWith(file + ": The model file is not valid JSON"), e.getMessage());
        assertThrows(java.io.UncheckedIOException.class, () -> ModelJson.load(dir.resolve("missing.json")));
    }

    @Test
    void refusesToSaveANonFiniteWeight() {
        MLP model = new MLP(2, 3, 1);
        model.layers().get(1).neurons().get(0).weights().get(2).setData(Double.NaN);
        assertEquals("Cannot save the model: layer 1, neuron 0, weight 2 is NaN (did training diverge?). "
                + "JSON can only hold finite numbers.",
                assertThrows(IllegalArgumentException.class, () -> ModelJson.toJson(model)).getMessage());
    }

    /** A valid file for MLP(2, 16, 16, 1), changed by {@code edit}. */
    private static String corrupted(Consumer<ObjectNode> edit) {
        try {
            ObjectNode root = (ObjectNode) MAPPER.readTree(ModelJson.toJson(new MLP(2, 16, 16, 1)));
            edit.accept(root);
            return MAPPER.writeValueAsString(root);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode neuron(ObjectNode root, int layer, int neuron) {
        return (ObjectNode) root.get("layers").get(layer).get("neurons").get(neuron);
    }

    static Stream<Arguments> corruptions() {
        return Stream.of(
                Arguments.of("not JSON", "{\"format\": [1, 2", "The model file is not valid JSON"),
                Arguments.of("empty text", "", "The model file must hold a JSON object, but holds nothing."),
                Arguments.of("an array", "[1, 2]", "The model file must hold a JSON object, but holds array [1,2]."),
                Arguments.of("wrong format", corrupted(r -> r.put("format", "keras")),
                        "The model file has format \"keras\", expected \"gradkit-mlp\"."),
                Arguments.of("wrong version", corrupted(r -> r.put("version", 2)),
                        "The model file has version 2, but this gradkit reads version 1."),
                Arguments.of("version not a number", corrupted(r -> r.put("version", "1")),
                        "\"version\" in the model file is the string \"1\", expected a whole number."),
                Arguments.of("missing format", corrupted(r -> r.remove("format")),
                        "The model file has no \"format\" field."),
                Arguments.of("missing nin", corrupted(r -> r.remove("nin")), "The model file has no \"nin\" field."),
                Arguments.of("nin zero", corrupted(r -> r.put("nin", 0)), "The model file has nin = 0, expected at least 1."),
                Arguments.of("missing sizes", corrupted(r -> r.remove("sizes")), "The model file has no \"sizes\" field."),
                Arguments.of("empty sizes", corrupted(r -> r.putArray("sizes")),
                        "The model file has no layer sizes (\"sizes\" is empty)."),
                Arguments.of("negative size", corrupted(r -> ((ArrayNode) r.get("sizes")).set(1, -16)),
                        "sizes[1] is -16, expected a whole number >= 1."),
                Arguments.of("unknown activation", corrupted(r -> r.put("hiddenActivation", "SWISH")),
                        "\"hiddenActivation\" is \"SWISH\", expected one of [RELU, TANH, SIGMOID, LINEAR]."),
                Arguments.of("missing output activation", corrupted(r -> r.remove("outputActivation")),
                        "The model file has no \"outputActivation\" field."),
                Arguments.of("missing layers", corrupted(r -> r.remove("layers")), "The model file has no \"layers\" field."),
                Arguments.of("a layer too few", corrupted(r -> ((ArrayNode) r.get("layers")).remove(2)),
                        "The model file has 2 layers, expected 3 (one per entry of sizes)."),
                Arguments.of("a neuron too few", corrupted(r -> ((ArrayNode) r.get("layers").get(0).get("neurons")).remove(5)),
                        "layer 0 has 15 neurons, expected 16."),
                Arguments.of("sizes disagree with layers", corrupted(r -> ((ArrayNode) r.get("sizes")).set(0, 17)),
                        "layer 0 has 16 neurons, expected 17."),
                Arguments.of("a weight too few", corrupted(r -> ((ArrayNode) neuron(r, 1, 3).get("weights")).remove(0)),
                        "layer 1, neuron 3 has 15 weights, expected 16."),
                Arguments.of("a weight too many", corrupted(r -> ((ArrayNode) neuron(r, 2, 0).get("weights")).add(0.5)),
                        "layer 2, neuron 0 has 17 weights, expected 16."),
                Arguments.of("weight is a string", corrupted(r -> ((ArrayNode) neuron(r, 0, 4).get("weights")).set(1, "NaN")),
                        "layer 0, neuron 4, weight 1 is the string \"NaN\", expected a number."),
                Arguments.of("weight is null", corrupted(r -> ((ArrayNode) neuron(r, 0, 4).get("weights")).set(0, (String) null)),
                        "layer 0, neuron 4, weight 0 is null, expected a number."),
                Arguments.of("bias overflows", ModelJson.toJson(new MLP(2, 1)).replaceFirst("\"bias\" : [^\\s,}]+", "\"bias\" : -1e400"),
                        "layer 0, neuron 0, bias is beyond the range of a double (it reads as -Infinity)."),
                Arguments.of("NaN token", ModelJson.toJson(new MLP(2, 1)).replaceFirst("\"bias\" : [^\\s,}]+", "\"bias\" : NaN"),
                        "The model file is not valid JSON"),
                Arguments.of("missing bias, last neuron", corrupted(r -> neuron(r, 2, 0).remove("bias")),
                        "layer 2, neuron 0 has no \"bias\"."),
                Arguments.of("bias is an array", corrupted(r -> neuron(r, 2, 0).putArray("bias")),
                        "layer 2, neuron 0, bias is array [], expected a number."),
                Arguments.of("missing weights", corrupted(r -> neuron(r, 1, 0).remove("weights")),
                        "Layer 1, neuron 0 has no \"weights\" field."),
                Arguments.of("neuron not an object", corrupted(r -> ((ArrayNode) r.get("layers").get(1).get("neurons")).set(2, 5)),
                        "layer 1, neuron 2 is number 5, expected an object with \"weights\" and \"bias\"."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corruptions")
    void everyCorruptionIsRejectedWithAnExplanation(String name, String json, String expectedMessage) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelJson.fromJson(json));
        assertTrue(e.getMessage().startsWith(expectedMessage), "expected: " + expectedMessage + "\nbut was: " + e.getMessage());
    }

    @Test
    void contentAfterTheModelIsRefusedWithItsPlace() {
        String json = ModelJson.toJson(new MLP(2, 1));
        int lines = json.split("\n").length;
        for (String trailing : new String[] {" {}", "\n{\"format\" : \"gradkit-mlp\"}", " 7", " ]"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelJson.fromJson(json + trailing));
            assertTrue(e.getMessage().startsWith("The model file is not valid JSON"), e.getMessage());
            assertTrue(e.getMessage().contains("(line " + (lines + (trailing.startsWith("\n") ? 1 : 0)) + ", column "), e.getMessage());
        }
        assertSameModel(ModelJson.fromJson(json), ModelJson.fromJson(json + "\n  \n"));   // white space is fine
    }

    @Test
    void aKeyGivenTwiceIsRefusedWithItsNameAndPlace() {
        String json = ModelJson.toJson(new MLP(2, 1));
        String twice = json.replaceFirst("\"nin\" : 2,", "\"nin\" : 2,\n  \"nin\" : 3,");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ModelJson.fromJson(twice));
        assertTrue(e.getMessage().contains("Duplicate field 'nin'") && e.getMessage().contains("(line 5, column "), e.getMessage());
        String biasTwice = json.replaceFirst("\"bias\" : ", "\"bias\" : 0.5, \"bias\" : ");
        IllegalArgumentException inNeuron = assertThrows(IllegalArgumentException.class, () -> ModelJson.fromJson(biasTwice));
        assertTrue(inNeuron.getMessage().contains("Duplicate field 'bias'"), inNeuron.getMessage());
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ModelJson.fromJson(null));
        assertThrows(IllegalArgumentException.class, () -> ModelJson.toJson(null));
    }
}
