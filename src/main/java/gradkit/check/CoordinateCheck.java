package gradkit.check;

import gradkit.engine.BranchPattern;
import gradkit.engine.Graph;
import gradkit.engine.Precision;
import gradkit.engine.Settings;
import gradkit.engine.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The algorithm of {@link GradientChecker#check} and {@link GradientChecker#checkParameters}: one
 * entry at a time, the central difference where the probes stay on the branch of the point, the
 * one-sided derivatives of {@link KinkProbe} where one of them lands on another.
 */
final class CoordinateCheck {

    private final GradientChecker checker;

    CoordinateCheck(GradientChecker checker) {
        this.checker = checker;
    }

    /** Backpropagates once at the point, then checks every entry of the gradient. */
    GradCheckResult run(CheckedFunction f) {
        Value out = f.buildAtPoint();
        BranchPattern atPoint = Graph.of(out).branchPattern();
        double valueAtPoint = out.data();
        out.backward();
        double[] analytic = f.gradient();

        List<GradCheckEntry> entries = new ArrayList<>();
        for (int i = 0; i < f.dimension(); i++) {
            entries.add(checkEntry(f, i, analytic[i], valueAtPoint, atPoint));
        }
        return new GradCheckResult(entries, checker.describe(), notes(entries));
    }

    /** The check of entry i: a plain comparison where the probes stay on one branch, one-sided derivatives where not. */
    private GradCheckEntry checkEntry(CheckedFunction f, int i, double analytic, double valueAtPoint, BranchPattern atPoint) {
        double eps = checker.eps();
        double xi = f.coordinate(i);
        Evaluation plus = f.evaluateWith(i, xi + eps);
        Evaluation minus = f.evaluateWith(i, xi - eps);
        if (plus.coordinate() == minus.coordinate()) {
            throw new IllegalArgumentException("eps = " + eps + " is too small to move " + f.name() + " " + i + " = " + xi
                    + " in double precision; use an eps of at least " + Math.ulp(xi) + ".");
        }
        double numeric = (plus.value() - minus.value()) / (plus.coordinate() - minus.coordinate());
        Verdict plain = checker.close(analytic, numeric) ? Verdict.PASS : Verdict.FAIL;

        boolean crossed = !plus.pattern().equals(atPoint) || !minus.pattern().equals(atPoint);
        if (!checker.isKinkAware() || !crossed) {
            return new GradCheckEntry(i, analytic, numeric, Double.NaN, Double.NaN,
                    GradientChecker.relativeError(analytic, numeric), plain, List.of(), plain);
        }
        // A probe landed on another branch: compare with the one-sided derivatives instead.
        return new KinkProbe(eps, checker.atol(), checker.rtol())
                .check(f, i, analytic, numeric, plain, valueAtPoint, atPoint, plus, minus);
    }

    /** Hints printed under the table for situations that puzzle readers. */
    private List<String> notes(List<GradCheckEntry> entries) {
        List<String> notes = new ArrayList<>();
        if (entries.stream().anyMatch(e -> e.verdict() == Verdict.PASS && e.relativeError() > 0.1)) {
            notes.add("note: a large rel.error on a PASS row means both derivatives are about 0; they agree within atol.");
        }
        if (Settings.precision() == Precision.FLOAT32 && checker.eps() < 1e-3) {
            notes.add("note: in FLOAT32 a step of " + checker.eps() + " is swamped by rounding; try eps(1e-2),\n"
                    + "or eps(1e-3) with atol(1e-4) and rtol(1e-2).");
        }
        return notes;
    }
}
