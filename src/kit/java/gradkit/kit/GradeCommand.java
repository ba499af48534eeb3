package gradkit.kit;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code ./kit grade [exNN] [options]}: the grader (gradkit.grading.Grader), compiled apart from the
 * library into target/grader-classes; every argument, {@code --help} too, goes to it.
 */
@Command(name = "grade", description = "grade your exercises: ./kit grade (all), ./kit grade ex06 (one); --help lists options")
final class GradeCommand extends LibraryProgram {
    GradeCommand() {
        super("gradkit.grading.Grader");
    }

    @Override
    List<Path> folders() {
        return List.of(Project.GRADER_CLASSES, Project.CLASSES);
    }
}
