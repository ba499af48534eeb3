package gradkit.kit;

import picocli.CommandLine.Command;

/** {@code ./kit demo}: micrograd's moons demo (gradkit.demo.MoonsDemo). */
@Command(name = "demo", description = "train a small network on the moons data set (gradkit.demo.MoonsDemo)")
final class DemoCommand extends LibraryProgram {
    DemoCommand() {
        super("gradkit.demo.MoonsDemo");
    }
}
