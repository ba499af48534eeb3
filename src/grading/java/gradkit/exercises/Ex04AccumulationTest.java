package gradkit.exercises;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gradkit.grading.Points;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Grades exercise 04: gradients add up when a node is used twice. */
class Ex04AccumulationTest {

    @Test
    @Points(2)
    @DisplayName("accumulate adds to the grad already there")
    void accumulateAdds() {
        Scalar node = new Scalar(1.0);
        node.setGrad(0.5);
        Ex04Accumulation.accumulate(node, 2.0);
        assertEquals(2.5, node.grad(), 1e-15, "grad 0.5, then accumulate(node, 2.0). Hint: add to the"
                + " grad (+=); overwriting it (=) is exactly the bug this exercise is about.");
        Ex04Accumulation.accumulate(node, -1.0);
        assertEquals(1.5, node.grad(), 1e-15, "then accumulate(node, -1.0): 2.5 - 1.0. Hint: add the contribution"
                + " as it is, negative ones too.");
    }

    @Test
    @Points(2)
    @DisplayName("d(x*x)/dx = 2x through mul(x, x)")
    void squareGetsBothContributions() {
        for (double x : new double[] {3.0, -0.5, 0.0, 10.0}) {
            assertEquals(2 * x, Ex04Accumulation.derivativeOfSquare(x), 1e-12, () -> "derivativeOfSquare(" + x
                    + "). Hint: build ONE Scalar and pass it twice, mul(x, x); got x instead of 2x? then a"
                    + " grad was overwritten instead of accumulated.");
        }
    }

    @Test
    @Points(2)
    @DisplayName("x*y + x: both paths reach x")
    void sharedInput() {
        for (double[] p : new double[][] {{2.0, 5.0}, {-1.0, 0.25}, {0.0, -3.0}}) {
            Scalar x = new Scalar(p[0]);
            Scalar y = new Scalar(p[1]);
            Scalar f = Oracle.add(Oracle.mul(x, y), x);
            f.setGrad(1.0);
            f.backwardStep();
            f.parents().get(0).backwardStep();
            double[] expected = {x.grad(), y.grad()};
            assertArrayEquals(expected, Ex04Accumulation.gradientOfSharedInput(p[0], p[1]), 1e-12,
                    () -> "gradientOfSharedInput(" + p[0] + ", " + p[1] + ") should be {y + 1, x}. Hint: run"
                            + " f's rule first, then the product's; both must add into x's grad.");
        }
    }

    @Test
    @Points(1)
    @DisplayName("running a rule twice adds the gradient twice (as backward() twice does)")
    void rulesAccumulateAcrossRuns() {
        Scalar a = new Scalar(2.0);
        Scalar b = new Scalar(3.0);
        Scalar p = Ex04Accumulation.mul(a, b);
        p.setGrad(1.0);
        p.backwardStep();
        p.backwardStep();
        assertEquals(6.0, a.grad(), 1e-12, "mul(2, 3) backward rule run twice: a's grad should be 3 + 3."
                + " Hint: accumulate must add, which is also why training zeroes grads before each step.");
    }
}
