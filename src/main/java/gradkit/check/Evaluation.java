package gradkit.check;

import gradkit.engine.BranchPattern;

/**
 * One evaluation of the checked function near the point: where it was taken, the value found, and
 * the branch every operation took.
 *
 * @param coordinate the number actually used for the moved coordinate (after any rounding), or the
 *     distance moved along a direction
 * @param value the function's value there
 * @param pattern the branches of the graph built there
 */
record Evaluation(double coordinate, double value, BranchPattern pattern) {
}
