package gradkit.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The grading of one class for a {@link Gradebook}: a copy of every student's files first, then a first
 * round with several students at once (in bubblewrap; without it one at a time), then a second round,
 * alone, for those the others may have disturbed. Its scratch folder is removed at the end
 * ({@link #cleanUp()}).
 *
 * <pre>{@code
 * ClassGrading run = new ClassGrading(grader, StudentSandbox.detect(), settings, submissions, out);
 * try {
 *     List<Gradebook.Student> rows = run.gradeAll(StudentFolders.list(submissions).students());
 * } finally {
 *     run.cleanUp();
 * }
 * }</pre>
 */
final class ClassGrading {
    private final Grader grader;
    private final StudentSandbox sandbox;
    private final Gradebook.Settings settings;
    private final Path scratchBase;
    private final StudentGrading grading;
    private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger mostAtOnce = new java.util.concurrent.atomic.AtomicInteger();

    ClassGrading(Grader grader, StudentSandbox sandbox, Gradebook.Settings settings, Path submissions, Path out) {
        this.grader = grader;
        this.sandbox = sandbox;
        this.settings = settings;
        try {
            this.scratchBase = Files.createTempDirectory("gradkit-class-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a scratch folder", e);
        }
        // What no student may see: the class's files, the other scratch folders, earlier gradebooks,
        // and the model answers of the checkout the grader runs in.
        List<Path> hidden = new ArrayList<>(List.of(submissions.toAbsolutePath(), scratchBase,
                Path.of("solutions").toAbsolutePath()));
        if (out != null) {
            try {
                Files.createDirectories(out);   // so that it can be hidden; if it cannot, writing will say why
            } catch (IOException | UncheckedIOException e) {
                // reported when the gradebook is written
            }
            hidden.add(out.toAbsolutePath());
        }
        this.grading = new StudentGrading(grader, sandbox, settings.studentLimit(), hidden);
    }

    /**
     * Students graded at once: as many as the settings ask in bubblewrap; one at a time without it,
     * where students' processes run as the same user in one PID namespace and could otherwise reach
     * one another's, should their code get past the security policy.
     */
    int jobs() {
        return sandbox.isBubblewrap() ? settings.jobs() : 1;
    }

    /** The most students whose gradings ran at the same time, so far. */
    int mostAtOnce() {
        return mostAtOnce.get();
    }

    /** Every entry's row, in order: the copies first, then the grading rounds. */
    List<Gradebook.Student> gradeAll(List<StudentFolders.Entry> entries) {
        Gradebook.Student[] rows = new Gradebook.Student[entries.size()];
        List<Integer> toGrade = copyAll(entries, rows);
        List<StudentGrading.Ending> first = gradeAtOnce(entries, toGrade, jobs(), 1);
        for (int k = 0; k < toGrade.size(); k++) {
            int i = toGrade.get(k);
            StudentGrading.Ending ending = first.get(k);
            String note = rows[i].note();
            if (jobs() > 1 && toGrade.size() > 1 && mayHaveBeenDisturbed(ending)) {
                ending = gradeAtOnce(entries, List.of(i), 1, 2).get(0);
                note = (note.isEmpty() ? "" : note + "; ") + REGRADED;
            }
            rows[i] = new Gradebook.Student(rows[i].name(), rows[i].folder(), ending.report(), note);
        }
        return List.of(rows);
    }

    /** The note of a student graded a second time, alone. */
    static final String REGRADED = "graded again alone (the first grading, beside other students, may have been"
            + " disturbed by them); this grading counts";

    /**
     * Copies every gradable entry into its pristine folder before any student code runs, and fills in
     * the rows of those that cannot be graded. Returns the indexes of the entries to grade.
     */
    private List<Integer> copyAll(List<StudentFolders.Entry> entries, Gradebook.Student[] rows) {
        List<Integer> toGrade = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            StudentFolders.Entry e = entries.get(i);
            String problem = e.problem();
            String note = "";
            if (problem.isEmpty()) {
                try {
                    note = SubmissionCopy.copy(e.path(), pristine(i)).note();
                } catch (IOException | UncheckedIOException copyFailed) {
                    problem = "the folder could not be read: " + copyFailed.getMessage();
                }
            }
            GradingReport notGraded = problem.isEmpty() ? null
                    : GradingReport.notGraded(e.path(), grader.exercises(), problem, 0);
            rows[i] = new Gradebook.Student(e.name(), e.folder(), notGraded, note);
            if (problem.isEmpty()) {
                toGrade.add(i);
            }
        }
        return toGrade;
    }

    /**
     * A disturbance another student could have caused, so that grading alone may end differently. In
     * bubblewrap's namespaces a student can reach another only through the shared CPUs, which shows
     * as a test that timed out; without them it can also kill the other's JVMs or grader, or stop it.
     */
    private boolean mayHaveBeenDisturbed(StudentGrading.Ending ending) {
        GradingReport r = ending.report();
        boolean isolated = sandbox.isBubblewrap();
        if (ending.overLimit() || !r.graded()) {
            return !isolated;
        }
        return r.tests().stream().anyMatch(t -> !t.outcome().passed() && interrupted(t.outcome().message(), isolated));
    }

    private static boolean interrupted(String message, boolean isolated) {
        String m = message.toLowerCase(Locale.ROOT);
        return m.contains("timed out") || !isolated && m.contains("test jvm");
    }

    private List<StudentGrading.Ending> gradeAtOnce(List<StudentFolders.Entry> entries, List<Integer> which,
                                                    int jobs, int round) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(jobs, which.size())));
        try {
            List<Future<StudentGrading.Ending>> futures = new ArrayList<>();
            for (int i : which) {
                futures.add(pool.submit(() -> gradeOne(entries.get(i), i, round)));
            }
            List<StudentGrading.Ending> endings = new ArrayList<>();
            for (Future<StudentGrading.Ending> f : futures) {
                endings.add(f.get());
            }
            return endings;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while grading", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Grading a student failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private StudentGrading.Ending gradeOne(StudentFolders.Entry entry, int index, int round) throws IOException {
        Path scratch = scratchBase.resolve("run-" + index + "-" + round);
        SubmissionCopy.copy(pristine(index), scratch.resolve("submission"));
        Path log = scratchBase.resolve("log-" + index + "-" + round + ".txt");
        mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            return grading.grade(entry.path(), scratch, log);
        } finally {
            running.decrementAndGet();
            deleteQuietly(scratch);
        }
    }

    private Path pristine(int index) {
        return scratchBase.resolve("copy-" + index);
    }

    void cleanUp() {
        deleteQuietly(scratchBase);
    }

    /** Deletes a scratch folder as far as it can: a folder left in the temp directory must not cost a gradebook. */
    private static void deleteQuietly(Path dir) {
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException | SecurityException ignored) {
            // another process removed part of it, or it cannot be read: leave the rest
        }
    }
}
