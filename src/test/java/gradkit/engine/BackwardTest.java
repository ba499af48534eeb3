package gradkit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How backward() walks the graph and accumulates. */
class BackwardTest {

    @AfterEach
    void restoreDefaults() {
        Settings.reset();
    }

    @Test
    void microgradsSanityCheckGivesTheSameNumbers() {
        // micrograd's test_engine.py test_sanity_check, whose numbers PyTorch computed.
        Value x = Value.of(-4.0);
        Value z = x.mul(2).add(2).add(x);
        Value q = z.relu().add(z.mul(x));
        Value h = z.mul(z).relu();
        Value y = h.add(q).add(q.mul(x));
        y.backward();
        assertEquals(-20.0, y.data(), 1e-12);
        assertEquals(46.0, x.grad(), 1e-12);
    }

    @Test
    void microgradsMoreOpsGivesTheSameNumbers() {
        // micrograd's test_more_ops; the expected values are PyTorch's.
        Value a = Value.of(-4.0);
        Value b = Value.of(2.0);
        Value c = a.add(b);
        Value d = a.mul(b).add(b.pow(3));
        c = c.add(c).add(1);
        c = c.add(1).add(c).add(a.neg());
        d = d.add(d.mul(2)).add(b.add(a).relu());
        d = d.add(d.mul(3)).add(b.sub(a).relu());
        Value e = c.sub(d);
        Value f = e.pow(2);
        Value g = f.div(2.0);
        g = g.add(Value.of(10.0).div(f));
        g.backward();
        assertEquals(24.70408163265306, g.data(), 1e-9);
        assertEquals(138.83381924198252, a.grad(), 1e-9);
        assertEquals(645.5772594752186, b.grad(), 1e-9);
    }

    @Test
    void aValueUsedTwiceInOneOperationReceivesBothContributions() {
        Value a = Value.of(3.0);
        a.add(a).backward();
        assertEquals(2.0, a.grad(), "d(a+a)/da = 2, not 1 as an = instead of += would give");

        Value b = Value.of(3.0);
        b.mul(b).backward();
        assertEquals(6.0, b.grad(), "d(b*b)/db = 2b");
    }

    @Test
    void aValueUsedOnTwoPathsReceivesBothContributions() {
        Value x = Value.of(2.0);
        Value y = x.exp().add(x.mul(x));   // e^x + x^2
        y.backward();
        assertEquals(Math.exp(2) + 4, x.grad(), 1e-12);
    }

    @Test
    void backwardAfterZeroGradGivesTheSameResultAgain() {
        Value a = Value.of(1.5);
        Value b = Value.of(-0.5);
        Value out = a.mul(b).tanh().add(a.relu());
        out.backward();
        double gradA = a.grad();
        double gradB = b.grad();

        out.zeroGrad();
        out.backward();
        assertEquals(gradA, a.grad());
        assertEquals(gradB, b.grad());
    }

    @Test
    void backwardTwiceWithoutZeroGradAddsTheSameGradientToTheLeavesAgain() {
        Value p = Value.of(3.0);
        Value out = p.mul(p).mul(2.0);   // 2p^2, with an intermediate p*p
        out.backward();
        assertEquals(12.0, p.grad());
        out.backward();
        assertEquals(24.0, p.grad(), "twice 4p, as in PyTorch: the intermediate p*p starts from 0 each pass");
    }

    @Test
    void twoOutputsSharingAnIntermediateAddUpInTheLeaves() {
        Value x = Value.of(3.0);
        Value h = x.mul(x);
        Value first = h.mul(2.0);
        Value second = h.mul(3.0);
        first.backward();
        second.backward();
        assertEquals(2 * 2 * 3.0 + 3 * 2 * 3.0, x.grad(), "d(2x^2)/dx + d(3x^2)/dx = 4x + 6x");
        assertEquals(3.0, h.grad(), "h holds what the last pass sent it");
    }

    @Test
    void aMillionNodeChainNeedsNoRecursion() {
        Value x = Value.of(0.5);
        Value y = x;
        for (int i = 0; i < 1_000_000; i++) {
            y = y.add(1e-6);
        }
        y.backward();
        assertEquals(1.0, x.grad());
        assertEquals(1.5, y.data(), 1e-9);
        assertEquals(2_000_001, Graph.of(y).size(), "one add and one constant per step, plus x");
    }

    @Test
    void topologicalOrderPutsEveryNodeAfterItsParentsExactlyOnce() {
        Value a = Value.of(1.0, "a");
        Value b = Value.of(2.0, "b");
        Value c = a.mul(b);
        Value d = c.add(a).max(c);
        List<Value> order = Graph.topologicalOrder(d);

        assertEquals(Set.copyOf(order).size(), order.size(), "no node twice");
        assertSame(d, order.get(order.size() - 1), "the output comes last");
        Set<Value> seen = new HashSet<>();
        for (Value node : order) {
            for (Value parent : node.parents()) {
                assertTrue(seen.contains(parent), node + " came before its parent " + parent);
            }
            seen.add(node);
        }
        assertEquals(order, Graph.topologicalOrder(d), "a second walk finds the same order: marks were cleared");
    }

    @Test
    void sumIsOneNodeAndAddsLeftToRightLikeAChainOfAdds() {
        Value[] terms = Value.all(0.1, 0.2, 0.3, 1e16, -1e16);
        Value total = Value.sum(terms);
        assertEquals(6, Graph.of(total).size(), "five leaves and one sum node");
        Value chain = terms[0].add(terms[1]).add(terms[2]).add(terms[3]).add(terms[4]);
        assertEquals(chain.data(), total.data(), "bit for bit the same as adding left to right");
        total.backward();
        for (Value term : terms) {
            assertEquals(1.0, term.grad());
        }
    }

    @Test
    void sumRefusesNoTermsAndNullTerms() {
        assertThrows(IllegalArgumentException.class, () -> Value.sum());
        var error = assertThrows(IllegalArgumentException.class, () -> Value.sum(Value.of(1), null));
        assertTrue(error.getMessage().contains("term 1"), error.getMessage());
    }

    @Test
    void powRefusesANonFiniteExponent() {
        var error = assertThrows(IllegalArgumentException.class, () -> Value.of(2).pow(Double.NaN));
        assertTrue(error.getMessage().contains("NaN"), error.getMessage());
    }

    @Test
    void firstNonFiniteNamesTheOperationThatBrokeAndItsInputs() {
        Value x = Value.of(0.0, "x");
        Value y = x.mul(3).log().mul(2).exp();   // log(0) = -Infinity, later everything follows
        Graph graph = Graph.of(y);
        Value culprit = graph.firstNonFinite().orElseThrow();
        assertEquals("log", culprit.op());
        assertEquals("log(0.0) = -Infinity", culprit.formula());
        assertFalse(Graph.of(Value.of(1).exp()).firstNonFinite().isPresent());
    }

    @Test
    void firstNonFiniteFindsNaNFromFiniteInputs() {
        Value zero = Value.of(0.0);
        Value nan = zero.div(zero).add(1);
        assertEquals("0.0 / 0.0 = NaN", Graph.of(nan).firstNonFinite().orElseThrow().formula());
    }

    @Test
    void firstNonFiniteGradFindsAnInfiniteDerivative() {
        Value x = Value.of(0.0);
        Value y = x.sqrt().mul(2);
        y.backward();
        assertSame(x, Graph.of(y).firstNonFiniteGrad().orElseThrow());
    }

    @Test
    void float32PrecisionRoundsEveryResult() {
        try (var restore = Settings.withPrecision(Precision.FLOAT32)) {
            Value sum = Value.of(0.1).add(Value.of(0.2));
            assertEquals((double) (0.1f + 0.2f), sum.data());
            Value tiny = Value.of(1.0).add(1e-9);
            assertEquals(1.0, tiny.data(), "1 + 1e-9 is 1 in single precision");
        }
        assertEquals(0.30000000000000004, Value.of(0.1).add(Value.of(0.2)).data(), "double again after restore");
    }

    @Test
    void float32SumRoundsEveryPartialSumLikeAChainOfAdds() {
        try (var restore = Settings.withPrecision(Precision.FLOAT32)) {
            Value[] terms = Value.all(1.0, 1e-8, 1e-8, 1e-8, 1e-8);
            Value chain = terms[0].add(terms[1]).add(terms[2]).add(terms[3]).add(terms[4]);
            assertEquals(1.0, chain.data(), "each 1 + 1e-8 rounds back to 1 in float");
            assertEquals(chain.data(), Value.sum(terms).data());
        }
    }

    @Test
    void float32PrecisionRoundsGradients() {
        try (var restore = Settings.withPrecision(Precision.FLOAT32)) {
            Value x = Value.of(0.1);
            x.mul(x).backward();
            float expected = (float) (2 * (double) (float) 0.1);
            assertEquals((double) expected, x.grad());
        }
    }

    @Test
    void toStringIsShortAndReadable() {
        assertEquals("Value(data=-2.0, grad=0.0)", Value.of(-2.0).toString());
        assertEquals("Value(data=3.0, grad=0.0, label=a)", Value.of(3.0, "a").toString());
    }

    @Test
    void formulaWritesTheOperationWithItsOperands() {
        assertEquals("3.0 * 2.0 = 6.0", Value.of(3).mul(2).formula());
        assertEquals("2.0^3 = 8.0", Value.of(2).pow(3).formula());
        assertEquals("max(1.0, 4.0) = 4.0", Value.of(1).max(4).formula());
        assertEquals("a = 1.5", Value.of(1.5, "a").formula());
    }

    @Test
    void graphListsKinksAndComparesBranchPatterns() {
        Value x = Value.of(0.0, "x");
        Graph atKink = Graph.of(x.relu().add(x.abs()));
        assertEquals(2, atKink.kinks().size());

        Value x2 = Value.of(1e-6, "x");
        Graph justAbove = Graph.of(x2.relu().add(x2.abs()));
        List<Integer> changed = atKink.branchPattern().differences(justAbove.branchPattern());
        assertEquals(2, changed.size(), "both relu and abs left their kink");
        Value again = Value.of(0.0, "x");
        assertEquals(atKink.branchPattern(), Graph.of(again.relu().add(again.abs())).branchPattern(),
                "the same expression at the same point takes the same branches");
    }
}
