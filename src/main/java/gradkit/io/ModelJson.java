package gradkit.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gradkit.engine.Value;
import gradkit.nn.Activation;
import gradkit.nn.Layer;
import gradkit.nn.MLP;
import gradkit.nn.Neuron;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Saves an {@link MLP} (its architecture and every weight) as JSON and loads it back, exactly.
 *
 * <pre>{@code
 * ModelJson.save(model, Path.of("moons-model.json"));
 * MLP again = ModelJson.load(Path.of("moons-model.json"));
 * again.score(0.5, 0.2).data() == model.score(0.5, 0.2).data();   // true, to the last bit
 * }</pre>
 *
 * <p>The file looks like this (layers and neurons counted from 0):
 * <pre>{@code
 * {
 *   "format" : "gradkit-mlp",
 *   "version" : 1,
 *   "nin" : 2,
 *   "sizes" : [ 16, 16, 1 ],
 *   "hiddenActivation" : "RELU",
 *   "outputActivation" : "LINEAR",
 *   "layers" : [ { "neurons" : [ { "weights" : [ 0.46, -0.12 ], "bias" : 0.83 }, ... ] }, ... ]
 * }
 * }</pre>
 *
 * <p>Loading checks the whole file before it builds anything, so a bad file gives an
 * {@link IllegalArgumentException} saying what is wrong and where (for example
 * "layer 1, neuron 3 has 15 weights, expected 16"), never a half-loaded model.
 */
public final class ModelJson {

    /** The value of the "format" field. */
    public static final String FORMAT = "gradkit-mlp";
    /** The version of the format this class writes and reads. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ModelJson() {}

    /** The model as a JSON text. Refuses a model with a NaN or infinite weight (JSON cannot hold one). */
    public static String toJson(MLP model) {
        if (model == null) {
            throw new IllegalArgumentException("toJson needs a model, but got null.");
        }
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("nin", model.nin());
        ArrayNode sizes = root.putArray("sizes");
        for (int size : model.sizes()) {
            sizes.add(size);
        }
        root.put("hiddenActivation", model.hiddenActivation().name());
        root.put("outputActivation", model.outputActivation().name());
        ArrayNode layers = root.putArray("layers");
        List<Layer> modelLayers = model.layers();
        for (int l = 0; l < modelLayers.size(); l++) {
            ArrayNode neurons = layers.addObject().putArray("neurons");
            List<Neuron> layerNeurons = modelLayers.get(l).neurons();
            for (int n = 0; n < layerNeurons.size(); n++) {
                Neuron neuron = layerNeurons.get(n);
                ObjectNode jsonNeuron = neurons.addObject();
                ArrayNode weights = jsonNeuron.putArray("weights");
                List<Value> w = neuron.weights();
                for (int i = 0; i < w.size(); i++) {
                    weights.add(finiteForSaving(w.get(i).data(), "layer " + l + ", neuron " + n + ", weight " + i));
                }
                jsonNeuron.put("bias", finiteForSaving(neuron.bias().data(), "layer " + l + ", neuron " + n + ", bias"));
            }
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the model as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * A model read from a JSON text written by {@link #toJson(MLP)}.
     *
     * @throws IllegalArgumentException if the text is not valid JSON, not this format or version, or
     *         a field is missing, of the wrong kind, of the wrong size or not a finite number
     */
    public static MLP fromJson(String json) {
        if (json == null) {
            throw new IllegalArgumentException("fromJson needs a JSON text, but got null.");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The model file is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("The model file must hold a JSON object, but holds "
                    + (root == null || root.isMissingNode() ? "nothing" : describe(root)) + ".");
        }

        // 1. Check the header and the architecture.
        String format = text(root, "format", "the model file");
        if (!format.equals(FORMAT)) {
            throw new IllegalArgumentException("The model file has format \"" + format + "\", expected \"" + FORMAT + "\".");
        }
        int version = integer(root, "version", "the model file");
        if (version != VERSION) {
            throw new IllegalArgumentException("The model file has version " + version + ", but this gradkit reads version "
                    + VERSION + ".");
        }
        int nin = integer(root, "nin", "the model file");
        if (nin <= 0) {
            throw new IllegalArgumentException("The model file has nin = " + nin + ", expected at least 1.");
        }
        JsonNode jsonSizes = array(root, "sizes", "the model file");
        if (jsonSizes.size() == 0) {
            throw new IllegalArgumentException("The model file has no layer sizes (\"sizes\" is empty).");
        }
        int[] sizes = new int[jsonSizes.size()];
        for (int l = 0; l < sizes.length; l++) {
            JsonNode size = jsonSizes.get(l);
            if (!size.isIntegralNumber() || !size.canConvertToInt() || size.intValue() <= 0) {
                throw new IllegalArgumentException("sizes[" + l + "] is " + size + ", expected a whole number >= 1.");
            }
            sizes[l] = size.intValue();
        }
        Activation hidden = activation(root, "hiddenActivation");
        Activation output = activation(root, "outputActivation");

        // 2. Check every layer, neuron and weight against the architecture, reading the numbers.
        JsonNode jsonLayers = array(root, "layers", "the model file");
        if (jsonLayers.size() != sizes.length) {
            throw new IllegalArgumentException("The model file has " + jsonLayers.size() + " layers, expected "
                    + sizes.length + " (one per entry of sizes).");
        }
        double[][][] weights = new double[sizes.length][][];
        double[][] biases = new double[sizes.length][];
        int inputs = nin;
        for (int l = 0; l < sizes.length; l++) {
            String where = "layer " + l;
            JsonNode jsonLayer = jsonLayers.get(l);
            if (!jsonLayer.isObject()) {
                throw new IllegalArgumentException(where + " is " + describe(jsonLayer) + ", expected an object with \"neurons\".");
            }
            JsonNode jsonNeurons = array(jsonLayer, "neurons", where);
            if (jsonNeurons.size() != sizes[l]) {
                throw new IllegalArgumentException(where + " has " + jsonNeurons.size() + " neurons, expected " + sizes[l] + ".");
            }
            weights[l] = new double[sizes[l]][];
            biases[l] = new double[sizes[l]];
            for (int n = 0; n < sizes[l]; n++) {
                String neuronWhere = where + ", neuron " + n;
                JsonNode jsonNeuron = jsonNeurons.get(n);
                if (!jsonNeuron.isObject()) {
                    throw new IllegalArgumentException(neuronWhere + " is " + describe(jsonNeuron)
                            + ", expected an object with \"weights\" and \"bias\".");
                }
                JsonNode jsonWeights = array(jsonNeuron, "weights", neuronWhere);
                if (jsonWeights.size() != inputs) {
                    throw new IllegalArgumentException(neuronWhere + " has " + jsonWeights.size() + " weights, expected "
                            + inputs + ".");
                }
                weights[l][n] = new double[inputs];
                for (int i = 0; i < inputs; i++) {
                    weights[l][n][i] = finiteNumber(jsonWeights.get(i), neuronWhere + ", weight " + i);
                }
                JsonNode bias = jsonNeuron.get("bias");
                if (bias == null) {
                    throw new IllegalArgumentException(neuronWhere + " has no \"bias\".");
                }
                biases[l][n] = finiteNumber(bias, neuronWhere + ", bias");
            }
            inputs = sizes[l];
        }

        // 3. Everything is valid: build the network and copy the numbers in, in parameters() order.
        MLP model = new MLP(new Random(0), hidden, output, nin, sizes);
        List<Value> parameters = model.parameters();
        int p = 0;
        for (int l = 0; l < sizes.length; l++) {
            for (int n = 0; n < sizes[l]; n++) {
                for (double w : weights[l][n]) {
                    parameters.get(p++).setData(w);
                }
                parameters.get(p++).setData(biases[l][n]);
            }
        }
        return model;
    }

    /** Writes {@link #toJson(MLP)} to {@code file} (UTF-8), replacing it if it exists. */
    public static void save(MLP model, Path file) {
        String json = toJson(model);
        try {
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the model to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a model written by {@link #save(MLP, Path)}.
     *
     * @throws IllegalArgumentException if the file's contents are not a valid model (see {@link #fromJson})
     * @throws UncheckedIOException if the file cannot be read
     */
    public static MLP load(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read a model from " + file + ": " + e.getMessage(), e);
        }
        try {
            return fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- reading fields with clear errors

    private static JsonNode field(JsonNode object, String name, String where) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException(capitalize(where) + " has no \"" + name + "\" field.");
        }
        return node;
    }

    private static String text(JsonNode object, String name, String where) {
        JsonNode node = field(object, name, where);
        if (!node.isTextual()) {
            throw new IllegalArgumentException("\"" + name + "\" in " + where + " is " + describe(node) + ", expected a string.");
        }
        return node.textValue();
    }

    private static int integer(JsonNode object, String name, String where) {
        JsonNode node = field(object, name, where);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException("\"" + name + "\" in " + where + " is " + describe(node)
                    + ", expected a whole number.");
        }
        return node.intValue();
    }

    private static JsonNode array(JsonNode object, String name, String where) {
        JsonNode node = field(object, name, where);
        if (!node.isArray()) {
            throw new IllegalArgumentException("\"" + name + "\" in " + where + " is " + describe(node) + ", expected an array.");
        }
        return node;
    }

    private static Activation activation(JsonNode root, String name) {
        String value = text(root, name, "the model file");
        for (Activation a : Activation.values()) {
            if (a.name().equals(value)) {
                return a;
            }
        }
        throw new IllegalArgumentException("\"" + name + "\" is \"" + value + "\", expected one of "
                + java.util.Arrays.toString(Activation.values()) + ".");
    }

    private static double finiteNumber(JsonNode node, String where) {
        if (!node.isNumber()) {
            throw new IllegalArgumentException(where + " is " + describe(node) + ", expected a number.");
        }
        double x = node.doubleValue();
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(where + " is beyond the range of a double (it reads as " + x + ").");
        }
        return x;
    }

    private static double finiteForSaving(double x, String where) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("Cannot save the model: " + where + " is " + x
                    + " (did training diverge?). JSON can only hold finite numbers.");
        }
        return x;
    }

    private static String describe(JsonNode node) {
        if (node.isTextual()) {
            return "the string " + node;
        }
        if (node.isNull()) {
            return "null";
        }
        return node.getNodeType().toString().toLowerCase() + " " + node;
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
