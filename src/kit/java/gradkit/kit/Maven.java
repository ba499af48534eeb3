package gradkit.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maven, through the repository's Maven Wrapper ({@code mvnw}, {@code mvnw.cmd} on Windows), which
 * fetches the Maven that .mvn/wrapper/maven-wrapper.properties pins from Maven Central the first
 * time; nobody installs Maven. It runs on this program's JDK (JAVA_HOME is set to it).
 *
 * <pre>{@code
 * Maven.check("the kernel's build", "-q", "-B", "-f", "tools/kernel/pom.xml", "package");
 * }</pre>
 *
 * <p>Maven 3.8's console library wrote a colour reset, ESC[0m, as Maven exited, even in batch mode;
 * the kit set {@code -Djansi.noreset=true} against it. The wrapper's Maven 3.9 writes none.
 */
public final class Maven {

    private Maven() {
    }

    /** Runs Maven with these arguments in the repository's root; its exit status. */
    public static int run(String... args) {
        return Processes.run(command(args), Map.of("JAVA_HOME", JavaTools.home().toString()));
    }

    /** Runs Maven and fails with a sentence naming {@code what} unless it succeeds. */
    public static void check(String what, String... args) {
        Processes.check(what, command(args), Map.of("JAVA_HOME", JavaTools.home().toString()));
    }

    private static List<String> command(String... args) {
        String wrapper = Os.current() == Os.WINDOWS ? "mvnw.cmd" : "mvnw";
        List<String> command = new ArrayList<>();
        command.add(Project.ROOT.resolve(wrapper).toString());
        command.addAll(List.of(args));
        return command;
    }
}
