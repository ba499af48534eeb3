package gradkit.exercises;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gradkit.check.FiniteDifference;
import org.junit.jupiter.api.Test;

/**
 * Exercise 12: write the tests that catch the bug (after notebook 06).
 *
 * <p>Up to now you wrote backward rules and the grader tested them. Here it is the other way round:
 * {@link Rules} holds four operations on {@link Scalar} with correct backward rules (read them, and
 * the rule of each in its Javadoc):
 * <ul>
 *   <li>{@code Rules.sigmoid(x)}: d/dx = s·(1 − s), s = sigmoid(x);</li>
 *   <li>{@code Rules.div(a, b)}: ∂/∂a = 1/b, ∂/∂b = −a/b²;</li>
 *   <li>{@code Rules.max(a, b)}: the larger input gets the upstream gradient; at a tie each gets half;</li>
 *   <li>{@code Rules.softmax(z...)}: one output per score, ∂pᵢ/∂zⱼ = pᵢ·([i = j] − pⱼ).</li>
 * </ul>
 * Each operation returns its output {@code out}; {@code out.setGrad(g)} gives it an upstream gradient
 * and {@code out.backwardStep()} runs its rule, which must ADD g times the local derivative to each
 * input's grad.
 *
 * <p>Write JUnit tests (methods annotated {@code @Test}, checked with {@code Assertions}) that pass on
 * these rules and would fail on wrong ones. The grader runs your tests against the correct rules and
 * against several wrong versions of them, the mistakes people really make in backward rules, kept
 * with the grader rather than in your files (do not read them first: finding the bugs is the
 * exercise). Each wrong version that one of your tests catches (the test passes on the correct rules
 * and fails on the wrong ones) earns its points; a test that fails on the correct rules earns
 * nothing, and a test that asserts nothing catches nothing. For each bug that gets through, the report
 * names its kind (for example "a rule right only when the upstream gradient is 1") and the operation.
 *
 * <p>Compare with the truth: a central difference ({@code gradkit.check.FiniteDifference.central},
 * or your own) of the forward function, or the derivative worked out by hand. Think about what a
 * careless rule gets right by luck: an upstream gradient of exactly 1, an input whose grad was 0
 * before, a point where max has a derivative, scores that are all equal. Your tests may use
 * {@code @Test}, {@code @DisplayName}, {@code Assertions}, {@code Rules}, {@code Scalar} and the
 * library's {@code gradkit.check}; they are judged on what the rules compute alone, so the clock,
 * hash codes, class names and stack traces are refused, as reflection, threads and files are in
 * every exercise.
 */
class Ex12CatchTheBug {

    @Test
    void sigmoidRule() {
        throw new UnsupportedOperationException("TODO: test Rules.sigmoid's backward rule");
    }

    @Test
    void divRule() {
        throw new UnsupportedOperationException("TODO: test Rules.div's backward rule, for both inputs");
    }

    @Test
    void maxRule() {
        throw new UnsupportedOperationException("TODO: test Rules.max's backward rule");
    }

    @Test
    void softmaxRule() {
        throw new UnsupportedOperationException("TODO: test the backward rules of Rules.softmax's outputs");
    }
}
