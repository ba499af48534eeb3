/**
 * Pictures: the computation graph of a {@link gradkit.engine.Value} ({@link gradkit.viz.GraphDrawing},
 * via Graphviz where it is installed, a sentence saying how to install it where not), plots of curves,
 * losses and decision boundaries ({@link gradkit.viz.Plot}, via XChart), the backward pass played
 * frame by frame on a graph laid out without Graphviz ({@link gradkit.viz.BackwardAnimation}, drawn
 * by {@link gradkit.viz.BackwardFrameSvg} and told by {@link gradkit.viz.BackwardFrameText}), and a
 * small helper that shows HTML or SVG in whichever Jupyter Java kernel is running
 * ({@link gradkit.viz.Display}).
 *
 * <p>Everything returns plain values (a {@code String} of DOT or SVG text, a
 * {@link java.awt.image.BufferedImage}), so the same calls work in a notebook, in JShell and in tests.
 *
 * <pre>{@code
 * Value out = Value.of(2.0, "a").mul(-3.0).add(6.0).relu();
 * out.backward();
 * GraphDrawing.show(out);                           // last expression of a cell: the picture (Graphviz)
 * Plot.lossCurve(new double[] {1.0, 0.5, 0.3});
 * }</pre>
 */
package gradkit.viz;
