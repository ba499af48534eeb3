package gradkit.kit;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The repository's folders and what the build leaves in target/: one definition of each path the
 * kit's commands use.
 *
 * <pre>{@code
 * List<String> command = Project.javaCommand("target/classes", "gradkit.demo.MoonsDemo", List.of());
 * }</pre>
 */
public final class Project {

    /** The repository's root: ./kit and kit.cmd start this program there. */
    public static final Path ROOT = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    /** The library's classes (target/classes) and the grader's (target/grader-classes). */
    public static final Path CLASSES = ROOT.resolve("target/classes");
    public static final Path GRADER_CLASSES = ROOT.resolve("target/grader-classes");
    /** The library's dependency jars, one class path (written by `mvn compile`, see pom.xml). */
    public static final Path CLASSPATH_FILE = ROOT.resolve("target/classpath.txt");
    /** The library and its dependencies as classes in one folder: what a notebook's %classpath loads. */
    public static final Path KIT_CLASSES = ROOT.resolve("target/kit-classes");
    /** The notebooks, and JShell's start-up script that imports the library's packages. */
    public static final Path NOTEBOOKS = ROOT.resolve("notebooks");
    public static final Path JSHELL_STARTUP = ROOT.resolve("src/main/jshell/gradkit.jsh");

    private Project() {
    }

    /** {@code java -cp FOLDERS:DEPENDENCIES MAIN ARGS...} on this JDK, for a program of the library. */
    public static List<String> javaCommand(List<Path> folders, List<String> jvmOptions, String main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(JavaTools.java().toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        List<String> entries = new ArrayList<>(folders.stream().map(Path::toString).toList());
        entries.add(dependencies());
        command.add(String.join(File.pathSeparator, entries));
        command.add(main);
        command.addAll(args);
        return command;
    }

    private static String dependencies() {
        try {
            return Files.readString(CLASSPATH_FILE).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("no " + CLASSPATH_FILE + ": build first (./kit builds before every command)", e);
        }
    }
}
