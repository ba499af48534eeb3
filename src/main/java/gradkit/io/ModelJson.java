package gradkit.io;

import static gradkit.io.StrictJson.array;
import static gradkit.io.StrictJson.describe;
import static gradkit.io.StrictJson.finiteForSaving;
import static gradkit.io.StrictJson.finiteNumber;
import static gradkit.io.StrictJson.integer;
import static gradkit.io.StrictJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gradkit.engine.Value;
import gradkit.nn.Activation;
import gradkit.nn.Layer;
import gradkit.nn.MLP;
import gradkit.nn.Neuron;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
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
 * "layer 1, neuron 3 has 15 weights, expected 16"), never a half-loaded model. The strict reading
 * itself (one object, no key twice, fields of the right kind) is {@link StrictJson}'s.
 */
public final class ModelJson {

    /** The value of the "format" field. */
    public static final String FORMAT = "gradkit-mlp";
    /** The version of the format this class writes and reads. */
    public static final int VERSION = 1;

    private static final String FILE = "the model file";

    private ModelJson() {}

    /** The model as a JSON text. Refuses a model with a NaN or infinite weight (JSON cannot hold one). */
    public static String toJson(MLP model) {
        if (model == null) {
            throw new IllegalArgumentException("toJson needs a model, but got null.");
        }
        ObjectNode root = StrictJson.newObject();
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
                    weights.add(finiteForSaving(w.get(i).data(), "the model", "layer " + l + ", neuron " + n + ", weight " + i));
                }
                jsonNeuron.put("bias", finiteForSaving(neuron.bias().data(), "the model", "layer " + l + ", neuron " + n + ", bias"));
            }
        }
        return StrictJson.write(root, "the model");
    }

    /**
     * A model read from a JSON text written by {@link #toJson(MLP)}. The text is checked whole before
     * anything is built: content after the model's closing brace, or a key given twice in one object,
     * is refused with its line and column, as is anything else that is not exactly this format.
     *
     * <pre>{@code MLP model = ModelJson.fromJson(Files.readString(Path.of("moons-model.json"))); }</pre>
     *
     * @throws IllegalArgumentException if the text is not valid JSON, holds more than one value or a
     *         duplicate key, is not this format or version, or a field is missing, of the wrong kind,
     *         of the wrong size or not a finite number
     */
    public static MLP fromJson(String json) {
        if (json == null) {
            throw new IllegalArgumentException("fromJson needs a JSON text, but got null.");
        }
        JsonNode root = StrictJson.parseObject(json, FILE);
        Architecture architecture = readArchitecture(root);
        double[][][] parameters = readParameters(root, architecture);
        return build(architecture, parameters);
    }

    /** What a model file says about the network's shape. */
    private record Architecture(int nin, int[] sizes, Activation hidden, Activation output) {}

    /** The header (format and version) and the architecture (nin, sizes, activations). */
    private static Architecture readArchitecture(JsonNode root) {
        String format = text(root, "format", FILE);
        if (!format.equals(FORMAT)) {
            throw new IllegalArgumentException("The model file has format \"" + format + "\", expected \"" + FORMAT + "\".");
        }
        int version = integer(root, "version", FILE);
        if (version != VERSION) {
            throw new IllegalArgumentException("The model file has version " + version + ", but this gradkit reads version "
                    + VERSION + ".");
        }
        int nin = integer(root, "nin", FILE);
        if (nin <= 0) {
            throw new IllegalArgumentException("The model file has nin = " + nin + ", expected at least 1.");
        }
        JsonNode jsonSizes = array(root, "sizes", FILE);
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
        return new Architecture(nin, sizes, activation(root, "hiddenActivation"), activation(root, "outputActivation"));
    }

    /**
     * Every layer's numbers, checked against the architecture: parameters[l][n] holds neuron n of
     * layer l as its weights followed by its bias.
     */
    private static double[][][] readParameters(JsonNode root, Architecture architecture) {
        int[] sizes = architecture.sizes();
        JsonNode jsonLayers = array(root, "layers", FILE);
        if (jsonLayers.size() != sizes.length) {
            throw new IllegalArgumentException("The model file has " + jsonLayers.size() + " layers, expected "
                    + sizes.length + " (one per entry of sizes).");
        }
        double[][][] parameters = new double[sizes.length][][];
        int inputs = architecture.nin();
        for (int l = 0; l < sizes.length; l++) {
            parameters[l] = readLayer(jsonLayers.get(l), "layer " + l, sizes[l], inputs);
            inputs = sizes[l];
        }
        return parameters;
    }

    private static double[][] readLayer(JsonNode jsonLayer, String where, int size, int inputs) {
        if (!jsonLayer.isObject()) {
            throw new IllegalArgumentException(where + " is " + describe(jsonLayer) + ", expected an object with \"neurons\".");
        }
        JsonNode jsonNeurons = array(jsonLayer, "neurons", where);
        if (jsonNeurons.size() != size) {
            throw new IllegalArgumentException(where + " has " + jsonNeurons.size() + " neurons, expected " + size + ".");
        }
        double[][] neurons = new double[size][];
        for (int n = 0; n < size; n++) {
            neurons[n] = readNeuron(jsonNeurons.get(n), where + ", neuron " + n, inputs);
        }
        return neurons;
    }

    /** One neuron's weights followed by its bias. */
    private static double[] readNeuron(JsonNode jsonNeuron, String where, int inputs) {
        if (!jsonNeuron.isObject()) {
            throw new IllegalArgumentException(where + " is " + describe(jsonNeuron)
                    + ", expected an object with \"weights\" and \"bias\".");
        }
        JsonNode jsonWeights = array(jsonNeuron, "weights", where);
        if (jsonWeights.size() != inputs) {
            throw new IllegalArgumentException(where + " has " + jsonWeights.size() + " weights, expected " + inputs + ".");
        }
        double[] numbers = new double[inputs + 1];
        for (int i = 0; i < inputs; i++) {
            numbers[i] = finiteNumber(jsonWeights.get(i), where + ", weight " + i);
        }
        JsonNode bias = jsonNeuron.get("bias");
        if (bias == null) {
            throw new IllegalArgumentException(where + " has no \"bias\".");
        }
        numbers[inputs] = finiteNumber(bias, where + ", bias");
        return numbers;
    }

    /** Everything is valid: the network, with the numbers copied in, in parameters() order. */
    private static MLP build(Architecture architecture, double[][][] parameters) {
        MLP model = new MLP(new Random(0), architecture.hidden(), architecture.output(), architecture.nin(),
                architecture.sizes());
        List<Value> live = model.parameters();
        int p = 0;
        for (double[][] layer : parameters) {
            for (double[] neuron : layer) {
                for (double number : neuron) {
                    live.get(p++).setData(number);
                }
            }
        }
        return model;
    }

    /** Writes {@link #toJson(MLP)} to {@code file} (UTF-8), replacing it if it exists. */
    public static void save(MLP model, Path file) {
        StrictJson.save(toJson(model), file, "the model");
    }

    /**
     * Reads a model written by {@link #save(MLP, Path)}.
     *
     * @throws IllegalArgumentException if the file's contents are not a valid model (see {@link #fromJson})
     * @throws UncheckedIOException if the file cannot be read
     */
    public static MLP load(Path file) {
        return StrictJson.load(file, "a model", ModelJson::fromJson);
    }

    /** The activation named by the string field {@code name}. */
    private static Activation activation(JsonNode root, String name) {
        String value = text(root, name, FILE);
        for (Activation a : Activation.values()) {
            if (a.name().equals(value)) {
                return a;
            }
        }
        throw new IllegalArgumentException("\"" + name + "\" is \"" + value + "\", expected one of "
                + Arrays.toString(Activation.values()) + ".");
    }
}
