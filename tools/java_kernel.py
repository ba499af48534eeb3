"""Checks the Jupyter kernelspec named `java` that gradkit's notebooks run in.

    PYTHON tools/java_kernel.py check [JAR]
        exit 0 when a `java` kernel is registered that starts and answers: it is started, runs
        `1+1` and must reply within ANSWER_TIMEOUT seconds (IJava, JJava, Rapaio or the kit's
        own all pass, if they work). Exit 1 when there is none, when it does not answer (a spec
        whose jar is gone, say), or when it is the kit's kernel but not built from JAR (the
        kernel jar `./kit` just built from tools/kernel/).

PYTHON is the Python that has Jupyter (the kit finds it through `jupyter` on the PATH). Jupyter
finds the kernel the usual way, so JUPYTER_PATH can point at a folder of the kit's own (./kit test
does). When the check fails, the kit registers its own kernel (gradkit.kit.JavaKernel and
KernelSpec, src/kit/java): kernel.json naming the JDK's java by its absolute path and a copy of
the jar beside it. What is read here from that spec (NAME, DISPLAY_NAME, MARKER in its metadata,
the jar's version) is defined the same way in KernelSpec.
"""
import hashlib
import sys

from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel
from jupyter_client.manager import start_new_kernel

NAME = "java"
DISPLAY_NAME = "Java"     # as IJava and JJava name theirs, so notebooks match all three
MARKER = "gradkit"        # kept in the spec's metadata so that we recognise a kernel we installed
ANSWER_TIMEOUT = 60       # seconds for a kernel to start and answer 1+1 (2 to 5 s normally)


def jar_version(jar):
    """The first 12 hex digits of the SHA-256 of the kernel's jar."""
    with open(jar, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:12]


def answers(name=NAME, timeout=ANSWER_TIMEOUT):
    """None if the kernel `name` starts and evaluates 1+1 to 2 within the timeout, else why not."""
    try:
        km, kc = start_new_kernel(kernel_name=name, startup_timeout=timeout)
    except Exception as e:   # RuntimeError (no answer, died), OSError (no such program), ...
        return f"it did not start ({type(e).__name__}: {e})"
    try:
        shown = []
        reply = kc.execute_interactive("1+1", timeout=timeout, output_hook=shown.append)
        if reply["content"]["status"] != "ok":
            return f"1+1 failed: {reply['content'].get('ename')}: {reply['content'].get('evalue')}"
        texts = [m["content"].get("data", {}).get("text/plain", "") for m in shown
                 if m["msg_type"] in ("execute_result", "display_data")]
        if not any(t.strip() == "2" for t in texts):
            return f"1+1 showed {texts} instead of 2"
        return None
    except TimeoutError:
        return f"no answer to 1+1 within {timeout} seconds"
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def check(jar=None):
    try:
        spec = KernelSpecManager().get_kernel_spec(NAME)
    except NoSuchKernel:
        return 1
    ours = spec.metadata.get("installed_by") == MARKER
    if ours and (spec.display_name != DISPLAY_NAME or jar and spec.metadata.get("version") != jar_version(jar)):
        print(f"kit: the java kernel at {spec.resource_dir} is not the one built from tools/kernel/;"
              " installing it again", file=sys.stderr)
        return 1
    why_not = answers()
    if why_not:
        print(f"kit: the java kernel at {spec.resource_dir} does not work: {why_not};"
              " installing the kit's", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["check"] and len(sys.argv) in (2, 3):
        sys.exit(check(sys.argv[2] if len(sys.argv) == 3 else None))
    sys.exit(__doc__)
