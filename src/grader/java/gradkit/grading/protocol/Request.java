package gradkit.grading.protocol;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the grader asks a worker: call the procedure {@code procedure} of the exercise's probe with
 * {@code arguments}. A procedure's name is a Java identifier of at most 64 characters.
 *
 * <pre>{@code
 * Request r = new Request("forward", List.of(new Plain.Text("cube"), new Plain.Real(1.0), new Plain.Real(0.1)));
 * }</pre>
 */
public record Request(String procedure, List<Plain> arguments) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");

    /** @throws IllegalArgumentException for a name that is not an identifier, or too many arguments */
    public Request {
        if (procedure == null || !NAME.matcher(procedure).matches()) {
            throw new IllegalArgumentException("A procedure's name is a Java identifier of at most 64 characters,"
                    + " but got " + procedure + ".");
        }
        if (arguments.size() > Limits.MAX_ARGUMENTS) {
            throw new IllegalArgumentException("A request carries at most " + Limits.MAX_ARGUMENTS + " arguments, but got "
                    + arguments.size() + ".");
        }
        arguments = List.copyOf(arguments);
    }

    /** True when {@code name} is a valid procedure name. */
    static boolean isName(String name) {
        return NAME.matcher(name).matches();
    }
}
