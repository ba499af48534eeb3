package gradkit.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The outer defences of the test JVM, tried with plain processes (the security policy stops a
 * submission from starting any, so these layers are tested on their own): no process started inside
 * outlives the kill, with bubblewrap even one that left its session with setsid; and the text
 * cleaning that keeps student text from driving the console.
 */
class SandboxTest {

    /** A sleep whose duration marks it as ours, e.g. "371.4821". */
    private static String marker() {
        return "371." + ThreadLocalRandom.current().nextInt(1000, 9999);
    }

    private static long running(String marker) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(marker)).orElse(false))
                .count();
    }

    private static void startAndKill(Sandbox sandbox, String script, String marker) throws Exception {
        Process p = new ProcessBuilder(sandbox.command(List.of("/bin/sh", "-c", script), List.of(), 256)).start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (running(marker) < 1 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertTrue(running(marker) >= 1, "the background sleep started");
        sandbox.kill(p);
        deadline = System.nanoTime() + 10_000_000_000L;
        while (running(marker) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, running(marker), "a process started inside outlived the kill");
    }

    @Test
    void bubblewrapEndsEvenADetachedDoubleFork() throws Exception {
        Sandbox sandbox = Sandbox.detect();
        assumeTrue(sandbox.namespaces(), "bubblewrap cannot create namespaces here: " + sandbox.note());
        String m = marker();
        startAndKill(sandbox, "(setsid sh -c 'sleep " + m + "' &) ; sleep 600", m);
    }

    @Test
    void withoutNamespacesTheProcessGroupIsKilled() throws Exception {
        Sandbox sandbox = Sandbox.withoutNamespaces("a test");
        assertFalse(sandbox.namespaces());
        assertTrue(sandbox.note().contains("No Linux namespaces"), sandbox.note());
        String m = marker();
        startAndKill(sandbox, "sleep " + m + " & sleep 600", m);
    }

    @Test
    void theSandboxHidesTheCheckout() throws IOException, InterruptedException {
        Sandbox sandbox = Sandbox.detect();
        assumeTrue(sandbox.namespaces(), "bubblewrap cannot create namespaces here");
        String here = java.nio.file.Path.of("solutions").toAbsolutePath().toString();
        Process p = new ProcessBuilder(sandbox.command(List.of("/bin/sh", "-c", "ls " + here + " && touch /usr/x"),
                List.of(), 256)).redirectErrorStream(true).start();
        String said = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor() != 0, "the checkout was visible or /usr writable: " + said);
        assertFalse(said.contains("Ex01"), said);
    }

    /**
     * A shell in the sandbox that starts sleeping children until it cannot (or 300 of them), says how
     * many it started, and then holds them. As root the kernel exempts every process from RLIMIT_NPROC,
     * so there the sandbox is entered as nobody, the way an ordinary user's grader runs.
     */
    private static Process holdChildren(Sandbox sandbox, String marker) throws IOException {
        String script = "(i=0; while [ $i -lt 300 ]; do sleep " + marker + " & i=$((i+1)); echo s; done) 2>/dev/null;"
                + " echo done; exec sleep " + marker;
        List<String> command = new java.util.ArrayList<>();
        if (new com.sun.security.auth.module.UnixSystem().getUid() == 0) {
            command.addAll(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
        }
        command.addAll(sandbox.command(List.of("/bin/sh", "-c", script), List.of(), 256));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** How many children the shell said it started, read up to its "done". */
    private static int started(Process p) throws IOException {
        java.io.BufferedReader out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()));
        int n = 0;
        for (String line = out.readLine(); line != null && !line.equals("done"); line = out.readLine()) {
            n += line.equals("s") ? 1 : 0;
        }
        return n;
    }

    /**
     * The kernel caps the tasks of each sandbox (RLIMIT_NPROC inside its own user namespace), and the
     * cap is per sandbox: a second one, while the first holds all it may, still starts as many.
     */
    @Test
    void theKernelCapsTheTasksOfEachSandboxOnItsOwn() throws Exception {
        assumeTrue(Sandbox.detect().namespaces(), "bubblewrap cannot create namespaces here");
        Sandbox sandbox = Sandbox.bubblewrapWithTaskCap();
        Process first = holdChildren(sandbox, marker());
        Process second = null;
        try {
            int a = started(first);
            second = holdChildren(sandbox, marker());
            int b = started(second);
            assertTrue(a < Sandbox.MAX_TASKS && b < Sandbox.MAX_TASKS, "started " + a + " and " + b
                    + " children, the cap is " + Sandbox.MAX_TASKS);
            assertTrue(a > Sandbox.MAX_TASKS - 8 && b > Sandbox.MAX_TASKS - 8, "started only " + a + " and " + b
                    + ": the cap counts more than the sandbox's own tasks");
        } finally {
            sandbox.kill(first);
            if (second != null) {
                sandbox.kill(second);
            }
        }
    }

    /** The probe uses the cap only where the kernel applies it to the sandbox alone (never for root, who is exempt). */
    @Test
    void theTaskCapIsUsedOnlyWhereTheKernelAppliesIt() {
        Sandbox sandbox = Sandbox.detect();
        assumeTrue(sandbox.namespaces(), "bubblewrap cannot create namespaces here");
        if (new com.sun.security.auth.module.UnixSystem().getUid() == 0) {
            assertFalse(sandbox.taskCap(), "root is exempt from RLIMIT_NPROC: " + sandbox.note());
        }
        assertTrue(sandbox.note().contains(sandbox.taskCap() ? "RLIMIT_NPROC in its own user namespace"
                : "no kernel cap on its threads"), sandbox.note());
    }

    @Test
    void escapesAndControlCharactersAreRemoved() {
        assertEquals("\n Total 91/91", StudentText.clean("\u001b[2J\r Total 91/91\u001b[0m"));
        assertEquals("a\n\tb ", StudentText.clean("a\n\tb \u202e"));
        assertTrue(StudentText.cap("x".repeat(5000), 4000).contains("1000 more characters cut"));
    }
}
