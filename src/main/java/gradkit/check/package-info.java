/**
 * Gradient checkers: is the gradient that backpropagation computed the true one? Compare it with
 * finite differences, entry by entry ({@link gradkit.check.GradientChecker#check}), over a model's
 * parameters ({@link gradkit.check.GradientChecker#checkParameters}) or along a random direction
 * ({@link gradkit.check.GradientChecker#checkDirection(ValueFunction, long, double...)}), with the
 * formulas themselves in {@link gradkit.check.FiniteDifference}.
 *
 * <pre>{@code
 * ValueFunction f = x -> x[0].mul(x[1]).add(x[0].relu());
 * GradCheckResult r = GradientChecker.defaults().check(f, 0.0, 3.0);
 * System.out.println(r);   // entry 0 sits on relu's kink: KINK_PASS, not a false alarm
 * r.assertPassed();
 * }</pre>
 *
 * <h2>The kink-aware idea</h2>
 * A plain checker (PyTorch's gradcheck, JAX's check_grads) compares the analytic derivative with the
 * central difference (f(x+h) - f(x-h)) / 2h. Where a function has a kink, such as relu at 0, that
 * difference straddles the kink and measures the average of two slopes, so the plain checker raises a
 * false alarm on a correct relu'(0) = 0 (0 against 0.5), and it cannot tell a correct subgradient from
 * a wrong rule. The engine's non-smooth operations record which side of their kink they were evaluated
 * on, so this checker compares the branch pattern of the graph at x with those at the probes x ± h·e_i.
 * Where they agree the function is smooth between the probes and the plain verdict (PASS or FAIL)
 * holds. Where they differ, the checker measures the right and the left derivative with steps that
 * shrink until they stay on one branch, and accepts an analytic derivative between the two: a valid
 * subgradient (KINK_PASS). Anything outside that range is a slope no side of the kink has, a wrong
 * backward rule (KINK_FAIL). For example relu(x) - relu(-x) equals x, slope 1 on both sides, but
 * backpropagation with relu'(0) = 0 gives 0 at x = 0: each relu got a valid subgradient, yet the sum
 * did not, and the checker says KINK_FAIL. The test is exact for functions of one number and per
 * coordinate for several; it does not prove the whole gradient vector is a subgradient.
 */
package gradkit.check;
