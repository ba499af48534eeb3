package gradkit.grading.client;

import gradkit.grading.protocol.Plain;
import gradkit.grading.protocol.Reply;
import gradkit.grading.protocol.Request;
import java.util.ArrayList;
import java.util.List;

/**
 * A grading test's handle on the student's code of the exercise it grades: each call goes to the
 * exercise's worker JVM as a request of plain data and comes back as a value, or as the
 * {@link StudentThrew} the student's code threw. The test compares the value with what it computed
 * itself; nothing it computes leaves this JVM.
 *
 * <pre>{@code
 * private final StudentCode student = StudentCode.current();
 * double got = student.number("forward", "cube", 1.0, 0.1);   // Ex01DifferenceQuotients.forward(x -> x*x*x, 1.0, 0.1)
 * }</pre>
 */
public final class StudentCode {
    private final WorkerSession session;

    private StudentCode(WorkerSession session) {
        this.session = session;
    }

    /**
     * The student's code of the exercise being graded on this thread: the session of the
     * {@link ExerciseLoader} that loaded the tests, which the grader sets as the thread's context class loader.
     *
     * @throws IllegalStateException outside the grader (no such loader)
     */
    public static StudentCode current() {
        if (Thread.currentThread().getContextClassLoader() instanceof ExerciseLoader tests) {
            return new StudentCode(tests.session());
        }
        throw new IllegalStateException("This grading test calls the student's code through a worker JVM, which only"
                + " the grader starts: run it with ./kit grade.");
    }

    /**
     * Calls {@code procedure} of the exercise's probe with {@code arguments} (each a Double, a double[] or a
     * String: a number, numbers, or a text such as a function's name) and returns the number it returned.
     *
     * @throws StudentThrew what the student's code threw
     * @throws WorkerFailed when the worker ended, hung, or answered off the protocol
     */
    public double number(String procedure, Object... arguments) {
        if (value(procedure, arguments) instanceof Plain.Real r) {
            return r.value();
        }
        throw session.malformed(procedure + " returns a number, but the reply held another kind of value.");
    }

    /**
     * Like {@link #number}, for a procedure that returns an array of numbers (a gradient, a layer's
     * outputs): {@code double[] g = student.numbers("analyticGradient", "product", new double[] {2, 3});}
     *
     * @throws StudentThrew what the student's code threw
     * @throws WorkerFailed when the worker ended, hung, or answered off the protocol
     */
    public double[] numbers(String procedure, Object... arguments) {
        if (value(procedure, arguments) instanceof Plain.Reals r) {
            return r.values();
        }
        throw session.malformed(procedure + " returns numbers, but the reply held another kind of value.");
    }

    /**
     * Like {@link #number}, for a procedure that returns a text (what a Value of the student's prints, for a
     * message): {@code String shown = student.text("parameterText", w, b, 1.0, 0.0);}
     *
     * @throws StudentThrew what the student's code threw
     * @throws WorkerFailed when the worker ended, hung, or answered off the protocol
     */
    public String text(String procedure, Object... arguments) {
        if (value(procedure, arguments) instanceof Plain.Text t) {
            return t.value();
        }
        throw session.malformed(procedure + " returns a text, but the reply held another kind of value.");
    }

    /** The value {@code procedure} returned; what the student's code threw, thrown as a {@link StudentThrew}. */
    private Plain value(String procedure, Object[] arguments) {
        Reply reply = session.call(new Request(procedure, plain(arguments)));
        if (reply instanceof Reply.Threw t) {
            throw new StudentThrew(t.thrown());
        }
        if (reply instanceof Reply.Refused r) {
            throw new IllegalStateException("The grader asked the worker for something it does not do: " + r.why());
        }
        return ((Reply.Returned) reply).value();
    }

    private static List<Plain> plain(Object[] arguments) {
        List<Plain> plain = new ArrayList<>();
        for (Object a : arguments) {
            if (a instanceof Double d) {
                plain.add(new Plain.Real(d));
            } else if (a instanceof double[] v) {
                plain.add(new Plain.Reals(v));
            } else if (a instanceof String s) {
                plain.add(new Plain.Text(s));
            } else {
                throw new IllegalArgumentException("An argument for the worker is a Double, a double[] or a String, but"
                        + " got " + (a == null ? "null" : a.getClass().getName()) + ".");
            }
        }
        return plain;
    }
}
