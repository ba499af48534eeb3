package gradkit.kit;

import picocli.CommandLine.Command;

/** {@code ./kit gpt-bench [steps]}: times training steps of notebook 07's GPT. */
@Command(name = "gpt-bench", description = "time training steps of notebook 07's GPT (gradkit.gpt.GptBenchmark; ./kit gpt-bench 1000)")
final class GptBenchCommand extends LibraryProgram {
    GptBenchCommand() {
        super("gradkit.gpt.GptBenchmark");
    }
}
