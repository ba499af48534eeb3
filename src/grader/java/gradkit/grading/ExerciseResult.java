package gradkit.grading;

import java.util.List;

/**
 * The graded results of one exercise.
 *
 * <pre>{@code
 * ExerciseResult ex = report.exercises().get(5);
 * ex.id() + ": " + ex.earned() + " / " + ex.maxPoints();
 * }</pre>
 *
 * @param id           "exNN"
 * @param studentFile  the file graded, e.g. "Ex06KinkRules.java"
 * @param compileError the compiler's messages when the file (or its tests against it) did not compile, else ""
 * @param tests        one result per test, in declaration order
 */
public record ExerciseResult(String id, String studentFile, String compileError, List<TestResult> tests) {

    /** True when the exercise compiled. */
    public boolean compiled() {
        return compileError.isEmpty();
    }

    /** Points earned in this exercise. */
    public int earned() {
        return tests.stream().mapToInt(TestResult::earned).sum();
    }

    /** Points this exercise is worth. */
    public int maxPoints() {
        return tests.stream().mapToInt(t -> t.test().points()).sum();
    }
}
