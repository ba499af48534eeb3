package gradkit.exercises;

import static org.junit.jupiter.api.Assertions.fail;

import gradkit.grading.Points;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Grades exercise 12, where the student writes the tests. Before these tests run, the grader has run
 * the student's tests against the correct {@code Rules} and against each planted bug, each in a test
 * JVM of its own (gradkit.grading.ImplementationRuns; the bugs are in {@code implementations/ex12/}
 * beside this file, which students do not get). Each test here is one bug: it passes, and earns the
 * bug's points, when a test of the student's passes on the correct rules and fails on that bug. A test
 * that fails on the correct rules counts for nothing; a test that asserts nothing fails on no bug and
 * catches nothing. The message names the kind of bug that got through and the operation, never the
 * buggy code.
 */
class Ex12CatchTheBugTest {
    private static final String OVERWRITES = "a rule that overwrites (=) the gradient an input already holds"
            + " instead of adding to it (+=)";
    private static final String UPSTREAM_ONE = "a rule right only when the upstream gradient is 1";
    private static final String SIGN = "a sign flipped in one partial derivative";
    private static final String KINK = "a wrong convention at a kink, which tests at smooth points cannot see";
    private static final String INDEX = "a mixed-up index in the Jacobian";

    @Test
    @Points(2)
    @DisplayName("catches sigmoid overwriting the gradient an input already holds (= for +=)")
    void sigmoidOverwrites() {
        assertCaught("sigmoid-overwrites", "sigmoid", OVERWRITES,
                "give the input a grad before the rule runs (as when it is used twice) and check that the rule adds to it.");
    }

    @Test
    @Points(2)
    @DisplayName("catches sigmoid forgetting the upstream gradient")
    void sigmoidForgetsUpstream() {
        assertCaught("sigmoid-no-upstream", "sigmoid", UPSTREAM_ONE,
                "set the output's grad to something other than 1 before backwardStep(); the rule must multiply by it.");
    }

    @Test
    @Points(2)
    @DisplayName("catches div forgetting the upstream gradient")
    void divForgetsUpstream() {
        assertCaught("div-no-upstream", "div", UPSTREAM_ONE,
                "set the output's grad to something other than 1 before backwardStep(); the rule must multiply by it.");
    }

    @Test
    @Points(2)
    @DisplayName("catches a sign flipped in div")
    void divSign() {
        assertCaught("div-sign", "div", SIGN,
                "compare the gradient of every input with a finite difference, not only the first input's.");
    }

    @Test
    @Points(2)
    @DisplayName("catches a wrong rule for max at a tie")
    void maxAtATie() {
        assertCaught("max-tie-to-both", "max", KINK,
                "test max at a tie (a = b) too: whatever split a rule chooses there, the two shares of the upstream"
                        + " gradient must lie between 0 and all of it and add up to all of it.");
    }

    @Test
    @Points(2)
    @DisplayName("catches a mixed-up index in softmax's Jacobian")
    void softmaxIndex() {
        assertCaught("softmax-index", "softmax", INDEX,
                "check every input's gradient against a finite difference, at scores that differ from each other and"
                        + " with upstream gradients that differ too.");
    }

    /** Passes when a test of the student's passes on the correct rules and fails on {@code bug}. */
    private static void assertCaught(String bug, String operation, String kind, String hint) {
        Runs runs = Runs.read();
        if (!runs.implementations().contains(bug) || !runs.implementations().contains("correct")) {
            throw new IllegalStateException("The grader has no run of the implementation " + bug + ": "
                    + runs.implementations() + ".");
        }
        List<String> onCorrect = new ArrayList<>();
        for (String test : runs.tests()) {
            if (runs.passed("correct", test)) {
                if (!runs.passed(bug, test)) {
                    return;
                }
            } else {
                onCorrect.add("Your test " + test + " fails on the correct rules, so it counts for nothing: "
                        + firstLine(runs.message("correct", test)));
            }
        }
        String why = runs.tests().isEmpty() ? " Your file has no @Test method, so it catches no bug."
                : " Each of your tests that passes on the correct rules passes on this bug too.";
        fail("A bug of the kind \"" + kind + "\" got through your tests for " + operation + "." + why + " Hint: "
                + hint + (onCorrect.isEmpty() ? "" : "\n" + String.join("\n", onCorrect)));
    }

    private static String firstLine(String message) {
        String line = message.strip().lines().findFirst().orElse("(no message)");
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    /** What the grader found running the student's tests against each implementation. */
    private record Runs(Properties found) {
        static Runs read() {
            try (InputStream in = Ex12CatchTheBugTest.class.getClassLoader()
                    .getResourceAsStream("implementation-runs.properties")) {
                if (in == null) {
                    throw new IllegalStateException("The grader did not run the student's tests against the rules.");
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                return new Runs(p);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The implementations the student's tests ran against. */
        List<String> implementations() {
            return List.of(found.getProperty("implementations", "").split(","));
        }

        /** The student's tests by name, in the order declared. */
        List<String> tests() {
            String names = found.getProperty("tests", "");
            return names.isEmpty() ? List.of() : List.of(names.split(","));
        }

        boolean passed(String implementation, String test) {
            return Boolean.parseBoolean(found.getProperty("run." + implementation + "." + test + ".passed"));
        }

        String message(String implementation, String test) {
            return found.getProperty("run." + implementation + "." + test + ".message", "");
        }
    }
}
