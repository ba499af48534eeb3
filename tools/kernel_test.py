"""Drives the Jupyter kernel named `java` through jupyter_client, as a notebook front end does.

    python3 tools/kernel_test.py interrupts [--rounds N] [--kernel NAME]
        N rounds (default 2). Each starts the kernel in notebooks/, loads the library
        (%classpath ../target/kit-classes, as the notebooks do) and builds a Value with its
        gradient; then, for each long cell of LONG_CELLS, it runs the cell, interrupts the kernel
        after INTERRUPT_AFTER seconds and checks that
          - the cell's execute_reply arrives within REPLY_WITHIN seconds, with status error or
            abort, and (status error) a message that says it was interrupted,
          - the cell's code really stopped: the kernel's processes fall back to idle after the
            reply, as their threads' states in /proc/PID/task/*/stat show over CPU_WINDOW seconds
            (a loop that goes on keeps a thread runnable whatever the machine's load; the CPU
            share it gets, also printed, falls with the load);
            for the cells that cannot be stopped on every JDK (a loop inside the JDK's own code,
            a blocking call into the operating system), a reply that says Kernel > Restart ends
            the cell does instead, and the output says which held,
          - the next cell prints its line and shows its value,
          - the Value built before holds its data and gradient;
        then it restarts the kernel (Kernel > Restart) and the next round begins on the restarted
        kernel. A cell left running also costs a restart (and the setup again) before the next
        cell, whose check it would blur. Each case prints passed or why not, the reply's time after the interrupt and the
        kernel's CPU share before and after it. The last line is "interrupts: P of T passed"; the
        exit status is 1 unless all did.
    python3 tools/kernel_test.py starts [N] [--kernel NAME]
        starts the kernel N times (default 20), each time waiting up to START_TIMEOUT seconds for
        its kernel_info reply and evaluating 1+1; prints how many answered, how many hung and how
        long a start took (median and slowest). A benchmark: it prints figures and fails only on a
        hang.

Any python3 with jupyter_client runs it (Debian's python3-jupyter-client, say).
"""
import argparse
import os
import statistics
import sys
import time
from pathlib import Path

from jupyter_client.manager import KernelManager

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
START_TIMEOUT = 60      # seconds for the kernel to start and answer kernel_info (2 to 5 s normally)
CELL_TIMEOUT = 60       # seconds for an ordinary cell
INTERRUPT_AFTER = 2.0   # seconds a long cell runs before it is interrupted
REPLY_WITHIN = 8.0      # seconds from the interrupt to the long cell's reply
SETTLE = 1.0            # seconds after the reply for the JVM's own work (compilers, GC) to end
CPU_WINDOW = 2.0        # seconds over which the kernel's activity is then measured
SAMPLE_EVERY = 0.05     # seconds between two looks at its threads' states
IDLE_RUNNABLE = 0.5     # share of samples with a runnable thread below which it counts as idle
                        # (a loop that goes on: 1.0; an idle kernel: 0.0 to 0.2 on a busy machine)
# The JVM's own threads, which run no cell's code but may work on for a second or two after one
# ends (compiling, collecting garbage): their names as /proc/PID/task/TID/comm gives them.
JVM_SERVICE_THREADS = ("C1 CompilerThre", "C2 CompilerThre", "GC Thread", "G1 ", "VM Thread", "VM Periodic",
                       "Monitor Deflati", "Service Thread")
RESTART_WORDS = "Kernel > Restart"   # what the reply of a cell left running says

SETUP = [
    "%classpath ../target/kit-classes",
    "import gradkit.engine.*;",
    "Value a = Value.of(3.0); Value b = Value.of(-2.0); Value y = a.mul(b).add(a); y.backward();",
]
# y = a*b + a with a = 3, b = -2: y = -3, dy/da = b + 1 = -1, dy/db = a = 3
INTACT = ('System.out.println("state " + y.data() + " " + a.grad() + " " + b.grad());', "state -3.0 -1.0 3.0")

# (name, code, stoppable): stoppable cells must stop; the others must at least say Kernel > Restart
# ends them (on JDK 17 to 19 the kernel's Thread.stop ends the two loops in the JDK's code too).
LONG_CELLS = [
    # the library at work, minutes of it, in a loop that never looks at interrupts
    ("library loop", "double total = 0;\n"
                     "for (long i = 0; i < 10_000_000_000L; i++) {\n"
                     "    Value x = Value.of(i % 7);\n"
                     "    Value z = x.mul(x).tanh();\n"
                     "    z.backward();\n"
                     "    total += x.grad();\n"
                     "}\n"
                     "total", True),
    # one call into the library that trains for hours: its loop is the library's, not the cell's
    ("training inside the library", "new gradkit.nn.Trainer(new gradkit.nn.MLP(2, 16, 16, 1),"
                                    " gradkit.data.Moons.generate(100, 0.1, 7L)).train(1_000_000)", True),
    ("while (true) {}", "while (true) {}", True),
    ("recursion (fib(60))", "long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\nfib(60)", True),
    ("sleep loop", "for (int i = 0; i < 100_000; i++) {\n    Thread.sleep(100);\n}", True),
    ("sleep loop that ignores interrupts", "while (true) {\n"
                                           "    try { Thread.sleep(100); } catch (InterruptedException ignored) { }\n"
                                           "}", True),
    # Last in a round: what they leave running takes CPU until a restart, which comes before the next cell.
    # Loops inside the JDK's own code, which no stop check reaches:
    ("BigInteger.pow (the JDK's loop)", "BigInteger.valueOf(3).pow(200_000_000)", False),
    ("LongStream.sum (the JDK's loop)", "LongStream.range(0, Long.MAX_VALUE).sum()", False),
    # blocked outside Java bytecode, in the operating system
    ("blocked in accept()", "new java.net.ServerSocket(0).accept()", False),
]
NEXT_CELL = ('System.out.println("after the interrupt");\n6 * 7', "after the interrupt", "42")


class Failed(Exception):
    pass


def client(km):
    """
    A client that signs its requests with the manager's own Session. km.client() alone gets a clone
    whose message counter starts again at 0 while the manager's goes on, and message ids are the
    session's id plus that counter: an interrupt_request the manager sends can then carry the very id
    of a later execute_request, and that interrupt's idle status passes for the cell's.
    """
    return km.client(session=km.session)


def start(kernel_name):
    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel(cwd=str(NOTEBOOKS))
    kc = client(km)
    kc.start_channels()
    kc.wait_for_ready(timeout=START_TIMEOUT)
    return km, kc


def collect(kc, msg_id, deadline, seen=None):
    """
    The iopub outputs of a request until the kernel is idle again, and its shell reply; `seen`, if
    given, gets a line for every iopub message that came meanwhile, of this request or not.
    """
    printed, shown, errors = [], [], []
    idle = False
    while not idle:
        left = deadline - time.monotonic()
        if left <= 0:
            raise Failed("no idle status within the time allowed")
        try:
            msg = kc.get_iopub_msg(timeout=left)
        except Exception:   # queue.Empty
            raise Failed("no idle status within the time allowed") from None
        if seen is not None:
            seen.append(f"{msg['msg_type']} for {msg['parent_header'].get('msg_type')}"
                        f"{' (this cell)' if msg['parent_header'].get('msg_id') == msg_id else ''}:"
                        f" {str(msg['content'])[:80]}")
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind, content = msg["msg_type"], msg["content"]
        if kind == "stream":
            printed.append(content["text"])
        elif kind in ("execute_result", "display_data"):
            shown.append(content["data"].get("text/plain", ""))
        elif kind == "error":
            errors.append(f"{content['ename']}: {content['evalue']}")
        elif (kind == "status" and content["execution_state"] == "idle"
              and msg["parent_header"].get("msg_type") == "execute_request"):
            idle = True
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise Failed("no execute_reply within the time allowed")
        try:
            reply = kc.get_shell_msg(timeout=left)
        except Exception:
            raise Failed("no execute_reply within the time allowed") from None
        if reply["parent_header"].get("msg_id") == msg_id:
            return reply["content"], "".join(printed), shown, errors


def run(kc, code, timeout=CELL_TIMEOUT, seen=None):
    content, printed, shown, errors = collect(kc, kc.execute(code), time.monotonic() + timeout, seen)
    if content["status"] != "ok":
        raise Failed(f"cell failed: {code!r}: {content.get('ename')}: {content.get('evalue')} {errors}")
    return printed, shown


def check_cell(kc, code, prints, value=None):
    printed, shown = run(kc, code)
    if prints not in printed:
        raise Failed(f"expected {code!r} to print {prints!r}, but it printed {printed!r}")
    if value is not None and value not in [s.strip() for s in shown]:
        raise Failed(f"expected {code!r} to show {value!r}, but it showed {shown!r}")


def kernel_pid(km):
    """The kernel's process id: the provisioner's (jupyter_client 7 and later) or the Popen's (6)."""
    provisioner = getattr(km, "provisioner", None)
    pid = getattr(provisioner, "pid", None) if provisioner is not None else None
    if pid is None and getattr(km, "kernel", None) is not None:
        pid = getattr(km.kernel, "pid", None)
    if pid is None:
        raise Failed("cannot find the kernel's process id through jupyter_client")
    return pid


def family(pid):
    """Process `pid` and every process below it (a kernel started through a wrapper script, say)."""
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    parents[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue   # the process ended meanwhile
    members, grew = {pid}, True
    while grew:
        below = {p for p, parent in parents.items() if parent in members} - members
        grew = bool(below)
        members |= below
    return members


def thread_stats(pids):
    """
    (CPU seconds used so far, threads runnable now) over all threads of the processes `pids`;
    the JVM's own threads count for CPU but not as runnable.
    """
    ticks, used, runnable = os.sysconf("SC_CLK_TCK"), 0, 0
    for pid in pids:
        try:
            tasks = os.listdir(f"/proc/{pid}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{pid}/task/{task}/stat") as f:
                    fields = f.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            # after the name: state (3rd field of the line) ... utime (14th) stime (15th)
            used += int(fields[11]) + int(fields[12])
            if fields[0] == "R":
                try:
                    with open(f"/proc/{pid}/task/{task}/comm") as f:
                        runnable += not f.read().startswith(JVM_SERVICE_THREADS)
                except OSError:
                    continue
    return used / ticks, runnable


def activity(pid, seconds):
    """
    How busy the kernel is over the next `seconds` seconds: the share of one core it used, and the
    share of samples (every SAMPLE_EVERY seconds) in which one of its threads (not the JVM's own)
    was running or waiting to run. A loop that goes on is runnable all the time, however busy the machine, while
    the CPU it gets falls with the machine's load; so the second decides whether the code stopped.
    """
    pids = family(pid)
    began, (used, _) = time.monotonic(), thread_stats(pids)
    samples = busy = 0
    while time.monotonic() - began < seconds:
        time.sleep(SAMPLE_EVERY)
        samples += 1
        busy += thread_stats(pids)[1] > 0
    cpu = (thread_stats(pids)[0] - used) / (time.monotonic() - began)
    return cpu, busy / max(samples, 1)


def interrupt_cell(km, kc, name, code, stoppable):
    """
    Runs a long cell, interrupts it, and checks its reply and the kernel afterwards; returns what it
    saw, and whether the cell's code was left running.
    """
    pid = kernel_pid(km)
    msg_id = kc.execute(code)
    time.sleep(INTERRUPT_AFTER - 1)
    before, _ = activity(pid, 1.0)
    interrupted = time.monotonic()
    km.interrupt_kernel()
    content, _, _, errors = collect(kc, msg_id, interrupted + REPLY_WITHIN)
    took = time.monotonic() - interrupted
    time.sleep(SETTLE)
    after, runnable = activity(pid, CPU_WINDOW)
    figures = (f"reply {took:.1f} s after the interrupt; CPU {after:.0%} of a core from {SETTLE:.0f} to"
               f" {SETTLE + CPU_WINDOW:.0f} s after it ({before:.0%} before it), runnable {runnable:.0%} of that time")
    said = f"{content.get('ename', '')}: {content.get('evalue', '')}"
    status = content.get("status")   # Rapaio 2.3.0 can answer with a reply that has none
    if status not in ("error", "abort"):
        raise Failed(f"expected the interrupted cell to end with status error or abort, got {status} ({figures})")
    if status == "error" and "interrupt" not in said.lower():
        raise Failed(f"expected the reply to say the cell was interrupted, but it says {said!r} ({figures})")
    stopped = runnable <= IDLE_RUNNABLE
    if stoppable and not stopped:
        raise Failed(f"the cell's code goes on running: the kernel was runnable {runnable:.0%} of the time"
                     f" ({figures})")
    if not stoppable and not stopped and RESTART_WORDS not in said:
        raise Failed(f"the cell's code goes on running and the reply does not say {RESTART_WORDS!r} ends it:"
                     f" {said!r} ({figures})")
    check_cell(kc, *NEXT_CELL)
    check_cell(kc, *INTACT)
    if stoppable:
        return f"passed ({figures})", False
    if RESTART_WORDS in said:
        return (f"passed: cannot be stopped on this JDK, so checked the reply and its word that {RESTART_WORDS}"
                f" ends it instead ({figures})"), True
    return f"passed: stopped after all, by this JDK ({figures})", False


def restart(km, kc):
    """Kernel > Restart: a new kernel process; returns a client connected to it."""
    kc.stop_channels()
    km.restart_kernel(now=False)
    kc = client(km)
    kc.start_channels()
    kc.wait_for_ready(timeout=START_TIMEOUT)
    return kc


def interrupts(kernel_name, rounds):
    passed, total = 0, 0
    km, kc = start(kernel_name)
    try:
        for round_ in range(1, rounds + 1):
            try:
                for code in SETUP:
                    run(kc, code)
                check_cell(kc, *INTACT)
            except Failed as e:
                print(f"round {round_}: the library did not load: {e}", flush=True)
                total += len(LONG_CELLS)
                continue
            left_running = False
            for name, code, stoppable in LONG_CELLS:
                total += 1
                try:
                    if left_running:
                        # what the cell before left running would hide whether this one stops
                        kc = restart(km, kc)
                        for setup in SETUP:
                            run(kc, setup)
                        print(f"round {round_}: restarted the kernel", flush=True)
                    outcome, left_running = interrupt_cell(km, kc, name, code, stoppable)
                    passed += 1
                    print(f"round {round_}: {name}: {outcome}", flush=True)
                except (Failed, RuntimeError) as e:
                    left_running = True
                    print(f"round {round_}: {name}: FAILED: {e}", flush=True)
            if round_ < rounds:
                kc = restart(km, kc)
                print(f"round {round_}: restarted the kernel", flush=True)
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    print(f"interrupts: {passed} of {total} passed")
    return 0 if passed == total else 1


def starts(kernel_name, n):
    times, hangs = [], 0
    for i in range(1, n + 1):
        began = time.monotonic()
        km = KernelManager(kernel_name=kernel_name)
        km.start_kernel(cwd=str(NOTEBOOKS))
        kc = km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=START_TIMEOUT)
            run(kc, "1+1")
            times.append(time.monotonic() - began)
        except (RuntimeError, Failed) as e:
            hangs += 1
            print(f"start {i}: no answer ({e})", flush=True)
        finally:
            kc.stop_channels()
            km.shutdown_kernel(now=True)
    print(f"starts: {n}, answered {len(times)}, hung {hangs}", end="")
    if times:
        print(f"; ready and 1+1 done in {statistics.median(times):.1f} s (median), {max(times):.1f} s (slowest)")
    else:
        print()
    return 0 if hangs == 0 else 1


def main():
    parser = argparse.ArgumentParser(description="Interrupt and start-up checks of the java kernel.")
    parser.add_argument("what", choices=["interrupts", "starts"])
    parser.add_argument("n", nargs="?", type=int, default=20, help="starts: how many (default 20)")
    parser.add_argument("--rounds", type=int, default=2, help="interrupts: rounds (default 2)")
    parser.add_argument("--kernel", default="java", help="the kernelspec's name (default java)")
    args = parser.parse_args()
    if args.what == "interrupts":
        return interrupts(args.kernel, args.rounds)
    return starts(args.kernel, args.n)


if __name__ == "__main__":
    sys.exit(main())
