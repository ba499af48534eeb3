package gradkit.gpt;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gradkit.engine.Value;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
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
 * wrong size, a number that is not finite, or anything after the closing brace.
 */
public final class ParametersJson {

    /** The value of the "format" field. */
    public static final String FORMAT = "gradkit-gpt";
    /** The version of the format this class writes and reads. */
    public static final int VERSION = 1;

    private static final Set<String> TOP_FIELDS = Set.of("format", "version", "config", "matrices");
    private static final Set<String> CONFIG_FIELDS = Set.of("vocabSize", "nEmbd", "nHead", "nLayer", "blockSize");

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ParametersJson() {}

    /** The parameters as a JSON text. Refuses a NaN or infinite weight (JSON cannot hold one). */
    public static String toJson(Parameters parameters) {
        ObjectNode root = MAPPER.createObjectNode();
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
                    double x = matrix[i][j].data();
                    if (!Double.isFinite(x)) {
                        throw new IllegalArgumentException("Cannot save the parameters: " + name + "[" + i + "][" + j
                                + "] is " + x + " (did training diverge?). JSON can only hold finite numbers.");
                    }
                    row.add(x);
                }
            }
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the parameters as JSON: " + e.getOriginalMessage(), e);
        }
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
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The parameters file is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("The parameters file must hold a JSON object, but holds "
                    + (root == null || root.isMissingNode() ? "nothing" : describe(root)) + ".");
        }
        onlyFields(root, TOP_FIELDS, "the parameters file");
        JsonNode format = field(root, "format", "the parameters file");
        if (!format.isTextual() || !format.textValue().equals(FORMAT)) {
            throw new IllegalArgumentException("The parameters file has format " + format + ", expected \""
                    + FORMAT + "\".");
        }
        int version = integer(root, "version", "the parameters file");
        if (version != VERSION) {
            throw new IllegalArgumentException("The parameters file has version " + version
                    + ", but this gradkit reads version " + VERSION + ".");
        }
        GptConfig config = config(field(root, "config", "the parameters file"));
        Map<String, double[][]> numbers = matrices(field(root, "matrices", "the parameters file"), config);
        return Parameters.of(config, numbers);
    }

    /** Writes {@link #toJson} to {@code file} (UTF-8), replacing it if it exists. */
    public static void save(Parameters parameters, Path file) {
        String json = toJson(parameters);
        try {
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the parameters to " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads parameters written by {@link #save}; a bad file's message starts with the file's name. */
    public static Parameters load(Path file) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read parameters from " + file + ": " + e.getMessage(), e);
        }
        try {
            return fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
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

    // ---------------------------------------------------------------- reading fields with clear errors

    private static void onlyFields(JsonNode object, Set<String> allowed, String where) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(capitalize(where) + " has an unknown field \"" + name
                        + "\"; expected only " + new java.util.TreeSet<>(allowed) + ".");
            }
        }
    }

    private static JsonNode field(JsonNode object, String name, String where) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException(capitalize(where) + " has no \"" + name + "\" field.");
        }
        return node;
    }

    private static int integer(JsonNode object, String name, String where) {
        JsonNode node = field(object, name, where);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException("\"" + name + "\" in " + where + " is " + describe(node)
                    + ", expected a whole number.");
        }
        return node.intValue();
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
