"""Executes a notebook on a kernel with nbclient (what `jupyter execute` runs), errors allowed, and prints the executed notebook as JSON.

    /usr/bin/python3 test/jupyter/execute_notebook.py NOTEBOOK KERNEL_NAME
"""

import sys

import nbformat
from nbclient import NotebookClient

notebook = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(notebook, kernel_name=sys.argv[2], allow_errors=True, timeout=120, startup_timeout=120).execute()
nbformat.validate(notebook)
sys.stdout.write(nbformat.writes(notebook))
