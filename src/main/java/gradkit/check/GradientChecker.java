package gradkit.check;

import gradkit.engine.Precision;
import gradkit.engine.Settings;
import gradkit.engine.Value;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Compares the gradient that backpropagation computes with the one finite differences measure, entry
 * by entry, and knows what to do at kinks.
 *
 * <pre>{@code
 * ValueFunction f = x -> x[0].mul(x[1]).tanh();
 * GradCheckResult r = GradientChecker.defaults().check(f, 0.5, -2.0);
 * System.out.println(r);      // a table, worst entries first
 * r.assertPassed();           // throws AssertionError with that table if an entry failed
 * }</pre>
 *
 * <h2>Away from kinks</h2>
 * For each input x_i the checker measures the central difference
 * n = (f(x + h·e_i) - f(x - h·e_i)) / 2h with h = {@link #eps(double) eps}, and accepts the analytic
 * derivative a when |a - n| &lt;= atol + rtol·|n| (PyTorch's gradcheck rule, with its defaults
 * eps = 1e-6, atol = 1e-5, rtol = 1e-3).
 *
 * <h2>At kinks</h2>
 * relu, abs, max, min and leakyRelu record which side of their kink they were evaluated on (a
 * {@link BranchPattern}). If the probes at x ± h·e_i took different branches than the evaluation at
 * x, the central difference straddles a kink and means nothing, so instead the checker measures the
 * right and the left derivative with steps small enough to stay on one branch (second-order one-sided
 * differences, which curvature next to the kink does not bias; see {@link KinkProbe}), and accepts any
 * analytic derivative between the two (plus the
 * same tolerance): exactly the valid subgradients of a one-dimensional kink. Such entries get
 * {@link Verdict#KINK_PASS} or {@link Verdict#KINK_FAIL}. An operation that sits on its kink at x but
 * does not move when x_i moves (relu(a)·b at a = 0, for the entry of b) does not make entry i a kink
 * entry: along x_i the function is smooth. With {@code kinkAware(false)} the checker is the plain one,
 * for comparison.
 *
 * <p>A checker is immutable; the withers return a new one. It is deterministic: the same function and
 * point give the same result.
 */
public final class GradientChecker {

    /** The default finite-difference step, PyTorch's. */
    public static final double DEFAULT_EPS = 1e-6;
    /** The default absolute tolerance, PyTorch's. */
    public static final double DEFAULT_ATOL = 1e-5;
    /** The default relative tolerance, PyTorch's. */
    public static final double DEFAULT_RTOL = 1e-3;

    private final double eps;
    private final double atol;
    private final double rtol;
    private final boolean kinkAware;

    /**
     * A checker with the default settings: eps 1e-6, atol 1e-5, rtol 1e-3, kink-aware.
     *
     * <pre>{@code GradientChecker checker = new GradientChecker(); }</pre>
     */
    public GradientChecker() {
        this(DEFAULT_EPS, DEFAULT_ATOL, DEFAULT_RTOL, true);
    }

    private GradientChecker(double eps, double atol, double rtol, boolean kinkAware) {
        this.eps = eps;
        this.atol = atol;
        this.rtol = rtol;
        this.kinkAware = kinkAware;
    }

    /**
     * A checker with the default settings; the same as {@code new GradientChecker()}.
     *
     * <pre>{@code GradientChecker.defaults().check(x -> x[0].exp(), 1.0).assertPassed(); }</pre>
     */
    public static GradientChecker defaults() {
        return new GradientChecker();
    }

    // ---------------------------------------------------------------- settings

    /**
     * A checker with finite-difference step {@code eps}.
     *
     * <pre>{@code GradientChecker coarse = GradientChecker.defaults().eps(1e-4); }</pre>
     *
     * @throws IllegalArgumentException if eps is not a positive finite number
     */
    public GradientChecker eps(double eps) {
        return new GradientChecker(CheckArguments.requireStep(eps), atol, rtol, kinkAware);
    }

    /**
     * A checker with absolute tolerance {@code atol}.
     *
     * <pre>{@code GradientChecker strict = GradientChecker.defaults().atol(1e-8); }</pre>
     *
     * @throws IllegalArgumentException if atol is negative or not finite
     */
    public GradientChecker atol(double atol) {
        return new GradientChecker(eps, CheckArguments.requireTolerance("atol", atol), rtol, kinkAware);
    }

    /**
     * A checker with relative tolerance {@code rtol}.
     *
     * <pre>{@code GradientChecker strict = GradientChecker.defaults().rtol(1e-6); }</pre>
     *
     * @throws IllegalArgumentException if rtol is negative or not finite
     */
    public GradientChecker rtol(double rtol) {
        return new GradientChecker(eps, atol, CheckArguments.requireTolerance("rtol", rtol), kinkAware);
    }

    /**
     * A checker that handles kinks ({@code true}, the default) or the plain one ({@code false}) that
     * compares every entry with the central difference, as PyTorch's and JAX's checkers do.
     *
     * <pre>{@code
     * GradientChecker.defaults().kinkAware(false).check(x -> x[0].relu(), 0.0);   // FAIL: 0 vs 0.5
     * GradientChecker.defaults().check(x -> x[0].relu(), 0.0);                    // KINK_PASS
     * }</pre>
     */
    public GradientChecker kinkAware(boolean kinkAware) {
        return new GradientChecker(eps, atol, rtol, kinkAware);
    }

    /** The finite-difference step. <pre>{@code GradientChecker.defaults().eps();   // 1e-6 }</pre> */
    public double eps() {
        return eps;
    }

    /** The absolute tolerance. <pre>{@code GradientChecker.defaults().atol();   // 1e-5 }</pre> */
    public double atol() {
        return atol;
    }

    /** The relative tolerance. <pre>{@code GradientChecker.defaults().rtol();   // 1e-3 }</pre> */
    public double rtol() {
        return rtol;
    }

    /** Whether this checker handles kinks. <pre>{@code GradientChecker.defaults().isKinkAware();   // true }</pre> */
    public boolean isKinkAware() {
        return kinkAware;
    }

    // ---------------------------------------------------------------- checks

    /**
     * Checks the gradient of {@code f} at the point {@code x}, one entry per input.
     *
     * <pre>{@code
     * GradCheckResult r = GradientChecker.defaults().check(x -> x[0].mul(x[1]), 3.0, 4.0);
     * r.entries().get(0).analytic();   // 4.0
     * r.passed();                      // true
     * }</pre>
     *
     * @throws IllegalArgumentException if f is null, x is empty, x has a NaN or infinite entry, or f is
     *     not finite at x
     * @throws IllegalStateException if f returns null, or is not finite at a probe near x
     */
    public GradCheckResult check(ValueFunction f, double... x) {
        CheckArguments.requirePoint("check", f, x);
        return new CoordinateCheck(this).run(new InputFunction(f, x));
    }

    /**
     * Checks the gradient of a loss with respect to parameters that live in the graph already, such
     * as a network's weights. For each parameter the checker sets its data to nearby values, asks
     * {@code loss} to build the loss again, and always puts the data back, even if {@code loss}
     * throws. The analytic gradient comes from one backward pass of a freshly built loss after the
     * parameters' gradients are set to 0; it is left in the parameters' {@code grad()} afterwards.
     *
     * <pre>{@code
     * Value w = Value.of(0.5), b = Value.of(-0.3);
     * Supplier<Value> loss = () -> w.mul(2.0).add(b).tanh().pow(2);
     * GradientChecker.defaults().checkParameters(List.of(w, b), loss).assertPassed();
     * }</pre>
     *
     * @throws IllegalArgumentException if the list is null, empty or holds null or a non-finite
     *     parameter, if loss is null, or if the loss is not finite at the parameters
     * @throws IllegalStateException if loss returns null or the same object twice, or is not finite
     *     at a probe
     */
    public GradCheckResult checkParameters(List<Value> parameters, Supplier<Value> loss) {
        CheckArguments.requireParameters(parameters, loss);
        return new CoordinateCheck(this).run(new ParameterFunction(parameters, loss));
    }

    /**
     * Checks {@code f} along one random unit direction v: compares grad f(x)·v with the central
     * difference (f(x + h·v) - f(x - h·v)) / 2h. One comparison instead of one per input, so it is
     * cheap for many inputs; it catches most wrong gradients, but not all (an error orthogonal to v
     * goes unnoticed). It does not handle kinks; {@link DirectionalCheck#crossedKink()} says when the
     * probes crossed one.
     *
     * <pre>{@code
     * DirectionalCheck d = GradientChecker.defaults().checkDirection(x -> x[0].mul(x[1]).exp(), 42, 0.3, 0.7);
     * d.passed();   // true
     * }</pre>
     *
     * @param seed the seed of the random direction: the same seed gives the same direction
     * @throws IllegalArgumentException as {@link #check(ValueFunction, double...)}
     */
    public DirectionalCheck checkDirection(ValueFunction f, long seed, double... x) {
        CheckArguments.requirePoint("checkDirection", f, x);
        return runDirection(new InputFunction(f, x), seed);
    }

    /**
     * Checks a loss along one random unit direction in parameter space; see
     * {@link #checkDirection(ValueFunction, long, double...)}. The parameters' data are restored
     * afterwards, even if {@code loss} throws.
     *
     * <pre>{@code
     * DirectionalCheck d = GradientChecker.defaults().checkDirection(List.of(w, b), loss, 7);
     * d.assertPassed();
     * }</pre>
     *
     * @throws IllegalArgumentException as {@link #checkParameters(List, Supplier)}
     */
    public DirectionalCheck checkDirection(List<Value> parameters, Supplier<Value> loss, long seed) {
        CheckArguments.requireParameters(parameters, loss);
        return runDirection(new ParameterFunction(parameters, loss), seed);
    }

    private DirectionalCheck runDirection(CheckedFunction f, long seed) {
        return RandomDirection.check(f, seed, eps, this::close);
    }

    // ---------------------------------------------------------------- the rules every check uses

    /** PyTorch's gradcheck rule: |a - n| <= atol + rtol·|n|. False for NaN and for unequal infinities. */
    boolean close(double analytic, double numeric) {
        if (analytic == numeric) {
            return true;
        }
        return Math.abs(analytic - numeric) <= atol + rtol * Math.abs(numeric);
    }

    /** |a - n| / max(|a|, |n|), as in the CS231n notes; 0 when equal, infinite when not comparable. */
    static double relativeError(double analytic, double numeric) {
        if (analytic == numeric) {
            return 0.0;
        }
        double difference = Math.abs(analytic - numeric);
        if (!Double.isFinite(difference)) {
            return Double.POSITIVE_INFINITY;
        }
        return difference / Math.max(Math.max(Math.abs(analytic), Math.abs(numeric)), Double.MIN_NORMAL);
    }

    /** The settings as the table's first line and {@link #toString()} show them. */
    String describe() {
        String text = String.format(Locale.ROOT, "eps=%.1e, atol=%.1e, rtol=%.1e, %s", eps, atol, rtol,
                kinkAware ? "kink-aware" : "plain (not kink-aware)");
        // In float32 every value is rounded to about 7 digits, so a step of 1e-6 measures mostly rounding.
        return Settings.precision() == Precision.FLOAT64 ? text : text + ", precision " + Settings.precision();
    }

    /**
     * The settings, for example {@code GradientChecker(eps=1.0e-06, atol=1.0e-05, rtol=1.0e-03, kink-aware)}.
     *
     * <pre>{@code System.out.println(GradientChecker.defaults()); }</pre>
     */
    @Override
    public String toString() {
        return "GradientChecker(" + describe() + ")";
    }
}
