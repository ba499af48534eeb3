package gradkit.grading;

import gradkit.grading.client.WorkerSession;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The part of an {@link ExerciseGrading} that differs for an exercise with a probe ({@link Probes}):
 * <ol>
 *   <li>copy the worker's classes into {@code worker/} ({@link WorkerClasses});</li>
 *   <li>compile the probe against the library, the worker and the student's classes into {@code probe/}:
 *       only the worker JVM will load it;</li>
 *   <li>compile the grading tests and their helpers into {@code tests/} against the grader's class path
 *       and nothing of the student's: they cannot load a student class, in this JVM or anywhere;</li>
 *   <li>run the tests here ({@link InProcessTests}); their calls go to one worker JVM of the exercise
 *       ({@link WorkerCommand}: the sandbox, the caps and the seed of the test JVMs), killed at the end.</li>
 * </ol>
 *
 * <pre>{@code
 * WorkerGrading w = new WorkerGrading(exercise, classpath, jvm);
 * String problem = w.compile(compiler, scratch, testSources, libraryClasspath);
 * List<TestOutcome> outcomes = w.run(scratch, libraryClasspath);
 * }</pre>
 */
final class WorkerGrading {
    private final TestScanner.Exercise exercise;
    private final String classpath;
    private final TestJvm jvm;

    /** @param jvm the test JVM settings whose sandbox, heap, per-test limit and seed the worker takes */
    WorkerGrading(TestScanner.Exercise exercise, String classpath, TestJvm jvm) {
        this.exercise = exercise;
        this.classpath = classpath;
        this.jvm = jvm;
    }

    /** Compiles the probe and the tests; "" when both compiled, else the message for the student. */
    String compile(CompilerProcess compiler, Path scratch, List<Path> testSources, String library) throws IOException {
        Path worker = WorkerClasses.copy(classpath, scratch.resolve("worker"));
        Path probe = Files.createDirectories(scratch.resolve("probe"));
        String against = String.join(File.pathSeparator, library, worker.toString(), scratch.resolve("student").toString());
        ExerciseCompiler.Result probed = compiler.compile(List.of(Probes.source(exercise)), probe, against,
                exercise.studentFile());
        if (!probed.success()) {
            return probed.messages();
        }
        ExerciseCompiler.Result tests = compiler.compile(testSources, scratch.resolve("tests"), classpath,
                exercise.studentFile());
        return tests.success() ? "" : tests.messages();
    }

    /** Runs the tests in this JVM against a worker JVM; one outcome per test, in order. */
    List<TestOutcome> run(Path scratch, String library) throws IOException {
        // The probe and the worker first: a student class of the same name could not shadow them even if it
        // got past the static check and the package check (which refuse any class outside gradkit.exercises).
        List<Path> workerPath = new ArrayList<>(List.of(scratch.resolve("probe"), scratch.resolve("worker"),
                scratch.resolve("student")));
        for (String entry : library.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                workerPath.add(Path.of(entry));
            }
        }
        WorkerCommand command = new WorkerCommand(jvm.sandbox(), jvm.heapMegabytes(),
                Probes.PACKAGE + "." + Probes.className(exercise), workerPath);
        return InProcessTests.run(scratch.resolve("tests"), exercise.tests(), new WorkerSession(command, jvm.timeout()),
                jvm.seed());
    }
}
