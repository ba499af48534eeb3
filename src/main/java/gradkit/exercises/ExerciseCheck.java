package gradkit.exercises;

import java.util.List;

/**
 * The grading of one exercise: the tests the student may see, how many more are hidden, and, when
 * the grader produced no report at all, why.
 *
 * <pre>{@code
 * ExerciseCheck ex06 = Exercises.check("ex06").exercises().get(0);
 * ex06.points() + " of " + ex06.maxPoints();    // "0.0 of 11.0" for the untouched file
 * }</pre>
 *
 * @param id          "ex06"
 * @param file        the file graded, e.g. "Ex06KinkRules.java"
 * @param tests       the visible tests, in the grader's order
 * @param hiddenTests how many tests the results hide from the student (not counted below)
 * @param problem     "" when the grader reported; otherwise what went wrong (then there are no tests)
 */
public record ExerciseCheck(String id, String file, List<GradedTest> tests, int hiddenTests, String problem) {

    public ExerciseCheck {
        tests = List.copyOf(tests);
    }

    /** Points earned in the visible tests. */
    public double points() {
        return tests.stream().mapToDouble(GradedTest::score).sum();
    }

    /** Points the visible tests are worth. */
    public double maxPoints() {
        return tests.stream().mapToDouble(GradedTest::maxScore).sum();
    }

    /** How many visible tests passed. */
    public long testsPassed() {
        return tests.stream().filter(GradedTest::passed).count();
    }

    /** Whether the grader reported on this exercise (false: see {@link #problem()}). */
    public boolean graded() {
        return problem.isEmpty() && !tests.isEmpty();
    }

    /** Whether every visible test passed. */
    public boolean passed() {
        return graded() && testsPassed() == tests.size();
    }
}
