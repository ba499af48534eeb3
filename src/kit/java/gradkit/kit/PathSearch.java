package gradkit.kit;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a program on the PATH, as a shell would: the first folder that holds an executable file of
 * that name ({@code NAME.exe}, {@code NAME.cmd} or {@code NAME.bat} on Windows).
 *
 * <pre>{@code
 * Optional<Path> dot = PathSearch.find("dot");   // Optional[/usr/bin/dot]
 * }</pre>
 */
public final class PathSearch {

    private PathSearch() {
    }

    /** The program's file, from the first folder of the PATH that has it. */
    public static Optional<Path> find(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        String[] names = Os.current() == Os.WINDOWS
                ? new String[] {program + ".exe", program + ".cmd", program + ".bat", program}
                : new String[] {program};
        for (String folder : path.split(File.pathSeparator)) {
            for (String name : names) {
                if (folder.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(folder, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the program is on the PATH. */
    public static boolean has(String program) {
        return find(program).isPresent();
    }
}
