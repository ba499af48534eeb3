package gradkit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compilation past its limit is killed, not abandoned: right after the report, no javac is still
 * working on the file, neither on a thread of this JVM nor in a process of its own. The submission is
 * the hostile case {@code slow-compiler}, which keeps javac busy for a minute or more, so a compiler
 * left running would still be found here. Compiler JVMs that finished their work are kept idle for
 * reuse; those are not working.
 */
class CompilerProcessTest {
    @TempDir
    Path work;

    @Test
    void aCompilationPastItsLimitIsKilledNotAbandoned() throws IOException, InterruptedException {
        HostileCase c = HostileCase.load(Path.of("src", "test", "resources", "submissions", "slow-compiler"));
        Path submission = c.build(Path.of("solutions"), work);
        Grader grader = Grader.defaults().classpath(GraderSelfTest.classpath()).only(List.of("ex02"))
                .compileLimit(Duration.ofSeconds(3));
        long start = System.nanoTime();
        GradingReport report = grader.grade(submission);
        double seconds = (System.nanoTime() - start) / 1e9;
        ExerciseResult ex02 = report.exercises().get(0);
        assertEquals(0, ex02.earned());
        assertTrue(ex02.compileError().contains("still working") && ex02.compileError().contains("stopped"),
                ex02.compileError());
        assertTrue(seconds < 40, "the grading took " + seconds + " s");
        assertEquals(List.of(), compilersStillWorking());
    }

    /**
     * javac threads alive in this JVM, and compiler JVMs this JVM started that are still working: their
     * CPU time grows by more than a third of a second in a second (idle ones do not).
     */
    private static List<String> compilersStillWorking() throws InterruptedException {
        List<String> found = new ArrayList<>();
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().equals("grading-javac"))
                .forEach(t -> found.add("thread " + t.getName()));
        Map<ProcessHandle, Duration> before = new HashMap<>();
        ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(CompilerServer.class.getName()))
                .forEach(p -> before.put(p, p.info().totalCpuDuration().orElse(Duration.ZERO)));
        Thread.sleep(1000);
        before.forEach((p, cpu) -> {
            Duration used = p.info().totalCpuDuration().orElse(cpu).minus(cpu);
            if (p.isAlive() && used.toMillis() > 333) {
                found.add("process " + p.pid() + " (" + used.toMillis() + " ms of CPU in a second)");
            }
        });
        return found;
    }
}
