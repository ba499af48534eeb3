package gradkit.grading;

/**
 * One grading test as declared in a test source file: which exercise it grades, where it lives,
 * what it is called, how many points it is worth and when a student may see its result.
 *
 * <pre>{@code
 * GradingTest t = new GradingTest("ex03", "gradkit.exercises.Ex03LocalDerivativesTest", "mul",
 *         "mul: each input receives the other's data times out.grad", 2);
 * t.fullName();   // "ex03 › mul: each input receives the other's data times out.grad"
 * }</pre>
 *
 * @param exercise    the exercise id, "ex01" to "exNN"
 * @param className   the fully qualified name of the test class
 * @param methodName  the test method
 * @param displayName the {@code @DisplayName} text, or the method name when there is none
 * @param points      the {@link Points} value
 * @param visibility  the {@link Points#visibility()} value
 */
public record GradingTest(String exercise, String className, String methodName, String displayName, int points,
                          Points.Visibility visibility) {

    /** A test whose result the student sees at once. */
    public GradingTest(String exercise, String className, String methodName, String displayName, int points) {
        this(exercise, className, methodName, displayName, points, Points.Visibility.VISIBLE);
    }

    /** The name the reports show: exercise id and display name. */
    public String fullName() {
        return exercise + " › " + displayName;
    }
}
