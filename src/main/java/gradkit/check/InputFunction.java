package gradkit.check;

import gradkit.engine.Graph;
import gradkit.engine.Value;
import java.util.Arrays;

/** A {@link ValueFunction} at a point x: every evaluation builds fresh leaves from a copy of x. */
final class InputFunction extends CheckedFunction {

    private final ValueFunction f;
    private final double[] x;
    private Value[] leavesAtPoint;

    InputFunction(ValueFunction f, double[] x) {
        this.f = f;
        this.x = x.clone();
    }

    @Override
    int dimension() {
        return x.length;
    }

    @Override
    double coordinate(int i) {
        return x[i];
    }

    @Override
    String name() {
        return "x";
    }

    @Override
    Value buildAtPoint() {
        leavesAtPoint = Value.all(x);
        Value out = f.apply(leavesAtPoint);
        if (out == null) {
            throw new IllegalStateException("The function returned null at x = " + Arrays.toString(x)
                    + "; a ValueFunction must return the Value it computed.");
        }
        Graph graph = Graph.of(out);
        if (!Double.isFinite(out.data())) {
            String culprit = graph.firstNonFinite().map(Value::formula).orElse(String.valueOf(out.data()));
            throw new IllegalArgumentException("Expected a point where the function is finite, but f(" + Arrays.toString(x)
                    + ") = " + out.data() + " (first non-finite step: " + culprit + ").");
        }
        graph.zeroGrad();
        return out;
    }

    @Override
    double[] gradient() {
        double[] g = new double[x.length];
        for (int i = 0; i < g.length; i++) {
            g[i] = leavesAtPoint[i].grad();
        }
        return g;
    }

    @Override
    Evaluation evaluateWith(int i, double t) {
        double[] moved = x.clone();
        moved[i] = t;
        Value[] leaves = Value.all(moved);
        String where = "x[" + i + "] = " + t + " (x[" + i + "] moved from " + x[i] + ")";
        Value out = f.apply(leaves);
        Graph graph = requireUsable(out, "The function", where);
        return new Evaluation(leaves[i].data(), out.data(), graph.branchPattern());
    }

    @Override
    Evaluation evaluateAlong(double[] direction, double t) {
        double[] moved = x.clone();
        for (int j = 0; j < moved.length; j++) {
            moved[j] += t * direction[j];
        }
        Value out = f.apply(Value.all(moved));
        Graph graph = requireUsable(out, "The function", "x + " + t + "·v = " + Arrays.toString(moved));
        return new Evaluation(t, out.data(), graph.branchPattern());
    }
}
