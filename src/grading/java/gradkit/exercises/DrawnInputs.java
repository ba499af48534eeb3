package gradkit.exercises;

import gradkit.grading.client.ExerciseLoader;
import java.util.SplittableRandom;

/**
 * Inputs drawn afresh for every grading run, checked after a test's fixed, named cases: an answer must
 * be right at inputs nobody can read in the test's source, so a table of the tested inputs' answers
 * fails, while the fixed cases keep the messages of the common mistakes readable.
 *
 * <p>Reproducible all the same. The grader draws one seed per grading run and gives it to the test JVM
 * as the system property {@value #SEED_PROPERTY} (see {@code TestJvm}), or, to tests that run in the
 * grader's own JVM, by their class loader ({@code ExerciseLoader}); each test draws from that seed
 * and its own name, so its inputs do not depend on which other tests ran. A failure at a drawn input
 * names the input and the seed ({@link #source()}); to grade again with the same draws, give the grader
 * the same property: {@code JAVA_TOOL_OPTIONS=-Dgradkit.seed=SEED ./kit grade ex02}. Outside the grader
 * (no property) the seed is 0.
 *
 * <pre>{@code
 * DrawnInputs drawn = DrawnInputs.forTest("dfdx");
 * double x = drawn.uniform(-2, 2);                      // another x in every grading run
 * String where = "df/dx at x = " + x + " " + drawn.source();   // "... (drawn, seed 8812...)"
 * }</pre>
 */
final class DrawnInputs {
    /** The test JVM's system property that carries the grading run's seed. */
    static final String SEED_PROPERTY = "gradkit.seed";

    private final long seed;
    private final SplittableRandom random;

    private DrawnInputs(long seed, String test) {
        this.seed = seed;
        // String.hashCode is the same on every JVM, so (seed, test) always gives the same stream. The
        // first number of a generator seeded with both seeds this test's own: streams seeded with nearby
        // numbers would overlap (SplittableRandom steps its seed by a constant), these do not.
        this.random = new SplittableRandom(new SplittableRandom(seed ^ test.hashCode()).nextLong());
    }

    /** The draws of one test (name it after the test method) in this grading run. */
    static DrawnInputs forTest(String test) {
        // Tests that run in the grader's JVM (their exercise has a worker) read their run's seed from the
        // class loader the grader gave them: a system property there would be shared by every run.
        long seed = Thread.currentThread().getContextClassLoader() instanceof ExerciseLoader tests ? tests.seed()
                : Long.getLong(SEED_PROPERTY, 0L);
        return new DrawnInputs(seed, test);
    }

    /** A number drawn uniformly from [low, high). */
    double uniform(double low, double high) {
        return random.nextDouble(low, high);
    }

    /** A number whose logarithm is drawn uniformly: as likely 1e-6 to 1e-5 as 1 to 10. */
    double logUniform(double low, double high) {
        return Math.exp(uniform(Math.log(low), Math.log(high)));
    }

    /** For a message: where the input came from, "(drawn for this grading, seed S)". */
    String source() {
        return "(drawn for this grading, seed " + seed + ")";
    }
}
