"""Executes notebooks headless in the Jupyter kernel named `java` (or --kernel NAME), the way CI does.

    python3 tools/run_notebooks.py [--out DIR] [--cell-timeout SECONDS] [--kernel NAME] PATH...

PATH is a notebook or a folder of notebooks (*.ipynb, in name order). Each notebook gets a fresh
kernel started in the notebook's own folder, so "%classpath ../target/kit-classes" means what it
means in Jupyter. Its code cells run in order; the executed copy goes to DIR/NAME.ipynb, an HTML
rendering to DIR/NAME.html and the kernel's own log to DIR/NAME.kernel.log, passed or not.

The HTML pages read well anywhere, served over http or opened as files: each is titled after its
notebook's first heading, and what they load (MathJax for the formulas, require.js) is copied from
Debian's packages into DIR/static/ and referenced relatively, not as file:///usr/share/... (which a
browser refuses from an http page, leaving every formula as raw TeX). DIR/index.html lists every
executed notebook in DIR with its title and links to its HTML page and its .ipynb.

The first cell that fails stops its notebook and is reported with the notebook's name, the cell's
index, its source and the error. A cell fails when the kernel replies with an error, publishes an
`error` output (Rapaio reports compile errors that way too), does not finish within the cell
timeout, or the kernel dies; and when its value is text of several lines that the kernel sends as
HTML only (Rapaio does: the page would run the lines together). The last line is "notebooks: N passed, M failed"; the exit status is 1
when a notebook failed.

Start-up: the kit's own kernel (tools/kernel/) answers as soon as it runs. Rapaio 2.3.0, in
which `./kit rapaio` and `./kit test` run these notebooks (--kernel rapaio), has two start-up races
that hit more often the busier the machine is. (1) Each channel's loop thread is started before its
`running` flag is set, and a thread that looks first finds it false and ends at once: the kernel
binds its sockets and logs so, but never answers on the shell channel. (2) The message handlers
are put in place after the sockets are bound; a request that arrives in between kills the shell
thread (NullPointerException in Channels.getHandler, in the kernel's log). Against (2) the
runner connects to a Rapaio kernel only once its log shows all five channels bound, plus
HANDLERS_GRACE seconds. Against (1) nothing on this side helps: a kernel that does not answer
kernel_info within ANSWER_TIMEOUT seconds of binding (START_TIMEOUT in all for other kernels), that
died, or whose shell thread died is shut down and a new one started, up to KERNEL_STARTS times.
Nothing is retried once the kernel has answered: a cell that failed is a failure.
"""
import argparse
import copy
import html
import re
import shutil
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbclient.util import run_sync
from nbconvert import HTMLExporter
from nbconvert.preprocessors import coalesce_streams

KERNEL = "java"       # the kernelspec's name, unless --kernel says otherwise
START_TIMEOUT = 60    # seconds for a kernel to start (JVM, JShell, sockets): 1.5 to 6 s normally
ANSWER_TIMEOUT = 5    # seconds for Rapaio to answer kernel_info once its sockets are bound (< 1 s)
HANDLERS_GRACE = 1.0  # seconds between Rapaio's "Binding" log lines and the first request
# Kernels started per notebook before giving up on it. Only Rapaio ever needs a second: its start-up
# races have hung up to a third of its starts on a busy 2-core machine (13 of 40), so with 10 starts
# about one notebook in 70,000 gets no kernel, where with 5 it was one in 275 (a CI run in 40).
KERNEL_STARTS = 10
SHELL_THREAD_DIED = 'Exception in thread "Shell-'   # what Rapaio's log shows when the race hits
ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")

# What the HTML pages load, from Debian's libjs-mathjax (2.7) and libjs-requirejs, which
# jupyter-notebook depends on. Of MathJax's 54 MB only this is copied (1.4 MB). Serving all six
# exports over http to Chromium, with the whole of MathJax beside them and no MathJax fonts
# installed, the browser fetched MathJax.js, the configuration nbconvert asks for (TeX input,
# CommonHTML output, the Safe extension), two operator tables, CommonHTML's font data and
# line-breaking, and five woff fonts. Those folders are copied whole, with the TeX extensions and
# the menu and zoom MathJax loads on demand, so that another formula still finds what it needs;
# woff is the only font format CommonHTML asks a current browser for.
MATHJAX = Path("/usr/share/javascript/mathjax")
MATHJAX_PARTS = ["MathJax.js", "config/TeX-AMS_CHTML-full.js", "config/Safe.js", "extensions/Safe.js",
                 "extensions/MathMenu.js", "extensions/MathZoom.js", "extensions/TeX",
                 "jax/output/CommonHTML", "jax/element/mml/optable", "fonts/HTML-CSS/TeX/woff"]
MATHJAX_CONFIG = "TeX-AMS_CHTML-full,Safe"   # the configuration nbconvert's own default asks for
REQUIRE_JS = Path("/usr/share/javascript/requirejs/require.min.js")
STATIC = "static"     # the folder beside the pages, inside --out


class KernelNeverReady(Exception):
    pass


class CellFailed(Exception):
    def __init__(self, index, cell, error):
        super().__init__(error)
        self.index, self.cell, self.error = index, cell, error

    def report(self, name):
        return (f"FAILED {name}: code cell at index {self.index} (execution order "
                f"{self.cell.get('execution_count')})\n"
                f"--- source ---\n{self.cell.source}\n"
                f"--- error ---\n{self.error}")


def error_in_outputs(cell):
    """The text of the first `error` output of a cell, or None."""
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            traceback = "\n".join(out.get("traceback", []))
            return ANSI.sub("", f"{out.get('ename')}: {out.get('evalue')}\n{traceback}").strip()
    return None


class KernelLog:
    """The part of a notebook's kernel log that one kernel start wrote."""

    def __init__(self, log, path):
        log.flush()
        self.log, self.path, self.offset = log, path, path.stat().st_size

    def text(self):
        self.log.flush()
        with open(self.path, errors="replace") as f:
            f.seek(self.offset)
            return f.read()


def bare_rapaio(argv):
    """True for a Rapaio kernel (its jar is named in the kernelspec's command)."""
    return any("rapaio" in arg for arg in argv)


def start_kernel(client, log, log_path):
    """Starts the client's kernel and waits for its kernel_info reply; KernelNeverReady if none."""
    kernel_log = KernelLog(log, log_path)
    client.create_kernel_manager()
    client.start_new_kernel(stdout=log, stderr=log)
    answer_within = START_TIMEOUT
    if bare_rapaio(client.km.kernel_spec.argv):
        wait_until_channels_bound(client, kernel_log)
        answer_within = ANSWER_TIMEOUT
    client.kc = client.km.client()
    client.kc.start_channels()
    deadline = time.monotonic() + answer_within
    while True:
        try:
            run_sync(client.kc.wait_for_ready)(timeout=2)
            break
        except RuntimeError as e:    # "Kernel didn't respond in 2 seconds" or "Kernel died ..."
            if SHELL_THREAD_DIED in kernel_log.text():
                reason = "its shell thread died at start-up (Rapaio's handler race)"
            elif "died" in str(e):
                reason = str(e)
            elif time.monotonic() > deadline:
                reason = f"no answer to kernel_info within {answer_within} seconds"
            else:
                continue
            client._cleanup_kernel()
            raise KernelNeverReady(reason) from e
    client.kc.allow_stdin = False
    # as nbclient's execute() does: the language goes into the notebook (HTML highlights by it)
    info = client.wait_for_reply(client.kc.kernel_info())
    client.nb.metadata["language_info"] = info["content"]["language_info"]


def wait_until_channels_bound(client, kernel_log):
    """Rapaio logs "Binding" for each of its five channels, then registers its message handlers:
    connecting only after that, and a moment more, keeps the first request out of that race."""
    deadline = time.monotonic() + START_TIMEOUT
    while kernel_log.text().count("]: Binding") < 5 and time.monotonic() < deadline:
        if not run_sync(client.km.is_alive)():
            return   # the wait for kernel_info will say that it died
        time.sleep(0.1)
    time.sleep(HANDLERS_GRACE)


def execute_cells(client, nb):
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        try:
            client.execute_cell(cell, index)
        except CellTimeoutError:
            raise CellFailed(index, cell, f"no result within {client.timeout} seconds") from None
        except DeadKernelError as e:
            raise CellFailed(index, cell, f"the kernel died: {e}") from None
        except CellExecutionError as e:
            raise CellFailed(index, cell, error_in_outputs(cell) or ANSI.sub("", str(e))) from None
        error = error_in_outputs(cell) or text_value_as_html(cell)
        if error:
            raise CellFailed(index, cell, error)


def text_value_as_html(cell):
    """Why the cell's value would not read as text in Jupyter's page, or None. Rapaio sends a cell's
    value as its toString() in text/html alone, unescaped: text of several lines runs into one
    (the checker's table, a grading report), so the notebooks print such values instead."""
    for out in cell.get("outputs", []):
        data = out.get("data", {}) if out.get("output_type") == "execute_result" else {}
        if "text/html" in data and "text/plain" not in data and "\n" in data["text/html"]:
            return ("the cell ends with a value of several lines of text, which this kernel sends"
                    " as HTML only, so that the page runs its lines together: print it with"
                    " System.out.println instead")
    return None


def run_notebook(path, out_dir, cell_timeout, kernel=KERNEL):
    """Runs one notebook; returns (failure report or None, seconds to a ready kernel)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    name = path.stem
    failure, ready_after = None, None
    log_path = out_dir / f"{name}.kernel.log"
    with open(log_path, "w") as log:
        for start in range(1, KERNEL_STARTS + 1):
            nb = nbformat.read(path, as_version=4)
            client = NotebookClient(nb, kernel_name=kernel, timeout=cell_timeout,
                                    startup_timeout=START_TIMEOUT, allow_errors=False,
                                    shutdown_kernel="immediate",   # nothing to save; no 5 s wait
                                    resources={"metadata": {"path": str(path.parent.resolve())}})
            began = time.monotonic()
            try:
                start_kernel(client, log, log_path)
            except KernelNeverReady as e:
                again = "; starting a new kernel" if start < KERNEL_STARTS else ""
                print(f"  {path.name}: kernel start {start} of {KERNEL_STARTS} never answered ({e}){again}",
                      flush=True)
                log.write(f"\n--- kit: kernel start {start} never answered: {e} ---\n\n")
                log.flush()
                continue
            ready_after = time.monotonic() - began
            try:
                execute_cells(client, nb)
            except CellFailed as e:
                failure = e.report(path.name)
            finally:
                client._cleanup_kernel()
            break
        else:
            failure = (f"FAILED {path.name}: none of {KERNEL_STARTS} kernel starts answered"
                       f" (see {log_path})")
            return failure, ready_after
    nb, _ = coalesce_streams(nb, {})   # Rapaio sends a printf in pieces; Jupyter's page joins them too
    nbformat.write(nb, out_dir / f"{name}.ipynb")
    export_html(nb, out_dir / f"{name}.html")
    return failure, ready_after


# ---------------------------------------------------------------- HTML pages and their index

def title_of(nb, fallback):
    """The text of the notebook's first Markdown heading, without its Markdown marks."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        for line in cell.source.splitlines():
            heading = re.match(r"\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$", line)
            if heading and heading.group(1):
                return re.sub(r"[`*_]+", "", heading.group(1)).strip()
    return fallback


def export_html(nb, path):
    """Writes the notebook as an HTML page that loads its scripts from STATIC/ beside it
    (copy_static puts them there)."""
    nb = copy.deepcopy(nb)
    nb.metadata["title"] = title_of(nb, path.stem)   # nbconvert's template puts it in <title>
    exporter = HTMLExporter(
        mathjax_url=f"{STATIC}/mathjax/MathJax.js?config={MATHJAX_CONFIG}",
        require_js_url=f"{STATIC}/require.min.js")
    page, _ = exporter.from_notebook_node(nb)
    path.write_text(page, encoding="utf-8")


def copy_static(out_dir):
    """Copies MATHJAX_PARTS and require.js into out_dir/STATIC."""
    target = out_dir / STATIC
    if not (MATHJAX / "MathJax.js").is_file():
        print(f"run_notebooks: {MATHJAX} is missing (Debian's libjs-mathjax): the HTML pages will"
              " show formulas as TeX source", file=sys.stderr)
    else:
        for part in MATHJAX_PARTS:
            source, dest = MATHJAX / part, target / "mathjax" / part
            dest.parent.mkdir(parents=True, exist_ok=True)
            if source.is_dir():
                # Debian's fonts are symbolic links into /usr/share/fonts: copy what they point to
                shutil.copytree(source, dest, dirs_exist_ok=True)
            else:
                shutil.copy(source, dest)
    if REQUIRE_JS.is_file():
        target.mkdir(parents=True, exist_ok=True)
        shutil.copy(REQUIRE_JS, target / REQUIRE_JS.name)


def write_index(out_dir):
    """Writes out_dir/index.html: every executed notebook in out_dir, its title and its two files."""
    rows = []
    for ipynb in sorted(out_dir.glob("*.ipynb")):
        title = title_of(nbformat.read(ipynb, as_version=4), ipynb.stem)
        page = ipynb.with_suffix(".html")
        link = (f'<a href="{html.escape(page.name)}">{html.escape(title)}</a>' if page.is_file()
                else html.escape(title))
        download = f'<a href="{html.escape(ipynb.name)}" download>{html.escape(ipynb.name)}</a>'
        rows.append(f"<tr><td>{link}</td><td>{download}</td></tr>")
    (out_dir / "index.html").write_text(INDEX_PAGE.format(rows="\n".join(rows)), encoding="utf-8")


INDEX_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>gradkit notebooks</title>
<style>
  body {{ font-family: "DejaVu Sans", sans-serif; max-width: 60em; margin: 2em auto; padding: 0 1em; }}
  table {{ border-collapse: collapse; }}
  td, th {{ padding: 0.3em 0.8em; border-bottom: 1px solid #ddd; text-align: left; }}
</style>
</head>
<body>
<h1>gradkit notebooks</h1>
<p>Each notebook as it ran: the page to read, and the executed notebook to open in Jupyter.</p>
<table>
<tr><th>notebook</th><th>executed notebook</th></tr>
{rows}
</table>
</body>
</html>
"""


def notebooks_in(paths):
    found = []
    for p in map(Path, paths):
        if p.is_dir():
            found += sorted(q for q in p.glob("*.ipynb") if q.is_file())
        elif p.is_file():
            found.append(p)
        else:
            sys.exit(f"run_notebooks: no such notebook or folder: {p}")
    return found


def main():
    parser = argparse.ArgumentParser(description="Execute notebooks in the java kernel.")
    parser.add_argument("paths", nargs="+", help="notebooks, or folders of notebooks")
    parser.add_argument("--out", default="target/notebooks", type=Path, help="where results go")
    parser.add_argument("--cell-timeout", default=180, type=int, help="seconds per cell")
    parser.add_argument("--kernel", default=KERNEL, help=f"the kernelspec's name (default {KERNEL})")
    args = parser.parse_args()

    notebooks = notebooks_in(args.paths)
    if notebooks:
        copy_static(args.out)
    passed, failures = 0, []
    total = time.monotonic()
    for path in notebooks:
        began = time.monotonic()
        failure, ready_after = run_notebook(path, args.out, args.cell_timeout, args.kernel)
        took = time.monotonic() - began
        start = f"kernel ready in {ready_after:.1f} s" if ready_after is not None else "no kernel"
        print(f"  {path.name}: {'FAILED' if failure else 'passed'} in {took:.1f} s ({start})",
              flush=True)
        if failure:
            failures.append(failure)
        else:
            passed += 1
    if notebooks:
        write_index(args.out)
    for failure in failures:
        print("\n" + failure, file=sys.stderr)
    if notebooks:
        print(f"results in {args.out}/ ({time.monotonic() - total:.1f} s in all)")
    print(f"notebooks: {passed} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
