package gradkit.grading;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * For an exercise whose student writes tests (exercise 12): runs the student's own tests against
 * every implementation of the rules, each in a test JVM of its own, and writes what came out where
 * the grading test reads it.
 *
 * <p>The implementations are in {@code implementations/exNN/} beside the grading tests, which the
 * student never sees: the folder {@code correct/}, one class (or a few), and one file {@code NAME.rule}
 * per planted bug, the body of the one rule the bug writes otherwise ({@link PlantedBug}), from which
 * the bug's sources are built into {@code implementation-sources/NAME/} of the scratch folder. Each
 * implementation is compiled alone against the library into {@code tests/implementations/NAME/}, and
 * each run is a fresh {@link TestJvm} launch whose student classes load on top of that folder
 * ({@link ImplementationLoader}): no state of one run (a static field, a library setting, the JDK's
 * string pool) can reach another, so a test can only tell the implementations apart by what they compute. The student's tests are the
 * methods annotated {@code @Test} in the student's classes, in the order they are declared.
 *
 * <p>What came out goes into {@code tests/implementation-runs.properties} (a resource of the grading
 * test's class loader, {@link #RESOURCE}): {@code implementations} and {@code tests}, comma-separated
 * names, then {@code run.IMPLEMENTATION.TEST.passed} and {@code .message} for each run of each test.
 *
 * <pre>{@code
 * Path folder = ImplementationRuns.folder(exercise);        // null for the exercises graded as usual
 * ImplementationRuns.run(folder, compiler, scratch, libraryClasspath, jvm, "Ex12CatchTheBug.java");
 * }</pre>
 */
final class ImplementationRuns {
    /** The resource the grading test reads, at the root of its class path. */
    static final String RESOURCE = "implementation-runs.properties";
    /** The implementation the student's tests must pass on. */
    static final String CORRECT = "correct";
    private static final String TEST_ANNOTATION = "Lorg/junit/jupiter/api/Test;";

    private ImplementationRuns() {
    }

    /** The exercise's folder of implementations, or null when its student writes no tests. */
    static Path folder(TestScanner.Exercise exercise) {
        Path folder = exercise.testSource().toAbsolutePath().getParent().resolve("implementations").resolve(exercise.id());
        return Files.isDirectory(folder) ? folder : null;
    }

    /** The simple names of the implementations' classes, which no student class may take. */
    static Set<String> classNames(Path folder) throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path source : sources(folder.resolve(CORRECT))) {   // every bug is built from these
            names.add(source.getFileName().toString().replaceFirst("\\.java$", ""));
        }
        return names;
    }

    /**
     * Compiles every implementation into {@code scratch/tests/implementations/}, runs the student's tests
     * against each, and writes {@link #RESOURCE} into {@code scratch/tests}.
     *
     * @throws IllegalStateException when an implementation does not compile (the grader's mistake, not the student's)
     */
    static void run(Path folder, CompilerProcess compiler, Path scratch, String libraryClasspath, TestJvm jvm,
                    String studentFile) throws IOException {
        Path student = scratch.resolve("student");
        Path tests = scratch.resolve("tests");
        List<GradingTest> studentTests = studentTests(student, studentFile);
        List<String> names = new ArrayList<>();
        List<Path> compiledFolders = new ArrayList<>();
        for (Implementation impl : implementations(folder, scratch.resolve("implementation-sources"))) {
            Path out = tests.resolve("implementations").resolve(impl.name());
            Files.createDirectories(out);
            ExerciseCompiler.Result compiled = compiler.compile(impl.sources(), out, libraryClasspath, studentFile);
            if (!compiled.success()) {
                throw new IllegalStateException("the implementation " + impl.name() + " did not compile: "
                        + compiled.messages());
            }
            names.add(impl.name());
            compiledFolders.add(out);
        }
        List<List<TestOutcome>> outcomes = runAll(jvm, student, tests, compiledFolders, studentTests);
        Properties runs = new Properties();
        for (int k = 0; k < names.size(); k++) {
            for (int i = 0; i < studentTests.size(); i++) {
                String key = "run." + names.get(k) + "." + studentTests.get(i).displayName();
                runs.setProperty(key + ".passed", Boolean.toString(outcomes.get(k).get(i).passed()));
                runs.setProperty(key + ".message", outcomes.get(k).get(i).message());
            }
        }
        runs.setProperty("implementations", String.join(",", names));
        runs.setProperty("tests", String.join(",", studentTests.stream().map(GradingTest::displayName).toList()));
        try (Writer w = Files.newBufferedWriter(tests.resolve(RESOURCE), StandardCharsets.UTF_8)) {
            runs.store(w, "The student's tests run against each implementation (ImplementationRuns)");
        }
    }

    /**
     * Each implementation's run, each a test JVM of its own, two at a time where there are two processors
     * (as the grader's workers; one at a time on Gradescope's one core, within its memory); the outcomes in
     * the folders' order.
     */
    private static List<List<TestOutcome>> runAll(TestJvm jvm, Path student, Path tests, List<Path> folders,
                                                  List<GradingTest> studentTests) {
        List<List<TestOutcome>> outcomes = new ArrayList<>(Collections.nCopies(folders.size(), List.of()));
        if (studentTests.isEmpty()) {
            return outcomes;
        }
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int k = next.getAndIncrement(); k < folders.size(); k = next.getAndIncrement()) {
                outcomes.set(k, jvm.run(student, tests, folders.get(k), studentTests));
            }
        };
        Thread other = new Thread(worker, "implementation-runs");
        boolean two = Runtime.getRuntime().availableProcessors() >= 2;
        if (two) {
            other.start();
        }
        try {
            worker.run();
        } finally {
            awaitEnd(two ? other : null);
        }
        for (List<TestOutcome> o : outcomes) {
            if (o.size() != studentTests.size()) {
                throw new IllegalStateException("a run of the student's tests against an implementation did not end");
            }
        }
        return outcomes;
    }

    /** Waits until {@code thread} has ended (null: nothing to wait for); an interrupt ends the grading. */
    private static void awaitEnd(Thread thread) {
        while (thread != null && thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while running the student's tests", e);
            }
        }
    }

    /** One implementation: its name and the sources the grader compiles. */
    private record Implementation(String name, List<Path> sources) {
    }

    /**
     * {@link #CORRECT} first, then each planted bug by name, its sources written into {@code generated/NAME/}.
     *
     * @throws IllegalStateException when a bug's rule cannot be put in place ({@link PlantedBug#apply})
     */
    private static List<Implementation> implementations(Path folder, Path generated) throws IOException {
        List<Implementation> all = new ArrayList<>();
        all.add(new Implementation(CORRECT, sources(folder.resolve(CORRECT))));
        List<PlantedBug.Source> correct = correctSources(folder);
        for (PlantedBug bug : plantedBugs(folder)) {
            Path out = generated.resolve(bug.name());
            Files.createDirectories(out);
            List<Path> written = new ArrayList<>();
            for (PlantedBug.Source s : bug.apply(correct)) {
                written.add(Files.writeString(out.resolve(s.fileName()), s.text(), StandardCharsets.UTF_8));
            }
            all.add(new Implementation(bug.name(), written));
        }
        return all;
    }

    /** The correct implementation's sources, as text. */
    static List<PlantedBug.Source> correctSources(Path folder) throws IOException {
        List<PlantedBug.Source> correct = new ArrayList<>();
        for (Path p : sources(folder.resolve(CORRECT))) {
            correct.add(new PlantedBug.Source(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8)));
        }
        return correct;
    }

    /** The planted bugs of the folder ({@code NAME.rule}), by name. */
    static List<PlantedBug> plantedBugs(Path folder) throws IOException {
        List<Path> files;
        try (Stream<Path> all = Files.list(folder)) {
            files = all.filter(f -> f.getFileName().toString().endsWith(PlantedBug.SUFFIX)).sorted().toList();
        }
        List<PlantedBug> bugs = new ArrayList<>();
        for (Path f : files) {
            bugs.add(PlantedBug.read(f));
        }
        return bugs;
    }

    private static List<Path> sources(Path implementation) throws IOException {
        try (Stream<Path> files = Files.list(implementation)) {
            return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
    }

    /**
     * The student's tests: each method annotated {@code @Test} in the student's classes, named by the
     * method ("divRule"), or by its class's simple name and the method in a nested class
     * ("Ex12CatchTheBug$Ties.atZero" becomes "Ties.atZero"), in the order the class files declare them.
     */
    static List<GradingTest> studentTests(Path student, String studentFile) throws IOException {
        String main = "gradkit/exercises/" + studentFile.replaceFirst("\\.java$", "");
        List<GradingTest> found = new ArrayList<>();
        List<Path> classFiles;
        try (Stream<Path> files = Files.walk(student)) {
            classFiles = files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
        }
        for (Path file : classFiles) {
            ClassReader reader = new ClassReader(Files.readAllBytes(file));
            String owner = reader.getClassName();
            String prefix = owner.equals(main) ? "" : owner.substring(owner.lastIndexOf('$') + 1) + ".";
            reader.accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                                 String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                            if (annotation.equals(TEST_ANNOTATION)) {
                                found.add(new GradingTest("student", owner.replace('/', '.'), name, prefix + name, 1));
                            }
                            return null;
                        }
                    };
                }
            }, ClassReader.SKIP_CODE);
        }
        return found;
    }
}
