package gradkit.grading;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * counts: in bubblewrap a test that timed out (busy neighbours share the CPUs). Without bubblewrap
 * students are graded one at a time, since their processes could reach one another's. The gradebook
 * says which defences held ({@link #defences()}). The files ({@link GradebookFiles}) are written only after every student's processes
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
 * @param mostAtOnce  the most students whose gradings ran at the same time (1 without bubblewrap)
 * @param skipped     the entries of the folder that are certainly not students ({@code .git}, {@code .DS_Store},
 *                    ...: {@link StudentFolders#NOT_STUDENTS}), left out and listed
 */
public record Gradebook(List<String> exerciseIds, List<Student> students, String isolation, ResultsJson.Format format,
                        int mostAtOnce, List<String> skipped) {

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

    /**
     * As {@link #grade(Grader, Path, Settings)}, also hiding {@code out} (where an earlier gradebook may
     * be) from the students; writes nothing.
     */
    public static Gradebook grade(Grader grader, Path submissions, Path out, Settings settings) {
        return grade(grader, submissions, out, settings, StudentSandbox.detect());
    }

    /** As {@link #grade(Grader, Path, Settings)}, in the sandbox given. */
    static Gradebook grade(Grader grader, Path submissions, Settings settings, StudentSandbox sandbox) {
        return grade(grader, submissions, null, settings, sandbox);
    }

    private static Gradebook grade(Grader grader, Path submissions, Path out, Settings settings,
                                   StudentSandbox sandbox) {
        StudentFolders.Listing listing = StudentFolders.list(submissions);
        List<String> ids = grader.exercises().stream().map(TestScanner.Exercise::id).toList();
        ClassGrading run = new ClassGrading(grader, sandbox, settings, submissions, out);
        try {
            List<Student> rows = run.gradeAll(listing.students());
            return new Gradebook(ids, rows, sandbox.isolation(), settings.format(), run.mostAtOnce(),
                    listing.skipped());
        } finally {
            run.cleanUp();
        }
    }

    /**
     * What kept the students apart and what guarded each one's test JVMs, in sentences for the
     * instructor: first between students (bubblewrap, or processes graded one at a time), then every
     * distinct note of the students' gradings (the test JVMs' sandbox, the security policy).
     */
    public List<String> defences() {
        List<String> said = new java.util.ArrayList<>();
        said.add(isolation.equals("bubblewrap")
                ? "Between students: bubblewrap. Each student's grader had its own PID namespace (it could see"
                + " and signal only its own processes), no network, a read-only file system but for its own"
                + " scratch folder, and the other students' folders hidden; at most " + mostAtOnce
                + " students were graded at once."
                : "Between students: processes only (no bubblewrap here). Every student's grader and test JVMs ran"
                + " as the same user in one PID namespace, so code that got past the security policy could have"
                + " signalled another student's processes or written their files; so students were graded one"
                + " at a time (at most " + mostAtOnce + " at once), and each one's processes were killed before"
                + " the next began.");
        students.stream().flatMap(s -> s.report().notes().stream()).distinct().forEach(said::add);
        return said;
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
        if (!skipped.isEmpty()) {
            s.append("Skipped, not students: ")
                    .append(String.join(", ", skipped.stream().map(StudentText::clean).toList())).append('\n');
        }
        defences().forEach(d -> s.append("Defences: ").append(d).append('\n'));
        return s.toString();
    }
}
