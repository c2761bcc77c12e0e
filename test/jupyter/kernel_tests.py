"""jupyter_kernel_test's KernelTests with woma's samples: every test the suite has runs (none is skipped).

Run by test/integration/jupyter-kernel.test.ts with JUPYTER_PATH pointing at a woma kernelspec:
    WOMA_KERNEL_NAME=woma /usr/bin/python3 test/jupyter/kernel_tests.py
"""

import os
import unittest

import jupyter_kernel_test as jkt


class WomaKernelTests(jkt.KernelTests):
    kernel_name = os.environ.get("WOMA_KERNEL_NAME", "woma")
    language_name = "python"
    file_extension = ".py"

    code_hello_world = "print('hello, world')"
    code_stderr = "import sys; print('test', file=sys.stderr)"
    completion_samples = [{"text": "zi", "matches": {"zip"}}, {"text": "import o", "matches": {"opcode", "operator", "optparse", "os"}}]
    complete_code_samples = ["1", "print('hello, world')", "def f(x):\n  return x*2\n\n\n"]
    incomplete_code_samples = ["print('''hello", "def f(x):\n  x*2", "for i in range(3):"]
    invalid_code_samples = ["import = 7q", "1 +* 2"]
    code_page_something = "zip?"
    code_generate_error = "raise"
    code_execute_result = [
        {"code": "1+2+3", "result": "6"},
        {"code": "[n*n for n in range(1, 4)]", "result": "[1, 4, 9]"},
        {"code": "from IPython.display import HTML; HTML('<i>rich</i>')", "mime": "text/html", "result": "<i>rich</i>"},
    ]
    code_display_data = [
        {"code": "from IPython.display import HTML, display; display(HTML('<b>test</b>'))", "mime": "text/html"},
        {"code": "from IPython.display import Math, display; display(Math('\\frac{1}{2}'))", "mime": "text/latex"},
        {"code": "display({'image/svg+xml': '<svg xmlns=\"http://www.w3.org/2000/svg\"/>', 'text/plain': 'svg'}, raw=True)", "mime": "image/svg+xml"},
    ]
    code_history_pattern = "1?2*"
    supported_history_operations = ("tail", "range", "search")
    code_inspect_sample = "zip"
    code_clear_output = "from IPython.display import clear_output; clear_output()"


if __name__ == "__main__":
    unittest.main(verbosity=2)
