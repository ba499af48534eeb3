package gradkit.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class StrictJsonTest {

    private static final String WHERE = "the settings file";
    private static final String SETTINGS = "{\n  \"name\" : \"moons\",\n  \"epochs\" : 40,\n  \"rate\" : 0.05,\n"
            + "  \"sizes\" : [ 16, 1 ],\n  \"note\" : null\n}";

    private static JsonNode settings() {
        return StrictJson.parseObject(SETTINGS, WHERE);
    }

    private static String refusal(Executable reading) {
        return assertThrows(IllegalArgumentException.class, reading).getMessage();
    }

    /** The (line, column) a message ends with, as two numbers. */
    private static int[] place(String message) {
        Matcher m = Pattern.compile("\\(line (\\d+), column (\\d+)\\)\\.$").matcher(message);
        assertTrue(m.find(), "the message ends with its line and column: " + message);
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))};
    }

    @Test
    void aValidObjectIsReadFieldByField() {
        JsonNode root = settings();
        assertEquals("moons", StrictJson.text(root, "name", WHERE));
        assertEquals(40, StrictJson.integer(root, "epochs", WHERE));
        assertEquals(0.05, StrictJson.finiteNumber(StrictJson.field(root, "rate", WHERE), "rate"), 0.0);
        assertEquals(2, StrictJson.array(root, "sizes", WHERE).size());
        StrictJson.onlyFields(root, Set.of("name", "epochs", "rate", "sizes", "note"), WHERE);   // no refusal
        assertEquals(root, StrictJson.parseObject(SETTINGS + "\n \t\n", WHERE), "white space after the object is fine");
    }

    @Test
    void contentAfterTheObjectIsRefusedWithItsLineAndColumn() {
        // SETTINGS ends on line 7; the second object starts on line 9, column 3
        String message = refusal(() -> StrictJson.parseObject(SETTINGS + "\n\n  {}", WHERE));
        assertTrue(message.startsWith("The settings file is not valid JSON: Trailing token"), message);
        assertEquals(9, place(message)[0], message);
        assertEquals(3, place(message)[1], message);
        assertTrue(refusal(() -> StrictJson.parseObject("{} x", WHERE)).startsWith("The settings file is not valid JSON"));
    }

    @Test
    void aKeyGivenTwiceIsRefusedWithItsLineAndColumn() {
        String twice = SETTINGS.replace("\"rate\" : 0.05,", "\"rate\" : 0.05,\n    \"epochs\" : 41,");
        String message = refusal(() -> StrictJson.parseObject(twice, WHERE));
        assertTrue(message.startsWith("The settings file is not valid JSON: Duplicate field 'epochs'"), message);
        int[] place = place(message);
        assertEquals(5, place[0], message);
        // the repeated key spans columns 5 to 12 on its line; the parser stops at most one past it
        assertTrue(place[1] >= 5 && place[1] <= 13, message);
        String nested = "{ \"a\" : { \"b\" : 1, \"b\" : 2 } }";
        assertTrue(refusal(() -> StrictJson.parseObject(nested, WHERE)).contains("Duplicate field 'b'"));
    }

    @Test
    void anythingButOneObjectIsRefused() {
        assertEquals("The settings file must hold a JSON object, but holds nothing.",
                refusal(() -> StrictJson.parseObject(" ", WHERE)));
        assertEquals("The settings file must hold a JSON object, but holds array [1,2].",
                refusal(() -> StrictJson.parseObject("[1, 2]", WHERE)));
        assertEquals("The settings file must hold a JSON object, but holds the string \"x\".",
                refusal(() -> StrictJson.parseObject("\"x\"", WHERE)));
        assertTrue(refusal(() -> StrictJson.parseObject("{ \"a\" : ", WHERE))
                .startsWith("The settings file is not valid JSON: Unexpected end-of-input"));
    }

    @Test
    void aMissingOrNullFieldIsNamed() {
        JsonNode root = settings();
        assertEquals("The settings file has no \"seed\" field.", refusal(() -> StrictJson.field(root, "seed", WHERE)));
        assertEquals("The settings file has no \"note\" field.", refusal(() -> StrictJson.text(root, "note", WHERE)));
        assertEquals("Layer 2 has no \"weights\" field.",
                refusal(() -> StrictJson.array(root, "weights", "layer 2")), "the place opens the sentence capitalized");
    }

    @Test
    void aFieldOfTheWrongKindSaysWhatCameAndWhatWasExpected() {
        JsonNode root = settings();
        assertEquals("\"epochs\" in the settings file is number 40, expected a string.",
                refusal(() -> StrictJson.text(root, "epochs", WHERE)));
        assertEquals("\"name\" in the settings file is the string \"moons\", expected a whole number.",
                refusal(() -> StrictJson.integer(root, "name", WHERE)));
        assertEquals("\"rate\" in the settings file is number 0.05, expected a whole number.",
                refusal(() -> StrictJson.integer(root, "rate", WHERE)));
        assertEquals("\"name\" in the settings file is the string \"moons\", expected an array.",
                refusal(() -> StrictJson.array(root, "name", WHERE)));
        JsonNode big = StrictJson.parseObject("{ \"n\" : 2147483648 }", WHERE);   // Integer.MAX_VALUE + 1
        assertEquals("\"n\" in the settings file is number 2147483648, expected a whole number.",
                refusal(() -> StrictJson.integer(big, "n", WHERE)));
        assertEquals(Integer.MAX_VALUE, StrictJson.integer(StrictJson.parseObject("{ \"n\" : 2147483647 }", WHERE), "n", WHERE));
        assertEquals("weight 0 is array [16,1], expected a number.",
                refusal(() -> StrictJson.finiteNumber(root.get("sizes"), "weight 0")));
        assertEquals("weight 0 is null, expected a number.", refusal(() -> StrictJson.finiteNumber(root.get("note"), "weight 0")));
    }

    @Test
    void aNumberBeyondADoubleIsRefusedOnReadingAndNonFiniteOnSaving() {
        JsonNode root = StrictJson.parseObject("{ \"up\" : 1e400, \"down\" : -1e400, \"tiny\" : 1e-400 }", WHERE);
        assertEquals("bias is beyond the range of a double (it reads as Infinity).",
                refusal(() -> StrictJson.finiteNumber(root.get("up"), "bias")));
        assertEquals("bias is beyond the range of a double (it reads as -Infinity).",
                refusal(() -> StrictJson.finiteNumber(root.get("down"), "bias")));
        assertEquals(0.0, StrictJson.finiteNumber(root.get("tiny"), "bias"), 0.0, "underflow to zero is a finite number");
        assertTrue(refusal(() -> StrictJson.parseObject("{ \"x\" : NaN }", WHERE)).startsWith("The settings file is not valid JSON"));
        assertEquals("Cannot save the model: weight 3 is NaN (did training diverge?). JSON can only hold finite numbers.",
                refusal(() -> StrictJson.finiteForSaving(Double.NaN, "the model", "weight 3")));
        assertTrue(refusal(() -> StrictJson.finiteForSaving(Double.NEGATIVE_INFINITY, "the model", "weight 3"))
                .contains("weight 3 is -Infinity"));
        assertEquals(-0.0, StrictJson.finiteForSaving(-0.0, "the model", "weight 3"), 0.0);
    }

    @Test
    void anUnknownFieldIsNamedWithTheAllowedOnesInOrder() {
        JsonNode root = settings();
        assertEquals("The settings file has an unknown field \"note\"; expected only [epochs, name, rate, sizes].",
                refusal(() -> StrictJson.onlyFields(root, Set.of("sizes", "rate", "name", "epochs"), WHERE)));
    }

    @Test
    void writingAndReadingAFileRoundTripsAndBadFilesAreNamed(@TempDir Path dir) throws Exception {
        var root = StrictJson.newObject();
        root.put("rate", 0.1 + 0.2);
        root.putArray("sizes").add(16).add(1);
        Path file = dir.resolve("settings.json");
        StrictJson.save(StrictJson.write(root, "the settings"), file, "the settings");
        assertEquals("{\n  \"rate\" : 0.30000000000000004,\n  \"sizes\" : [ 16, 1 ]\n}",
                Files.readString(file).replace(System.lineSeparator(), "\n"));
        double rate = StrictJson.load(file, "settings", json -> StrictJson.parseObject(json, WHERE).get("rate").doubleValue());
        assertEquals(0.1 + 0.2, rate, 0.0, "the number comes back to the last bit");

        Files.writeString(file, "{ \"rate\" : 1 } 2");
        String message = refusal(() -> StrictJson.load(file, "settings", json -> StrictJson.parseObject(json, WHERE)));
        assertTrue(message.startsWith(file + ": The settings file is not valid JSON"), message);
        UncheckedIOException missing = assertThrows(UncheckedIOException.class,
                () -> StrictJson.load(dir.resolve("missing.json"), "settings", json -> json));
        assertTrue(missing.getMessage().startsWith("Could not read settings from " + dir.resolve("missing.json")));
        UncheckedIOException unwritable = assertThrows(UncheckedIOException.class,
                () -> StrictJson.save("{}", dir.resolve("no/such/dir.json"), "the settings"));
        assertTrue(unwritable.getMessage().startsWith("Could not write the settings to "), unwritable.getMessage());
    }
}
