package gradkit.kit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The interpreter named by a script's first lines: how the kit learns which Python a {@code jupyter}
 * launcher on the PATH runs, whether pip, conda, Homebrew or Debian put it there.
 *
 * <pre>{@code
 * Shebang.interpreter("#!/opt/conda/bin/python3.12\nimport sys\n")   // Optional[/opt/conda/bin/python3.12]
 * Shebang.interpreter("#!/usr/bin/env python3\n")                       // Optional[python3]
 * }</pre>
 *
 * <p>Three shapes occur: a plain path ({@code #!/usr/bin/python3}); {@code env} and a name looked up
 * on the PATH ({@code #!/usr/bin/env python3}, also with {@code -S}); and the one pip writes when the
 * interpreter's path is too long or holds spaces for a kernel's 127-byte shebang limit, where
 * {@code /bin/sh} re-executes the file with the interpreter named on the second line:
 * <pre>
 * #!/bin/sh
 * '''exec' "/a/very/long/path/bin/python" "$0" "$@"
 * ' '''
 * </pre>
 * Only text is read here; whether the interpreter exists and has Jupyter is {@link JupyterPython}'s
 * question.
 */
public final class Shebang {

    /** pip's long-path form: {@code '''exec' "INTERPRETER" "$0" "$@"} on the second line. */
    private static final Pattern PIP_EXEC = Pattern.compile("^'''exec' (\"([^\"]+)\"|(\\S+)) \"\\$0\"");

    private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    private Shebang() {
    }

    /**
     * The interpreter a script starts with, as a path or (after {@code env}) a command name.
     *
     * @param head the script's first lines (a few hundred bytes are enough)
     * @return the interpreter, or empty when the text does not start with {@code #!} naming one
     */
    public static Optional<String> interpreter(String head) {
        List<String> lines = head.lines().limit(2).toList();
        if (lines.isEmpty() || !lines.get(0).startsWith("#!")) {
            return Optional.empty();
        }
        List<String> words = words(lines.get(0).substring(2));
        if (words.isEmpty()) {
            return Optional.empty();
        }
        String program = words.get(0);
        if (isShell(program) && lines.size() > 1) {
            Matcher exec = PIP_EXEC.matcher(lines.get(1));
            if (exec.find()) {
                return Optional.of(exec.group(2) != null ? exec.group(2) : exec.group(3));
            }
        }
        if (program.endsWith("/env")) {
            return words.stream().skip(1).filter(w -> !w.startsWith("-") && !w.contains("=")).findFirst();
        }
        return Optional.of(program);
    }

    private static boolean isShell(String program) {
        return program.equals("/bin/sh") || program.equals("/bin/bash");
    }

    /** The line's words; a word in double quotes may hold spaces (Windows launchers quote paths). */
    private static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        Matcher word = WORD.matcher(line);
        while (word.find()) {
            words.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
        return words;
    }
}
