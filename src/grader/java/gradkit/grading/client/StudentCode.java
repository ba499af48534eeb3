package gradkit.grading.client;

import gradkit.grading.protocol.Plain;
import gradkit.grading.protocol.Reply;
import gradkit.grading.protocol.Request;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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
    /** More than any class javac makes of one exercise's file; a bigger file is not read. */
    private static final int MAX_CLASS_BYTES = 1 << 22;
    private final WorkerSession session;
    private final Path studentClasses;

    private StudentCode(WorkerSession session, Path studentClasses) {
        this.session = session;
        this.studentClasses = studentClasses;
    }

    /**
     * The student's code of the exercise being graded on this thread: the session of the
     * {@link ExerciseLoader} that loaded the tests, which the grader sets as the thread's context class loader.
     *
     * @throws IllegalStateException outside the grader (no such loader)
     */
    public static StudentCode current() {
        if (Thread.currentThread().getContextClassLoader() instanceof ExerciseLoader tests) {
            return new StudentCode(tests.session(), tests.studentClasses());
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
        if (returned(procedure, arguments) instanceof Plain.Real r) {
            return r.value();
        }
        throw session.malformed(procedure + " returns a number, but the reply held another kind of value.");
    }

    /**
     * Like {@link #number}, for a procedure that returns an array of numbers.
     *
     * <pre>{@code
     * double[] p = student.numbers("softmax", new double[] {0, 0});   // {0.5, 0.5}
     * }</pre>
     *
     * @throws StudentThrew what the student's code threw
     * @throws WorkerFailed when the worker ended, hung, or answered off the protocol
     */
    public double[] numbers(String procedure, Object... arguments) {
        if (returned(procedure, arguments) instanceof Plain.Reals r) {
            return r.values();
        }
        throw session.malformed(procedure + " returns an array of numbers, but the reply held another kind of value.");
    }

    /**
     * The bytes of the student's compiled class {@code simpleName} (of package gradkit.exercises), as javac
     * wrote them for this grading, for a test that reads code (with ASM). They are read as a file, here:
     * the class is never loaded in this JVM.
     *
     * <pre>{@code
     * byte[] compiled = student.compiledClass("Ex04Accumulation");
     * }</pre>
     *
     * @throws IllegalArgumentException for a name that is not a simple class name
     * @throws IllegalStateException when the class file is missing, too big or cannot be read
     */
    public byte[] compiledClass(String simpleName) {
        if (!simpleName.matches("[A-Za-z_][A-Za-z0-9_$]*")) {
            throw new IllegalArgumentException("A class of gradkit.exercises by its simple name, such as"
                    + " \"Ex04Accumulation\", but got \"" + simpleName + "\".");
        }
        Path file = studentClasses.resolve("gradkit").resolve("exercises").resolve(simpleName + ".class");
        String unread = "The grader cannot read the compiled " + simpleName + ".";
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalStateException(unread);
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] bytes = in.readNBytes(MAX_CLASS_BYTES + 1);
            if (bytes.length > MAX_CLASS_BYTES) {
                throw new IllegalStateException(unread + " It is bigger than " + MAX_CLASS_BYTES + " bytes.");
            }
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException(unread, e);
        }
    }

    /**
     * Calls {@code procedure} like {@link #number} and reads its yes or no: the number 1 is true, 0 false.
     *
     * <pre>{@code
     * boolean yes = student.flag("isSubgradient", "abs", 0.0, 0.5, steps);
     * }</pre>
     *
     * @throws StudentThrew what the student's code threw
     * @throws WorkerFailed when the worker ended, hung, or answered off the protocol (a number other than 0 or 1)
     */
    public boolean flag(String procedure, Object... arguments) {
        if (returned(procedure, arguments) instanceof Plain.Real r && (r.value() == 0.0 || r.value() == 1.0)) {
            return r.value() == 1.0;
        }
        throw session.malformed(procedure + " returns a yes or no (1 or 0), but the reply held something else.");
    }

    /**
     * Like {@link #number}, for a procedure that returns a text (what a Value of the student's prints, for a
     * message): {@code String shown = student.text("parameterText", w, b, 1.0, 0.0);}
     *
     * @throws StudentThrew what the student's code threw
     * @throws WorkerFailed when the worker ended, hung, or answered off the protocol
     */
    public String text(String procedure, Object... arguments) {
        if (returned(procedure, arguments) instanceof Plain.Text t) {
            return t.value();
        }
        throw session.malformed(procedure + " returns a text, but the reply held another kind of value.");
    }

    /** The value a call returned; what the student's code threw, or a refusal, as an exception. */
    private Plain returned(String procedure, Object[] arguments) {
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
