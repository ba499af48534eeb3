"""Finds or installs the Jupyter kernelspec named `java` that gradkit's notebooks run in.

    /usr/bin/python3 tools/java_kernel.py check
        exit 0 when a usable `java` kernel is registered (IJava, JJava, Rapaio: any of them),
        exit 1 when there is none, or when the one this kit installed lost a file or predates the
        current tools/RapaioKernelLauncher.java.
    /usr/bin/python3 tools/java_kernel.py install JAR JAVA
        compiles tools/RapaioKernelLauncher.java against Rapaio's kernel jar JAR with the javac next
        to the java launcher JAVA (into a folder next to JAR named after the source's hash, so that a
        changed launcher gets a new folder and an unchanged one is not compiled again), and registers
        it as `java` in the user's Jupyter data folder (~/.local/share/jupyter/kernels/java).

The kernel.json written here is the one Rapaio's own installer writes for its default profile
(interrupt by message, RJK_* settings in env), with three choices of ours: the JVM runs
RapaioKernelLauncher, which starts Rapaio's kernel around its two start-up races (see that file);
the java launcher is an absolute path, so that the kernel keeps the JDK the kit was set up with;
and AWT runs headless, since the notebooks only draw into images.
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile

from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

NAME = "java"
MARKER = "gradkit"  # kept in the spec's metadata so that we recognise a kernel we installed
LAUNCHER = "RapaioKernelLauncher"
LAUNCHER_SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), LAUNCHER + ".java")


def launcher_version():
    """The first 12 hex digits of the SHA-256 of the launcher's source."""
    with open(LAUNCHER_SOURCE, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:12]


def check():
    try:
        spec = KernelSpecManager().get_kernel_spec(NAME)
    except NoSuchKernel:
        return 1
    if spec.metadata.get("installed_by") != MARKER:
        return 0   # someone else's Java kernel: use it as it is
    if spec.metadata.get("launcher") != launcher_version():
        print(f"kit: the java kernel at {spec.resource_dir} does not start through the current"
              f" {LAUNCHER}; installing it again", file=sys.stderr)
        return 1
    class_path = spec.argv[spec.argv.index("-cp") + 1].split(os.pathsep) if "-cp" in spec.argv else []
    missing = [f for f in [spec.argv[0], *class_path] if not os.path.exists(f)]
    if class_path and not os.path.isfile(os.path.join(class_path[0], LAUNCHER + ".class")):
        missing.append(os.path.join(class_path[0], LAUNCHER + ".class"))
    if missing:
        print(f"kit: the java kernel at {spec.resource_dir} needs {', '.join(missing)}, which is gone;"
              " installing it again", file=sys.stderr)
        return 1
    return 0


def compile_launcher(jar, java):
    """Compiles the launcher into a folder next to the jar, unless it is there; returns the folder."""
    version = launcher_version()
    out = os.path.join(os.path.dirname(jar), f"launcher-{version}")
    if os.path.isfile(os.path.join(out, LAUNCHER + ".class")):
        return out, version
    javac = os.path.join(os.path.dirname(java), "javac")
    if not os.path.isfile(javac):
        sys.exit(f"kit: the Java kernel's launcher needs javac next to {java}, but there is none"
                 " (install a JDK, not only a JRE, or set JAVA_HOME to one)")
    staging = tempfile.mkdtemp(prefix=f"launcher-{version}-", dir=os.path.dirname(jar))
    subprocess.run([javac, "--release", "17", "-cp", jar, "-d", staging, LAUNCHER_SOURCE], check=True)
    try:
        os.rename(staging, out)   # whole or not at all: check() trusts a folder that holds the class
    except OSError:               # another ./kit compiled it at the same time
        shutil.rmtree(staging)
        if not os.path.isfile(os.path.join(out, LAUNCHER + ".class")):
            raise
    print(f"kit: compiled {LAUNCHER} into {out}")
    return out, version


def install(jar, java):
    jar, java = os.path.abspath(jar), os.path.abspath(java)
    data_dir = os.path.dirname(jar)
    launcher_dir, version = compile_launcher(jar, java)
    spec = {
        "argv": [java, "-Djava.awt.headless=true", "-cp", launcher_dir + os.pathsep + jar, LAUNCHER,
                 "{connection_file}"],
        "display_name": "Java (gradkit, rapaio 2.3.0)",
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            "RJK_COMPILER_OPTIONS": "",
            "RJK_INIT_SCRIPT": "",
            "RJK_TIMEOUT_MILLIS": "-1",
            "RJK_MIMA_CACHE": os.path.join(data_dir, "mima_cache"),
        },
        "metadata": {"installed_by": MARKER, "launcher": version},
    }
    with tempfile.TemporaryDirectory() as source:
        with open(os.path.join(source, "kernel.json"), "w") as f:
            json.dump(spec, f, indent=2)
        where = KernelSpecManager().install_kernel_spec(source, NAME, user=True)
    print(f"kit: installed the Jupyter kernel '{NAME}' in {where}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["check"] and len(sys.argv) == 2:
        sys.exit(check())
    if sys.argv[1:2] == ["install"] and len(sys.argv) == 4:
        sys.exit(install(sys.argv[2], sys.argv[3]))
    sys.exit(__doc__)
