/**
 * The grader's side of a worker: how a grading test, running in the grader's own JVM, calls the
 * student's code in a worker JVM ({@code gradkit.grading.worker}) and reads what came back.
 *
 * <p><b>What it trusts.</b> The grading tests (from the grader's own folder, compiled without any student
 * class on their class path) and the values they compute. <b>What it does not trust.</b> Anything the
 * worker sends: replies are read with {@code gradkit.grading.protocol}'s strict decoder, one line at a
 * time under a size cap, each within a per-call time limit. A value is only ever compared by the test
 * with what it computed itself; a student's exception comes back as class, message and line and is
 * shown as such ({@link gradkit.grading.client.StudentThrew}), never rethrown as itself.
 *
 * <p><b>How a test uses it.</b> {@link gradkit.grading.client.StudentCode#current()} finds the
 * exercise's {@link gradkit.grading.client.WorkerSession}, carried by the class loader the grader
 * loaded the tests with ({@link gradkit.grading.client.ExerciseLoader}); the session starts the worker
 * on the first call, with the command the grader chose ({@link gradkit.grading.client.WorkerStarter}:
 * the sandbox, the memory caps, the empty environment), and the grader closes it when the exercise is
 * done. A call that outlives its limit kills the worker and fails that test; the next test starts a
 * fresh one (an endless loop is a student's mistake, and costs that test alone). A worker that exits,
 * runs out of memory, floods or sends a malformed reply fails that test and every later test of the
 * exercise, each with one sentence ({@link gradkit.grading.client.WorkerFailed}).
 */
package gradkit.grading.client;
