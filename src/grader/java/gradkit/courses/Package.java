package gradkit.courses;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Packages the kit's grader for a course platform: an autograder.zip for Gradescope, or a GitHub
 * Classroom workflow in an assignment's template repository. Run from the kit's folder after a build
 * ({@code mvn compile}: the grader's classes, the library and target/classpath.txt must be there).
 *
 * <pre>
 * java -cp target/grader-classes:target/classes:$(cat target/classpath.txt) gradkit.courses.Package gradescope --jdk 21 --out autograder.zip
 * java -cp ... gradkit.courses.Package classroom --out ../my-assignment ex01 ex02
 * </pre>
 *
 * <p>Exit status: 0 written, 2 a usage error (the reason and the usage are printed), 1 the package
 * could not be written (the reason is printed).
 */
public final class Package {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private Package() {
    }

    /** The command line; exits with its status. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The command line without System.exit: returns the exit status. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String platform = args.length == 0 ? "" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        try {
            switch (platform) {
                case "gradescope" -> out.println("Wrote " + GradescopePackage.write(GradescopeOptions.parse(rest), KitBuild.here()));
                case "classroom" -> out.println("Wrote " + ClassroomPackage.write(ClassroomOptions.parse(rest), KitBuild.here()));
                case "help", "--help", "-h" -> out.println(usage());
                default -> throw new IllegalArgumentException("Expected \"gradescope\" or \"classroom\", but got \""
                        + platform + "\".");
            }
            return OK;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println();
            err.println(usage());
            return USAGE;
        } catch (UncheckedIOException | IllegalStateException e) {
            err.println("The package was not written: " + e.getMessage());
            return FAILED;
        }
    }

    static String usage() {
        return """
                usage: package gradescope [--jdk 17|21|25] [--late-policy FILE] [--time-limit SECONDS] [--out FILE] [EXERCISE ...]
                         an autograder.zip to upload to Gradescope (default --out autograder.zip, --jdk 17)
                       package classroom [--jdk 17|21|25] [--out DIR] [EXERCISE ...]
                         .github/workflows/classroom.yml and .gradkit/ in DIR, an assignment's template
                         repository (default --out classroom)
                  EXERCISE  ex06, 6, ... (default: all twelve)
                  --timeout SECONDS  the longest one test may run (default: 10)""";
    }
}
