package gradkit.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ShebangTest {

    @Test
    void aPlainPathIsTheInterpreter() {
        assertEquals(Optional.of("/usr/bin/python3"), Shebang.interpreter("#!/usr/bin/python3\n# -*- coding: utf-8 -*-\nimport re\n"));
    }

    @Test
    void aCondaOrVenvLauncherNamesItsOwnPython() {
        assertEquals(Optional.of("/opt/conda/envs/ml/bin/python3.12"), Shebang.interpreter("#!/opt/conda/envs/ml/bin/python3.12\n"));
        assertEquals(Optional.of("/opt/jupyter-env/bin/python"), Shebang.interpreter("#! /opt/jupyter-env/bin/python -E\r\nimport sys\r\n"));
    }

    @Test
    void envNamesACommandOnThePath() {
        assertEquals(Optional.of("python3"), Shebang.interpreter("#!/usr/bin/env python3\n"));
        assertEquals(Optional.of("python3"), Shebang.interpreter("#!/usr/bin/env -S PYTHONSAFEPATH=1 python3 -I\n"));
    }

    @Test
    void pipsLongPathFormNamesThePythonOnTheSecondLine() {
        String launcher = "#!/bin/sh\n'''exec' \"/Users/ada/Library/Application Support/venvs/jupyter/bin/python\" \"$0\" \"$@\"\n' '''\n";
        assertEquals(Optional.of("/Users/ada/Library/Application Support/venvs/jupyter/bin/python"), Shebang.interpreter(launcher));
        assertEquals(Optional.of("/very/long/bin/python"), Shebang.interpreter("#!/bin/sh\n'''exec' /very/long/bin/python \"$0\" \"$@\"\n"));
    }

    @Test
    void aShellScriptThatIsNotPipsIsItsShell() {
        assertEquals(Optional.of("/bin/sh"), Shebang.interpreter("#!/bin/sh\nexec python3 -m jupyter \"$@\"\n"));
    }

    @Test
    void aQuotedWindowsPathKeepsItsSpaces() {
        assertEquals(Optional.of("C:\\Program Files\\Python312\\python.exe"),
                Shebang.interpreter("#!\"C:\\Program Files\\Python312\\python.exe\"\r\nPK..."));
    }

    @Test
    void noShebangNoInterpreter() {
        assertEquals(Optional.empty(), Shebang.interpreter("\u007fELF\u0002\u0001"));
        assertEquals(Optional.empty(), Shebang.interpreter(""));
        assertEquals(Optional.empty(), Shebang.interpreter("#!\n"));
        assertEquals(Optional.empty(), Shebang.interpreter("#!/usr/bin/env\n"));
    }
}
