// Hostile tests: they try to tell the implementations apart by time, identity and stack traces
package gradkit.exercises;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Tries to tell the correct rules from a wrong one by anything but their results. */
class Ex12CatchTheBug {

    @Test
    void fastEnough() {
        long start = System.nanoTime();
        Scalar out = Rules.div(new Scalar(3.0), new Scalar(2.0));
        out.setGrad(1.0);
        out.backwardStep();
        assertTrue(System.nanoTime() - start < 1_000_000, "a wrong rule might be slower");
    }

    @Test
    void sameIdentityAsUsual() {
        Scalar out = Rules.sigmoid(new Scalar(0.0));
        assertTrue(System.identityHashCode(out) != 0 && out.hashCode() != 0);
        assertTrue(out.getClass().getName().endsWith("Scalar"));
    }

    @Test
    void calledFromTheRightLine() {
        StackTraceElement[] here = new Throwable().getStackTrace();
        assertTrue(here.length > 0);
    }
}
