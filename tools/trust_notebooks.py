"""Marks the kit's notebooks trusted in this user's Jupyter, so that they do not open "Not Trusted".

    python3 tools/trust_notebooks.py NOTEBOOK...

Jupyter trusts a notebook when its signature (an HMAC with a secret of this user's) is in the
user's signature database, nbsignatures.db in the Jupyter data folder; a notebook fresh from git has
none, so Jupyter Notebook 6 marks every code cell untrusted and the notebook "Not Trusted" until it
is saved once. Trust only matters for outputs (HTML and JavaScript that Jupyter would run on
opening), so this signs a notebook only when it has no such output, as the committed notebooks
have none: a notebook with rich outputs that Jupyter does not trust already is left alone.
The notebook files themselves are not changed.
"""
import sys

import nbformat
from nbformat.sign import NotebookNotary


def main(paths):
    notary = NotebookNotary()
    for path in paths:
        nb = nbformat.read(path, as_version=4)
        if notary.check_signature(nb):
            continue
        if notary.check_cells(nb):     # no rich output: nothing that trust could let run
            notary.sign(nb)
        else:
            print(f"kit: {path} has outputs Jupyter does not trust yet; leaving it untrusted", file=sys.stderr)
    return 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))
