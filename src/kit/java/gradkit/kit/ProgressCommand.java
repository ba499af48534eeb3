package gradkit.kit;

import picocli.CommandLine.Command;

/** {@code ./kit progress}: each exercise's latest grading from a notebook (gradkit.exercises.Exercises). */
@Command(name = "progress", description = {"each exercise's status and points from its latest grading by Exercises.check",
    "in a notebook, if its file has not changed since"})
final class ProgressCommand extends LibraryProgram {
    ProgressCommand() {
        super("gradkit.exercises.Exercises");
    }
}
