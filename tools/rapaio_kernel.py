"""Registers Rapaio's Java kernel (rapaio-jupyter-kernel, from Maven Central) in a Jupyter folder of
the kit's own, so that the notebooks can be run in it without touching the user's kernels.

    python3 tools/rapaio_kernel.py install JAR JAVA JUPYTER_DIR

writes JUPYTER_DIR/kernels/rapaio/kernel.json for the kernel jar JAR run by the JVM JAVA (absolute
paths are kept). Jupyter finds it with JUPYTER_PATH=JUPYTER_DIR, which is how `./kit rapaio` and
`./kit test` run the seven notebooks in Rapaio (tools/run_notebooks.py --kernel rapaio).

The spec is the one Rapaio's own installer writes (`java -jar rapaio-jupyter-kernel-VERSION.jar -i
-auto`, into ~/.local/share/jupyter/kernels/rapaio-jupyter-kernel): the same command line, display
name, interrupt mode and RJK_* settings, so that the notebooks meet the kernel a student who
installed Rapaio meets. Two things differ, neither of which Rapaio itself reads differently: the
kernel's name is `rapaio` (a folder of ours), and the JVM is the absolute path JAVA, the JDK the kit
was set up with, where the installer writes plain `java`. Rapaio's cache of %dependency downloads
(RJK_MIMA_CACHE, which the installer leaves relative to the notebook's folder) goes into
JUPYTER_DIR's parent, so that a notebook's folder stays clean.
"""
import json
import os
import re
import sys

NAME = "rapaio"


def version_of(jar):
    """The version in a Maven jar's name, rapaio-jupyter-kernel-2.3.0.jar -> 2.3.0."""
    found = re.search(r"-(\d[\w.]*)\.jar$", os.path.basename(jar))
    if not found:
        sys.exit(f"rapaio_kernel: expected a jar named rapaio-jupyter-kernel-VERSION.jar, got {jar}")
    return found.group(1)


def install(jar, java, jupyter_dir):
    jar, java, jupyter_dir = map(os.path.abspath, (jar, java, jupyter_dir))
    if not os.path.isfile(jar):
        sys.exit(f"rapaio_kernel: no kernel jar at {jar}")
    where = os.path.join(jupyter_dir, "kernels", NAME)
    os.makedirs(where, exist_ok=True)
    spec = {
        "argv": [java, "-jar", jar, "{connection_file}"],
        "display_name": f"Java (rjk {version_of(jar)})",   # as Rapaio's installer names it
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            "RJK_CLASSPATH": "",
            "RJK_COMPILER_OPTIONS": "",
            "RJK_INIT_SCRIPT": "",
            "RJK_TIMEOUT_MILLIS": "-1",
            "RJK_MIMA_CACHE": os.path.join(os.path.dirname(jupyter_dir), "mima_cache"),
        },
    }
    with open(os.path.join(where, "kernel.json"), "w") as f:
        json.dump(spec, f, indent=2)
    print(f"kit: registered Rapaio's kernel '{NAME}' ({spec['display_name']}) in {where}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["install"] and len(sys.argv) == 5:
        sys.exit(install(*sys.argv[2:]))
    sys.exit(__doc__)
