package gradkit.kit;

import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The kernelspec (kernel.json) that registers the kit's Java kernel with Jupyter as {@code java}.
 *
 * <pre>{@code
 * String json = new KernelSpec(JavaTools.java(), folder.resolve(KernelSpec.JAR_NAME), "0123456789ab").json();
 * }</pre>
 *
 * <p>The JVM is an absolute path, so the kernel keeps the JDK the kit was set up with; the jar is the
 * copy beside kernel.json, so the kernel keeps working after {@code mvn clean}; AWT runs headless,
 * since notebooks only draw into images; interrupts come as messages on the control channel
 * (Kernel > Interrupt), which the kernel answers by stopping the running cell. The metadata marks
 * the spec as the kit's with the jar's version, which {@code tools/java_kernel.py check} reads
 * (the same names are defined there).
 *
 * @param java    the JVM that runs the kernel
 * @param jar     the kernel's jar, in the kernelspec's folder
 * @param version {@link #versionOf the jar's version}
 */
public record KernelSpec(Path java, Path jar, String version) {

    /** The kernel's name, and its display name, as IJava and JJava name theirs, so notebooks match all three. */
    public static final String NAME = "java";
    public static final String DISPLAY_NAME = "Java";
    /** The jar's name in the kernelspec's folder. */
    public static final String JAR_NAME = "gradkit-java-kernel.jar";
    /** Kept in the spec's metadata, so that the kit recognises a kernel it installed. */
    public static final String MARKER = "gradkit";

    /** The command line Jupyter starts the kernel with. */
    public List<String> argv() {
        return List.of(java.toString(), "-Djava.awt.headless=true", "-jar", jar.toString(), "{connection_file}");
    }

    /** kernel.json's text. */
    public String json() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("argv", argv());
        spec.put("display_name", DISPLAY_NAME);
        spec.put("language", "java");
        spec.put("interrupt_mode", "message");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("installed_by", MARKER);
        metadata.put("version", version);
        spec.put("metadata", metadata);
        return Json.write(spec) + "\n";
    }

    /** A jar's version: the first 12 hex digits of the SHA-256 of its bytes. */
    public static String versionOf(byte[] jar) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(jar);
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256, which every JDK must have", e);
        }
    }
}
