package gradkit.grading;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Instructor mode: grades a folder of submissions (one sub-folder per student, each shaped like
 * {@code exercises/}) into one gradebook, several students at once, each in isolation.
 *
 * <p>How one student is kept from touching another: every student's files are copied first, all of
 * them before any student code runs, into a scratch folder of its own; each student is graded by a
 * grader process of its own ({@link StudentGrading}) inside the {@link StudentSandbox}, with a time
 * limit for the whole grading; a student whose grading fails (crash, time limit, a folder that is a
 * link or cannot be read) gets a row with 0 points that says why. When several students ran at once,
 * those whose grading may have been disturbed by the others are graded again alone, and that grading
 * counts: in bubblewrap a test that timed out (busy neighbours share the CPUs); without it also a
 * test JVM that stopped, a grader that crashed or ran out of time. The files ({@link GradebookFiles}) are written only after every student's processes
 * have ended, each atomically.
 *
 * <pre>{@code
 * Gradebook book = Gradebook.grade(Grader.defaults(), Path.of("submissions"), Gradebook.Settings.defaults(grader));
 * book.write(Path.of("grading-out"));   // gradebook.csv, gradebook.json, <student>/results.json
 * book.reports().get("alice").earned();
 * }</pre>
 *
 * @param exerciseIds the exercises graded, in order (the gradebook's columns)
 * @param students    every student, in name order
 * @param isolation   "bubblewrap" or "processes" ({@link StudentSandbox})
 * @param format      how each results.json renders test outputs
 */
public record Gradebook(List<String> exerciseIds, List<Student> students, String isolation, ResultsJson.Format format) {

    /**
     * One row of the gradebook.
     *
     * @param name    the student's folder name, as it is on disk
     * @param folder  the safe name of the student's results folder in the output
     * @param report  the grading (every test at 0 with the reason when grading failed)
     * @param note    what else the instructor should know ("" or e.g. "1 symbolic link was not copied")
     */
    public record Student(String name, String folder, GradingReport report, String note) {
    }

    /**
     * How to grade a class.
     *
     * @param jobs         students graded at once
     * @param studentLimit the longest one student's grading may take
     * @param format       how each results.json renders test outputs
     */
    public record Settings(int jobs, Duration studentLimit, ResultsJson.Format format) {
        public Settings {
            if (jobs < 1) {
                throw new IllegalArgumentException("--jobs must be at least 1, but got " + jobs + ".");
            }
        }

        /** As many students at once as there are cores, {@link #defaultLimit}, text outputs. */
        public static Settings defaults(Grader grader) {
            return new Settings(Runtime.getRuntime().availableProcessors(), defaultLimit(grader), ResultsJson.Format.TEXT);
        }

        /** Every test's timeout added up, plus two minutes for starting JVMs and compiling. */
        public static Duration defaultLimit(Grader grader) {
            int tests = grader.exercises().stream().mapToInt(e -> e.tests().size()).sum();
            return grader.timeout().multipliedBy(tests).plusMinutes(2);
        }
    }

    /** Every student's report, by folder name, in name order. */
    public Map<String, GradingReport> reports() {
        Map<String, GradingReport> reports = new LinkedHashMap<>();
        students.forEach(s -> reports.put(s.name(), s.report()));
        return reports;
    }

    /** Grades {@code submissions} with {@code jobs} students at once and writes the files into {@code out}. */
    public static Gradebook grade(Grader grader, Path submissions, Path out, int jobs) {
        Settings defaults = Settings.defaults(grader);
        Gradebook book = grade(grader, submissions, out, new Settings(jobs, defaults.studentLimit(), defaults.format()),
                StudentSandbox.detect());
        book.write(out);
        return book;
    }

    /** Grades every student of {@code submissions}; writes nothing (see {@link #write}). */
    public static Gradebook grade(Grader grader, Path submissions, Settings settings) {
        return grade(grader, submissions, null, settings, StudentSandbox.detect());
    }

    /** As {@link #grade(Grader, Path, Settings)}, in the sandbox given. */
    static Gradebook grade(Grader grader, Path submissions, Settings settings, StudentSandbox sandbox) {
        return grade(grader, submissions, null, settings, sandbox);
    }

    private static Gradebook grade(Grader grader, Path submissions, Path out, Settings settings,
                                   StudentSandbox sandbox) {
        List<StudentFolders.Entry> entries = StudentFolders.list(submissions);
        List<String> ids = grader.exercises().stream().map(TestScanner.Exercise::id).toList();
        ClassRun run = new ClassRun(grader, sandbox, settings, submissions, out);
        try {
            return new Gradebook(ids, run.gradeAll(entries), sandbox.isolation(), settings.format());
        } finally {
            run.cleanUp();
        }
    }

    /** Writes gradebook.csv, gradebook.json and every student's results.json into {@code out} ({@link GradebookFiles}). */
    public void write(Path out) {
        GradebookFiles.write(this, out);
    }

    /** One line per student: points per exercise and the total, and why grading failed where it did. */
    public String toTable() {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-24s", "student"));
        exerciseIds.forEach(id -> s.append(String.format(Locale.ROOT, "%6s", id)));
        s.append("   total\n");
        for (Student student : students) {
            String name = StudentText.clean(student.name()).replace('\n', ' ').replace('\t', ' ');
            s.append(String.format(Locale.ROOT, "%-24s", name.length() > 23 ? name.substring(0, 22) + "…" : name));
            student.report().exercises().forEach(ex -> s.append(String.format(Locale.ROOT, "%6d", ex.earned())));
            GradingReport r = student.report();
            s.append(String.format(Locale.ROOT, "   %d/%d%n", r.earned(), r.maxPoints()));
            if (!r.graded()) {
                String why = StudentText.clean(r.failure()).replace('\n', ' ');
                s.append("    | not graded: ").append(why.length() > 150 ? why.substring(0, 150) + " ..." : why).append('\n');
            }
        }
        return s.toString();
    }

    /** The grading of one class: scratch folders, the first round with several students at once, the second alone. */
    private static final class ClassRun {
        private final Grader grader;
        private final StudentSandbox sandbox;
        private final Settings settings;
        private final Path scratchBase;
        private final StudentGrading grading;

        ClassRun(Grader grader, StudentSandbox sandbox, Settings settings, Path submissions, Path out) {
            this.grader = grader;
            this.sandbox = sandbox;
            this.settings = settings;
            try {
                this.scratchBase = Files.createTempDirectory("gradkit-class-");
            } catch (IOException e) {
                throw new UncheckedIOException("Could not create a scratch folder", e);
            }
            List<Path> hidden = new ArrayList<>(List.of(submissions.toAbsolutePath(), scratchBase));
            if (out != null) {
                hidden.add(out.toAbsolutePath());
            }
            this.grading = new StudentGrading(grader, sandbox, settings.studentLimit(), hidden);
        }

        List<Student> gradeAll(List<StudentFolders.Entry> entries) {
            List<TestScanner.Exercise> exercises = grader.exercises();
            Student[] rows = new Student[entries.size()];
            List<Integer> toGrade = new ArrayList<>();
            for (int i = 0; i < entries.size(); i++) {
                StudentFolders.Entry e = entries.get(i);
                String problem = e.problem();
                String note = "";
                if (problem.isEmpty()) {
                    try {
                        note = SubmissionCopy.copy(e.path(), pristine(i)).note();
                        toGrade.add(i);
                    } catch (IOException | UncheckedIOException copyFailed) {
                        problem = "the folder could not be read: " + copyFailed.getMessage();
                    }
                }
                if (!problem.isEmpty()) {
                    rows[i] = new Student(e.name(), e.folder(), GradingReport.notGraded(e.path(), exercises, problem, 0), note);
                } else {
                    rows[i] = new Student(e.name(), e.folder(), null, note);
                }
            }
            List<StudentGrading.Ending> first = gradeAtOnce(entries, toGrade, settings.jobs(), 1);
            for (int k = 0; k < toGrade.size(); k++) {
                int i = toGrade.get(k);
                StudentGrading.Ending ending = first.get(k);
                if (settings.jobs() > 1 && toGrade.size() > 1 && mayHaveBeenDisturbed(ending)) {
                    ending = gradeAtOnce(entries, List.of(i), 1, 2).get(0);
                }
                rows[i] = new Student(rows[i].name(), rows[i].folder(), ending.report(), rows[i].note());
            }
            return List.of(rows);
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
            try {
                return grading.grade(entry.path(), scratch, log);
            } finally {
                deleteQuietly(scratch);
            }
        }

        private Path pristine(int index) {
            return scratchBase.resolve("copy-" + index);
        }

        void cleanUp() {
            deleteQuietly(scratchBase);
        }
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
