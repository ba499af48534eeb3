package gradkit.courses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Gradescope's machine, as far as this one can play it: the autograder zip unpacked (with the modes its
 * entries record, as Gradescope's unpacking must restore them) into a scratch root whose folders bubblewrap
 * binds to /autograder/source, /autograder/submission and /autograder/results, a private copy of /etc
 * (setup.sh adds a user), no network, a PID namespace of its own; then setup.sh and run_autograder as
 * root inside, while the resident memory of the whole process tree is sampled every 20 ms.
 *
 * <pre>{@code
 * AutograderSandbox.Run run = AutograderSandbox.run(zip, submission, AutograderSandbox.onTime(), scratch, List.of());
 * run.results().path("score");
 * }</pre>
 */
final class AutograderSandbox {
    /** The longest one run may take here (the zip's own limit is shorter). */
    private static final long LIMIT_SECONDS = 600;

    private AutograderSandbox() {
    }

    /**
     * One run's outcome.
     *
     * @param results   results.json as parsed, or null when there was none or it was not JSON
     * @param peakBytes the largest resident memory of the process tree seen at once
     * @param seconds   the wall time of setup.sh and run_autograder
     * @param log       what they printed
     */
    record Run(JsonNode results, long peakBytes, double seconds, String log) {
    }

    /** True when bubblewrap can make the sandbox here (it needs root or user namespaces). */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("bwrap", "--unshare-net", "--unshare-pid", "--ro-bind", "/", "/", "--proc",
                    "/proc", "--dev", "/dev", "true").redirectErrorStream(true).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Submission metadata with a due date a day after the submission. */
    static String onTime() {
        return metadata("2026-12-01T10:00:00.000000-08:00", "2026-12-02T10:00:00.000000-08:00");
    }

    /** Gradescope's submission_metadata.json, reduced to what the autograder reads. */
    static String metadata(String createdAt, String dueDate) {
        return "{\"id\": 1, \"created_at\": \"" + createdAt + "\", \"assignment\": {\"due_date\": \"" + dueDate
                + "\", \"late_due_date\": null, \"total_points\": \"17.0\"}, \"users\": [{\"email\": \"s@example.org\","
                + " \"name\": \"S\", \"assignment\": {\"due_date\": \"" + dueDate + "\"}}], \"previous_submissions\": []}";
    }

    /**
     * Unpacks {@code zip} and {@code submission} into {@code scratch}, lets {@code tamper} change the
     * unpacked autograder (for the grader-dies case), runs setup.sh then run_autograder, prefixed by
     * {@code prefix} (e.g. taskset), and returns what came of it.
     */
    static Run run(Path zip, Path submission, String metadata, Path scratch, List<String> prefix,
                   java.util.function.Consumer<Path> tamper) throws IOException, InterruptedException {
        Path autograder = scratch.resolve("autograder");
        for (String dir : List.of("source", "submission", "results")) {
            Files.createDirectories(autograder.resolve(dir));
        }
        Files.createDirectories(scratch.resolve("etc"));
        unpack(zip, autograder.resolve("source"));
        exec("cp", "-a", "/etc/.", scratch.resolve("etc").toString());
        exec("cp", "-a", submission.toAbsolutePath() + "/.", autograder.resolve("submission").toString());
        Files.writeString(autograder.resolve("submission_metadata.json"), metadata);
        tamper.accept(autograder.resolve("source"));
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of("bwrap", "--unshare-net", "--unshare-pid", "--die-with-parent",
                "--ro-bind", "/usr", "/usr", "--symlink", "usr/bin", "/bin", "--symlink", "usr/lib", "/lib",
                "--symlink", "usr/lib64", "/lib64", "--symlink", "usr/sbin", "/sbin",
                "--ro-bind-try", "/opt", "/opt",   // a JDK may keep its loader or libraries there
                "--bind", scratch.resolve("etc").toString(), "/etc", "--proc", "/proc", "--dev", "/dev",
                "--tmpfs", "/tmp", "--tmpfs", "/var", "--tmpfs", "/run",
                "--dir", "/autograder",
                "--bind", autograder.resolve("source").toString(), "/autograder/source",
                "--bind", autograder.resolve("submission").toString(), "/autograder/submission",
                "--bind", autograder.resolve("results").toString(), "/autograder/results",
                "--ro-bind", autograder.resolve("submission_metadata.json").toString(), "/autograder/submission_metadata.json",
                "--chdir", "/autograder",
                "/bin/bash", "-c", "bash /autograder/source/setup.sh && /autograder/source/run_autograder"));
        Path log = scratch.resolve("log.txt");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        p.getOutputStream().close();
        AtomicLong peak = new AtomicLong();
        Thread sampler = new Thread(() -> sample(p, peak), "rss-sampler");
        sampler.setDaemon(true);
        sampler.start();
        if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        sampler.interrupt();
        sampler.join();
        exec("rm", "-rf", scratch.resolve("etc").toString());   // its many links to /usr would each get a warning
        Path resultsFile = autograder.resolve("results/results.json");
        JsonNode results = null;
        if (Files.exists(resultsFile)) {
            try {
                results = new ObjectMapper().readTree(resultsFile.toFile());
            } catch (IOException notJson) {
                // null: the test says so
            }
        }
        return new Run(results, peak.get(), seconds, Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Sums VmRSS over the process and its descendants every 20 ms and keeps the largest sum. */
    private static void sample(Process p, AtomicLong peak) {
        while (p.isAlive() && !Thread.currentThread().isInterrupted()) {
            long total = rss(p.pid());
            total += p.descendants().mapToLong(h -> rss(h.pid())).sum();
            peak.accumulateAndGet(total, Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long rss(long pid) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).mapToLong(l -> 1024 * Long.parseLong(l.replaceAll("\\D", "")))
                    .findFirst().orElse(0);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** Unpacks {@code zip} into {@code dir}, each file with the Unix mode its entry records (as Info-ZIP's unzip does). */
    static void unpack(Path zip, Path dir) throws IOException {
        java.util.Map<String, Integer> modes = ZipEntries.unixModes(zip);
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            for (java.util.zip.ZipEntry e : java.util.Collections.list(z.entries())) {
                Path to = dir.resolve(e.getName()).normalize();
                if (!to.startsWith(dir)) {
                    throw new IOException("entry " + e.getName() + " points outside the folder");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    try (java.io.InputStream in = z.getInputStream(e)) {
                        Files.copy(in, to);
                    }
                }
                int mode = modes.getOrDefault(e.getName(), -1);
                if (mode > 0) {
                    Files.setPosixFilePermissions(to, permissions(mode & 0777));
                }
            }
        }
    }

    private static java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions(int mode) {
        java.nio.file.attribute.PosixFilePermission[] all = java.nio.file.attribute.PosixFilePermission.values();
        java.util.Set<java.nio.file.attribute.PosixFilePermission> set = java.util.EnumSet.noneOf(java.nio.file.attribute.PosixFilePermission.class);
        for (int bit = 0; bit < 9; bit++) {   // OWNER_READ is 0400, ..., OTHERS_EXECUTE 01
            if ((mode & (0400 >> bit)) != 0) {
                set.add(all[bit]);
            }
        }
        return set;
    }

    private static void exec(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + said);
        }
    }
}
