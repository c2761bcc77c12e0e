"""woma's side of a run inside Pyodide: sessions, the exec semantics, tracebacks and hardening.

Loaded once per interpreter, before the memory snapshot is taken, as the module `_woma`.
Every entry point returns plain JSON text (or a coroutine resolving to it), so no Python
object ever crosses into JavaScript.
"""

import ast
import builtins
import codeop
import io
import json
import sys
import textwrap
import tokenize
import traceback

_sessions = {}
_current_task = None
_interrupt_requested = False
_INTERNAL_PREFIXES = ("/lib/python314.zip/_pyodide/", "/lib/python314.zip/pyodide/")


def _new_globals():
    return {"__name__": "__main__", "__builtins__": builtins}


def session(op, session_id):
    """Creates, resets or closes the globals of one session."""
    if op == "create" or op == "reset":
        _sessions[session_id] = _new_globals()
    elif op == "close":
        _sessions.pop(session_id, None)
    else:
        raise ValueError(f"unknown session op {op!r}")
    return json.dumps({"sessions": len(_sessions)})


def check(code):
    """'complete', 'incomplete' or 'invalid', by the rule of Python's own REPL."""
    try:
        compiled = codeop.compile_command(code, "<stdin>", "single")
    except (SyntaxError, ValueError, OverflowError):
        return "invalid"
    return "incomplete" if compiled is None else "complete"


def _ends_with_semicolon(source):
    """True when the last token that is not a comment or a newline is ';'."""
    last = None
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type in (tokenize.NEWLINE, tokenize.NL, tokenize.COMMENT, tokenize.ENDMARKER,
                            tokenize.INDENT, tokenize.DEDENT):
                continue
            last = tok
    except (tokenize.TokenError, SyntaxError):
        return False
    return last is not None and last.type == tokenize.OP and last.string == ";"


def _compile(code):
    """Returns (statements, last expression or None) compiled from the user's code."""
    source = textwrap.dedent(code)
    tree = ast.parse(source, "<exec>", "exec")
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr) and not _ends_with_semicolon(source):
        last = ast.Expression(tree.body.pop().value)
    flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
    body = compile(tree, "<exec>", "exec", flags=flags, dont_inherit=True)
    expr = compile(last, "<exec>", "eval", flags=flags, dont_inherit=True) if last is not None else None
    return body, expr


def _is_coroutine_code(code):
    return code is not None and bool(code.co_flags & 0x80)  # inspect.CO_COROUTINE


def _clean_stack(stack):
    """Drops woma's and Pyodide's frames: everything before the first user frame, and Pyodide internals."""
    frames = list(stack)
    while frames and frames[0].filename != "<exec>":
        frames.pop(0)
    frames = [f for f in frames if f.filename != "<woma>" and not f.filename.startswith(_INTERNAL_PREFIXES)]
    return traceback.StackSummary.from_list(frames)


def _clean(te, seen):
    if te is None or id(te) in seen:
        return
    seen.add(id(te))
    te.stack = _clean_stack(te.stack)
    _clean(te.__cause__, seen)
    _clean(te.__context__, seen)
    for sub in getattr(te, "exceptions", None) or ():
        _clean(sub, seen)


def format_exception(exc):
    """The traceback as CPython prints it, without internal frames."""
    te = traceback.TracebackException.from_exception(exc)
    _clean(te, set())
    return "".join(te.format())


def _flush():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except Exception:
            pass


def _exception_result(exc):
    try:
        message = str(exc)
    except BaseException:
        message = "<exception str() failed>"
    return {
        "status": "exception",
        "result": None,
        "error": {"type": type(exc).__name__, "message": message, "traceback": format_exception(exc)},
    }


def _value_result(value, max_result_chars):
    if value is None:
        return {"status": "success", "result": None}
    text = repr(value)
    out = {"status": "success", "result": text}
    if max_result_chars and len(text) > max_result_chars:
        out["result"] = text[:max_result_chars]
        out["result_chars_cut"] = len(text) - max_result_chars
    return out


def _finish(outcome):
    _flush()
    return json.dumps(outcome)


async def _run_async(body, expr, namespace, max_result_chars):
    global _current_task
    try:
        coroutine = eval(body, namespace)
        if coroutine is not None:
            await coroutine
        value = None
        if expr is not None:
            value = eval(expr, namespace)
            if _is_coroutine_code(expr):
                value = await value
        outcome = _value_result(value, max_result_chars)
    except BaseException as exc:  # SystemExit and KeyboardInterrupt are results too
        if _interrupt_requested and type(exc).__name__ == "CancelledError":
            # The daemon's interrupt of a suspended run arrives as a task cancel; report it as the interrupt it is.
            exc = KeyboardInterrupt()
        outcome = _exception_result(exc)
    finally:
        _current_task = None
    return _finish(outcome)


def interrupt():
    """Cancels a top-level-await run that is suspended (the interrupt buffer only reaches running code)."""
    global _interrupt_requested
    if _current_task is not None and not _current_task.done():
        _interrupt_requested = True
        _current_task.cancel()


def run(code, session_id, fresh, max_result_chars):
    """Runs code and returns the outcome as JSON, or an asyncio task resolving to it for top-level await."""
    global _current_task, _interrupt_requested
    _interrupt_requested = False
    if session_id is None or fresh:
        namespace = _new_globals()
    else:
        # The daemon owns the list of sessions; a runner creates a session's globals on first use.
        namespace = _sessions.get(session_id)
        if namespace is None:
            namespace = _sessions[session_id] = _new_globals()
    try:
        body, expr = _compile(code)
    except BaseException as exc:
        return _finish(_exception_result(exc))
    if _is_coroutine_code(body) or _is_coroutine_code(expr):
        import asyncio

        _current_task = asyncio.ensure_future(_run_async(body, expr, namespace, max_result_chars))
        return _current_task
    try:
        exec(body, namespace)
        value = eval(expr, namespace) if expr is not None else None
        outcome = _value_result(value, max_result_chars)
    except BaseException as exc:  # SystemExit and KeyboardInterrupt are results too
        outcome = _exception_result(exc)
    return _finish(outcome)


class _DenyHostModules:
    """Import finder that keeps user code away from Pyodide's JavaScript API module."""

    allowed = 0

    def find_spec(self, name, path=None, target=None):
        if (name == "pyodide_js" or name.startswith("pyodide_js.")) and not _DenyHostModules.allowed:
            raise ImportError(f"module {name!r} is not available in woma: Python may not reach the host")
        return None


def harden():
    """Blocks the routes from Python to the host that Pyodide opens by default."""
    import pyodide.code

    original_import = builtins.__import__
    internal = ("pyodide", "_pyodide", "ssl")

    def guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
        if name == "pyodide_js" or name.startswith("pyodide_js."):
            importer = (globals or {}).get("__name__", "") or ""
            if importer.split(".")[0] not in internal:
                raise ImportError(f"module {name!r} is not available in woma: Python may not reach the host")
            _DenyHostModules.allowed += 1
            try:
                return original_import(name, globals, locals, fromlist, level)
            finally:
                _DenyHostModules.allowed -= 1
                _forget_host_modules()
        return original_import(name, globals, locals, fromlist, level)

    def run_js(*args, **kwargs):
        raise PermissionError("run_js is disabled in woma: Python may not run JavaScript in the host")

    builtins.__import__ = guarded_import
    sys.meta_path.insert(0, _DenyHostModules())
    pyodide.code.run_js = run_js
    _forget_host_modules()
    _disable_network()
    _interruptible_sleep()


def _interruptible_sleep():
    """time.sleep in short slices: Pyodide's own sleep blocks without seeing the interrupt buffer."""
    import time

    blocking_sleep = time.sleep

    def sleep(seconds, /):
        if not isinstance(seconds, (int, float)):
            return blocking_sleep(seconds)  # its own TypeError for what is not a number
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        deadline = time.monotonic() + seconds
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                return
            blocking_sleep(min(left, 0.05))

    sleep.__doc__ = blocking_sleep.__doc__
    time.sleep = sleep


_NO_NETWORK = "network access is not available in woma: Python runs without a network"


def _disable_network():
    """Makes every socket connection fail at once with a clear message, rather than hang until the timeout."""
    import errno
    import socket

    def no_address(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, _NO_NETWORK)

    def no_connection(*args, **kwargs):
        raise OSError(errno.ENETUNREACH, _NO_NETWORK)

    socket.getaddrinfo = no_address
    socket.gethostbyname = no_address
    socket.gethostbyname_ex = no_address
    socket.create_connection = no_connection
    socket.socket.connect = no_connection
    socket.socket.connect_ex = no_connection


def _forget_host_modules():
    for name in [n for n in sys.modules if n == "pyodide_js" or n.startswith("pyodide_js.")]:
        del sys.modules[name]
