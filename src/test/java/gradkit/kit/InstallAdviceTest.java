package gradkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InstallAdviceTest {

    @Test
    void debianGetsOneAptGetLineThenPipAndConda() {
        assertEquals(List.of(
                "sudo apt-get install -y --no-install-recommends jupyter-notebook jupyter-client python3-nbclient"
                        + " python3-nbconvert python3-ipykernel graphviz",
                "python3 -m pip install --user notebook nbclient nbconvert ipykernel",
                "conda install -c conda-forge notebook nbclient nbconvert ipykernel"),
                InstallAdvice.commands(Installer.APT, List.of(Requirement.JUPYTER, Requirement.GRAPHVIZ)));
    }

    @Test
    void fedoraGetsDnf() {
        assertEquals(List.of("sudo dnf install -y graphviz bubblewrap"),
                InstallAdvice.commands(Installer.DNF, List.of(Requirement.GRAPHVIZ, Requirement.BUBBLEWRAP)));
    }

    @Test
    void macOsGetsHomebrewAndJupyterFromPipOrConda() {
        assertEquals(List.of("brew install graphviz",
                "python3 -m pip install --user notebook nbclient nbconvert ipykernel",
                "conda install -c conda-forge notebook nbclient nbconvert ipykernel"),
                InstallAdvice.commands(Installer.HOMEBREW, List.of(Requirement.GRAPHVIZ, Requirement.JUPYTER)));
    }

    @Test
    void windowsGetsWingetAndThePyLauncher() {
        assertEquals(List.of("winget install --id Graphviz.Graphviz -e",
                "py -m pip install --user notebook nbclient nbconvert ipykernel",
                "conda install -c conda-forge notebook nbclient nbconvert ipykernel"),
                InstallAdvice.commands(Installer.WINGET, List.of(Requirement.GRAPHVIZ, Requirement.JUPYTER)));
    }

    @Test
    void anUnknownLinuxGetsNamesButNoCommand() {
        assertEquals(List.of(), InstallAdvice.commands(Installer.OTHER, List.of(Requirement.GRAPHVIZ)));
        String message = InstallAdvice.message(Installer.OTHER, List.of(Requirement.GRAPHVIZ));
        assertTrue(message.contains("Graphviz's `dot` program"), message);
        assertTrue(message.contains("system's package manager"), message);
    }

    @Test
    void theMessageNamesWhatIsMissingAndTheCommands() {
        String message = InstallAdvice.message(Installer.APT, List.of(Requirement.JUPYTER));
        assertTrue(message.startsWith("this needs what is not installed yet:\n  - Jupyter"), message);
        assertTrue(message.contains("\n    sudo apt-get install -y --no-install-recommends jupyter-notebook"), message);
        assertTrue(message.contains("~/.local/bin, which must be on the PATH"), message);
        assertTrue(message.endsWith("Then run the command again."), message);
    }

    @Test
    void theInstallerFollowsTheOsAndOnLinuxThePackageManager() {
        assertEquals(Installer.WINGET, Installer.of(Os.of("Windows 11"), p -> true));
        assertEquals(Installer.HOMEBREW, Installer.of(Os.of("Mac OS X"), p -> true));
        assertEquals(Installer.APT, Installer.of(Os.of("Linux"), p -> p.equals("apt-get")));
        assertEquals(Installer.DNF, Installer.of(Os.of("Linux"), p -> p.equals("dnf")));
        assertEquals(Installer.OTHER, Installer.of(Os.of("Linux"), p -> false));
    }
}
