package gradkit.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The strict JSON reading and writing that gradkit's file formats share ({@link ModelJson} for an MLP,
 * {@code gradkit.gpt.ParametersJson} for a GPT's weights): a file is one JSON object, nothing after it
 * and no key twice, and every field is read with a check that names the place when it fails.
 *
 * <pre>{@code
 * JsonNode root = StrictJson.parseObject("{ \"version\" : 1, \"rate\" : 0.5 }", "the settings file");
 * StrictJson.onlyFields(root, Set.of("version", "rate"), "the settings file");
 * int version = StrictJson.integer(root, "version", "the settings file");                         // 1
 * double rate = StrictJson.finiteNumber(StrictJson.field(root, "rate", "the settings file"), "rate"); // 0.5
 * StrictJson.integer(root, "rate", "the settings file");
 *     // IllegalArgumentException: "rate" in the settings file is number 0.5, expected a whole number.
 * }</pre>
 *
 * <p>Every check throws an {@link IllegalArgumentException} whose sentence says what was expected and
 * what came. {@code where} is the place in words, written as it reads inside a sentence ("the model
 * file", "layer 1, neuron 3", "\"config\""); where it opens a sentence its first letter is capitalized.
 */
public final class StrictJson {

    /** Writes indented text; reads one value per text (nothing after it) and each key once per object. */
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private StrictJson() {}

    // ---------------------------------------------------------------- whole texts and files

    /**
     * The text as one JSON object. Text that is not JSON, content after the object's closing brace and
     * a key given twice in one object are refused with their line and column.
     *
     * @param what the text in words, such as "the model file"
     * @throws IllegalArgumentException if the text is not valid JSON or not a single object
     */
    public static JsonNode parseObject(String json, String what) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(capitalize(what) + " is not valid JSON: " + e.getOriginalMessage()
                    + " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ").", e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(capitalize(what) + " must hold a JSON object, but holds "
                    + (root == null || root.isMissingNode() ? "nothing" : describe(root)) + ".");
        }
        return root;
    }

    /** A new, empty JSON object to fill and pass to {@link #write}. */
    public static ObjectNode newObject() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * The object as indented JSON text.
     *
     * @param what what the object holds, such as "the model", for the (unexpected) error message
     */
    public static String write(JsonNode root, String what) {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write " + what + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * {@code x}, if it can be saved: JSON holds no NaN or infinity.
     *
     * @param what what is being saved, such as "the model"
     * @param where the number's place, such as "layer 1, neuron 0, weight 2"
     * @throws IllegalArgumentException if {@code x} is NaN or infinite
     */
    public static double finiteForSaving(double x, String what, String where) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException("Cannot save " + what + ": " + where + " is " + x
                    + " (did training diverge?). JSON can only hold finite numbers.");
        }
        return x;
    }

    /**
     * Writes {@code json} to {@code file} (UTF-8), replacing it if it exists.
     *
     * @param what what the text holds, such as "the model", for the error message
     * @throws UncheckedIOException if the file cannot be written
     */
    public static void save(String json, Path file, String what) {
        try {
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + what + " to " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code file} (UTF-8) and turns its text into a value with {@code fromJson}; an
     * IllegalArgumentException from {@code fromJson} is rethrown with the file's name in front.
     *
     * <pre>{@code MLP model = StrictJson.load(Path.of("moons-model.json"), "a model", ModelJson::fromJson); }</pre>
     *
     * @param what what the file holds, such as "a model", for the message when it cannot be read
     * @throws IllegalArgumentException "file: reason" if {@code fromJson} refuses the text
     * @throws UncheckedIOException if the file cannot be read
     */
    public static <T> T load(Path file, String what, Function<String, T> fromJson) {
        String json;
        try {
            json = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + what + " from " + file + ": " + e.getMessage(), e);
        }
        try {
            return fromJson.apply(json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    // ---------------------------------------------------------------- reading fields with clear errors

    /**
     * Refuses any field of {@code object} not named in {@code allowed}, so that a misspelt name is not
     * silently ignored. The message lists the allowed names in alphabetical order.
     */
    public static void onlyFields(JsonNode object, Set<String> allowed, String where) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw new IllegalArgumentException(capitalize(where) + " has an unknown field \"" + name
                        + "\"; expected only " + new TreeSet<>(allowed) + ".");
            }
        }
    }

    /** The field {@code name} of {@code object}; a missing field and a null one are both refused. */
    public static JsonNode field(JsonNode object, String name, String where) {
        JsonNode node = object.get(name);
        if (node == null || node.isNull()) {
            throw new IllegalArgumentException(capitalize(where) + " has no \"" + name + "\" field.");
        }
        return node;
    }

    /** The field {@code name} of {@code object}, which must be a string. */
    public static String text(JsonNode object, String name, String where) {
        JsonNode node = field(object, name, where);
        if (!node.isTextual()) {
            throw new IllegalArgumentException("\"" + name + "\" in " + where + " is " + describe(node) + ", expected a string.");
        }
        return node.textValue();
    }

    /** The field {@code name} of {@code object}, which must be a whole number that fits an int. */
    public static int integer(JsonNode object, String name, String where) {
        JsonNode node = field(object, name, where);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new IllegalArgumentException("\"" + name + "\" in " + where + " is " + describe(node)
                    + ", expected a whole number.");
        }
        return node.intValue();
    }

    /** The field {@code name} of {@code object}, which must be an array. */
    public static JsonNode array(JsonNode object, String name, String where) {
        JsonNode node = field(object, name, where);
        if (!node.isArray()) {
            throw new IllegalArgumentException("\"" + name + "\" in " + where + " is " + describe(node) + ", expected an array.");
        }
        return node;
    }

    /**
     * {@code node} as a double. It must be a number and fit a double: 1e400 parses, but as infinity,
     * which no saved weight can be.
     *
     * @param where the number's place, such as "layer 0, neuron 4, weight 1"
     */
    public static double finiteNumber(JsonNode node, String where) {
        if (!node.isNumber()) {
            throw new IllegalArgumentException(where + " is " + describe(node) + ", expected a number.");
        }
        double x = node.doubleValue();
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(where + " is beyond the range of a double (it reads as " + x + ").");
        }
        return x;
    }

    /** A value as an error message shows it: {@code the string "1"}, {@code null}, {@code number 2.5}, {@code array [1,2]}. */
    public static String describe(JsonNode node) {
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
