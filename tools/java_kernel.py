"""Finds or installs the Jupyter kernelspec named `java` that gradkit's notebooks run in.

    /usr/bin/python3 tools/java_kernel.py check
        exit 0 when a usable `java` kernel is registered (IJava, JJava, Rapaio: any of them),
        exit 1 when there is none or when the one this kit installed lost its jar.
    /usr/bin/python3 tools/java_kernel.py install JAR JAVA
        registers Rapaio's kernel jar JAR, started by the java launcher JAVA, as `java`
        in the user's Jupyter data folder (~/.local/share/jupyter/kernels/java).

The kernel.json written here is the one Rapaio's own installer writes for its default profile
(`java -jar rapaio-jupyter-kernel.jar {connection_file}`, interrupt by message, RJK_* settings in
env), with two choices of ours: the java launcher is an absolute path, so that the kernel keeps the
JDK the kit was set up with, and AWT runs headless, since the notebooks only draw into images.
"""
import json
import os
import sys
import tempfile

from jupyter_client.kernelspec import KernelSpecManager, NoSuchKernel

NAME = "java"
MARKER = "gradkit"  # kept in the spec's metadata so that we recognise a kernel we installed


def check():
    try:
        spec = KernelSpecManager().get_kernel_spec(NAME)
    except NoSuchKernel:
        return 1
    if spec.metadata.get("installed_by") == MARKER:
        missing = [a for a in spec.argv if a.endswith(".jar") and not os.path.isfile(a)]
        missing += [spec.argv[0]] if not os.path.isfile(spec.argv[0]) else []
        if missing:
            print(f"kit: the java kernel at {spec.resource_dir} needs {', '.join(missing)}, which is gone;"
                  " installing it again", file=sys.stderr)
            return 1
    return 0


def install(jar, java):
    jar, java = os.path.abspath(jar), os.path.abspath(java)
    data_dir = os.path.dirname(jar)
    spec = {
        "argv": [java, "-Djava.awt.headless=true", "-jar", jar, "{connection_file}"],
        "display_name": "Java (gradkit, rapaio 2.3.0)",
        "language": "java",
        "interrupt_mode": "message",
        "env": {
            "RJK_COMPILER_OPTIONS": "",
            "RJK_INIT_SCRIPT": "",
            "RJK_TIMEOUT_MILLIS": "-1",
            "RJK_MIMA_CACHE": os.path.join(data_dir, "mima_cache"),
        },
        "metadata": {"installed_by": MARKER},
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
