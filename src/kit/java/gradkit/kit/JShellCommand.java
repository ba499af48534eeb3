package gradkit.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Unmatched;

/** {@code ./kit jshell}: this JDK's JShell with the library on the class path and its packages imported. */
@Command(name = "jshell", description = "JShell with the library on the class path and the gradkit packages imported")
final class JShellCommand implements Callable<Integer> {

    @Unmatched
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() {
        List<String> command = new ArrayList<>(List.of(JavaTools.jshell().toString(),
                "--class-path", Project.KIT_CLASSES.toString(),
                "--startup", "DEFAULT", "--startup", Project.JSHELL_STARTUP.toString()));
        command.addAll(args);
        return Processes.run(command, Map.of());
    }
}
