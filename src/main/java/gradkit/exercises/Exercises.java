package gradkit.exercises;

import gradkit.viz.Display;
import java.util.List;

/**
 * Checks your exercises from a notebook, with the same tests, points and hints as
 * {@code ./kit grade}, and shows where every exercise stands.
 *
 * <pre>{@code
 * Exercises.check("ex06");               // grades exercises/Ex06KinkRules.java, shows the table
 * Exercises.check("ex02", "ex03");       // several at once; "Ex06KinkRules" works as a name too
 * Exercises.progress();                  // status and points of every exercise
 * }</pre>
 *
 * <p>The grader runs in a JVM of its own (see {@link ExerciseChecker}), so an endless loop or a
 * {@code System.exit} in your code cannot hang or end the notebook's kernel. A failing or untouched
 * exercise is not an error: it shows its points (0 for an untouched one) and the messages. Errors
 * are only for a name that is no exercise or a repository that is not built.
 *
 * <p>In a Jupyter kernel the table is shown as HTML ({@link Display}); in plain JShell nothing is
 * printed, and the returned report, whose {@code toString()} is the table as text, is what JShell
 * shows. In a notebook, assign the result ({@code var graded = Exercises.check("ex06");}) so that
 * the kernel shows the table once, not again as the cell's value.
 *
 * <p>Each grading is recorded under target/progress, keyed by the SHA-256 of the exercise file and
 * its grading test; {@link #progress()} and {@code ./kit progress} read those records.
 */
public final class Exercises {

    private Exercises() {
    }

    /**
     * Grades these exercises ("ex06", or the file's name "Ex06KinkRules") and shows the table.
     *
     * @return the report; {@code toString()} is the table as text
     * @throws IllegalArgumentException if a name is no exercise
     * @throws IllegalStateException    if the repository cannot be found or is not built
     */
    public static CheckReport check(String... exercises) {
        CheckReport report = ExerciseChecker.of(KitFolder.find()).check(List.of(exercises));
        show(report.toHtml());
        return report;
    }

    /** Shows and returns the status and points of every exercise, from the latest grading of its current file. */
    public static ProgressReport progress() {
        ProgressReport report = ProgressReport.of(KitFolder.find());
        show(report.toHtml());
        return report;
    }

    private static void show(String html) {
        if (Display.kernel() != Display.Kernel.NONE) {
            Display.html(html);
        }
    }

    /** {@code ./kit progress}: prints {@link #progress()} as text. */
    public static void main(String[] args) {
        if (args.length > 0) {
            System.err.println("usage: ./kit progress   (no arguments; the gradings come from Exercises.check(\"exNN\") in the notebooks)");
            System.exit(2);
        }
        try {
            System.out.print(ProgressReport.of(KitFolder.find()));
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
