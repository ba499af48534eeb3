package gradkit.gpt;

import static gradkit.io.StrictJson.describe;
import static gradkit.io.StrictJson.field;
import static gradkit.io.StrictJson.finiteForSaving;
import static gradkit.io.StrictJson.finiteNumber;
import static gradkit.io.StrictJson.integer;
import static gradkit.io.StrictJson.onlyFields;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gradkit.engine.Value;
import gradkit.io.StrictJson;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Saves a GPT's {@link Parameters} as JSON and loads them back exactly, so that a run can start
 * from given weights.
 *
 * <pre>{@code
 * ParametersJson.save(parameters, Path.of("gpt.json"));
 * Parameters again = ParametersJson.load(Path.of("gpt.json"));   // the same numbers, to the last bit
 * }</pre>
 *
 * <p>The file (matrices row by row, in {@link Parameters#shapes} order):
 * <pre>{@code
 * { "format" : "gradkit-gpt", "version" : 1,
 *   "config" : { "vocabSize" : 27, "nEmbd" : 16, "nHead" : 4, "nLayer" : 1, "blockSize" : 16 },
 *   "matrices" : { "wte" : [ [ 0.01, ... ], ... ], "wpe" : ..., "layer0.attn_wq" : ..., ... } }
 * }</pre>
 *
 * <p>Loading checks the whole file before building anything and refuses, with the reason and the
 * place, anything but exactly this: a missing, unknown or repeated name, a matrix or row of the
 * wrong size, a number that is not finite, or anything after the closing brace. The strict reading
 * itself (one object, no key twice, fields of the right kind) is {@link StrictJson}'s.
 */
public final class ParametersJson {

    /** The value of the "format" field. */
    public static final String FORMAT = "gradkit-gpt";
    /** The version of the format this class writes and reads. */
    public static final int VERSION = 1;

    private static final Set<String> TOP_FIELDS = Set.of("format", "version", "config", "matrices");
    private static final Set<String> CONFIG_FIELDS = Set.of("vocabSize", "nEmbd", "nHead", "nLayer", "blockSize");

    private static final String FILE = "the parameters file";

    private ParametersJson() {}

    /** The parameters as a JSON text. Refuses a NaN or infinite weight (JSON cannot hold one). */
    public static String toJson(Parameters parameters) {
        ObjectNode root = StrictJson.newObject();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        GptConfig c = parameters.config();
        ObjectNode config = root.putObject("config");
        config.put("vocabSize", c.vocabSize());
        config.put("nEmbd", c.nEmbd());
        config.put("nHead", c.nHead());
        config.put("nLayer", c.nLayer());
        config.put("blockSize", c.blockSize());
        ObjectNode matrices = root.putObject("matrices");
        for (String name : parameters.names()) {
            ArrayNode rows = matrices.putArray(name);
            Value[][] matrix = parameters.matrix(name);
            for (int i = 0; i < matrix.length; i++) {
                ArrayNode row = rows.addArray();
                for (int j = 0; j < matrix[i].length; j++) {
                    row.add(finiteForSaving(matrix[i][j].data(), "the parameters", name + "[" + i + "][" + j + "]"));
                }
            }
        }
        return StrictJson.write(root, "the parameters");
    }

    /**
     * Parameters read from a text written by {@link #toJson}.
     *
     * @throws IllegalArgumentException if the text is not exactly that format, saying what and where
     */
    public static Parameters fromJson(String json) {
        if (json == null) {
            throw new IllegalArgumentException("fromJson needs a JSON text, but got null.");
        }
        JsonNode root = StrictJson.parseObject(json, FILE);
        onlyFields(root, TOP_FIELDS, FILE);
        JsonNode format = field(root, "format", FILE);
        if (!format.isTextual() || !format.textValue().equals(FORMAT)) {
            throw new IllegalArgumentException("The parameters file has format " + format + ", expected \""
                    + FORMAT + "\".");
        }
        int version = integer(root, "version", FILE);
        if (version != VERSION) {
            throw new IllegalArgumentException("The parameters file has version " + version
                    + ", but this gradkit reads version " + VERSION + ".");
        }
        GptConfig config = config(field(root, "config", FILE));
        Map<String, double[][]> numbers = matrices(field(root, "matrices", FILE), config);
        return Parameters.of(config, numbers);
    }

    /** Writes {@link #toJson} to {@code file} (UTF-8), replacing it if it exists. */
    public static void save(Parameters parameters, Path file) {
        StrictJson.save(toJson(parameters), file, "the parameters");
    }

    /** Reads parameters written by {@link #save}; a bad file's message starts with the file's name. */
    public static Parameters load(Path file) {
        return StrictJson.load(file, "parameters", ParametersJson::fromJson);
    }

    // ---------------------------------------------------------------- the parts of the file

    private static GptConfig config(JsonNode node) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("\"config\" is " + describe(node) + ", expected an object.");
        }
        onlyFields(node, CONFIG_FIELDS, "\"config\"");
        try {
            return new GptConfig(integer(node, "vocabSize", "\"config\""), integer(node, "nEmbd", "\"config\""),
                    integer(node, "nHead", "\"config\""), integer(node, "nLayer", "\"config\""),
                    integer(node, "blockSize", "\"config\""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("\"config\" is not a valid configuration: " + e.getMessage(), e);
        }
    }

    private static Map<String, double[][]> matrices(JsonNode node, GptConfig config) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("\"matrices\" is " + describe(node) + ", expected an object.");
        }
        Map<String, int[]> shapes = Parameters.shapes(config);
        onlyFields(node, shapes.keySet(), "\"matrices\"");
        Map<String, double[][]> numbers = new HashMap<>();
        shapes.forEach((name, shape) -> numbers.put(name, matrix(name, field(node, name, "\"matrices\""), shape)));
        return numbers;
    }

    private static double[][] matrix(String name, JsonNode node, int[] shape) {
        if (!node.isArray() || node.size() != shape[0]) {
            throw new IllegalArgumentException("Matrix " + name + " is " + (node.isArray() ? "an array of "
                    + node.size() + " rows" : describe(node)) + ", expected " + shape[0] + " rows of "
                    + shape[1] + " numbers.");
        }
        double[][] rows = new double[shape[0]][shape[1]];
        for (int i = 0; i < shape[0]; i++) {
            JsonNode row = node.get(i);
            if (!row.isArray() || row.size() != shape[1]) {
                throw new IllegalArgumentException(name + " row " + i + " is " + (row.isArray() ? "an array of "
                        + row.size() + " numbers" : describe(row)) + ", expected " + shape[1] + " numbers.");
            }
            for (int j = 0; j < shape[1]; j++) {
                rows[i][j] = finiteNumber(row.get(j), name + "[" + i + "][" + j + "]");
            }
        }
        return rows;
    }
}
