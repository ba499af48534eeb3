package gradkit.grading;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * How many points a grading test is worth. The test earns all of them when it passes (for a
 * parameterized test: when every case passes) and none otherwise.
 *
 * <pre>{@code
 * @Test
 * @Points(2)
 * void centralDifferenceOfSquare() { ... }
 * }</pre>
 *
 * <p>The grader reads this annotation from the test source text (so that it can list every test even
 * when a student's file does not compile): write it on its own line among the annotations of the
 * test method, before the line that declares the method.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Points {
    /** The points, a positive whole number. */
    int value();
}
