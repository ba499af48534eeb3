package gradkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The recorded backward pass against independent truth: the engine's own backward() on a second
 * copy of the graph, hand-computed derivatives, and the arithmetic of each += checked on its own.
 */
class BackwardTraceTest {

    @AfterEach
    void restoreDefaults() {
        Settings.reset();
    }

    /** Expressions built fresh from their leaves, so that each can be built twice. */
    private static final List<Function<Value[], Value>> EXPRESSIONS = List.of(
            x -> x[0].mul(x[1]).add(x[2]).mul(x[3]),                                // micrograd's (a*b + c)*f
            x -> Value.sum(x[0].mul(x[2]), x[1].mul(x[3]), x[4]).tanh(),            // a tanh neuron
            x -> { Value c = x[0].mul(x[1]); return c.add(x[0]).mul(c); },          // c and a used twice
            x -> x[0].add(x[0]).mul(x[0]),                                          // x + x in one node
            x -> Value.sum(x[0], x[1], x[0]).div(x[2]).relu().add(x[3].exp().log()),
            x -> Value.max(List.of(x[0], x[1], x[2])).pow(2).sub(x[3].sigmoid()));

    private static final double[] INPUTS = {1.5, -0.5, 2.0, 0.7, -1.2};

    private static Value[] leaves() {
        Value[] leaves = new Value[INPUTS.length];
        for (int i = 0; i < leaves.length; i++) {
            leaves[i] = Value.of(INPUTS[i], "x" + i);
        }
        return leaves;
    }

    @Test
    void theGradsAfterTheLastStepAreThoseOfBackward() {
        for (Function<Value[], Value> expression : EXPRESSIONS) {
            Value[] traced = leaves();
            BackwardTrace trace = BackwardTrace.of(expression.apply(traced));
            Value[] reference = leaves();
            Value out = expression.apply(reference);
            out.backward();
            List<Value> referenceOrder = Graph.topologicalOrder(out);
            int last = trace.steps().size();
            for (int i = 0; i < referenceOrder.size(); i++) {
                assertEquals(referenceOrder.get(i).grad(), trace.gradAfter(last, trace.order().get(i)),
                        "value " + i + " of the order");
                assertEquals(referenceOrder.get(i).grad(), trace.order().get(i).grad(), "the graph keeps the grads");
            }
        }
    }

    @Test
    void theGradsMatchTheHandDerivativesOfMicrogradsExpression() {
        Value a = Value.of(2.0, "a"), b = Value.of(-3.0, "b"), c = Value.of(10.0, "c"), f = Value.of(-2.0, "f");
        Value L = a.mul(b).add(c).mul(f);
        BackwardTrace trace = BackwardTrace.of(L);
        int end = trace.steps().size();
        assertEquals(b.data() * f.data(), trace.gradAfter(end, a));   // dL/da = b f = 6
        assertEquals(a.data() * f.data(), trace.gradAfter(end, b));   // dL/db = a f = -4
        assertEquals(f.data(), trace.gradAfter(end, c));              // dL/dc = f = -2
        assertEquals(a.data() * b.data() + c.data(), trace.gradAfter(end, f));   // dL/df = ab + c = 4
    }

    @Test
    void eachContributionIsItsLocalDerivativeTimesTheUpstreamGrad() {
        for (Function<Value[], Value> expression : EXPRESSIONS) {
            BackwardTrace trace = BackwardTrace.of(expression.apply(leaves()));
            for (BackwardTrace.Step step : trace.steps()) {
                Value node = step.node();
                assertEquals(node.parents().size(), step.contributions().size());
                for (BackwardTrace.Contribution c : step.contributions()) {
                    assertSame(node.parents().get(c.operandIndex()), c.operand());
                    assertEquals(node.localGrads().get(c.operandIndex()), c.localGrad());
                    // The node's grad is complete before its rule runs: what it held one step earlier.
                    assertEquals(trace.gradAfter(step.number() - 1, node), c.upstream());
                    assertEquals(c.gradBefore() + c.localGrad() * c.upstream(), c.gradAfter(),
                            "after = before + local * upstream for " + c);
                }
            }
        }
    }

    @Test
    void beforeAndAfterAreTheOperandsGradAroundTheStep() {
        for (Function<Value[], Value> expression : EXPRESSIONS) {
            BackwardTrace trace = BackwardTrace.of(expression.apply(leaves()));
            for (BackwardTrace.Step step : trace.steps()) {
                List<BackwardTrace.Contribution> cs = step.contributions();
                for (int j = 0; j < cs.size(); j++) {
                    Value operand = cs.get(j).operand();
                    boolean firstShare = true;
                    boolean lastShare = true;
                    for (int k = 0; k < cs.size(); k++) {
                        firstShare &= !(k < j && cs.get(k).operand() == operand);
                        lastShare &= !(k > j && cs.get(k).operand() == operand);
                    }
                    if (firstShare) {
                        assertEquals(trace.gradAfter(step.number() - 1, operand), cs.get(j).gradBefore());
                    }
                    if (lastShare) {
                        assertEquals(trace.gradAfter(step.number(), operand), cs.get(j).gradAfter());
                    }
                }
            }
        }
    }

    @Test
    void theStepsFollowTheEnginesOrderOutputFirst() {
        for (Function<Value[], Value> expression : EXPRESSIONS) {
            Value out = expression.apply(leaves());
            List<Value> reversed = new ArrayList<>(Graph.topologicalOrder(out));
            Collections.reverse(reversed);
            BackwardTrace trace = BackwardTrace.of(out);
            assertEquals(reversed.size(), trace.steps().size());
            for (int k = 0; k < reversed.size(); k++) {
                assertSame(reversed.get(k), trace.steps().get(k).node());
                assertEquals(k + 1, trace.steps().get(k).number());
            }
            assertEquals(Graph.topologicalOrder(out), trace.order());
        }
    }

    @Test
    void aValueUsedByTwoOperationsGetsTwoContributionsThatAddUp() {
        Value a = Value.of(2.0, "a"), b = Value.of(-3.0, "b");
        Value c = a.mul(b).label("c");
        Value L = c.add(a).mul(c);                     // L = (c + a) * c
        BackwardTrace trace = BackwardTrace.of(L);
        List<BackwardTrace.Contribution> toC = contributionsTo(trace, c);
        assertEquals(2, toC.size());
        assertEquals(0.0, toC.get(0).gradBefore());
        assertEquals(toC.get(0).gradAfter(), toC.get(1).gradBefore(), "the second += starts where the first ended");
        // dL/dc = (c + a) + c = 2c + a = -10, the sum of the two paths
        assertEquals(2 * c.data() + a.data(), toC.get(1).gradAfter());
        List<BackwardTrace.Contribution> toA = contributionsTo(trace, a);
        assertEquals(2, toA.size());
        // dL/da = c + (2c + a) b: through c + a, and through c = a b
        assertEquals(c.data() + (2 * c.data() + a.data()) * b.data(), toA.get(1).gradAfter());
    }

    @Test
    void aValueUsedTwiceInOneNodeGetsBothSharesInOneStep() {
        Value x = Value.of(3.0, "x");
        BackwardTrace trace = BackwardTrace.of(x.add(x));
        List<BackwardTrace.Contribution> shares = trace.steps().get(0).contributions();
        assertEquals(2, shares.size());
        assertEquals(0.0, shares.get(0).gradBefore());
        assertEquals(1.0, shares.get(0).gradAfter());
        assertEquals(1.0, shares.get(1).gradBefore());
        assertEquals(2.0, shares.get(1).gradAfter());
        assertEquals(2.0, x.grad());
    }

    @Test
    void itStartsFromZeroEvenAfterEarlierBackwardPasses() {
        Value p = Value.of(3.0, "p");
        Value square = p.mul(p);
        square.backward();
        square.backward();                               // p.grad = 12: two copies
        BackwardTrace trace = BackwardTrace.of(square);
        assertEquals(0.0, trace.gradAfter(0, p));
        assertEquals(1.0, trace.gradAfter(0, square), "the seed");
        assertEquals(6.0, p.grad(), "one pass: 2p");
    }

    @Test
    void underFloat32EveryStepRoundsAsTheEngineDoes() {
        try (var restore = Settings.withPrecision(Precision.FLOAT32)) {
            Value[] traced = leaves();
            BackwardTrace trace = BackwardTrace.of(EXPRESSIONS.get(1).apply(traced));
            for (BackwardTrace.Step step : trace.steps()) {
                for (BackwardTrace.Contribution c : step.contributions()) {
                    assertEquals((double) (float) (c.gradBefore() + (float) (c.localGrad() * c.upstream())), c.gradAfter());
                }
            }
            Value[] reference = leaves();
            EXPRESSIONS.get(1).apply(reference).backward();
            for (int i = 0; i < traced.length; i++) {
                assertEquals(reference[i].grad(), traced[i].grad());
            }
        }
    }

    @Test
    void clearErrorsForNullTooLargeAndForeignValues() {
        assertThrows(IllegalArgumentException.class, () -> BackwardTrace.of(null));
        Value chain = Value.of(1.0);
        for (int i = 0; i < BackwardTrace.MAX_VALUES; i++) {
            chain = chain.mul(1.0001);
        }
        Value tooLong = chain;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BackwardTrace.of(tooLong));
        assertTrue(e.getMessage().contains("up to " + BackwardTrace.MAX_VALUES), e.getMessage());
        BackwardTrace trace = BackwardTrace.of(Value.of(1.0).mul(2.0));
        assertThrows(IllegalArgumentException.class, () -> trace.indexOf(Value.of(1.0)));
        assertThrows(IllegalArgumentException.class, () -> trace.gradAfter(trace.steps().size() + 1, trace.output()));
    }

    private static List<BackwardTrace.Contribution> contributionsTo(BackwardTrace trace, Value operand) {
        List<BackwardTrace.Contribution> found = new ArrayList<>();
        for (BackwardTrace.Step step : trace.steps()) {
            for (BackwardTrace.Contribution c : step.contributions()) {
                if (c.operand() == operand) {
                    found.add(c);
                }
            }
        }
        return found;
    }
}
