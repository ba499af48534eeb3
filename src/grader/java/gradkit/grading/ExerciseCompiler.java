package gradkit.grading;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles one exercise (the student's file, its grading test and the test helpers) on its own,
 * with the JDK's compiler in this JVM ({@code javax.tools}), so that an error in one exercise costs
 * only that exercise. Annotation processing is off: compiling never runs student code. The grader
 * runs it in a JVM of its own ({@link CompilerServer}, driven by {@link CompilerProcess}), which is
 * killed when a compilation outlives its limit.
 *
 * <pre>{@code
 * try (ExerciseCompiler compiler = new ExerciseCompiler(classpath)) {
 *     ExerciseCompiler.Result r = compiler.compile(
 *             List.of(Path.of("exercises/Ex01DifferenceQuotients.java"), testFile), Path.of("/tmp/out/ex01"));
 *     if (!r.success()) System.out.println(r.messages());
 * }
 * }</pre>
 */
public final class ExerciseCompiler implements AutoCloseable {
    /** Compiler messages longer than this are cut (a broken file can produce pages of them). */
    static final int MAX_MESSAGE_CHARS = 4000;

    private final String classpath;
    private final JavaCompiler compiler;
    private final DiagnosticCollector<JavaFileObject> managerDiagnostics = new DiagnosticCollector<>();
    /** Shared by all compilations: it caches what it read of the class path's jars. */
    private final StandardJavaFileManager files;

    /** A compiler that resolves the library, JUnit and the support classes on {@code classpath}. */
    public ExerciseCompiler(String classpath) {
        this.classpath = classpath;
        this.compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("No Java compiler found: run the grader with a JDK, not a JRE.");
        }
        this.files = compiler.getStandardFileManager(managerDiagnostics, Locale.ROOT, StandardCharsets.UTF_8);
    }

    /** Releases the file manager's open jars. */
    @Override
    public void close() {
        try {
            files.close();
        } catch (java.io.IOException ignored) {
            // nothing left to release
        }
    }

    /**
     * What came out of one compilation.
     *
     * @param success  true when the class files were written
     * @param messages the errors, one "File.java:line: message" with the source line per error ("" on success)
     */
    public record Result(boolean success, String messages) {
    }

    /** Compiles {@code sources} into {@code outputDir} against this compiler's class path. */
    public Result compile(List<Path> sources, Path outputDir) {
        return compile(sources, outputDir, classpath);
    }

    /**
     * Compiles {@code sources} into {@code outputDir} against {@code against}. Whatever the compiler
     * throws (it can run out of memory or stack on a hostile file) becomes a failed result.
     */
    public Result compile(List<Path> sources, Path outputDir, String against) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-d", outputDir.toString(), "-classpath", against, "-proc:none", "-implicit:none",
                "-sourcepath", "",
                "-encoding", "UTF-8", "-nowarn", "-Xlint:none", "-g", "--release", "17");
        Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
        StringWriter other = new StringWriter();
        boolean ok;
        try {
            ok = compiler.getTask(other, files, diagnostics, options, null, units).call();
        } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
            return new Result(false, "The compiler could not handle this file (" + e.getClass().getSimpleName()
                    + "): is it very long or very deeply nested?");
        }
        return new Result(ok, ok ? "" : format(diagnostics.getDiagnostics(), other.toString()));
    }

    private static String format(List<Diagnostic<? extends JavaFileObject>> diagnostics, String other) {
        List<String> lines = new ArrayList<>();
        boolean inTests = false;
        for (Diagnostic<? extends JavaFileObject> d : diagnostics) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            String file = d.getSource() == null ? "" : Path.of(d.getSource().toUri()).getFileName().toString();
            inTests |= file.endsWith("Test.java") || file.endsWith("Probe.java");
            lines.add(file + ":" + d.getLineNumber() + ": error: " + d.getMessage(Locale.ROOT));
            String source = sourceLine(d);
            if (!source.isBlank()) {
                lines.add("    " + source.strip());
            }
        }
        if (inTests) {
            lines.add("(The grading test could not use your file: did you change the name or the parameters of a"
                    + " class or method the exercise gave you?)");
        }
        String text = String.join("\n", lines) + (other.isBlank() ? "" : "\n" + other.strip());
        return StudentText.cap(StudentText.clean(text), MAX_MESSAGE_CHARS);
    }

    /** The source line an error points at, or "" when it cannot be read. */
    private static String sourceLine(Diagnostic<? extends JavaFileObject> d) {
        try {
            if (d.getSource() == null || d.getLineNumber() < 1) {
                return "";
            }
            String[] lines = d.getSource().getCharContent(true).toString().split("\n", -1);
            return d.getLineNumber() <= lines.length ? lines[(int) d.getLineNumber() - 1] : "";
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
