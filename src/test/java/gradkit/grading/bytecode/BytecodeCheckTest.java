package gradkit.grading.bytecode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The static check on small classes compiled here (javac, --release 17, as the grader compiles): each
 * refused family with the exact sentence a student reads, and the allowed API, the eleven model
 * answers, the exercise files and every planted bug passing untouched.
 */
class BytecodeCheckTest {
    private static final String FILE = "Ex02ChainRuleByHand.java";
    private static final Set<String> RESERVED = Set.of("Ex02ChainRuleByHandTest", "Feedback", "Oracle");
    private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();

    @TempDir
    Path work;
    private int compilations;

    /** Compiles one file's text as the student's Ex02ChainRuleByHand.java; returns the classes' folder. */
    private Path compile(String source) throws IOException {
        Path dir = work.resolve("c" + compilations++);
        Path src = dir.resolve("src").resolve(FILE);
        Path out = dir.resolve("classes");
        Files.createDirectories(src.getParent());
        Files.createDirectories(out);
        Files.writeString(src, source);
        int status = JAVAC.run(null, null, null, "-d", out.toString(), "-g", "--release", "17", "-nowarn", "-proc:none",
                "-cp", libraryClasspath(), src.toString());
        assertEquals(0, status, () -> "does not compile: " + source);
        return out;
    }

    /** What the grader compiles a student's file against: the library, JUnit, Jackson. */
    private static String libraryClasspath() throws IOException {
        return Path.of("target", "classes") + File.pathSeparator + Files.readString(Path.of("target", "classpath.txt")).strip();
    }

    /** The refusals of a method whose body starts on line 4. */
    private List<Refusal> refusalsOf(String body, String members) throws IOException {
        String source = "package gradkit.exercises;\n"
                + "public final class Ex02ChainRuleByHand {\n"
                + "    static Object m() throws Throwable {\n"
                + body + "\n"
                + "        return null;\n"
                + "    }\n"
                + members + "\n"
                + "}\n";
        return BytecodeCheck.check(compile(source), FILE, RESERVED);
    }

    private String firstMessage(String body) throws IOException {
        List<Refusal> refused = refusalsOf(body, "");
        assertTrue(!refused.isEmpty(), "nothing refused in: " + body);
        return refused.get(0).message();
    }

    private static String sentence(int line, String what, Family family) {
        return new Refusal(FILE, line, what, family).message();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "new java.io.FileInputStream(\"/etc/passwd\");|calls java.io.FileInputStream.<init>|FILES",
        "java.nio.file.Files.readString(null);|calls java.nio.file.Files.readString|FILES",
        "new java.io.RandomAccessFile(\"/proc/self/mem\", \"r\");|calls java.io.RandomAccessFile.<init>|FILES",
        "Object o = java.io.FileDescriptor.out;|uses java.io.FileDescriptor.out|FILES",
        "new java.io.PrintStream(\"results.json\");|calls java.io.PrintStream.<init>|FILES",
        "new java.util.Scanner(new java.io.File(\"x\"));|calls java.io.File.<init>|FILES",
        "new java.net.Socket(\"localhost\", 80);|calls java.net.Socket.<init>|NETWORK",
        "new ProcessBuilder(\"kill\", \"1\");|calls java.lang.ProcessBuilder.<init>|PROCESSES",
        "ProcessHandle.current();|calls java.lang.ProcessHandle.current|PROCESSES",
        "Runtime.getRuntime().exec(\"true\");|calls java.lang.Runtime.exec|PROCESSES",
        "System.exit(0);|calls java.lang.System.exit|EXIT",
        "Runtime.getRuntime().halt(0);|calls java.lang.Runtime.halt|EXIT",
        "Runtime.getRuntime().addShutdownHook(null);|calls java.lang.Runtime.addShutdownHook|EXIT",
        "System.load(\"/tmp/x.so\");|calls java.lang.System.load|NATIVE",
        "System.loadLibrary(\"c\");|calls java.lang.System.loadLibrary|NATIVE",
        "String.class.getDeclaredFields();|calls java.lang.Class.getDeclaredFields|REFLECTION",
        "Class.forName(\"sun.misc.Unsafe\");|calls java.lang.Class.forName|CLASS_LOADING",
        "String.class.getMethod(\"length\");|calls java.lang.Class.getMethod|REFLECTION",
        "java.lang.invoke.MethodHandles.lookup();|calls java.lang.invoke.MethodHandles.lookup|REFLECTION",
        "new java.beans.Statement(null, \"exit\", null);|calls java.beans.Statement.<init>|REFLECTION",
        "Object o = String.class.getClassLoader();|calls java.lang.Class.getClassLoader|CLASS_LOADING",
        "java.util.ServiceLoader.load(Runnable.class);|calls java.util.ServiceLoader.load|CLASS_LOADING",
        "new Thread(() -> { }).start();|calls java.lang.Thread.<init>|THREADS",
        "java.util.concurrent.Executors.newFixedThreadPool(2);|calls java.util.concurrent.Executors.newFixedThreadPool|THREADS",
        "java.util.concurrent.ForkJoinPool.commonPool();|calls java.util.concurrent.ForkJoinPool.commonPool|THREADS",
        "java.util.List.of(1).parallelStream();|calls java.util.List.parallelStream|THREADS",
        "java.util.stream.IntStream.range(0, 9).parallel();|calls java.util.stream.IntStream.parallel|THREADS",
        "java.util.Arrays.parallelSort(new int[3]);|calls java.util.Arrays.parallelSort|THREADS",
        "new java.util.Timer();|calls java.util.Timer.<init>|THREADS",
        "new Object().wait();|calls java.lang.Object.wait|THREADS",
        "Object u = sun.misc.Unsafe.getUnsafe();|calls sun.misc.Unsafe.getUnsafe|INTERNALS",
        "System.setOut(null);|calls java.lang.System.setOut|SETTINGS",
        "System.setProperty(\"a\", \"b\");|calls java.lang.System.setProperty|SETTINGS",
        "System.getenv(\"HOME\");|calls java.lang.System.getenv|SETTINGS",
        "Integer.getInteger(\"gradkit.port\");|calls java.lang.Integer.getInteger|SETTINGS",
        "Object in = System.in;|uses java.lang.System.in|SETTINGS",
        "java.util.Locale.setDefault(java.util.Locale.ROOT);|calls java.util.Locale.setDefault|SETTINGS",
        "org.junit.jupiter.api.Assumptions.assumeTrue(false);|calls org.junit.jupiter.api.Assumptions.assumeTrue|TEST_FRAMEWORK",
        "gradkit.io.ModelJson.class.getName();|uses the class gradkit.io.ModelJson|LIBRARY",
        "java.time.Instant.now();|calls java.time.Instant.now|OTHER",
    })
    void eachRefusedFamilyIsNamedWithFileAndLine(String body, String what, Family family) throws IOException {
        assertEquals(sentence(4, what, family), firstMessage("        " + body));
    }

    @Test
    void theMessageReadsAsTheStudentSeesIt() {
        assertEquals("Ex02ChainRuleByHand.java line 14 calls java.io.FileInputStream.<init>: grading refuses reading or"
                + " writing files (an exercise never needs them). Remove the call and grade again.",
                sentence(14, "calls java.io.FileInputStream.<init>", Family.FILES));
    }

    @Test
    void methodReferencesAreCheckedLikeCalls() throws IOException {
        assertEquals(sentence(4, "refers to java.lang.System::exit", Family.EXIT),
                firstMessage("        java.util.function.IntConsumer end = System::exit;"));
        assertEquals(sentence(4, "refers to java.lang.Runtime::halt", Family.EXIT),
                firstMessage("        java.util.function.IntConsumer end = Runtime.getRuntime()::halt;"));
        assertEquals(sentence(4, "refers to java.lang.ProcessHandle::current", Family.PROCESSES),
                firstMessage("        java.util.function.Supplier<?> s = ProcessHandle::current;"));
    }

    @Test
    void aCallInAStaticInitializerIsRefusedByName() throws IOException {
        List<Refusal> refused = refusalsOf("", "    static {\n        System.exit(0);\n    }");
        assertEquals(List.of(sentence(8, "calls java.lang.System.exit", Family.EXIT)), messages(refused));
    }

    @Test
    void supertypesAreChecked() throws IOException {
        List<Refusal> refused = refusalsOf("", "    static class Worker extends Thread { }\n"
                + "    static class Loader extends ClassLoader { }\n"
                + "    static class Reader extends java.io.FileInputStream {\n"
                + "        Reader() throws Exception { super(\"x\"); }\n"
                + "    }\n");
        List<String> m = messages(refused);
        assertTrue(m.contains("Ex02ChainRuleByHand.java declares class gradkit.exercises.Ex02ChainRuleByHand$Worker, which"
                + " extends java.lang.Thread: grading refuses " + Family.THREADS.reason() + ". Remove it and grade again."), m::toString);
        assertTrue(m.stream().anyMatch(s -> s.contains("Loader, which extends java.lang.ClassLoader: grading refuses loading")), m::toString);
        assertTrue(m.stream().anyMatch(s -> s.contains("Reader, which extends java.io.FileInputStream: grading refuses reading")), m::toString);
    }

    @Test
    void inheritedMethodsAreJudgedWhereTheyComeFrom() throws IOException {
        List<Refusal> refused = refusalsOf("        Box b = new Box();\n        b.size();\n        b.get();\n"
                        + "        new Worker().start();\n        Object o = Res.getBundle(\"x\");",
                "    static class Box extends java.util.ArrayList<Object> {\n        Object get() { return null; }\n    }\n"
                + "    static class Worker extends Thread { }\n"
                + "    static class Res extends java.util.ListResourceBundle {\n"
                + "        protected Object[][] getContents() { return null; }\n    }\n");
        assertEquals(List.of(
                "Ex02ChainRuleByHand.java declares class gradkit.exercises.Ex02ChainRuleByHand$Res, which extends"
                        + " java.util.ListResourceBundle: grading refuses " + Family.CLASS_LOADING.reason() + ". Remove it and grade again.",
                "Ex02ChainRuleByHand.java declares class gradkit.exercises.Ex02ChainRuleByHand$Worker, which extends"
                        + " java.lang.Thread: grading refuses " + Family.THREADS.reason() + ". Remove it and grade again.",
                sentence(7, "calls java.lang.Thread.start", Family.THREADS),
                sentence(8, "calls java.util.ListResourceBundle.getBundle", Family.CLASS_LOADING),
                sentence(14, "calls java.lang.Thread.<init>", Family.THREADS),
                sentence(15, "calls java.util.ListResourceBundle.<init>", Family.CLASS_LOADING)), messages(refused));
    }

    @Test
    void anObjectMethodOnAStudentClassIsStillRefused() throws IOException {
        List<Refusal> refused = refusalsOf("", "    void waitHere() throws InterruptedException { this.wait(); }\n");
        assertEquals(List.of(sentence(7, "calls java.lang.Object.wait", Family.THREADS)), messages(refused));
    }

    @Test
    void nativeMethodsAndFinalizersAreRefused() throws IOException {
        List<Refusal> refused = refusalsOf("", "    static native void poke();\n    protected void finalize() { }\n");
        assertEquals(List.of(
                "Ex02ChainRuleByHand.java declares the native method gradkit.exercises.Ex02ChainRuleByHand.poke: grading refuses "
                        + Family.NATIVE.reason() + ". Remove it and grade again.",
                "Ex02ChainRuleByHand.java declares gradkit.exercises.Ex02ChainRuleByHand.finalize(): grading refuses "
                        + Family.FINALIZER.reason() + ". Remove it and grade again."), messages(refused));
    }

    @Test
    void classesOutsideThePackageOrNamedLikeTheTestsAreRefused() throws IOException {
        Path other = compile("package gradkit.grading;\npublic final class Ex02ChainRuleByHand { }\n");
        assertEquals(List.of("Ex02ChainRuleByHand.java declares class gradkit.grading.Ex02ChainRuleByHand outside package"
                + " gradkit.exercises: grading refuses " + Family.PACKAGE.reason()
                + ". Rename it or move it into package gradkit.exercises, and grade again."),
                messages(BytecodeCheck.check(other, FILE, RESERVED)));
        Path named = compile("package gradkit.exercises;\npublic final class Ex02ChainRuleByHand { }\nclass Oracle$Answers { }\n");
        assertEquals(List.of("Ex02ChainRuleByHand.java declares class gradkit.exercises.Oracle$Answers, a name the grading"
                + " tests use: grading refuses " + Family.PACKAGE.reason()
                + ". Rename it or move it into package gradkit.exercises, and grade again."),
                messages(BytecodeCheck.check(named, FILE, RESERVED)));
    }

    @Test
    void theAllowedApiPasses() throws IOException {
        String body = """
                        double[] a = {3, 1, 2};
                        java.util.Arrays.sort(a);
                        double[] b = a.clone();
                        System.arraycopy(a, 0, b, 0, 3);
                        java.util.List<Double> list = new java.util.ArrayList<>();
                        for (double d : b) list.add(Math.exp(d) + StrictMath.sqrt(d));
                        java.util.Map<String, Integer> m = new java.util.HashMap<>();
                        m.merge("k", 1, Integer::sum);
                        String s = "v=" + list.size() + String.format("%.3f", 1.0) + new StringBuilder("x").reverse();
                        System.out.println(s + System.lineSeparator() + System.nanoTime() + System.identityHashCode(s));
                        System.err.printf("%s%n", java.util.Objects.requireNonNull(s));
                        double sum = java.util.stream.DoubleStream.of(a).map(x -> x * x).sum();
                        java.util.Optional.of(sum).ifPresent(x -> { });
                        java.util.Random r = new java.util.Random(42);
                        gradkit.engine.Value v = gradkit.engine.Value.of(r.nextDouble()).tanh();
                        v.backward();
                        Runnable later = () -> { };
                        later.run();
                        if (s.isEmpty()) throw new IllegalArgumentException("empty: " + Ex02ChainRuleByHand.class.getSimpleName());
                        assert sum >= 0 : "negative";
                """;
        String members = "    record Pair(double x, double y) { }\n    enum Side { LEFT, RIGHT }\n"
                + "    static int side(Side s) { return switch (s) { case LEFT -> 1; case RIGHT -> 2; }; }\n"
                + "    static final class Failure extends RuntimeException { Failure(String m) { super(m); } }\n";
        assertEquals(List.of(), messages(refusalsOf(body, members)));
    }

    /**
     * Exercise 12's tests may use @Test, @DisplayName and Assertions, but no other JUnit feature (a
     * timeout or an extension could judge something else than results), and neither the clock nor
     * stack traces; the same code in another exercise is refused as the test framework's.
     */
    @Test
    void studentTestsMayUseTestAndAssertionsOnly() throws IOException {
        String source = "package gradkit.exercises;\n"
                + "import org.junit.jupiter.api.*;\n"
                + "class Ex12CatchTheBug {\n"
                + "    @Test @DisplayName(\"div\") void div() { Assertions.assertEquals(1.5, Rules.div(new Scalar(3), new Scalar(2)).data()); }\n"
                + "    @BeforeEach void setUp() { }\n"
                + "    @Test @Timeout(1) void quick() { Assertions.assertTrue(System.currentTimeMillis() > 0); }\n"
                + "}\n";
        Path dir = work.resolve("ex12");
        Files.createDirectories(dir.resolve("src"));
        Files.createDirectories(dir.resolve("classes"));
        Files.writeString(dir.resolve("src").resolve("Ex12CatchTheBug.java"), source);
        assertEquals(0, JAVAC.run(null, null, null, "-d", dir.resolve("classes").toString(), "-g", "--release", "17",
                "-proc:none", "-cp", libraryClasspath(), dir.resolve("src").resolve("Ex12CatchTheBug.java").toString()));
        List<Refusal> refused = BytecodeCheck.checkTests(dir.resolve("classes"), "Ex12CatchTheBug.java", RESERVED);
        assertEquals(List.of(
                "Ex12CatchTheBug.java uses the annotation @org.junit.jupiter.api.BeforeEach: grading refuses "
                        + Family.TEST_EXTRAS.reason() + ". Remove it and grade again.",
                "Ex12CatchTheBug.java uses the annotation @org.junit.jupiter.api.Timeout: grading refuses "
                        + Family.TEST_EXTRAS.reason() + ". Remove it and grade again.",
                "Ex12CatchTheBug.java line 6 calls java.lang.System.currentTimeMillis: grading refuses "
                        + Family.IDENTITY.reason() + ". Remove the call and grade again."), messages(refused));
        List<Refusal> elsewhere = BytecodeCheck.check(dir.resolve("classes"), "Ex12CatchTheBug.java", RESERVED);
        assertTrue(elsewhere.stream().anyMatch(r -> r.family() == Family.TEST_FRAMEWORK), messages(elsewhere)::toString);
    }

    @Test
    void theModelAnswersExercisesAndPlantedBugsAllPass() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(Path.of("solutions"), Path.of("exercises"), Path.of("src", "test", "resources", "planted-bugs"),
                Path.of("src", "test", "resources", "ex12-student-tests"))) {
            try (Stream<Path> all = Files.walk(dir)) {
                files.addAll(all.filter(p -> p.toString().endsWith(".java")).sorted().toList());
            }
        }
        files.removeIf(f -> f.getParent().getFileName().toString().startsWith("hostile-"));   // refused on purpose
        assertTrue(files.size() >= 12 + 12 + 60, "found " + files.size() + " files");
        for (Path f : files) {
            Path out = work.resolve("all").resolve(String.valueOf(files.indexOf(f)));
            Files.createDirectories(out);
            assertEquals(0, JAVAC.run(null, null, null, "-d", out.toString(), "-g", "--release", "17", "-nowarn", "-proc:none",
                    "-cp", libraryClasspath(), f.toString()), () -> f + " does not compile");
            String name = f.getFileName().toString();
            // Exercise 12's file holds the student's own tests, checked with the rules for tests.
            List<Refusal> refused = name.startsWith("Ex12") ? BytecodeCheck.checkTests(out, name, RESERVED)
                    : BytecodeCheck.check(out, name, RESERVED);
            assertEquals(List.of(), messages(refused), f::toString);
        }
    }

    private static List<String> messages(List<Refusal> refusals) {
        return refusals.stream().map(Refusal::message).toList();
    }
}
