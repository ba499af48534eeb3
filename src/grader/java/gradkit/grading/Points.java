package gradkit.grading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many points a grading test is worth, and when a student on Gradescope may see its result. The
 * test earns all its points when it passes (for a parameterized test: when every case passes) and
 * none otherwise.
 *
 * <pre>{@code
 * @Test
 * @Points(2)
 * void centralDifferenceOfSquare() { ... }
 *
 * @Test
 * @Points(value = 3, visibility = Points.Visibility.AFTER_DUE_DATE)   // a hidden test
 * void deepChain() { ... }
 * }</pre>
 *
 * <p>The grader reads this annotation from the test source text (so that it can list every test even
 * when a student's file does not compile; see {@link TestScanner}): {@code value} must be a whole-number
 * literal and {@code visibility} a constant of {@link Visibility}, written as {@code VISIBLE},
 * {@code Visibility.VISIBLE} or {@code Points.Visibility.VISIBLE}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Points {
    /** The points, a positive whole number. */
    int value();

    /** When the student sees this test's result on Gradescope (the console and the gradebook always show it). */
    Visibility visibility() default Visibility.VISIBLE;

    /** Gradescope's visibility settings for one test. */
    enum Visibility {
        /** Shown at once. */
        VISIBLE("visible"),
        /** Shown once the due date has passed. */
        AFTER_DUE_DATE("after_due_date"),
        /** Shown once the instructor publishes the grades. */
        AFTER_PUBLISHED("after_published"),
        /** Never shown to the student. */
        HIDDEN("hidden");

        private final String gradescopeName;

        Visibility(String gradescopeName) {
            this.gradescopeName = gradescopeName;
        }

        /** The word in Gradescope's results.json, e.g. "after_due_date". */
        public String gradescopeName() {
            return gradescopeName;
        }
    }
}
