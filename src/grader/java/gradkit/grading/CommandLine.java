package gradkit.grading;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The grader's command line ({@code ./kit grade ...}): reads the options, grades one submission or a
 * whole class, prints the table and writes the files.
 *
 * <pre>
 * ./kit grade [options] [EXERCISE ...]
 *   EXERCISE           ex06, EX06, 6, Ex06KinkRules or exercises/Ex06KinkRules.java (default: all)
 *   --submission DIR   the folder of ExNN*.java files to grade (default: exercises)
 *   --results FILE     where to write Gradescope's results.json (default: results.json)
 *   --format text|md   how results.json's test outputs are rendered on Gradescope (default: text)
 *   --tests DIR        the grading tests (default: src/grading/java/gradkit/exercises)
 *   --timeout SECONDS  the longest one test may run (default: 10)
 *   --heap MB          the heap cap of the JVM that runs the tests (default: 512)
 *   --compile-limit SECONDS  the longest one compilation may take (default: 60)
 *   --classpath CP     grader, library, JUnit (with the platform launcher), Jackson (default: this JVM's)
 *   --instructor DIR   grade every entry of DIR (one folder per student) into a gradebook
 *   --out DIR          instructor mode: where the gradebook and per-student results go (default: grading-out)
 *   --jobs N           instructor mode: students graded at once (default: number of cores)
 *   --student-timeout SECONDS  instructor mode: the longest one student's grading may take
 * </pre>
 *
 * <p>Exit status: 0 when the report (or the gradebook) was printed and written; 2 on a usage error
 * (an unknown option or exercise, a missing folder), with the reason and the usage; 3 when the
 * report was printed but its file could not be written (the reason is printed); 1 when grading
 * itself failed (the reason is printed).
 */
final class CommandLine {
    static final int OK = 0;
    static final int GRADING_FAILED = 1;
    static final int USAGE = 2;
    static final int NOT_WRITTEN = 3;

    private final PrintStream out;
    private final PrintStream err;

    CommandLine(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** What the command line asked for. */
    record Options(Grader grader, Path submission, Path results, ResultsJson.Format format, Path instructor,
                   Path gradebookOut, Gradebook.Settings settings, boolean help) {
    }

    /** Runs the command line and returns the exit status (see the class comment). */
    int run(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println();
            err.println(usage());
            return USAGE;
        }
        if (options.help()) {
            out.println(usage());
            return OK;
        }
        try {
            return options.instructor() != null ? gradeClass(options) : gradeOne(options);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            err.println("Grading failed: " + e);
            return GRADING_FAILED;
        }
    }

    private int gradeOne(Options options) {
        GradingReport report = options.grader().grade(options.submission());
        out.print(report.toTable());
        try {
            ResultsJson.write(report, options.results(), options.format());
        } catch (UncheckedIOException e) {
            err.println("The results were not written: " + e.getMessage() + ". The table above is the whole"
                    + " grading; give --results a file path in a folder you can write.");
            return NOT_WRITTEN;
        }
        out.println("Details (every test, full messages): " + options.results());
        return OK;
    }

    private int gradeClass(Options options) {
        Gradebook book = Gradebook.grade(options.grader(), options.instructor(), options.gradebookOut(),
                options.settings());
        out.print(book.toTable());
        try {
            book.write(options.gradebookOut());
        } catch (UncheckedIOException e) {
            err.println("The gradebook was not written: " + e.getMessage() + ". The table above is the whole"
                    + " grading; give --out a folder you can write.");
            return NOT_WRITTEN;
        }
        out.println("Wrote " + options.gradebookOut().resolve("gradebook.csv") + ", "
                + options.gradebookOut().resolve("gradebook.json") + " and one results.json per student.");
        return OK;
    }

    /** Reads the arguments; an IllegalArgumentException says what was wrong. */
    static Options parse(String[] args) {
        Grader grader = Grader.defaults();
        Path submission = Path.of("exercises");
        Path results = Path.of("results.json");
        ResultsJson.Format format = ResultsJson.Format.TEXT;
        Path instructor = null;
        Path gradebookOut = Path.of("grading-out");
        int jobs = Runtime.getRuntime().availableProcessors();
        Duration studentLimit = null;
        boolean resultsGiven = false;
        boolean submissionGiven = false;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--submission" -> {
                    submission = Path.of(value(args, ++i, a));
                    submissionGiven = true;
                }
                case "--results" -> {
                    results = Path.of(value(args, ++i, a));
                    resultsGiven = true;
                }
                case "--format" -> format = ResultsJson.Format.named(value(args, ++i, a));
                case "--tests" -> grader = grader.tests(Path.of(value(args, ++i, a)));
                case "--timeout" -> grader = grader.timeout(seconds(value(args, ++i, a), a));
                case "--classpath" -> grader = grader.classpath(value(args, ++i, a));
                case "--heap" -> grader = grader.heapMegabytes(wholeNumber(value(args, ++i, a), a, "megabytes"));
                case "--compile-limit" -> grader = grader.compileLimit(seconds(value(args, ++i, a), a));
                // Not in --help: the grader's own tests of the defences behind the static check, passed on
                // to instructor mode's child graders (Grader.commandLineOptions).
                case Grader.WITHOUT_STATIC_CHECK -> grader = grader.withoutStaticCheck();
                case "--instructor" -> instructor = Path.of(value(args, ++i, a));
                case "--out" -> gradebookOut = Path.of(value(args, ++i, a));
                case "--jobs" -> jobs = wholeNumber(value(args, ++i, a), a, "students graded at once");
                case "--student-timeout" -> studentLimit = seconds(value(args, ++i, a), a);
                case "--help", "-h" -> {
                    return new Options(grader, submission, results, format, null, gradebookOut, null, true);
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new IllegalArgumentException("Unknown option " + StudentText.clean(a) + ".");
                    }
                    names.add(a);
                }
            }
        }
        if (instructor != null && (resultsGiven || submissionGiven)) {
            throw new IllegalArgumentException("--instructor grades a whole folder of students into --out; it does"
                    + " not take --submission or --results.");
        }
        if (jobs < 1) {
            throw new IllegalArgumentException("--jobs must be at least 1, but got " + jobs + ".");
        }
        grader = grader.only(ExerciseNames.resolve(names, TestScanner.scan(grader.testsFolder())));
        Gradebook.Settings settings = new Gradebook.Settings(jobs,
                studentLimit != null ? studentLimit : Gradebook.Settings.defaultLimit(grader), format);
        return new Options(grader, submission, results, format, instructor, gradebookOut, settings, false);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args[i];
    }

    private static Duration seconds(String text, String option) {
        try {
            double s = Double.parseDouble(text);
            if (s > 0 && s < 1e6) {
                return Duration.ofMillis(Math.round(1000 * s));
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new IllegalArgumentException(option + " needs a positive number of seconds, like " + option
                + " 10, but got \"" + StudentText.clean(text) + "\".");
    }

    private static int wholeNumber(String text, String option, String what) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number (" + what + "), but got \""
                    + StudentText.clean(text) + "\".");
        }
    }

    static String usage() {
        return """
                usage: ./kit grade [options] [EXERCISE ...]
                  EXERCISE           ex06, EX06, 6, Ex06KinkRules or exercises/Ex06KinkRules.java (default: all)
                  --submission DIR   the folder of ExNN*.java files to grade (default: exercises)
                  --results FILE     Gradescope's results.json to write (default: results.json)
                  --format text|md   how results.json's test outputs show on Gradescope (default: text)
                  --tests DIR        the grading tests (default: src/grading/java/gradkit/exercises)
                  --timeout SECONDS  the longest one test may run (default: 10)
                  --heap MB          heap cap of the JVM that runs the tests (default: 512)
                  --compile-limit SECONDS  the longest one compilation may take (default: 60)
                  --classpath CP     grader + library + JUnit + Jackson (default: this JVM's)
                  --instructor DIR   grade every folder in DIR (one per student) into a gradebook
                  --out DIR          instructor mode: gradebook and per-student results (default: grading-out)
                  --jobs N           instructor mode: students graded at once (default: cores)
                  --student-timeout SECONDS  instructor mode: the longest one student's grading may take
                                     (default: every test's timeout added up, plus 2 minutes)
                exit status: 0 graded and written, 1 grading failed, 2 usage error,
                             3 graded and printed but the results file could not be written""";
    }
}
