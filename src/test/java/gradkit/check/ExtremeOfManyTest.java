package gradkit.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import gradkit.engine.Graph;
import gradkit.engine.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The max or min of a list has a kink wherever the operand it selects changes, even where no two
 * operands tie: the checker must see a probe that crosses one, as it does for max(a, b).
 */
class ExtremeOfManyTest {

    private final GradientChecker checker = GradientChecker.defaults();

    /** max(x, 1, -5): slope 0 left of x = 1, slope 1 right of it. */
    private static Value maxOfThree(Value[] x) {
        return Value.max(List.of(x[0], Value.of(1.0), Value.of(-5.0)));
    }

    /** min(4, x, 2): slope 1 left of x = 2, slope 0 right of it. */
    private static Value minOfThree(Value[] x) {
        return Value.min(List.of(Value.of(4.0), x[0], Value.of(2.0)));
    }

    @Test
    void theBranchPatternTellsWhichOperandWasSelected() {
        Value[] below = {Value.of(0.5)};
        Value[] above = {Value.of(1.5)};
        assertNotEquals(Graph.of(maxOfThree(below)).branchPattern(), Graph.of(maxOfThree(above)).branchPattern(),
                "max(x, 1, -5) selects the constant 1 at x = 0.5 and x itself at x = 1.5");
        assertEquals(List.of(3), Graph.of(maxOfThree(below)).branchPattern()
                .differences(Graph.of(maxOfThree(above)).branchPattern()), "only the max node differs");
        assertEquals("[3:max=ABOVE(operand 1)]", Graph.of(maxOfThree(below)).branchPattern().toString());
    }

    @Test
    void aCorrectGradientNextToWhereTheSelectionChangesIsNoFalseAlarm() {
        // Close enough to x = 1 (and x = 2) that the probes x ± h land on both sides of it.
        GradCheckEntry max = checker.check(ExtremeOfManyTest::maxOfThree, 1.0 + 1e-9).entries().get(0);
        assertEquals(1.0, max.analytic());
        assertEquals(Verdict.KINK_PASS, max.verdict(), max::toString);
        assertEquals(List.of("max #3 operand 0->1"), max.kinkOperations(), "the left probe selects the constant");
        GradCheckEntry min = checker.check(ExtremeOfManyTest::minOfThree, 2.0 - 1e-9).entries().get(0);
        assertEquals(1.0, min.analytic());
        assertEquals(Verdict.KINK_PASS, min.verdict(), min::toString);
    }
}
