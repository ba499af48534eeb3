package gradkit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Exercise 12, where the student writes the tests, graded end to end by the real grader: the model
 * answer, the untouched file, four kinds of weak tests and two hostile ones (in
 * src/test/resources/ex12-student-tests/), each with its exact score and what the student reads.
 * Each submission is the one file Ex12CatchTheBug.java, graded alone: its tests run against the correct
 * rules and against the six planted bugs of src/grading/java/gradkit/exercises/implementations/ex12
 * (built from the correct rules at grading time), each in a test JVM of its own.
 */
class Ex12GradingTest {
    private static final Path EXAMPLES = Path.of("src", "test", "resources", "ex12-student-tests");
    private static final String[] BUG_TESTS = {"sigmoidOverwrites", "sigmoidForgetsUpstream", "divForgetsUpstream",
        "divSign", "maxAtATie", "softmaxIndex"};
    private static final String UPSTREAM_HINT = " Hint: set the output's grad to something other than 1 before"
            + " backwardStep(); the rule must multiply by it.";
    private static final String PASSES_TOO = " Each of your tests that passes on the correct rules passes on this bug too.";
    private static final Map<String, ExerciseResult> GRADED = new TreeMap<>();

    /** Grades the model answer, the untouched file and every example, two at a time. */
    @BeforeAll
    static void gradeAll() throws Exception {
        String classpath = Path.of("target", "grader-classes") + File.pathSeparator + Path.of("target", "classes")
                + File.pathSeparator + Files.readString(Path.of("target", "classpath.txt")).strip();
        // A generous timeout: a loaded machine must not make a correct test time out.
        Grader grader = Grader.defaults().classpath(classpath).timeout(Duration.ofSeconds(30)).only(List.of("ex12"));
        Map<String, Path> submissions = new TreeMap<>(Map.of("solution", Path.of("solutions"), "untouched",
                Path.of("exercises")));
        try (Stream<Path> examples = Files.list(EXAMPLES)) {
            examples.forEach(e -> submissions.put(e.getFileName().toString(), e));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Map<String, Future<GradingReport>> pending = new TreeMap<>();
            submissions.forEach((name, folder) -> pending.put(name, pool.submit(() -> grader.grade(folder))));
            for (Map.Entry<String, Future<GradingReport>> p : pending.entrySet()) {
                GRADED.put(p.getKey(), p.getValue().get().exercises().get(0));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The failed tests of a graded submission, "method points" joined by ", " (as PlantedBugsTest's "Loses:"). */
    private static String lost(String submission) {
        return GRADED.get(submission).tests().stream().filter(t -> !t.outcome().passed())
                .map(t -> t.test().methodName() + " " + t.test().points()).collect(Collectors.joining(", "));
    }

    private static String message(String submission, String test) {
        return GRADED.get(submission).tests().stream().filter(t -> t.test().methodName().equals(test)).findFirst()
                .orElseThrow().outcome().message();
    }

    private static void assertScore(int expected, String submission) {
        ExerciseResult r = GRADED.get(submission);
        assertTrue(r.compiled(), () -> submission + " did not compile: " + r.compileError());
        assertEquals(12, r.maxPoints());
        assertEquals(expected, r.earned(), () -> submission + " earned " + r.earned() + "/12, losing " + lost(submission));
    }

    /** The correct implementation the grader runs is the library's Rules, line for line (the bugs: PlantedBugTest). */
    @Test
    void theCorrectImplementationIsTheLibrarysRules() throws IOException {
        Path implementations = Grader.DEFAULT_TESTS.resolve("implementations").resolve("ex12");
        assertEquals(Files.readString(Path.of("src", "main", "java", "gradkit", "exercises", "Rules.java")),
                Files.readString(implementations.resolve("correct").resolve("Rules.java")));
    }

    @Test
    void theModelAnswerCatchesEveryBug() {
        assertScore(12, "solution");
    }

    /**
     * Each test of the untouched file fails on the correct rules: the report says so, with why, once,
     * under the first bug in the report (the first a student reads), and in one short line under the others.
     */
    @Test
    void theUntouchedFileEarnsNothingAndSaysWhyOnce() {
        assertScore(0, "untouched");
        assertEquals("A bug of the kind \"a rule that overwrites (=) the gradient an input already holds instead of"
                + " adding to it (+=)\" got through your tests for sigmoid." + PASSES_TOO + " Hint: give the input a grad"
                + " before the rule runs (as when it is used twice) and check that the rule adds to it."
                + "\nYour test sigmoidRule fails on the correct rules, so it counts for nothing: Not implemented yet:"
                + " TODO: test Rules.sigmoid's backward rule"
                + "\nYour test divRule fails on the correct rules, so it counts for nothing: Not implemented yet:"
                + " TODO: test Rules.div's backward rule, for both inputs"
                + "\nYour test maxRule fails on the correct rules, so it counts for nothing: Not implemented yet:"
                + " TODO: test Rules.max's backward rule"
                + "\nYour test softmaxRule fails on the correct rules, so it counts for nothing: Not implemented yet:"
                + " TODO: test the backward rules of Rules.softmax's outputs",
                message("untouched", "sigmoidOverwrites"));
        assertEquals(BUG_TESTS[0], GRADED.get("untouched").tests().get(0).test().methodName(), "the report's order");
        assertEquals("A bug of the kind \"a rule right only when the upstream gradient is 1\" got through your tests"
                + " for div." + PASSES_TOO + UPSTREAM_HINT
                + "\nYour tests sigmoidRule, divRule, maxRule and softmaxRule fail on the correct rules, so they count"
                + " for nothing (why: under the first bug that got through).",
                message("untouched", "divForgetsUpstream"));
        for (String test : List.of(BUG_TESTS).subList(1, BUG_TESTS.length)) {
            String m = message("untouched", test);
            assertEquals(2, m.lines().count(), m);
            assertTrue(!m.contains("Not implemented yet"), m);
        }
    }

    @Test
    void testsThatAssertNothingCatchNothing() {
        assertScore(0, "asserts-nothing");
        assertEquals(String.join(" 2, ", BUG_TESTS) + " 2", lost("asserts-nothing"));
        assertEquals("A bug of the kind \"a sign flipped in one partial derivative\" got through your tests for div."
                + PASSES_TOO + " Hint: compare the gradient of every input with a finite difference, not only the"
                + " first input's.", message("asserts-nothing", "divSign"));
    }

    @Test
    void testsAtSmoothPointsOnlyMissTheKinkBug() {
        assertScore(10, "smooth-points-only");
        assertEquals("maxAtATie 2", lost("smooth-points-only"));
        assertEquals("A bug of the kind \"a wrong convention at a kink, which tests at smooth points cannot see\" got"
                + " through your tests for max." + PASSES_TOO + " Hint: test max at a tie (a = b) too: whatever split"
                + " a rule chooses there, the two shares of the upstream gradient must lie between 0 and all of it"
                + " and add up to all of it.", message("smooth-points-only", "maxAtATie"));
    }

    @Test
    void testsWithAnUpstreamGradientOfOneOnlyMissTheRulesThatForgetIt() {
        assertScore(8, "upstream-one-only");
        assertEquals("sigmoidForgetsUpstream 2, divForgetsUpstream 2", lost("upstream-one-only"));
        assertEquals("A bug of the kind \"a rule right only when the upstream gradient is 1\" got through your tests"
                + " for sigmoid." + PASSES_TOO + UPSTREAM_HINT, message("upstream-one-only", "sigmoidForgetsUpstream"));
    }

    @Test
    void aTestThatFailsOnTheCorrectRulesEarnsNothing() {
        assertScore(8, "fails-on-correct-rules");
        assertEquals("divForgetsUpstream 2, divSign 2", lost("fails-on-correct-rules"));
        String first = message("fails-on-correct-rules", "divForgetsUpstream");
        String head = "A bug of the kind \"a rule right only when the upstream gradient is 1\" got through your tests"
                + " for div." + PASSES_TOO + UPSTREAM_HINT + "\nYour test divGivesBothInputsTheirSlopes fails on the"
                + " correct rules, so it counts for nothing: div(3.0, 2.0), input b ==> expected: <";
        assertTrue(first.startsWith(head), first);
        assertEquals(2, first.lines().count(), first);
        assertEquals("A bug of the kind \"a sign flipped in one partial derivative\" got through your tests for div."
                + PASSES_TOO + " Hint: compare the gradient of every input with a finite difference, not only the"
                + " first input's.\nYour test divGivesBothInputsTheirSlopes fails on the correct rules, so it counts"
                + " for nothing (why: under the first bug that got through).", message("fails-on-correct-rules", "divSign"));
    }

    /** Time, identity hash codes, class names and stack traces are refused before anything runs. */
    @Test
    void testsThatLookAtTimeIdentityOrStackTracesAreRefused() {
        assertScore(0, "hostile-clock-identity");
        String m = message("hostile-clock-identity", "maxAtATie");
        for (String refused : List.of("line 13 calls java.lang.System.nanoTime", "calls java.lang.System.identityHashCode",
                "calls java.lang.Object.hashCode", "calls java.lang.Object.getClass", "(and 1 more like these)")) {
            assertTrue(m.contains(refused), () -> "no refusal of \"" + refused + "\" in: " + m);
        }
        assertTrue(m.contains("grading refuses " + gradkit.grading.bytecode.Family.IDENTITY.reason()), m);
    }

    /**
     * What the static check allows cannot tell the implementations apart either: each runs in a JVM of
     * its own, so a test that passes only the first time it runs in a JVM passes on every one, and the
     * rules are the same class everywhere.
     */
    @Test
    void testsThatLookAtRunOrderOrClassNamesCatchNothing() {
        assertScore(0, "hostile-run-order");
        assertTrue(message("hostile-run-order", "divSign").contains(PASSES_TOO));
        assertTrue(!message("hostile-run-order", "divSign").contains("fails on the correct rules"));
    }
}
