package gradkit.grading.worker;

import gradkit.grading.protocol.Plain;

/**
 * One exercise's translation from requests to calls of the student's code. A probe lives in
 * {@code gradkit.probes} (a package a student's class may not declare: the static check keeps student
 * classes in {@code gradkit.exercises}), is compiled against the student's classes, and calls them
 * directly. Its main hands itself to {@link WorkerMain#serve}.
 *
 * <pre>{@code
 * public final class Ex02Probe implements Probe {
 *     public static void main(String[] args) { WorkerMain.serve(new Ex02Probe()); }
 *     public Plain call(Call c) {
 *         return switch (c.procedure()) {
 *             case "dgdx" -> c.real(Ex02ChainRuleByHand.dgdx(c.real(0)));
 *             default -> throw c.unknown();
 *         };
 *     }
 * }
 * }</pre>
 */
public interface Probe {
    /**
     * Makes the call {@code call} names and returns its value. What the student's code throws passes
     * through; a request the probe does not understand is a {@link BadRequest}.
     */
    Plain call(Call call);
}
