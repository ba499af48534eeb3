/**
 * The scalar autograd engine: {@link gradkit.engine.Value} (one number in a computation graph, with
 * each operation's forward and backward rule side by side), {@link gradkit.engine.Graph} (the whole
 * graph below an output: topological order, kinks, the first NaN), {@link gradkit.engine.BackwardTrace}
 * (the backward pass run node by node, every {@code +=} recorded), {@link gradkit.engine.Branch} and
 * {@link gradkit.engine.BranchPattern} (which side of its kink every non-smooth operation took), and
 * {@link gradkit.engine.Settings} (relu'(0) and float32 precision).
 *
 * <pre>{@code
 * Value x = Value.of(3.0, "x");
 * Value y = x.mul(x).add(x.relu());   // y = x^2 + relu(x)
 * y.backward();
 * x.grad();                           // 2x + 1 = 7.0
 * }</pre>
 */
package gradkit.engine;
