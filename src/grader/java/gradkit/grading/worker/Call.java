package gradkit.grading.worker;

import gradkit.check.ValueFunction;
import gradkit.grading.protocol.Plain;
import gradkit.grading.protocol.Request;
import java.util.function.DoubleUnaryOperator;

/**
 * One request as a probe reads it: its procedure and its arguments by position and kind, each
 * accessor throwing {@link BadRequest} when the argument is missing or of another kind. Also makes the
 * probe's return values.
 *
 * <pre>{@code
 * case "forward" -> c.real(Ex01DifferenceQuotients.forward(c.function(0), c.real(1), c.real(2)));
 * }</pre>
 */
public final class Call {
    private final Request request;

    Call(Request request) {
        this.request = request;
    }

    /** The procedure's name. */
    public String procedure() {
        return request.procedure();
    }

    /** Argument {@code i}, a number. */
    public double real(int i) {
        if (argument(i) instanceof Plain.Real r) {
            return r.value();
        }
        throw wrongKind(i, "a number");
    }

    /** Argument {@code i}, an array of numbers (a fresh copy). */
    public double[] reals(int i) {
        if (argument(i) instanceof Plain.Reals r) {
            return r.values();
        }
        throw wrongKind(i, "an array of numbers");
    }

    /** Argument {@code i}, a text. */
    public String text(int i) {
        if (argument(i) instanceof Plain.Text t) {
            return t.value();
        }
        throw wrongKind(i, "a text");
    }

    /** Argument {@code i}, the name of a function of {@link Functions}, as that function. */
    public DoubleUnaryOperator function(int i) {
        return Functions.named(text(i));
    }

    /** Argument {@code i}, the name of a function of {@link ValueFunctions}, as that function. */
    public ValueFunction valueFunction(int i) {
        return ValueFunctions.named(text(i));
    }

    /** A number to return. */
    public Plain real(double value) {
        return new Plain.Real(value);
    }

    /** A yes or no to return, as a number: 1 for true, 0 for false. */
    public Plain flag(boolean value) {
        return new Plain.Real(value ? 1.0 : 0.0);
    }

    /** A text to return (a Value's toString(), for a message). */
    public Plain text(String value) {
        return new Plain.Text(value);
    }

    /** An array of numbers to return. */
    public Plain reals(double[] values) {
        return new Plain.Reals(values);
    }

    /** The exception for a procedure the probe does not have. */
    public BadRequest unknown() {
        return new BadRequest("The probe has no procedure \"" + procedure() + "\".");
    }

    private Plain argument(int i) {
        if (i < 0 || i >= request.arguments().size()) {
            throw new BadRequest(procedure() + " needs an argument " + i + ", but the request has "
                    + request.arguments().size() + ".");
        }
        return request.arguments().get(i);
    }

    private BadRequest wrongKind(int i, String kind) {
        return new BadRequest(procedure() + "'s argument " + i + " must be " + kind + ".");
    }
}
