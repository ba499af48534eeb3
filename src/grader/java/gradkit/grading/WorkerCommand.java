package gradkit.grading;

import gradkit.grading.client.WorkerStarter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the grader starts one exercise's worker JVM: the probe's main on a class path of the student's
 * classes, the probe, the worker's own classes and the library; only {@code java.base}; attach
 * disabled; capped heap, metaspace, direct memory, code cache and stacks; an empty environment; inside
 * the {@link Sandbox} this machine offers (bubblewrap, an unprivileged user, prlimit), exactly as a test
 * JVM is. Killed as the sandbox kills a test JVM: with everything it started.
 *
 * <pre>{@code
 * WorkerStarter starter = new WorkerCommand(sandbox, 512, "gradkit.probes.Ex01Probe", List.of(probe, worker, student, library));
 * Process p = starter.start();
 * }</pre>
 */
final class WorkerCommand implements WorkerStarter {
    private final Sandbox sandbox;
    private final int heapMegabytes;
    private final String probe;
    private final List<Path> classpath;

    /**
     * @param probe     the probe's class, whose main serves requests
     * @param classpath every entry of the worker's class path, in order: the probe, the worker, the student's classes, the library
     */
    WorkerCommand(Sandbox sandbox, int heapMegabytes, String probe, List<Path> classpath) {
        this.sandbox = sandbox;
        this.heapMegabytes = heapMegabytes;
        this.probe = probe;
        this.classpath = classpath.stream().map(Path::toAbsolutePath).toList();
    }

    @Override
    public Process start() throws IOException {
        List<String> java = new ArrayList<>(List.of(Grader.javaExecutable(),
                "-Xmx" + heapMegabytes + "m", "-Xss1m", "-XX:MaxMetaspaceSize=128m", "-XX:CompressedClassSpaceSize=64m",
                "-XX:MaxDirectMemorySize=32m", "-XX:ReservedCodeCacheSize=64m", "-XX:+ExitOnOutOfMemoryError",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-XX:+DisableAttachMechanism",
                "-Xshare:auto", "-Djava.awt.headless=true", "--limit-modules", "java.base",
                "-cp", String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()), probe));
        ProcessBuilder builder = new ProcessBuilder(sandbox.command(java, classpath, heapMegabytes));
        builder.environment().clear();
        builder.environment().put("MALLOC_ARENA_MAX", "2");   // glibc reserves 64 MB per arena otherwise
        builder.environment().put("LANG", "C.UTF-8");
        return builder.start();
    }

    @Override
    public void kill(Process worker) {
        sandbox.kill(worker);
    }
}
