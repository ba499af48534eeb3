package gradkit.exercises;

import static org.junit.jupiter.api.Assertions.fail;

import gradkit.grading.Points;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
 * that fails on the correct rules counts for nothing, and the report says why once, under the first
 * bug that got through; a test that asserts nothing fails on no bug and catches nothing. The message
 * names the kind of bug that got through and the operation, never the buggy code.
 */
class Ex12CatchTheBugTest {
    private static final String OVERWRITES = "a rule that overwrites (=) the gradient an input already holds"
            + " instead of adding to it (+=)";
    private static final String UPSTREAM_ONE = "a rule right only when the upstream gradient is 1";
    private static final String UPSTREAM_HINT = "set the output's grad to something other than 1 before"
            + " backwardStep(); the rule must multiply by it.";

    /** A planted bug: its implementation, the operation it breaks, its kind and a hint (never its code). */
    private record Bug(String implementation, String operation, String kind, String hint) {
    }

    private static final Bug SIGMOID_OVERWRITES = new Bug("sigmoid-overwrites", "sigmoid", OVERWRITES,
            "give the input a grad before the rule runs (as when it is used twice) and check that the rule adds to it.");
    private static final Bug SIGMOID_NO_UPSTREAM = new Bug("sigmoid-no-upstream", "sigmoid", UPSTREAM_ONE, UPSTREAM_HINT);
    private static final Bug DIV_NO_UPSTREAM = new Bug("div-no-upstream", "div", UPSTREAM_ONE, UPSTREAM_HINT);
    private static final Bug DIV_SIGN = new Bug("div-sign", "div", "a sign flipped in one partial derivative",
            "compare the gradient of every input with a finite difference, not only the first input's.");
    private static final Bug MAX_TIE = new Bug("max-tie-to-both", "max",
            "a wrong convention at a kink, which tests at smooth points cannot see",
            "test max at a tie (a = b) too: whatever split a rule chooses there, the two shares of the upstream"
                    + " gradient must lie between 0 and all of it and add up to all of it.");
    private static final Bug SOFTMAX_INDEX = new Bug("softmax-index", "softmax", "a mixed-up index in the Jacobian",
            "check every input's gradient against a finite difference, at scores that differ from each other and"
                    + " with upstream gradients that differ too.");
    /**
     * The bugs in the order of the tests below, which is the order the report shows them in: the student's
     * tests that fail on the correct rules are listed, with why, under the first bug that got through only.
     */
    private static final List<Bug> BUGS = List.of(SIGMOID_OVERWRITES, SIGMOID_NO_UPSTREAM, DIV_NO_UPSTREAM, DIV_SIGN,
            MAX_TIE, SOFTMAX_INDEX);

    @Test
    @Points(2)
    @DisplayName("catches sigmoid overwriting the gradient an input already holds (= for +=)")
    void sigmoidOverwrites() {
        assertCaught(SIGMOID_OVERWRITES);
    }

    @Test
    @Points(2)
    @DisplayName("catches sigmoid forgetting the upstream gradient")
    void sigmoidForgetsUpstream() {
        assertCaught(SIGMOID_NO_UPSTREAM);
    }

    @Test
    @Points(2)
    @DisplayName("catches div forgetting the upstream gradient")
    void divForgetsUpstream() {
        assertCaught(DIV_NO_UPSTREAM);
    }

    @Test
    @Points(2)
    @DisplayName("catches a sign flipped in div")
    void divSign() {
        assertCaught(DIV_SIGN);
    }

    @Test
    @Points(2)
    @DisplayName("catches a wrong rule for max at a tie")
    void maxAtATie() {
        assertCaught(MAX_TIE);
    }

    @Test
    @Points(2)
    @DisplayName("catches a mixed-up index in softmax's Jacobian")
    void softmaxIndex() {
        assertCaught(SOFTMAX_INDEX);
    }

    /** Passes when a test of the student's passes on the correct rules and fails on {@code bug}. */
    private static void assertCaught(Bug bug) {
        Runs runs = Runs.read();
        for (Bug b : BUGS) {
            if (!runs.implementations().contains(b.implementation()) || !runs.implementations().contains("correct")) {
                throw new IllegalStateException("The grader has no run of the implementation " + b.implementation()
                        + ": " + runs.implementations() + ".");
            }
        }
        if (runs.caught(bug.implementation())) {
            return;
        }
        String why = runs.tests().isEmpty() ? " Your file has no @Test method, so it catches no bug."
                : " Each of your tests that passes on the correct rules passes on this bug too.";
        Bug firstThrough = BUGS.stream().filter(b -> !runs.caught(b.implementation())).findFirst().orElseThrow();
        fail("A bug of the kind \"" + bug.kind() + "\" got through your tests for " + bug.operation() + "." + why
                + " Hint: " + bug.hint() + failingOnCorrect(runs, bug == firstThrough));
    }

    /**
     * The student's tests that fail on the correct rules: each with the start of its message under the
     * first bug that got through, one short line under the others; "" when there are none.
     */
    private static String failingOnCorrect(Runs runs, boolean withMessages) {
        List<String> failing = runs.tests().stream().filter(t -> !runs.passed("correct", t)).toList();
        if (failing.isEmpty()) {
            return "";
        }
        if (withMessages) {
            StringBuilder lines = new StringBuilder();
            for (String test : failing) {
                lines.append("\nYour test ").append(test).append(" fails on the correct rules, so it counts for nothing: ")
                        .append(firstLine(runs.message("correct", test)));
            }
            return lines.toString();
        }
        String names = failing.size() == 1 ? failing.get(0)
                : String.join(", ", failing.subList(0, failing.size() - 1)) + " and " + failing.get(failing.size() - 1);
        return failing.size() == 1
                ? "\nYour test " + names + " fails on the correct rules, so it counts for nothing (why: under the first"
                        + " bug that got through)."
                : "\nYour tests " + names + " fail on the correct rules, so they count for nothing (why: under the"
                        + " first bug that got through).";
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

        /** True when a test passes on the correct rules and fails on {@code implementation}. */
        boolean caught(String implementation) {
            return tests().stream().anyMatch(t -> passed("correct", t) && !passed(implementation, t));
        }

        boolean passed(String implementation, String test) {
            return Boolean.parseBoolean(found.getProperty("run." + implementation + "." + test + ".passed"));
        }

        String message(String implementation, String test) {
            return found.getProperty("run." + implementation + "." + test + ".message", "");
        }
    }
}
