package gradkit.check;

import gradkit.engine.Graph;
import gradkit.engine.Value;
import java.util.List;
import java.util.function.Supplier;

/**
 * A loss as a function of parameters: moving a number means setting a parameter's data, and every
 * evaluation asks the supplier to build the loss again. Each evaluation puts the data back before it
 * returns, also when the supplier throws.
 */
final class ParameterFunction extends CheckedFunction {

    private final List<Value> parameters;
    private final Supplier<Value> loss;
    private Value lossAtPoint;

    ParameterFunction(List<Value> parameters, Supplier<Value> loss) {
        this.parameters = parameters;
        this.loss = loss;
    }

    @Override
    int dimension() {
        return parameters.size();
    }

    @Override
    double coordinate(int i) {
        return parameters.get(i).data();
    }

    @Override
    String name() {
        return "parameter";
    }

    @Override
    Value buildAtPoint() {
        for (Value p : parameters) {
            p.setGrad(0.0); // also the parameters the loss does not use: their derivative is 0
        }
        Value out = loss.get();
        if (out == null) {
            throw new IllegalStateException("The loss supplier returned null; it must build and return the loss Value.");
        }
        Graph graph = Graph.of(out);
        if (!Double.isFinite(out.data())) {
            String culprit = graph.firstNonFinite().map(Value::formula).orElse(String.valueOf(out.data()));
            throw new IllegalArgumentException("Expected parameters at which the loss is finite, but the loss is "
                    + out.data() + " (first non-finite step: " + culprit + ").");
        }
        graph.zeroGrad();
        lossAtPoint = out;
        return out;
    }

    @Override
    double[] gradient() {
        double[] g = new double[parameters.size()];
        for (int i = 0; i < g.length; i++) {
            g[i] = parameters.get(i).grad();
        }
        return g;
    }

    @Override
    Evaluation evaluateWith(int i, double t) {
        Value p = parameters.get(i);
        double saved = p.data();
        try {
            p.setData(t);
            double actual = p.data();
            Evaluation e = rebuild("parameter " + i + " = " + actual + " (moved from " + saved + ")");
            return new Evaluation(actual, e.value(), e.pattern());
        } finally {
            p.setData(saved);
        }
    }

    @Override
    Evaluation evaluateAlong(double[] direction, double t) {
        double[] saved = new double[parameters.size()];
        for (int j = 0; j < saved.length; j++) {
            saved[j] = parameters.get(j).data();
        }
        try {
            for (int j = 0; j < saved.length; j++) {
                parameters.get(j).setData(saved[j] + t * direction[j]);
            }
            Evaluation e = rebuild("the parameters moved by " + t + " along the direction");
            return new Evaluation(t, e.value(), e.pattern());
        } finally {
            for (int j = 0; j < saved.length; j++) {
                parameters.get(j).setData(saved[j]);
            }
        }
    }

    /** Builds the loss at the current data; returns its value and branch pattern (the coordinate is left NaN). */
    private Evaluation rebuild(String where) {
        Value out = loss.get();
        if (out != null && out == lossAtPoint) {
            throw new IllegalStateException("The loss supplier returned the same Value object twice.\n"
                    + "It must build the loss again from the parameters on every call, as () -> model.loss(data) does,\n"
                    + "so that moving a parameter changes the loss.");
        }
        Graph graph = requireUsable(out, "The loss", where);
        return new Evaluation(Double.NaN, out.data(), graph.branchPattern());
    }
}
