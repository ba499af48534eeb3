package gradkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** kernel.json, read back by an independent JSON parser (Jackson), as Jupyter would read it. */
class KernelSpecTest {

    private static JsonNode parse(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    @Test
    void theSpecNamesTheJdkTheJarAndTheKitsMarker() throws Exception {
        KernelSpec spec = new KernelSpec(Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java"),
                Path.of("/home/ada/.local/share/jupyter/kernels/java/gradkit-java-kernel.jar"), "0123456789ab");
        JsonNode json = parse(spec.json());
        List<String> argv = new ObjectMapper().convertValue(json.get("argv"), new com.fasterxml.jackson.core.type.TypeReference<>() { });
        assertEquals(List.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java", "-Djava.awt.headless=true", "-jar",
                "/home/ada/.local/share/jupyter/kernels/java/gradkit-java-kernel.jar", "{connection_file}"), argv);
        assertEquals("Java", json.get("display_name").asText());
        assertEquals("java", json.get("language").asText());
        assertEquals("message", json.get("interrupt_mode").asText());
        assertEquals("gradkit", json.get("metadata").get("installed_by").asText());
        assertEquals("0123456789ab", json.get("metadata").get("version").asText());
    }

    @Test
    void windowsPathsKeepTheirBackslashesAndSpaces() throws Exception {
        String java = "C:\\Program Files\\Eclipse Adoptium\\jdk-21.0.5.11-hotspot\\bin\\java.exe";
        String jar = "C:\\Users\\Ada \"A\" L\\AppData\\Roaming\\jupyter\\kernels\\java\\gradkit-java-kernel.jar";
        KernelSpec spec = new KernelSpec(Path.of(java), Path.of(jar), "0123456789ab");
        JsonNode argv = parse(spec.json()).get("argv");
        assertEquals(java, argv.get(0).asText());
        assertEquals(jar, argv.get(3).asText());
    }

    @Test
    void theVersionIsTheFirstTwelveHexDigitsOfSha256() {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad (FIPS 180-2)
        assertEquals("ba7816bf8f01", KernelSpec.versionOf("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void controlCharactersAreEscaped() throws Exception {
        assertEquals("a\tb\nc\u0001", parse(Json.quote("a\tb\nc\u0001")).asText());
    }
}
