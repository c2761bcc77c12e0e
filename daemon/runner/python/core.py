"""woma's side of a run inside Pyodide: sessions, the exec semantics, tracebacks, and what each run may not leave behind.

Loaded once per interpreter, before the memory snapshot is taken, as the module `_woma`.
The worker takes its entry points (`run`, `finish`, `session`, `check`, `interrupt`,
`set_host`) and removes the
module from `sys.modules` before any user code runs, so `import _woma` finds nothing.

Entry points return plain values (dicts of str, int and None, or an awaitable of one) that
the worker converts with Pyodide's C-level converter: no module that user code can patch
(json, repr, traceback's helpers) decides what the daemon receives. What the runtime relies
on is captured below at load time for the same reason. None of this keeps a tenant from
tampering with its own interpreter (it can find these functions through `gc`): it keeps a
careless or hostile run from breaking the runs that come after it.
"""

import ast
import asyncio
import builtins
import codeop
import gc
import io
import signal
import sys
import textwrap
import tokenize
import traceback
import weakref

from pyodide.ffi import can_run_sync, create_once_callable as _create_once_callable, run_sync
from pyodide.webloop import WebLoop
from pyodide.webloop import _orig_sleep as _blocking_sleep  # C's sleep: blocks the thread, sees no interrupt while it does

# --- What the runtime relies on, captured at load ------------------------------------------

_str_copy = str.__str__  # an exact str copy of a str subclass, without its overrides
_type_name = type.__dict__["__name__"].__get__  # the C-level name: a metaclass property cannot run
_cause_of = BaseException.__dict__["__cause__"].__get__
_context_of = BaseException.__dict__["__context__"].__get__
_isinstance = isinstance
_is = __import__("operator").is_
_all = all
_map = map
_list = list
_type = type
_len = len
_id = id
_repr = repr
_exec = exec
_eval = eval
_compile = compile
_BaseException = BaseException
_KeyboardInterrupt = KeyboardInterrupt
_CancelledError = asyncio.CancelledError
_all_tasks = asyncio.all_tasks
_asyncio_wait = asyncio.wait
_asyncio_sleep = asyncio.sleep
_TracebackException = traceback.TracebackException
_StackSummary = traceback.StackSummary
_WeakSet = weakref.WeakSet
_monotonic = __import__("time").monotonic
_math_inf = float("inf")

_sys = sys
_modules = sys.modules
_builtins_dict = builtins.__dict__
_stdout, _stderr, _stdin = sys.stdout, sys.stderr, sys.stdin
_displayhook, _excepthook = sys.__displayhook__, sys.__excepthook__
#: sys.meta_path and sys.path_hooks as harden() leaves them (woma's package finder included).
_meta_path = []
_path_hooks = []
_recursion_limit = sys.getrecursionlimit()
_int_max_str_digits = sys.get_int_max_str_digits()
_default_int_handler = signal.default_int_handler
_SIGINT = signal.SIGINT
_signal = signal.signal
_getsignal = signal.getsignal
_gc_enable = gc.enable
_settrace, _setprofile = sys.settrace, sys.setprofile
_monitoring = getattr(sys, "monitoring", None)

#: Modules present when the runtime loaded; a run that replaces or removes one of these
#: entries in sys.modules has it put back before the next run.
_baseline_modules = {}
#: builtins as they were when the runtime loaded (filled in by harden()).
_baseline_builtins = {}
#: Their items views, for the checks that run before every run (a C-level subset test).
_baseline_module_items = _baseline_modules.items()
_baseline_builtin_items = _baseline_builtins.items()

_INTERNAL_PREFIXES = ("/lib/python314.zip/_pyodide/", "/lib/python314.zip/pyodide/", "/lib/python3.14/asyncio/", "/lib/python314.zip/asyncio/")
_MAX_CHAIN = 64  # causes and contexts formatted per exception, at most
_MAX_TYPE_CHARS = 256  # an exception type's name, at most (MAX_ERROR_TYPE_CHARS in runner-protocol.ts)

_sessions = {}

# --- Runs and their asyncio work ---------------------------------------------------------


class _Run:
    """One run: the handles and tasks it scheduled, so that its end cancels them."""

    __slots__ = ("handles", "task", "tasks_before", "interrupted", "waiting", "max_display_bytes", "max_displays", "displays", "displays_dropped")

    def __init__(self, max_display_bytes=0, max_displays=0):
        self.handles = _WeakSet()
        self.task = None
        self.tasks_before = None
        self.interrupted = False
        #: What synchronous code is blocked on in run_sync, to cancel when the interrupt comes.
        self.waiting = None
        #: The run's caps on display outputs (display.py), and what it made of them.
        self.max_display_bytes = max_display_bytes
        self.max_displays = max_displays
        self.displays = 0
        self.displays_dropped = 0

    def stop(self):
        """The daemon's interrupt reached this run by another way than its own bytecode: wake it."""
        self.interrupted = True
        for pending in (self.waiting, self.task):
            if pending is not None and not pending.done():
                pending.cancel()


#: The run going on, or None between runs. Callbacks scheduled while it is None never run.
_active = None
_abandoned = _WeakSet()
_original_loop_init = WebLoop.__init__
#: The loop runs are scheduled on (set by harden()).
_loop = None


_MAX_TIMEOUT_MS = 2**31 - 1
#: How callbacks reach the JavaScript event loop: a function the worker hands over after boot
#: (Pyodide's scheduleCallback, wrapped so that nothing a callback raises escapes into JavaScript).
_schedule = None
#: wait(ms): a JavaScript promise that resolves after ms, or rejects when the daemon interrupts
#: the run. Handed over by the worker; it wakes a run blocked in run_sync without any Python
#: running, so an interrupt never lands halfway through asyncio's bookkeeping.
_js_wait = None


#: host(kind, names): a JavaScript promise for what the daemon does for this run: "packages"
#: (fetch and install what provides these modules) or "install" (micropip requirements).
_host = None


def set_host(schedule, wait, host):
    """Called once by the worker after boot, before any user code runs."""
    global _schedule, _js_wait, _host
    _schedule = schedule
    _js_wait = wait
    _host = host


def _call_later(self, delay, callback, *args, context=None):
    """WebLoop.call_later, except that every handle belongs to the run that scheduled it, outside a
    run nothing is scheduled, and nothing a callback raises (a KeyboardInterrupt that landed in it
    included) escapes into JavaScript: it ends the current run instead."""
    if delay < 0:
        raise ValueError("Can't schedule in the past")
    handle = asyncio.Handle(callback, args, self, context=context)
    run = _active
    if run is None or _schedule is None:
        handle.cancel()
        return handle
    if delay == _math_inf:
        return handle
    run.handles.add(handle)
    loop = self

    def run_handle():
        try:
            loop._install_running_loop()
            loop._install_asyncgen_hooks()
            if handle.cancelled():
                return
            handle._run()
        except _KeyboardInterrupt:
            _callback_interrupted()
        except _BaseException:
            pass

    _schedule(_create_once_callable(run_handle, _may_syncify=True), min(delay * 1000, _MAX_TIMEOUT_MS))
    return handle


def _callback_interrupted():
    # A KeyboardInterrupt raised inside a callback (the daemon's interrupt landed there)
    # must not escape into JavaScript: it ends the current run instead.
    run = _active
    if run is not None:
        run.stop()


def _callback_exited(code):
    # SystemExit raised in a task is also set on the task, so whoever awaits it sees it; nothing escapes into JavaScript.
    pass


def _exception_handler(loop, context):
    task = context.get("task") or context.get("future")
    if task is not None and task in _abandoned:
        return  # a task cancelled at the end of its run, collected later: not news
    loop.default_exception_handler(context)


def _own_handlers(loop):
    loop._keyboard_interrupt_handler = _callback_interrupted
    loop._system_exit_handler = _callback_exited
    loop._exception_handler = _exception_handler


def _loop_init(self, *args, **kwargs):
    _original_loop_init(self, *args, **kwargs)
    _own_handlers(self)


def _install_loop_policy():
    global _loop
    WebLoop.call_later = _call_later
    WebLoop.__init__ = _loop_init
    _loop = asyncio.get_event_loop()
    _own_handlers(_loop)


async def _settle_leftovers(run, budget):
    """Cancels what the run left scheduled, and gives cancelled tasks `budget` seconds to finish."""
    for handle in list(run.handles):
        handle.cancel()
    tasks = [t for t in _all_tasks(_loop) if t is not run.task and (run.tasks_before is None or t not in run.tasks_before)]
    for task in tasks:
        task.cancel()
        _abandoned.add(task)
    if tasks:
        try:
            await _asyncio_wait(tasks, timeout=budget)
        except _BaseException:
            pass
    for handle in list(run.handles):
        handle.cancel()


def _leftovers(run):
    for handle in run.handles:
        if not handle.cancelled():
            return True
    for task in _all_tasks(_loop):
        if task is not run.task and task not in run.tasks_before and not task.done():
            return True
    return False


# --- Interpreter state restored before every run ------------------------------------------


def _reopen_standard_streams():
    global _stdout, _stderr, _stdin
    import os

    for fd, name, mode in ((0, "/dev/stdin", os.O_RDONLY), (1, "/dev/stdout", os.O_WRONLY), (2, "/dev/stderr", os.O_WRONLY)):
        try:
            os.fstat(fd)
        except OSError:
            opened = os.open(name, mode)
            if opened != fd:
                os.dup2(opened, fd)
                os.close(opened)
    if _stdout.closed:
        _stdout = io.TextIOWrapper(io.FileIO(1, "w", closefd=False), encoding="utf-8", errors="backslashreplace", line_buffering=True)
    if _stderr.closed:
        _stderr = io.TextIOWrapper(io.FileIO(2, "w", closefd=False), encoding="utf-8", errors="backslashreplace", line_buffering=True)
    if _stdin.closed:
        _stdin = _Stdin()  # woma's stdin (display.py) never closes; this is for one that replaced it


def _unchanged(baseline_items, current):
    """True when every baseline entry is still in `current` as it was: a subset test in C, where
    an entry that is still the same object costs no call at all. An entry replaced by an object
    whose __eq__ calls itself equal to the original passes; that takes intent, not carelessness,
    and a run that means harm can reach this runtime through gc anyway (see the module's doc)."""
    try:
        return baseline_items <= current.items()
    except _BaseException:
        return False


def _same_items(current, baseline):
    """True when `current` is a list of the very objects of `baseline`, in order (no __eq__ runs)."""
    try:
        return _type(current) is _list and _len(current) == _len(baseline) and _all(_map(_is, current, baseline))
    except _BaseException:
        return False


def _restore_state():
    """Puts back what one run may have changed for every later one. Each part is checked first
    and put back only when it changed: the checks are what every run pays."""
    _settrace(None)
    _setprofile(None)
    if _monitoring is not None:
        for tool in range(6):
            try:
                if _monitoring.get_tool(tool) is not None:
                    _monitoring.set_events(tool, 0)
                    _monitoring.free_tool_id(tool)
            except _BaseException:
                pass
    if _sys.getrecursionlimit() != _recursion_limit:
        _sys.setrecursionlimit(_recursion_limit)
    if _sys.get_int_max_str_digits() != _int_max_str_digits:
        _sys.set_int_max_str_digits(_int_max_str_digits)
    _gc_enable()
    try:
        if _getsignal(_SIGINT) is not _default_int_handler:
            _signal(_SIGINT, _default_int_handler)
    except _BaseException:
        pass
    if _stdout.closed or _stderr.closed or _stdin.closed:
        _reopen_standard_streams()
    _sys.stdout, _sys.stderr, _sys.stdin = _stdout, _stderr, _stdin
    _sys.displayhook, _sys.excepthook = _displayhook, _excepthook
    if not _same_items(_sys.meta_path, _meta_path):
        _sys.meta_path[:] = _meta_path
    if not _same_items(_sys.path_hooks, _path_hooks):
        _sys.path_hooks[:] = _path_hooks
    _sys.modules = _modules
    if not _unchanged(_baseline_module_items, _modules):
        for name, module in _baseline_modules.items():
            if _modules.get(name) is not module:
                _modules[name] = module
    current = _builtins_dict
    if _len(current) != _len(_baseline_builtins) or not _unchanged(_baseline_builtin_items, current):
        for key in [k for k in current if k not in _baseline_builtins]:
            del current[key]
        current.update(_baseline_builtins)


# --- Sessions and the exec semantics --------------------------------------------------------


def _new_globals():
    return {"__name__": "__main__", "__builtins__": builtins}


def session(op, session_id):
    """Resets or closes the globals of one session; returns how many sessions this interpreter holds."""
    try:
        if op == "reset":
            _sessions[session_id] = _new_globals()
        elif op == "close":
            _sessions.pop(session_id, None)
    except _BaseException:
        pass  # dropping a namespace may run a user __del__; whatever it raises is not the daemon's concern
    return _len(_sessions)


def check(code):
    """'complete', 'incomplete' or 'invalid', by the rule of Python's own REPL."""
    try:
        compiled = codeop.compile_command(code, "<stdin>", "single")
    except (SyntaxError, ValueError, OverflowError):
        return "invalid"
    except _BaseException:
        return "invalid"
    return "incomplete" if compiled is None else "complete"


def _ends_with_semicolon(source):
    """True when the last token that is not a comment or a newline is ';'."""
    last = None
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type in (tokenize.NEWLINE, tokenize.NL, tokenize.COMMENT, tokenize.ENDMARKER, tokenize.INDENT, tokenize.DEDENT):
                continue
            last = tok
    except (tokenize.TokenError, SyntaxError):
        return False
    return last is not None and last.type == tokenize.OP and last.string == ";"


def _compile_code(code):
    """Returns (statements, last expression or None) compiled from the user's code."""
    # Code whose first character is not blank has no common indentation to remove.
    source = code if code[:1] not in (" ", "\t", "\n", "\r", "\f") else textwrap.dedent(code)
    try:
        tree = ast.parse(source, "<exec>", "exec")
        last = None
        if tree.body and _isinstance(tree.body[-1], ast.Expr) and not (";" in source and _ends_with_semicolon(source)):
            last = ast.Expression(tree.body.pop().value)
        flags = ast.PyCF_ALLOW_TOP_LEVEL_AWAIT
        body = _compile(tree, "<exec>", "exec", flags=flags, dont_inherit=True)
        expr = _compile(last, "<exec>", "eval", flags=flags, dont_inherit=True) if last is not None else None
    except SyntaxError as exc:
        _with_source_line(exc, source)
        raise
    return body, expr


def _with_source_line(exc, source):
    """Gives a SyntaxError the compiler raised from a tree ('return' outside function, ...) the
    line it points at, which only the parser's errors carry, so its traceback shows the line and
    the caret as CPython's REPL shows them."""
    if exc.text is not None or not _isinstance(exc.lineno, int) or exc.lineno < 1:
        return
    lines = source.splitlines()
    if exc.lineno <= _len(lines):
        exc.text = lines[exc.lineno - 1] + "\n"


def _is_coroutine_code(code):
    return code is not None and bool(code.co_flags & 0x80)  # inspect.CO_COROUTINE


# --- Results, capped and formatted without trusting the objects they describe --------------


def _capped(text, cap):
    """(exact str, characters cut): lengths are measured on an exact str, never with a user __len__."""
    text = _str_copy(text)
    total = _len(text)
    if cap and total > cap:
        return text[:cap], total - cap
    return text, 0


def _clean_stack(stack):
    """Drops woma's and Pyodide's frames: everything before the first user frame, and Pyodide internals."""
    frames = list(stack)
    start = 0
    while start < _len(frames) and frames[start].filename != "<exec>":
        start += 1
    kept = [f for f in frames[start:] if f.filename != "<woma>" and not f.filename.startswith(_INTERNAL_PREFIXES)]
    return _StackSummary.from_list(kept)


def _clean(root):
    """Cleans every stack of a TracebackException tree, iteratively (a chain may be thousands long)."""
    seen = set()
    pending = [root]
    while pending:
        te = pending.pop()
        if te is None or _id(te) in seen:
            continue
        seen.add(_id(te))
        te.stack = _clean_stack(te.stack)
        pending.append(te.__cause__)
        pending.append(te.__context__)
        pending.extend(getattr(te, "exceptions", None) or ())


def _trim_chain(exc):
    """Cuts a cause/context chain longer than _MAX_CHAIN, so formatting stays bounded."""
    current = exc
    for _ in range(_MAX_CHAIN):
        following = _cause_of(current) or _context_of(current)
        if following is None:
            return
        current = following
    current.__cause__ = None
    current.__context__ = None


def _type_label(exc):
    """The name of exc's class, from the type's C slot, cut to _MAX_TYPE_CHARS (ending in "…")."""
    try:
        name = _str_copy(_type_name(_type(exc)))
    except _BaseException:
        return "BaseException"
    return name if _len(name) <= _MAX_TYPE_CHARS else name[: _MAX_TYPE_CHARS - 1] + "…"


def _exception_result(exc, max_chars):
    """The result for an exception. Its __str__ is called once, by the formatter; if that (or anything
    in formatting) raises or is interrupted, a fixed text stands in: user code never runs twice."""
    type_name = _type_label(exc)
    try:
        _trim_chain(exc)
        te = _TracebackException.from_exception(exc, compact=True)
        _clean(te)
        message = te._str
        formatted = "".join(te.format())
    except _KeyboardInterrupt:
        return _interrupted_result("formatting the exception was interrupted")
    except _BaseException:
        message = "<the exception could not be formatted: its __str__, class or traceback raised>"
        formatted = f"Traceback unavailable\n{type_name}: {message}\n"
    message, message_cut = _capped(message, max_chars)
    formatted, traceback_cut = _capped(formatted, max_chars)
    return {
        "status": "exception",
        "result": None,
        "result_chars_cut": 0,
        "error": {"type": type_name, "message": message, "traceback": formatted},
        "message_chars_cut": message_cut,
        "traceback_chars_cut": traceback_cut,
    }


def _interrupted_result(why="the run was interrupted"):
    return {
        "status": "exception",
        "result": None,
        "result_chars_cut": 0,
        "error": {"type": "KeyboardInterrupt", "message": "", "traceback": f"Traceback (most recent call last):\nKeyboardInterrupt ({why})\n"},
        "message_chars_cut": 0,
        "traceback_chars_cut": 0,
    }


def _value_result(value, max_chars):
    if value is None:
        return {"status": "success", "result": None, "result_chars_cut": 0, "error": None}
    text, cut = _capped(_repr(value), max_chars)
    _rich_result(value, text)  # an execute_result output when the value has more to show (display.py)
    return {"status": "success", "result": text, "result_chars_cut": cut, "error": None}


def _with_stats(outcome, run):
    """The outcome, with what the run's caps dropped of its display outputs."""
    outcome["displays_dropped"] = run.displays_dropped
    return outcome


def _internal_error(what):
    return {
        "status": "exception",
        "result": None,
        "result_chars_cut": 0,
        "error": {"type": "SystemError", "message": f"woma's runtime failed: {what}", "traceback": f"SystemError: woma's runtime failed: {what}\n"},
        "message_chars_cut": 0,
        "traceback_chars_cut": 0,
    }


def _flush():
    for stream in (_sys.stdout, _sys.stderr, _stdout, _stderr):
        try:
            stream.flush()
        except _BaseException:
            pass


def _exception_outcome(exc, max_chars):
    try:
        return _exception_result(exc, max_chars)
    except _BaseException:
        return _interrupted_result("formatting the exception was interrupted")


def _outcome(thunk, max_chars):
    """Runs `thunk` (the user's code, then the repr of its value) and turns whatever happens into a result."""
    try:
        return _value_result(thunk(), max_chars)
    except _BaseException as exc:  # SystemExit and KeyboardInterrupt are results too
        return _exception_outcome(exc, max_chars)


async def _run_async(run, body, expr, namespace, max_chars):
    try:
        try:
            coroutine = _eval(body, namespace)
            if coroutine is not None:
                await coroutine
            value = None
            if expr is not None:
                value = _eval(expr, namespace)
                if _is_coroutine_code(expr):
                    value = await value
            outcome = _value_result(value, max_chars)
        except _BaseException as exc:
            if run.interrupted and _isinstance(exc, _CancelledError):
                outcome = _interrupted_result()  # the daemon's interrupt of a suspended run arrives as a cancel
            else:
                outcome = _exception_outcome(exc, max_chars)
        _after_run(run)  # figures left open become outputs (display.py)
        try:
            await _settle_leftovers(run, 0.2)
        except _BaseException:
            pass
        _flush()
        return _with_stats(outcome, run)
    except _BaseException:
        return _interrupted_result()


async def _finish_sync(run, outcome):
    """Lets what a synchronous run scheduled (tasks, callbacks) be cancelled within that run."""
    try:
        await _settle_leftovers(run, 0.2)
    except _BaseException:
        pass
    _flush()
    return outcome


def finish():
    """Ends the current run, once the worker holds its outcome: whatever it left scheduled is
    cancelled, and from now until the next run no callback is scheduled at all. (The run's own
    task needs the loop until its result has reached JavaScript, so this cannot happen earlier.)"""
    global _active
    run = _active
    _active = None
    if run is None:
        return
    try:
        for handle in list(run.handles):
            handle.cancel()
    except _BaseException:
        pass


def run(code, session_id, fresh, max_chars, cwd=None, max_display_bytes=0, max_displays=0):
    """Runs code in `cwd` (the session's working directory); returns the outcome, or an asyncio
    task resolving to it (top-level await, or leftover asyncio work to cancel). Never raises: a
    last-resort handler answers instead."""
    global _active
    try:
        _restore_state()
        _stdin._reset()
        if cwd != "":  # "" when the worker found the run's directory entered already
            _enter_directory(cwd)
        if session_id is None or fresh:
            namespace = _new_globals()
        else:
            # The daemon owns the list of sessions; a runner creates a session's globals on first use.
            namespace = _sessions.get(session_id)
            if namespace is None:
                namespace = _sessions[session_id] = _new_globals()
        current = _Run(max_display_bytes, max_displays)
        current.tasks_before = set(_all_tasks(_loop))
        try:
            body, expr = _compile_code(code)
        except _BaseException as exc:
            return _exception_outcome(exc, max_chars)
        _active = current
        _load_imports(code)
        if _is_coroutine_code(body) or _is_coroutine_code(expr):
            current.task = _loop.create_task(_run_async(current, body, expr, namespace, max_chars))
            return current.task

        def execute():
            _exec(body, namespace)
            return _eval(expr, namespace) if expr is not None else None

        outcome = _outcome(execute, max_chars)
        _after_run(current)  # figures left open become outputs (display.py)
        _with_stats(outcome, current)
        if _leftovers(current):
            current.task = _loop.create_task(_finish_sync(current, outcome))
            return current.task
        _flush()
        return outcome
    except _KeyboardInterrupt:
        _active = None
        return _interrupted_result()
    except _BaseException as exc:
        _active = None
        try:
            return _internal_error(_type_label(exc))
        except _BaseException:
            return _internal_error("unknown")


def interrupt():
    """Marks the run interrupted and cancels its task: the interrupt buffer only reaches running
    bytecode, and a run suspended on an await or in run_sync runs none. (The worker calls this
    while that run is suspended; if the buffer's KeyboardInterrupt lands here first, the worker
    calls again.)"""
    run = _active
    if run is not None:
        run.stop()


