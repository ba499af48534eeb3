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

    @Test
    void escapesAndControlCharactersAreRemoved() {
        assertEquals("\n Total 91/91", StudentText.clean("\u001b[2J\r Total 91/91\u001b[0m"));
        assertEquals("a\n\tb ", StudentText.clean("a\n\tb \u202e"));
        assertTrue(StudentText.cap("x".repeat(5000), 4000).contains("1000 more characters cut"));
    }
}
