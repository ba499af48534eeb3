package gradkit.kit;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;

/**
 * {@code ./kit package gradescope|classroom [options]}: packages the grader for a course platform
 * (gradkit.courses.Package, compiled with the grader into target/grader-classes); every argument,
 * {@code help} too, goes to it.
 */
@Command(name = "package", description = {
    "package the grader for a course: ./kit package gradescope (autograder.zip),",
    "./kit package classroom --out DIR (a GitHub Classroom workflow); ./kit package help lists options"})
final class PackageCommand extends LibraryProgram {
    PackageCommand() {
        super("gradkit.courses.Package");
    }

    @Override
    List<Path> folders() {
        return List.of(Project.GRADER_CLASSES, Project.CLASSES);
    }
}
