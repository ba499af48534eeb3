package gradkit.courses;

/**
 * The pieces both packagers' command lines share: an option's value, a whole number, an exercise name.
 *
 * <pre>{@code
 * int jdk = Options.number(args, ++i, "--jdk");
 * }</pre>
 */
final class Options {
    private Options() {
    }

    /** The value after an option; an IllegalArgumentException when there is none. */
    static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args[i];
    }

    /** A positive whole number after an option. */
    static int number(String[] args, int i, String option) {
        String text = value(args, i, option);
        try {
            int n = Integer.parseInt(text.strip());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // explained below
        }
        throw new IllegalArgumentException(option + " needs a positive whole number, but got \"" + text + "\".");
    }

    /** An exercise name as given (checked against the grading tests later); an unknown option is refused. */
    static String exercise(String arg) {
        if (arg.startsWith("-")) {
            throw new IllegalArgumentException("Unknown option " + arg + ".");
        }
        return arg;
    }
}
