package gradkit.notebooks;

import gradkit.check.PageWidth;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;

/**
 * Runs a notebook's code cells in order through the JDK's JShell, which is what the Java kernels
 * (IJava, JJava, Rapaio) are built on, so a notebook can be checked without Jupyter.
 *
 * <p>The shell starts with only the JDK and the imports every one of those kernels makes for you
 * (java.util.*, java.io.*, java.math.*, java.net.*, java.util.concurrent.*, java.util.regex.*), so
 * a notebook that passes here does not lean on one kernel's extras. Of the kernel magics only
 * {@code %classpath DIR} is understood (it is the one all three kernels share), and a magic must be
 * alone in its cell, as Rapaio demands. The first snippet that JShell rejects, that refers to
 * something undefined, that throws, or that prints a line wider than the page ({@link #PAGE_WIDTH}
 * characters) stops the run with a {@link Failure}.
 */
final class JShellNotebookRunner {

    /** The imports that IJava, JJava and Rapaio all make before the first cell. */
    static final List<String> KERNEL_IMPORTS = List.of(
            "java.util.*", "java.io.*", "java.math.*", "java.net.*", "java.util.concurrent.*",
            "java.util.regex.*");

    /**
     * The longest line a cell may print: Jupyter shows about this many characters of an output line
     * before it wraps or scrolls it, which breaks a table's columns.
     */
    static final int PAGE_WIDTH = PageWidth.COLUMNS;

    /** A snippet still running after this long is stopped, so that a loop cannot hang the build. */
    static final long SNIPPET_LIMIT_MINUTES = 5;

    private static final ScheduledExecutorService STOPPER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "notebook-snippet-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /** A notebook cell that did not run; says which cell, which snippet and why. */
    static final class Failure extends AssertionError {
        final int cellIndex;

        Failure(Notebook notebook, Notebook.CodeCell cell, String snippet, String why, String output) {
            super(notebook.path() + ", code cell at index " + cell.index() + ":\n" + cell.source().strip()
                    + (snippet == null ? "" : "\n--- snippet ---\n" + snippet.strip())
                    + "\n--- error ---\n" + why
                    + (output.isBlank() ? "" : "\n--- output of the notebook so far (last lines) ---\n"
                            + lastLines(output, 20)));
            this.cellIndex = cell.index();
        }
    }

    private JShellNotebookRunner() {
    }

    /**
     * Runs every code cell of the notebook; throws {@link Failure} at the first one that fails.
     *
     * @param remoteVmOptions more options for the JVM the cells run in, for example
     *     {@code -Dgradkit.dot=/nowhere/dot} to run it as on a machine without Graphviz
     * @return what the cells printed
     */
    static String run(Notebook notebook, String... remoteVmOptions) {
        var output = new ByteArrayOutputStream();
        var printer = new PrintStream(output, true, StandardCharsets.UTF_8);
        List<String> options = new ArrayList<>(List.of("-Djava.awt.headless=true"));
        options.addAll(List.of(remoteVmOptions));
        try (JShell shell = JShell.builder()
                .out(printer).err(printer)
                .remoteVMOptions(options.toArray(String[]::new))
                .build()) {
            for (String packages : KERNEL_IMPORTS) {
                shell.eval("import " + packages + ";");
            }
            for (Notebook.CodeCell cell : notebook.codeCells()) {
                int printedBefore = output.size();
                if (cell.isMagic()) {
                    runMagic(shell, notebook, cell, output);
                } else {
                    runJava(shell, notebook, cell, output);
                }
                checkWidth(notebook, cell, printedSince(output, printedBefore), output);
            }
        }
        return text(output);
    }

    private static void runMagic(JShell shell, Notebook notebook, Notebook.CodeCell cell,
                                 ByteArrayOutputStream output) {
        for (String line : cell.source().strip().split("\n")) {
            line = line.strip();
            if (!line.startsWith("%")) {
                throw new Failure(notebook, cell, null, "magic and Java in one cell; Rapaio refuses that:"
                        + " put the magic in a cell of its own", text(output));
            }
            String[] words = line.split("\\s+", 2);
            if (!words[0].equals("%classpath") || words.length < 2) {
                throw new Failure(notebook, cell, null, "only \"%classpath DIR\" works in every Java kernel,"
                        + " not " + line, text(output));
            }
            Path dir = notebook.path().toAbsolutePath().getParent().resolve(words[1].strip()).normalize();
            if (!Files.isDirectory(dir)) {
                throw new Failure(notebook, cell, null, "class path folder " + dir + " does not exist"
                        + " (it is built by mvn compile)", text(output));
            }
            shell.addToClasspath(dir.toString());
        }
    }

    private static void runJava(JShell shell, Notebook notebook, Notebook.CodeCell cell,
                                ByteArrayOutputStream output) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = cell.source();
        Snippet last = null;
        while (true) {
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                if (endsWithAPrintStream(last)) {
                    throw new Failure(notebook, cell, last.source(), "the cell ends with an expression of type"
                            + " PrintStream (printf returns one), which a kernel shows as java.io.PrintStream@...:"
                            + " end the cell with println or a statement", text(output));
                }
                return;
            }
            if (!info.completeness().isComplete()) {
                throw new Failure(notebook, cell, remaining, "the cell ends in the middle of a statement",
                        text(output));
            }
            List<SnippetEvent> events;
            var watchdog = STOPPER.schedule(shell::stop, SNIPPET_LIMIT_MINUTES, TimeUnit.MINUTES);
            try {
                events = shell.eval(info.source());
            } finally {
                watchdog.cancel(false);
            }
            if (watchdog.isDone() && !watchdog.isCancelled()) {
                throw new Failure(notebook, cell, info.source(), "stopped after " + SNIPPET_LIMIT_MINUTES
                        + " minutes: a notebook cell should take seconds", text(output));
            }
            for (SnippetEvent event : events) {
                check(shell, notebook, cell, info.source(), event, output);
                if (event.causeSnippet() == null) {
                    last = event.snippet();
                }
            }
            remaining = info.remaining();
        }
    }

    private static void check(JShell shell, Notebook notebook, Notebook.CodeCell cell, String source,
                              SnippetEvent event, ByteArrayOutputStream output) {
        if (event.causeSnippet() != null) {
            return; // an earlier snippet updated because of this one, not this one's own result
        }
        Snippet snippet = event.snippet();
        switch (event.status()) {
            case REJECTED -> throw new Failure(notebook, cell, source,
                    "JShell rejects it:\n" + diagnostics(shell, snippet), text(output));
            case RECOVERABLE_DEFINED, RECOVERABLE_NOT_DEFINED -> throw new Failure(notebook, cell, source,
                    "it refers to something not defined: "
                            + shell.unresolvedDependencies((DeclarationSnippet) snippet).collect(Collectors.toList())
                            + "\n" + diagnostics(shell, snippet), text(output));
            default -> {
                // VALID, or an earlier definition OVERWRITTEN: fine so far
            }
        }
        if (event.exception() != null) {
            throw new Failure(notebook, cell, source, describe(event.exception()), text(output));
        }
    }

    /** Whether a cell's last snippet is an expression whose value, a PrintStream, a kernel would display. */
    private static boolean endsWithAPrintStream(Snippet last) {
        String type = last instanceof ExpressionSnippet expression ? expression.typeName()
                : last instanceof VarSnippet variable && variable.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                        ? variable.typeName() : null;
        return type != null && (type.equals("PrintStream") || type.equals("java.io.PrintStream"));
    }

    private static String diagnostics(JShell shell, Snippet snippet) {
        return shell.diagnostics(snippet)
                .map(d -> "  " + d.getMessage(Locale.ROOT) + " (at " + d.getStartPosition() + ".."
                        + d.getEndPosition() + ": \"" + excerpt(snippet.source(), d.getStartPosition(),
                        d.getEndPosition()) + "\")")
                .collect(Collectors.joining("\n"));
    }

    private static String describe(JShellException exception) {
        String kind = exception instanceof EvalException thrown
                ? thrown.getExceptionClassName()
                : exception instanceof UnresolvedReferenceException unresolved
                        ? "unresolved reference to " + unresolved.getSnippet().source().strip()
                        : exception.getClass().getName();
        StringBuilder text = new StringBuilder(kind + ": " + exception.getMessage());
        StackTraceElement[] trace = exception.getStackTrace();
        for (int i = 0; i < Math.min(trace.length, 12); i++) {
            text.append("\n    at ").append(trace[i]);
        }
        if (exception.getCause() instanceof JShellException cause) {
            text.append("\ncaused by ").append(describe(cause));
        }
        return text.toString();
    }

    private static String excerpt(String source, long start, long end) {
        int from = (int) Math.max(0, Math.min(start, source.length()));
        int to = (int) Math.max(from, Math.min(end, source.length()));
        return source.substring(from, to);
    }

    private static String text(ByteArrayOutputStream output) {
        return output.toString(StandardCharsets.UTF_8);
    }

    /** What was printed after the first {@code from} bytes of the output. */
    private static String printedSince(ByteArrayOutputStream output, int from) {
        return new String(output.toByteArray(), from, output.size() - from, StandardCharsets.UTF_8);
    }

    /** Fails the cell if a line it printed is wider than {@link #PAGE_WIDTH}. */
    private static void checkWidth(Notebook notebook, Notebook.CodeCell cell, String printed, ByteArrayOutputStream output) {
        List<String> wide = printed.lines().filter(line -> line.length() > PAGE_WIDTH).toList();
        if (!wide.isEmpty()) {
            throw new Failure(notebook, cell, null, wide.size() + " printed line(s) wider than the page (" + PAGE_WIDTH
                    + " characters), the first " + wide.get(0).length() + " long:\n" + wide.get(0)
                    + "\nlay it out to fit: shorter headers, a line per sentence, fewer digits", text(output));
        }
    }

    private static String lastLines(String text, int count) {
        List<String> lines = text.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }
}
