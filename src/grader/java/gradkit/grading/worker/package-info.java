/**
 * What runs beside student code, in the worker JVM: small enough to read in a sitting.
 *
 * <p><b>What it holds.</b> The student's compiled classes, one exercise's probe (a class of
 * {@code gradkit.probes}, compiled against the student's classes at grading time) and this package with
 * the protocol's ({@code gradkit.grading.protocol}); the library too, on its class path. It holds no
 * expected value, no point, no token, no grading test: there is nothing here worth stealing, and
 * nothing that decides a verdict. The grader starts one worker per exercise ({@code gradkit.grading.client}),
 * in the sandbox it chose, and kills it when the exercise is done.
 *
 * <p><b>What it trusts.</b> Nothing of the student's, and it does not need to: whatever the student's
 * code does here (print, throw, loop, exit, exhaust memory, write forged lines to the process's own
 * standard output) can change only the answers the grader reads, and the grader checks every answer
 * against values only it computes. So the guarantees do not rest on this JVM's good behaviour, nor on
 * a SecurityManager (there is none here, on any JDK).
 *
 * <p><b>How a call runs</b> ({@link gradkit.grading.worker.WorkerMain}): read one request line from stdin;
 * point System.out and System.err at a capped buffer of the call's own ({@link gradkit.grading.worker.CallOutput});
 * hand the request to the probe ({@link gradkit.grading.worker.Probe}), which calls the student's public
 * static methods directly (compiled calls, no reflection); write one reply line to the real stdout: the
 * value, or what was thrown ({@link gradkit.grading.worker.ThrownText}: class, message, the line of the
 * student's file), and what the call printed. Functions the grader hands to student code travel as names
 * of a fixed catalogue ({@link gradkit.grading.worker.Functions}), built here.
 */
package gradkit.grading.worker;
