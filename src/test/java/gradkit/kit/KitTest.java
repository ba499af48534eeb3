package gradkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/** How the command line is read; nothing is run. */
class KitTest {

    private static Object parse(String... args) {
        ParseResult result = Kit.commandLine().parseArgs(args);
        return result.subcommand().commandSpec().userObject();
    }

    @Test
    void theCommandsAreTheReadmes() {
        assertEquals(List.of("notebook", "kernel", "jshell", "demo", "bench", "grade", "progress", "run", "rapaio",
                "gpt-bench", "package", "test", "help"), Kit.commandNames());
    }

    @Test
    void testTakesStepsInAnyCase() {
        TestCommand test = assertInstanceOf(TestCommand.class, parse("test", "--only", "java,Notebooks,INTERRUPTS"));
        assertEquals(EnumSet.of(TestCommand.Step.JAVA, TestCommand.Step.NOTEBOOKS, TestCommand.Step.INTERRUPTS), test.only);
        assertNull(assertInstanceOf(TestCommand.class, parse("test")).only);
    }

    @Test
    void anUnknownStepIsRefused() {
        assertThrows(CommandLine.ParameterException.class, () -> parse("test", "--only", "java,docs"));
    }

    @Test
    void argumentsGoOnToTheGraderAndJupyterUntouched() {
        assertEquals(List.of("ex06", "--help"), assertInstanceOf(GradeCommand.class, parse("grade", "ex06", "--help")).args);
        assertEquals(List.of("--no-browser", "--port", "8899"),
                assertInstanceOf(NotebookCommand.class, parse("notebook", "--no-browser", "--port", "8899")).args);
        assertEquals(List.of("--compare"), assertInstanceOf(BenchCommand.class, parse("bench", "--compare")).args);
    }

    @Test
    void runAndKernelTakeTheirOwnArguments() {
        assertEquals(List.of("notebooks/01-value.ipynb"),
                assertInstanceOf(RunCommand.class, parse("run", "notebooks/01-value.ipynb")).notebooks);
        assertTrue(assertInstanceOf(KernelCommand.class, parse("kernel", "--replace")).replace);
    }

    @Test
    void notebookSixAndSevenNameTheServersRootDifferently() {
        assertTrue(NotebookCommand.serverOptions("6.4.12").get(0).startsWith("--notebook-dir="));
        assertTrue(NotebookCommand.serverOptions("7.2.1").get(0).startsWith("--ServerApp.root_dir="));
    }

    @Test
    void helpListsEveryCommand() {
        String help = Kit.commandList(Kit.commandLine());
        for (String name : Kit.commandNames()) {
            assertTrue(help.contains("\n  " + name + " "), name);
        }
    }
}
