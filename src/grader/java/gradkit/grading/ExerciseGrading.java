package gradkit.grading;

import gradkit.grading.bytecode.BytecodeCheck;
import gradkit.grading.bytecode.Refusal;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Grades one exercise of one submission, start to end, in its own scratch folder:
 * <ol>
 *   <li>read the student's file ({@link SubmissionFile}: found, checked, cleaned, copied);</li>
 *   <li>compile it alone, against the library only (not the grader, not the grading tests), into
 *       {@code student/}: only these classes are the student's (javac runs in a JVM of its own,
 *       {@link CompilerProcess}, killed when it outlives its time limit);</li>
 *   <li>check the compiled classes before any of them runs ({@link BytecodeCheck}: the API they may
 *       use, their package and names); a refusal fails every test of the exercise with its reason;</li>
 *   <li>compile the grading test and its helpers against it into {@code tests/}, and refuse a student
 *       class named like one of them;</li>
 *   <li>for an exercise whose student writes tests (exercise 12): run them against every implementation
 *       of the rules, each in a test JVM of its own ({@link ImplementationRuns});</li>
 *   <li>run the tests in a test JVM of its own ({@link TestJvm}), so that nothing one exercise's code
 *       does in its JVM can touch another exercise's tests.</li>
 * </ol>
 * An exercise with a probe ({@link Probes}) is graded the new way instead ({@link WorkerGrading}): the
 * probe is compiled against the student's classes, the tests without them, and the tests run in this
 * JVM, calling the student's code in a worker JVM.
 *
 * <pre>{@code
 * ExerciseResult r = new ExerciseGrading(exercise, helpers, classpath, jvm, true).grade(compiler, submission, scratch);
 * }</pre>
 */
final class ExerciseGrading {
    private final TestScanner.Exercise exercise;
    private final List<Path> helpers;
    private final String classpath;
    private final TestJvm jvm;
    private final boolean staticCheck;

    /** @param staticCheck false only in the grader's own tests of the defences behind the static check */
    ExerciseGrading(TestScanner.Exercise exercise, List<Path> helpers, String classpath, TestJvm jvm, boolean staticCheck) {
        this.exercise = exercise;
        this.helpers = helpers;
        this.classpath = classpath;
        this.jvm = jvm;
        this.staticCheck = staticCheck;
    }

    /** Grades the exercise; every test gets an outcome whatever happens (an error is every test's failure). */
    ExerciseResult grade(CompilerProcess compiler, Path submission, Path scratch) {
        try {
            String problem = compileStudent(compiler, submission, scratch);
            if (!problem.isEmpty()) {
                return failedAll(problem, exercise.studentFile() + " could not be graded (see above).");
            }
            String refused = staticCheck ? refusals(scratch.resolve("student")) : "";
            if (!refused.isEmpty()) {
                return refusedAll(refused);
            }
            Path probe = Probes.source(exercise);
            problem = probe == null ? compileTests(compiler, scratch)
                    : worker().compile(compiler, scratch, testSourcesOf(), libraryClasspath());
            if (problem.isEmpty() && probe != null) {
                problem = clashes(scratch.resolve("student"), List.of(scratch.resolve("tests"), scratch.resolve("probe")));
            }
            if (!problem.isEmpty()) {
                return failedAll(problem, exercise.studentFile() + " could not be graded (see above).");
            }
            Path implementations = ImplementationRuns.folder(exercise);
            if (implementations != null) {
                ImplementationRuns.run(implementations, compiler, scratch, libraryClasspath(), jvm, exercise.studentFile());
            }
            List<TestOutcome> outcomes = probe != null ? worker().run(scratch, libraryClasspath())
                    : jvm.run(scratch.resolve("student"), scratch.resolve("tests"), exercise.tests());
            List<TestResult> results = new ArrayList<>();
            for (int i = 0; i < exercise.tests().size(); i++) {
                results.add(new TestResult(exercise.tests().get(i), outcomes.get(i)));
            }
            return new ExerciseResult(exercise.id(), exercise.studentFile(), "", results);
        } catch (RuntimeException | IOException | OutOfMemoryError | StackOverflowError e) {
            return failedAll("", "The grader could not run this test (" + StudentText.clean(String.valueOf(e)) + "); it"
                    + " counts as failed. Please tell your instructor.");
        }
    }

    /** Reads and compiles the student's file alone; returns "" when it compiled, else the message for the student. */
    private String compileStudent(CompilerProcess compiler, Path submission, Path scratch) throws IOException {
        SubmissionFile file = SubmissionFile.read(submission, exercise.studentFile());
        if (!file.problem().isEmpty()) {
            return file.problem();
        }
        Path source = scratch.resolve("src").resolve(exercise.studentFile());
        Path student = scratch.resolve("student");
        Path tests = scratch.resolve("tests");
        Files.createDirectories(source.getParent());
        Files.createDirectories(student);
        Files.createDirectories(tests);
        Files.writeString(source, file.source());
        ExerciseCompiler.Result alone = compiler.compile(List.of(source), student, libraryClasspath(), exercise.studentFile());
        return alone.success() ? "" : alone.messages();
    }

    /** What the static check refuses in the student's classes, as the student reads it; "" when nothing. */
    private String refusals(Path student) throws IOException {
        Set<String> reserved = new TreeSet<>();
        for (Path p : testSourcesOf()) {
            reserved.add(p.getFileName().toString().replaceFirst("\\.java$", ""));
        }
        Path implementations = ImplementationRuns.folder(exercise);
        if (implementations != null) {
            reserved.addAll(ImplementationRuns.classNames(implementations));
        }
        List<Refusal> refused = implementations == null ? BytecodeCheck.check(student, exercise.studentFile(), reserved)
                : BytecodeCheck.checkTests(student, exercise.studentFile(), reserved);
        return refused.isEmpty() ? "" : StudentText.clean(BytecodeCheck.message(refused));
    }

    private List<Path> testSourcesOf() {
        List<Path> testSources = new ArrayList<>(List.of(exercise.testSource()));
        testSources.addAll(helpers);
        return testSources;
    }

    /** Compiles the grading test against the student's classes and refuses names they share; "" when all is well. */
    private String compileTests(CompilerProcess compiler, Path scratch) throws IOException {
        Path student = scratch.resolve("student");
        Path tests = scratch.resolve("tests");
        List<Path> testSources = testSourcesOf();
        ExerciseCompiler.Result graded = compiler.compile(testSources, tests, classpath + File.pathSeparator + student,
                exercise.studentFile());
        if (!graded.success()) {
            return graded.messages();
        }
        return clashes(student, List.of(tests));
    }

    private WorkerGrading worker() {
        return new WorkerGrading(exercise, classpath, jvm);
    }

    /** Refuses student classes outside gradkit.exercises, or named like a class of {@code graders}; "" when none. */
    private String clashes(Path student, List<Path> graders) throws IOException {
        Set<String> own = classNames(student);
        if (!own.stream().allMatch(c -> c.startsWith("gradkit/exercises/"))) {
            return exercise.studentFile() + " must declare \"package gradkit.exercises;\" and nothing else.";
        }
        Set<String> theirs = new TreeSet<>();
        for (Path g : graders) {
            theirs.addAll(classNames(g));
        }
        Set<String> clash = new TreeSet<>(own);
        clash.retainAll(theirs);
        if (!clash.isEmpty()) {
            return exercise.studentFile() + " defines " + clash.stream().map(c -> c.replace('/', '.'))
                    .collect(Collectors.joining(", ")) + ", a name the grading tests use. Rename it.";
        }
        return "";
    }

    /** The class path without the grader's own classes: what a student's file may use. */
    private String libraryClasspath() {
        return Stream.of(classpath.split(File.pathSeparator))
                .filter(e -> !e.isBlank() && !Files.isRegularFile(Path.of(e, "gradkit", "grading", "TestRunner.class")))
                .collect(Collectors.joining(File.pathSeparator));
    }

    private static Set<String> classNames(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".class"))
                    .map(p -> root.relativize(p).toString().replace(File.separatorChar, '/'))
                    .collect(Collectors.toSet());
        }
    }

    /** Every test failed with the static check's refusal; the file compiled, so there is no compile error. */
    private ExerciseResult refusedAll(String refusal) {
        List<TestResult> results = new ArrayList<>();
        for (GradingTest t : exercise.tests()) {
            results.add(new TestResult(t, TestOutcome.failed(refusal)));
        }
        return new ExerciseResult(exercise.id(), exercise.studentFile(), "", results);
    }

    private ExerciseResult failedAll(String problem, String testMessage) {
        List<TestResult> results = new ArrayList<>();
        for (GradingTest t : exercise.tests()) {
            results.add(new TestResult(t, TestOutcome.failed(problem.isEmpty() ? testMessage
                    : exercise.studentFile() + " did not compile or could not be used (see the message above).")));
        }
        return new ExerciseResult(exercise.id(), exercise.studentFile(), problem, results);
    }
}
