package gradkit.kit;

import java.nio.file.Path;

/**
 * The JDK this program runs on, and its tools. {@code ./kit} and {@code kit.cmd} chose it (JAVA_HOME,
 * else the PATH); everything the kit starts uses the same one: the library's programs, JShell, the
 * Maven Wrapper (through JAVA_HOME) and the Java kernel registered for Jupyter.
 *
 * <pre>{@code
 * Path java = JavaTools.java();   // e.g. /usr/lib/jvm/temurin-25-jdk-amd64/bin/java
 * }</pre>
 */
public final class JavaTools {

    private JavaTools() {
    }

    /** The JDK's folder, the running JVM's {@code java.home}. */
    public static Path home() {
        return Path.of(System.getProperty("java.home")).toAbsolutePath();
    }

    /** The {@code java} launcher, an absolute path (a kernelspec keeps it). */
    public static Path java() {
        return tool("java");
    }

    /** The {@code jshell} tool. */
    public static Path jshell() {
        return tool("jshell");
    }

    /** The JDK's feature version: 17, 21, 25. */
    public static int version() {
        return Runtime.version().feature();
    }

    private static Path tool(String name) {
        return home().resolve("bin").resolve(Os.current().executable(name));
    }
}
