/**
 * The probes: one per exercise graded through a worker JVM, each the only code of the grader that is
 * compiled against a student's classes. A probe runs in the worker, beside the student's code, and turns
 * a request (a procedure's name and plain arguments) into direct calls of the student's public static
 * methods ({@code gradkit.grading.worker.Probe}). It holds no expected value and decides nothing.
 *
 * <p>This package is not {@code gradkit.exercises}: the static check refuses a student class in any other
 * package, so no student can declare a class here, nor replace a probe.
 */
package gradkit.probes;
