package gradkit.kit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Unmatched;

/**
 * A command that runs one of the library's programs (the demo, the benchmarks, the grader, the
 * progress report) in a JVM of this JDK, its arguments passed on as they came.
 *
 * <pre>{@code
 * @Command(name = "demo") class DemoCommand extends LibraryProgram { DemoCommand() { super("gradkit.demo.MoonsDemo"); } }
 * }</pre>
 */
abstract class LibraryProgram implements Callable<Integer> {

    @Unmatched
    List<String> args = new ArrayList<>();

    private final String main;

    LibraryProgram(String main) {
        this.main = main;
    }

    /** The class folders before the dependencies: the library's, and the grader's for the grader. */
    List<Path> folders() {
        return List.of(Project.CLASSES);
    }

    /** Options for the JVM. */
    List<String> jvmOptions() {
        return List.of();
    }

    @Override
    public Integer call() {
        return Processes.run(Project.javaCommand(folders(), jvmOptions(), main, args), java.util.Map.of());
    }
}
