package gradkit.grading;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Grades one student of instructor mode in a grader process of its own ({@link StudentProcess}),
 * inside the {@link StudentSandbox}, with a time limit for the whole grading. Whatever that process
 * does (crash, hang, print garbage, start processes that outlive it), the result is a complete
 * {@link GradingReport}: the student's grading, or every test at 0 with the reason.
 *
 * <pre>{@code
 * StudentGrading g = new StudentGrading(grader, StudentSandbox.detect(), Duration.ofMinutes(10), hidden);
 * GradingReport r = g.grade(Path.of("submissions/alice"), scratch);   // scratch/submission holds the copy
 * }</pre>
 */
final class StudentGrading {
    /** The most of the child's standard output that is read (the report line is far smaller). */
    private static final int MAX_STDOUT_BYTES = 32 << 20;
    /** The most of the child's error output kept to explain a crash. */
    private static final int MAX_LOG_CHARS = 2000;
    /** The child grader's own heap: it compiles the exercises (the tests run in JVMs of their own). */
    private static final int CHILD_HEAP_MB = 768;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Grader grader;
    private final StudentSandbox sandbox;
    private final Duration limit;
    private final List<Path> hidden;

    /**
     * @param limit  the longest one student's whole grading may take
     * @param hidden folders the student's grading must not see (the class's submissions, the output)
     */
    StudentGrading(Grader grader, StudentSandbox sandbox, Duration limit, List<Path> hidden) {
        this.grader = grader;
        this.sandbox = sandbox;
        this.limit = limit;
        this.hidden = hidden;
    }

    /** How one grading ended: the report, and whether it ran into the time limit. */
    record Ending(GradingReport report, boolean overLimit) {
    }

    /**
     * Grades the copy in {@code scratch/submission}; {@code original} is the folder the report names.
     * The child may write only in {@code scratch}; its error output goes to {@code log}.
     */
    Ending grade(Path original, Path scratch, Path log) {
        long start = System.nanoTime();
        List<TestScanner.Exercise> exercises = grader.exercises();
        String token = HexFormat.of().formatHex(randomBytes());
        Process process;
        try {
            Path tmp = Files.createDirectories(scratch.resolve("tmp"));
            ProcessBuilder builder = new ProcessBuilder(sandbox.wrap(command(scratch, tmp), scratch, hidden, needed()));
            builder.environment().put("TMPDIR", tmp.toString());
            builder.redirectError(log.toFile());
            process = builder.start();
        } catch (IOException e) {
            return new Ending(GradingReport.notGraded(original, exercises,
                    "the grader process could not be started: " + AtomicFile.describe(e), seconds(start)), false);
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> readCapped(process.getInputStream(), stdout), "student-stdout");
        reader.setDaemon(true);
        reader.start();
        try (OutputStream stdin = process.getOutputStream()) {
            stdin.write((token + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // the child died at once; its exit explains it
        }
        boolean finished;
        try {
            finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                Sandbox.destroyTree(process);
            }
            reader.join(5000);   // a pipe still held by an escaped process must not hold us
        } catch (InterruptedException e) {
            Sandbox.destroyTree(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while grading " + original, e);
        }
        if (!finished) {
            return new Ending(GradingReport.notGraded(original, exercises, "grading took longer than "
                    + limit.toSeconds() + " s, the limit for one student, so it was stopped", seconds(start)), true);
        }
        String printed;
        synchronized (stdout) {
            printed = stdout.toString(StandardCharsets.UTF_8);
        }
        GradingReport report = ReportTransfer.read(printed, token, exercises, original);
        if (report == null) {
            return new Ending(GradingReport.notGraded(original, exercises, "the grader stopped without a complete"
                    + " report (exit code " + process.exitValue() + ")" + logTail(log), seconds(start)), false);
        }
        return new Ending(new GradingReport(original, report.exercises(), seconds(start)), false);
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private List<String> command(Path scratch, Path tmp) {
        List<String> command = new ArrayList<>(List.of(Grader.javaExecutable(), "-Xmx" + CHILD_HEAP_MB + "m",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + tmp,
                "-Djava.awt.headless=true", "-cp", Grader.absoluteClasspath(grader.classpath()),
                StudentProcess.class.getName()));
        command.addAll(grader.commandLineOptions());
        command.addAll(List.of("--submission", scratch.resolve("submission").toString()));
        return command;
    }

    /** What the child must still read inside the sandbox: the JDK, the class path, the tests, this folder. */
    private List<Path> needed() {
        List<Path> needed = new ArrayList<>(List.of(Path.of(System.getProperty("java.home")),
                grader.testsFolder().toAbsolutePath(), Path.of("").toAbsolutePath()));
        for (String entry : Grader.absoluteClasspath(grader.classpath()).split(java.io.File.pathSeparator)) {
            needed.add(Path.of(entry));
        }
        return needed;
    }

    private static void readCapped(InputStream in, ByteArrayOutputStream into) {
        byte[] buffer = new byte[65536];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                synchronized (into) {
                    if (into.size() + n <= MAX_STDOUT_BYTES) {
                        into.write(buffer, 0, n);
                    }
                }
            }
        } catch (IOException e) {
            // the pipe closed: what was read is all there is
        }
    }


    /** The end of what the child wrote to its error output, cleaned, for the gradebook's reason. */
    private static String logTail(Path log) {
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(0, file.length() - 4L * MAX_LOG_CHARS);
            byte[] bytes = new byte[(int) (file.length() - from)];
            file.seek(from);
            file.readFully(bytes);
            String text = StudentText.clean(new String(bytes, StandardCharsets.UTF_8)).strip();
            if (text.isEmpty()) {
                return "";
            }
            return ": " + (text.length() > MAX_LOG_CHARS ? "..." + text.substring(text.length() - MAX_LOG_CHARS) : text);
        } catch (IOException e) {
            return "";
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
