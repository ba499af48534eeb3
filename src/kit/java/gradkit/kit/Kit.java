package gradkit.kit;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * gradkit's one entry point: {@code ./kit COMMAND} (Linux, macOS) and {@code kit COMMAND} (Windows,
 * kit.cmd) find a JDK 17 or later, build the kit with the Maven Wrapper, and start this program in
 * the repository's root, where each command is a class of its own.
 *
 * <pre>{@code
 * ./kit help
 * ./kit test --only java,notebooks
 * }</pre>
 *
 * <p>A command that cannot go on (something missing, a step that failed) ends with a sentence on
 * standard error, "kit: ...", and exit status 1.
 */
@Command(name = "kit", synopsisHeading = "usage: ", customSynopsis = "./kit COMMAND [ARGS...]   (Windows: kit COMMAND [ARGS...])",
        commandListHeading = "",
        subcommands = {NotebookCommand.class, KernelCommand.class, JShellCommand.class, DemoCommand.class,
            BenchCommand.class, GradeCommand.class, ProgressCommand.class, RunCommand.class, RapaioCommand.class,
            GptBenchCommand.class, PackageCommand.class, TestCommand.class, HelpCommand.class})
public final class Kit implements Runnable {

    /** The command line with its subcommands, as main runs it (tests parse with it too). */
    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Kit());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setUsageHelpWidth(110);
        commandLine.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST,
                help -> commandList(commandLine));
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            if (e instanceof IllegalStateException || e instanceof java.io.UncheckedIOException) {
                line.getErr().println("kit: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return commandLine;
    }

    /** Runs {@code ./kit ARGS...}; no command is {@code help}. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args.length == 0 ? new String[] {"help"} : args));
    }

    /** Names the commands and their descriptions (picocli's usage text) when no command is given. */
    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }

    /**
     * Every command with every line of its description (picocli's own list shows only the first),
     * aligned as the README's table is read: ./kit help is the kit's manual in brief.
     */
    static String commandList(CommandLine commandLine) {
        StringBuilder text = new StringBuilder("\n");
        commandLine.getSubcommands().forEach((name, command) -> {
            String[] lines = name.equals("help")
                    ? new String[] {"this text; help COMMAND: that command's options"}
                    : command.getCommandSpec().usageMessage().description();
            for (int i = 0; i < lines.length; i++) {
                text.append(String.format("  %-10s %s%n", i == 0 ? name : "", lines[i]));
            }
        });
        return text.toString();
    }

    /** The names of the commands, in the order help lists them. */
    static List<String> commandNames() {
        return List.copyOf(commandLine().getSubcommands().keySet());
    }
}
