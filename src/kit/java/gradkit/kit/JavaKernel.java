package gradkit.kit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The kit's Jupyter kernel for Java (tools/kernel/: JShell behind jupyter-jvm-basekernel, IJava's
 * foundation, with Kernel > Interrupt that stops a cell): built with the Maven Wrapper and
 * registered as the kernel {@code java}.
 *
 * <pre>{@code
 * JavaKernel.ensureRegistered(python, JupyterFolders.dataDir(python).resolve("kernels"), Map.of());
 * }</pre>
 */
public final class JavaKernel {

    /** The kernel's own Maven project, and the one jar (with its dependencies) it builds. */
    static final Path PROJECT = Project.ROOT.resolve("tools/kernel");
    static final Path JAR = PROJECT.resolve("target/gradkit-java-kernel.jar");

    private JavaKernel() {
    }

    /** Builds the kernel's jar unless it is newer than every file of its sources and its pom.xml. */
    public static void build() {
        if (!Files.isRegularFile(JAR) || newestSource() > modified(JAR)) {
            Maven.check("the Java kernel's build", "-q", "-B", "-f", PROJECT.resolve("pom.xml").toString(),
                    "-DskipTests", "package");
        }
    }

    /**
     * Registers the kit's kernel as {@code java} in {@code kernels}, unless a {@code java} kernel that
     * Jupyter finds (with {@code environment}) starts and answers, IJava or JJava or the kit's own
     * built from the current sources: {@code tools/java_kernel.py check} starts it and runs 1+1.
     */
    public static void ensureRegistered(JupyterPython python, Path kernels, Map<String, String> environment) {
        build();
        int working = python.run(List.of(Project.ROOT.resolve("tools/java_kernel.py").toString(), "check",
                JAR.toString()), environment);
        if (working != 0) {
            register(kernels);
        }
    }

    /**
     * Writes kernels/java/: a copy of the kernel's jar and kernel.json ({@link KernelSpec}) naming it
     * and this JDK's java, so the kernel runs on the JDK the kit runs on.
     */
    public static Path register(Path kernels) {
        Path folder = kernels.resolve(KernelSpec.NAME).toAbsolutePath();
        try {
            Files.createDirectories(folder);
            Path jar = folder.resolve(KernelSpec.JAR_NAME);
            Files.copy(JAR, jar, StandardCopyOption.REPLACE_EXISTING);
            KernelSpec spec = new KernelSpec(JavaTools.java(), jar, KernelSpec.versionOf(Files.readAllBytes(jar)));
            Files.writeString(folder.resolve("kernel.json"), spec.json());
        } catch (IOException e) {
            throw new UncheckedIOException("could not register the Java kernel in " + folder, e);
        }
        System.err.printf("kit: registered the Jupyter kernel '%s' (%s, Java %d) in %s%n",
                KernelSpec.NAME, KernelSpec.DISPLAY_NAME, JavaTools.version(), folder);
        return folder;
    }

    private static long newestSource() {
        try (Stream<Path> files = Stream.concat(Stream.of(PROJECT.resolve("pom.xml")), Files.walk(PROJECT.resolve("src")))) {
            return files.filter(Files::isRegularFile).mapToLong(JavaKernel::modified).max().orElse(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long modified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
