package gradkit.grading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * One purpose-built submission of src/test/resources/submissions/&lt;name&gt;/: the files that differ from
 * the model answers, and expected.properties saying what it does and what the grader must make of it.
 *
 * <p>Keys: {@code what} (one sentence), {@code grade} (the exercises graded, default ex02 alone),
 * {@code fail} (the tests that must fail, "ex02.dfdx" or "ex02.*"; every other graded test must
 * pass, so each exercise's score is exact), {@code words} (what the failures must say), {@code setup}
 * (what cannot be a file in git: symlink:FILE:TARGET, fifo:FILE, directory:FILE, junk:FILE,
 * nested:FILE, bom:FILE, crlf:FILE, cr:FILE, maven, slow-compile:FILE), {@code absent} (paths that
 * must not exist afterwards), {@code not-in-report} and {@code clean-output} (text that must appear
 * nowhere in the report), {@code no-control-chars}, {@code compile-limit} (seconds per compilation,
 * instead of the grader's 60), {@code dynamic-fail} and {@code dynamic-words} (what {@code fail} and
 * {@code words} are when the static check is skipped and the security policy of JDK 17 to 23 stops the
 * case instead: {@link #withoutStaticCheck}).
 *
 * <pre>{@code
 * HostileCase c = HostileCase.load(Path.of("src/test/resources/submissions/forge-stdout"));
 * Path submission = c.build(Path.of("solutions"), work);
 * }</pre>
 */
record HostileCase(String name, Path fixture, Properties expected) {

    static HostileCase load(Path fixture) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(fixture.resolve("expected.properties"))) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return new HostileCase(fixture.getFileName().toString(), fixture, p);
    }

    /**
     * This case as the grader sees it without its static check ({@link Grader#withoutStaticCheck}): the
     * tests that fail, and the words, are the dynamic-fail and dynamic-words the case names.
     */
    HostileCase withoutStaticCheck() {
        Properties p = new Properties();
        p.putAll(expected);
        p.setProperty("fail", get("dynamic-fail"));
        p.setProperty("words", get("dynamic-words"));
        return new HostileCase(name, fixture, p);
    }

    /** True when the case says what happens without the static check. */
    boolean hasDynamicOutcome() {
        return expected.containsKey("dynamic-fail");
    }

    List<String> graded() {
        return Stream.of(expected.getProperty("grade", "ex02").split(",")).sorted().toList();
    }

    /** True when the test must fail. */
    boolean mustFail(GradingTest t) {
        return list("fail").stream().anyMatch(f -> f.equals(t.exercise() + ".*") || f.equals(t.exercise() + "." + t.methodName()));
    }

    List<String> list(String key) {
        String v = expected.getProperty(key, "").strip();
        return v.isEmpty() ? List.of() : Arrays.asList(v.split(","));
    }

    /** The grader for this case: {@code grader} restricted to its exercises, with its compile limit if it names one. */
    Grader grader(Grader grader) {
        Grader chosen = grader.only(graded());
        String limit = get("compile-limit");
        return limit.isEmpty() ? chosen : chosen.compileLimit(java.time.Duration.ofSeconds(Long.parseLong(limit)));
    }

    String get(String key) {
        return expected.getProperty(key, "");
    }

    /** The submission: the model answers, this case's files laid over them, then its setup. */
    Path build(Path solutions, Path work) throws IOException {
        Path student = work.resolve(name);
        Files.createDirectories(student);
        try (Stream<Path> files = Files.list(solutions)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Files.copy(f, student.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().equals("expected.properties")) {
                    Path to = student.resolve(fixture.relativize(f).toString());
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        for (String step : list("setup")) {
            setUp(step.split(":"), student, solutions);
        }
        return student;
    }

    private static void setUp(String[] step, Path student, Path solutions) throws IOException {
        Path file = step.length > 1 ? student.resolve(step[1]) : null;
        switch (step[0]) {
            case "symlink" -> {
                Files.delete(file);
                String target = step[2].replace("SOLUTIONS", solutions.toAbsolutePath().toString());
                Files.createSymbolicLink(file, Path.of(target));
            }
            case "fifo" -> {
                Files.delete(file);
                run("mkfifo", file.toString());
            }
            case "directory" -> {
                Files.delete(file);
                Files.createDirectories(file.resolve("gradkit"));
            }
            case "junk" -> Files.writeString(file, "class { ".repeat(3 << 17));
            case "slow-compile" -> Files.writeString(file, withSlowClass(Files.readString(file)));
            case "nested" -> Files.writeString(file, Files.readString(file).replace("return dtdu * y + Math.exp(x) * y;",
                    "return " + "(".repeat(20_000) + "dtdu * y + Math.exp(x) * y" + ")".repeat(20_000) + ";"));
            case "bom" -> Files.write(file, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Files.readAllBytes(file)));
            case "crlf" -> Files.writeString(file, Files.readString(file).replace("\n", "\r\n"));
            case "cr" -> Files.writeString(file, Files.readString(file).replace("\n", "\r"));
            case "maven" -> {
                Path dir = student.resolve("src/main/java/gradkit/exercises");
                Files.createDirectories(dir);
                try (Stream<Path> files = Files.list(student)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        Files.move(f, dir.resolve(f.getFileName()));
                    }
                }
            }
            default -> throw new IllegalArgumentException("unknown setup step " + String.join(":", step));
        }
    }

    /**
     * The file with a class added that javac needs minutes for (about a minute per 1000 statements when
     * the machine is quiet): each statement nests overloaded calls on explicitly typed lambdas, which
     * javac attributes once for every overload. Under the 256 KB a submission may have.
     */
    private static String withSlowClass(String source) {
        StringBuilder slow = new StringBuilder("""
                    private static final class Slow {
                        static <R> R m(java.util.function.IntFunction<R> f) { return null; }
                        static int m(java.util.function.IntUnaryOperator f) { return 0; }
                        static <R> R m(java.util.function.IntPredicate f) { return null; }
                        void t() {
                """);
        String call = "1";
        for (int depth = 0; depth < 12; depth++) {
            call = "m((int a" + depth + ") -> " + call + ")";
        }
        for (int i = 0; i < 1100; i++) {
            slow.append("            Object v").append(i).append(" = ").append(call).append(";\n");
        }
        slow.append("        }\n    }\n}\n");
        return source.substring(0, source.lastIndexOf('}')) + slow;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static void run(String... command) throws IOException {
        try {
            if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
                throw new IOException("failed: " + String.join(" ", command));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}
