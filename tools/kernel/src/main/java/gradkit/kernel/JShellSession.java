package gradkit.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Java code evaluated as JShell evaluates it, in this JVM, with {@link StoppableExecution} so that
 * a running cell can be stopped.
 *
 * <pre>
 * JShellSession java = new JShellSession();
 * java.eval("int x = 20;");
 * java.eval("x + 22")   // 42, as an Integer
 * </pre>
 */
final class JShellSession implements AutoCloseable {

    /** What every cell may use without an import: JShell's own default imports, and display/render. */
    static final String STARTUP = String.join("\n",
            "import java.io.*;",
            "import java.math.*;",
            "import java.net.*;",
            "import java.nio.file.*;",
            "import java.util.*;",
            "import java.util.concurrent.*;",
            "import java.util.function.*;",
            "import java.util.regex.*;",
            "import java.util.stream.*;",
            "import static gradkit.kernel.CellDisplay.display;",
            "import static gradkit.kernel.CellDisplay.render;",
            "import static gradkit.kernel.CellDisplay.updateDisplay;");

    /** Snippet kinds whose value a cell shows when they come last: expressions, not declarations. */
    private static final Set<Snippet.SubKind> SHOWN = Set.of(
            Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND,
            Snippet.SubKind.VAR_VALUE_SUBKIND,
            Snippet.SubKind.ASSIGNMENT_SUBKIND,
            Snippet.SubKind.OTHER_EXPRESSION_SUBKIND);

    private final StoppableExecution execution = new StoppableExecution();
    private final JShell shell;

    JShellSession() {
        shell = JShell.builder().executionEngine(execution.provider(), null).build();
        try {
            eval(STARTUP);
        } catch (CellError e) {
            throw new IllegalStateException("the kernel's start-up imports failed: " + e.getMessage(), e);
        }
    }

    /**
     * Evaluates one or more snippets of Java, in order, stopping at the first that fails.
     *
     * @return the value of the last snippet if it is an expression (null if it has none)
     * @throws CellError if a snippet does not compile, throws, or is interrupted
     */
    Object eval(String code) throws CellError {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        Object value = null;
        String remaining = code;
        try {
            while (!remaining.isBlank()) {
                CompletionInfo info = analysis.analyzeCompletion(remaining);
                if (info.completeness() == Completeness.EMPTY) {
                    break;   // only comments are left
                }
                if (info.source() == null) {
                    // Incomplete: let JShell's compiler say what is missing ("reached end of file ...").
                    value = evalSnippet(remaining);
                    break;
                }
                value = evalSnippet(info.source());
                remaining = info.remaining();
            }
            return value;
        } finally {
            execution.forgetValues();
        }
    }

    private Object evalSnippet(String source) throws CellError {
        Object value = null;
        execution.resetStopped();
        for (SnippetEvent event : shell.eval(source)) {
            if (event.causeSnippet() != null) {
                continue;   // a snippet updated because of this one, not this one itself
            }
            if (execution.lastWasStopped()) {
                throw new CellError.Interrupted(execution.lastWasLeftRunning());
            }
            Snippet snippet = event.snippet();
            if (event.status() == Snippet.Status.REJECTED) {
                throw compilationError(snippet);
            }
            if (event.exception() != null) {
                throw exceptionInCell(event.exception());
            }
            Object result = execution.takeValue(event.value());
            value = SHOWN.contains(snippet.subKind()) ? result : null;
        }
        return value;
    }

    private CellError compilationError(Snippet snippet) {
        List<String> details = new ArrayList<>();
        String source = snippet.source();
        String first = null;
        for (Diag diag : (Iterable<Diag>) shell.diagnostics(snippet)::iterator) {
            String message = diag.getMessage(Locale.ROOT);
            first = first == null ? message : first;
            details.addAll(pointAt(source, (int) diag.getStartPosition(), message));
        }
        return new CellError.CompilationError(first == null ? "the code does not compile" : first, details);
    }

    /** The line of source holding position {@code at}, a caret under it, and the message. */
    static List<String> pointAt(String source, int at, String message) {
        if (at < 0 || at > source.length()) {
            return List.of(message);
        }
        int lineStart = source.lastIndexOf('\n', Math.max(0, at - 1)) + 1;
        if (at == 0) {
            lineStart = 0;
        }
        int lineEnd = source.indexOf('\n', at);
        String line = source.substring(lineStart, lineEnd < 0 ? source.length() : lineEnd);
        return List.of(line, " ".repeat(at - lineStart) + "^", message);
    }

    private static CellError exceptionInCell(JShellException exception) {
        String message;
        if (exception instanceof EvalException thrown) {
            message = thrown.getExceptionClassName()
                    + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
        } else if (exception instanceof UnresolvedReferenceException unresolved) {
            message = "the code uses " + unresolved.getSnippet().source().strip()
                    + ", which cannot run until what it refers to is defined";
        } else {
            message = exception.toString();
        }
        List<String> details = new ArrayList<>();
        details.add(message);
        for (StackTraceElement element : exception.getStackTrace()) {
            details.add("\tat " + element);
        }
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            details.add("Caused by: " + cause);
        }
        return new CellError.ExceptionInCell(message, details);
    }

    /** Adds a folder or a jar to the class path of the code and of the compiler. */
    void addToClasspath(String path) {
        shell.addToClasspath(path);
    }

    /** A new cell begins: forgets an interrupt that came after the last snippet of the one before. */
    void newCell() {
        execution.newCell();
    }

    /**
     * Stops the running snippet, or the next one of this cell if none runs yet; see
     * {@link StoppableExecution#stop()}. Safe from any thread.
     */
    void stop() {
        execution.stop();
    }

    /**
     * Jupyter's is_complete answer for a cell of plain Java: "complete", "invalid", or the indent
     * for the next line when the code goes on (an open brace, a statement without its semicolon).
     */
    String completeness(String code) {
        String remaining = code;
        while (!remaining.isBlank()) {
            CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(remaining);
            switch (info.completeness()) {
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE:
                    return "    ";
                case UNKNOWN:
                    return "invalid";
                default:
                    remaining = info.remaining();
            }
        }
        return "complete";
    }

    /** Completions of the code at the cursor: the replacements and where they start. */
    Completions complete(String code, int cursor) {
        int[] anchor = new int[1];
        List<String> names = new ArrayList<>();
        for (SourceCodeAnalysis.Suggestion s : shell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor)) {
            if (!names.contains(s.continuation())) {
                names.add(s.continuation());
            }
        }
        return new Completions(names, anchor[0], cursor);
    }

    /** Text that may replace {@code code[start, end)}. */
    record Completions(List<String> replacements, int start, int end) {
    }

    @Override
    public void close() {
        shell.close();
    }
}
