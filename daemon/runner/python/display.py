"""woma's runtime, outputs and input: display(), update_display(), clear_output(), rich values, matplotlib figures, and input() answered by the daemon.

Executed into the same namespace as core.py (see daemon/runner/python-runtime.ts); harden()
calls _install_io() before it records the baseline, so display, input and the patched getpass
are restored before every run like any other built-in.

A display output is a Jupyter MIME bundle (`text/plain` always; images in base64), handed to
the worker's sink as plain values (exact str, dict, int) that Pyodide's C converter encodes.
Its kind is Jupyter's: `display_data`, `execute_result`, `update_display_data` (replaces the
outputs named with its `display_id`) or `clear_output` (with `wait`, and an empty text/plain so
that a client which does not know the kind shows nothing).
The caps of the run are applied here, honestly, and checked again by the daemon, which kills a
runner that sends more than it was allowed.
"""

import binascii as _binascii
import getpass as _getpass_module
import io as _io
import json as _json
import os as _os
import re as _re

_b2a_base64 = _binascii.b2a_base64
_json_dumps = _json.dumps
_chdir = _os.chdir
_makedirs = _os.makedirs
_dict, _list, _tuple, _str, _int, _float, _bool, _bytes = dict, list, tuple, str, int, float, bool, bytes
_Exception = Exception
_callable = callable
_getattr = getattr
_BASE64 = _re.compile(r"[A-Za-z0-9+/]*={0,2}")
_MIME = _re.compile(r"[a-z]+/[A-Za-z0-9.+_-]{1,100}")
#: Representations a _repr_*_ method gives, in the order Jupyter asks for them.
_REPR_METHODS = (
    ("image/png", "_repr_png_"),
    ("image/jpeg", "_repr_jpeg_"),
    ("image/svg+xml", "_repr_svg_"),
    ("text/html", "_repr_html_"),
    ("text/markdown", "_repr_markdown_"),
    ("text/latex", "_repr_latex_"),
    ("application/json", "_repr_json_"),
)
_HOME = "/home/pyodide"
#: Bytes of metadata one output may carry (as JSON); more is dropped.
_MAX_METADATA_BYTES = 65536

#: sink(output): hands one display output to the worker (set by set_io after boot).
_display_sink = None
#: ask(prompt, password, all): a JavaScript promise for the daemon's answer to input() (set by set_io).
_input_host = None


def set_io(sink, ask):
    """Called once by the worker after boot, before any user code runs."""
    global _display_sink, _input_host
    _display_sink = sink
    _input_host = ask


# --- MIME bundles -----------------------------------------------------------------------------


def _is_text_mime(mime):
    return mime.startswith("text/") or mime == "image/svg+xml" or mime == "application/json" or mime.endswith("+json") or mime.endswith("+xml") or mime == "application/javascript"


def _is_json_mime(mime):
    return mime == "application/json" or mime.endswith("+json")


def _utf8_size(text):
    return _len(text) if text.isascii() else _len(text.encode("utf-8", "surrogatepass"))


def _warn(message):
    try:
        _flush()
        _stderr.write(f"woma: {message}\n")
        _stderr.flush()
    except _BaseException:
        pass


def _describe_exception(exc):
    try:
        return f"{_type_label(exc)}: {_str_copy(str(exc))[:200]}"
    except _BaseException:
        return _type_label(exc)


def _plain(value, depth=0):
    """A copy made of exact dict, list, str, int, float, bool and None only (metadata); anything else is None."""
    kind = _type(value)
    if value is None or kind is _bool or kind is _int or kind is _float:
        return value
    if kind is _str:
        return value
    if depth > 8:
        return None
    if kind is _list or kind is _tuple:
        return [_plain(item, depth + 1) for item in value[:1000]]
    if kind is _dict:
        out = {}
        for key, item in _list(value.items())[:1000]:
            if _type(key) is _str:
                out[key] = _plain(item, depth + 1)
        return out
    return None


def _mime_value(mime, value):
    """A representation as the string the protocol carries, or None when it cannot be one."""
    if value is None:
        return None
    if not _is_text_mime(mime):
        if _isinstance(value, (_bytes, bytearray, memoryview)):
            return _b2a_base64(_bytes(value), newline=False).decode("ascii")
        if _isinstance(value, _str):
            text = "".join(_str_copy(value).split())
            if _BASE64.fullmatch(text) and _len(text) % 4 == 0:
                return text
            raise ValueError("it is a str that is not base64")
        raise TypeError(f"expected bytes, got {_type_label(value)}")
    if _is_json_mime(mime) and not _isinstance(value, (_str, _bytes)):
        return _json_dumps(_plain(value) if _type(value) in (_dict, _list) else value)
    if _isinstance(value, (_bytes, bytearray)):
        return _bytes(value).decode("utf-8", "replace")
    if _isinstance(value, _str):
        return _str_copy(value)
    raise TypeError(f"expected str, got {_type_label(value)}")


def _real_method(obj, name):
    """obj's `name` method when it has a real one: not for classes (their _repr_*_ are unbound), not for objects that claim every attribute."""
    if _isinstance(obj, _type):
        return None
    try:
        if _getattr(obj, "_woma_canary_method_should_not_exist_", None) is not None:
            return None
        method = _getattr(obj, name, None)
    except _Exception:
        return None
    return method if _callable(method) else None


def _split_metadata(value):
    if _type(value) is _tuple and _len(value) == 2:
        return value[0], value[1]
    return value, None


def _bundle_of(obj, include=None, exclude=None, text=None):
    """(data, metadata) of obj: its _repr_mimebundle_, then each _repr_*_ for what that did not give, then text/plain."""
    data = {}
    metadata = {}
    owner = _type_label(obj)

    def take(mime, value, md, where):
        if mime in data or (include and mime not in include) or (exclude and mime in exclude):
            return
        try:
            converted = _mime_value(mime, value)
        except _Exception as exc:
            _warn(f"{owner}.{where} gave {mime} that cannot be shown ({_describe_exception(exc)}); it is left out")
            return
        if converted is not None:
            data[mime] = converted
            if md:
                metadata[mime] = md

    bundle_method = _real_method(obj, "_repr_mimebundle_")
    if bundle_method is not None:
        try:
            bundle, md = _split_metadata(bundle_method(include=include, exclude=exclude))
        except _Exception as exc:
            _warn(f"{owner}._repr_mimebundle_ raised {_describe_exception(exc)}")
            bundle, md = None, None
        if _isinstance(bundle, _dict):
            md = md if _isinstance(md, _dict) else {}
            for mime, value in _list(bundle.items()):
                if _isinstance(mime, _str) and _MIME.fullmatch(_str_copy(mime)):
                    mime = _str_copy(mime)
                    take(mime, value, _plain(md.get(mime)) if _type(md.get(mime)) is _dict else None, "_repr_mimebundle_")
    if _is_figure(obj):
        if "image/png" not in data:
            png = _figure_png(obj)
            if png is not None:
                data["image/png"] = png
                try:
                    obj._woma_shown_in = _active  # not shown again when the run ends
                except _Exception:
                    pass
    else:
        for mime, name in _REPR_METHODS:
            if mime in data:
                continue
            method = _real_method(obj, name)
            if method is None:
                continue
            try:
                value, md = _split_metadata(method())
            except _Exception as exc:
                _warn(f"{owner}.{name} raised {_describe_exception(exc)}")
                continue
            take(mime, value, _plain(md) if _type(md) is _dict else None, name)
    if "text/plain" not in data:
        data["text/plain"] = text if text is not None else _str_copy(_repr(obj))
    return data, metadata


def _fit(data, cap):
    """Keeps a bundle within `cap` bytes: drops the largest representations first (never text/plain), then cuts text/plain."""
    sizes = {mime: _utf8_size(value) for mime, value in data.items()}
    total = sum(sizes.values())
    if total <= cap:
        return data, None
    dropped = []
    cut = 0
    for mime in sorted((m for m in data if m != "text/plain"), key=lambda m: -sizes[m]):
        if total <= cap:
            break
        del data[mime]
        dropped.append(mime)
        cut += sizes[mime]
        total -= sizes[mime]
    if total > cap:
        plain = data["text/plain"]
        room = max(cap - (total - sizes["text/plain"]), 0)
        kept = plain.encode("utf-8", "surrogatepass")[:room].decode("utf-8", "ignore")
        data["text/plain"] = kept
        cut += sizes["text/plain"] - _utf8_size(kept)
    truncated = {"bytes": cut}
    if dropped:
        truncated["mime_types"] = dropped
    return data, truncated if cut > 0 else None


def _emit(output_type, data, metadata, display_id=None, wait=None):
    """Hands one output to the worker, within the run's caps; outside a run nothing is shown.
    Every kind counts against the run's caps, clear_output and updates included."""
    run = _active
    if run is None or _display_sink is None:
        return
    if run.displays >= run.max_displays:
        run.displays_dropped += 1
        return
    data, truncated = _fit(data, run.max_display_bytes)
    run.displays += 1
    output = {"output_type": output_type, "data": data}
    if display_id is not None:
        output["display_id"] = display_id
    if wait is not None:
        output["wait"] = wait
    if metadata:
        try:
            if _len(_json_dumps(metadata)) <= _MAX_METADATA_BYTES:
                output["metadata"] = metadata
        except _Exception:
            pass
    if truncated is not None:
        output["truncated"] = truncated
    # stdout printed before this output must reach the daemon before it, so the order holds.
    _flush()
    _display_sink(output)


#: Longest display id a run may give, in characters.
_MAX_DISPLAY_ID_CHARS = 256


def _new_display_id():
    """A fresh display id, as IPython makes them (128 random bits in hex)."""
    return _binascii.hexlify(_os.urandom(16)).decode("ascii")


def _checked_display_id(display_id, transient):
    """The display id to use: display_id=True makes a new one; a str is kept; transient's `display_id` counts too."""
    if display_id is None and _isinstance(transient, _dict):
        display_id = transient.get("display_id")
    if display_id is None or display_id is False:
        return None
    if display_id is True:
        return _new_display_id()
    if not _isinstance(display_id, _str):
        raise TypeError(f"display_id must be a str or True, got {_type_label(display_id)}")
    display_id = _str_copy(display_id)
    if not 0 < _len(display_id) <= _MAX_DISPLAY_ID_CHARS:
        raise ValueError(f"display_id must have 1 to {_MAX_DISPLAY_ID_CHARS} characters, got {_len(display_id)}")
    return display_id


def display(*objs, include=None, exclude=None, metadata=None, transient=None, display_id=None, raw=False, clear=False, update=False, **kwargs):
    """Show objects as rich outputs, as Jupyter's display() does: each becomes a MIME bundle from
    its _repr_*_ methods (PNG, SVG, HTML, Markdown, LaTeX, JSON) plus text/plain. With raw=True,
    each object is a dict from MIME type to data, shown as it is. display_id=True (or a str)
    names the output so update_display() can replace it later, and returns a DisplayHandle;
    clear=True clears the outputs shown so far first (clear_output(wait=True))."""
    display_id = _checked_display_id(display_id, transient)
    if update and display_id is None:
        raise TypeError("display(update=True) needs a display_id: the id of the output to replace")
    if clear:
        clear_output(wait=True)
    include = set(include) if include else None
    exclude = set(exclude) if exclude else None
    extra = _plain(metadata) if _type(metadata) is _dict else None
    for obj in objs:
        if raw:
            if not _isinstance(obj, _dict):
                raise TypeError(f"display(raw=True) takes dicts from MIME type to data, got {_type_label(obj)}")
            data = {}
            for mime, value in obj.items():
                if not (_isinstance(mime, _str) and _MIME.fullmatch(mime)):
                    raise ValueError(f"display(raw=True): {mime!r} is not a MIME type")
                data[_str_copy(mime)] = _mime_value(_str_copy(mime), value)
            if "text/plain" not in data:
                data["text/plain"] = ""
            md = {}
        else:
            data, md = _bundle_of(obj, include, exclude)
        if extra:
            md = {**md, **extra}
        _emit("update_display_data" if update else "display_data", data, md, display_id)
    if display_id is not None and not update:
        return DisplayHandle(display_id)
    return None


def update_display(obj, *, display_id, **kwargs):
    """Replace the output shown earlier with this display_id (a str, or a DisplayHandle's id) by obj.
    Front ends that know the id update it in place; the others show obj as a new output."""
    kwargs.pop("update", None)
    display(obj, display_id=display_id, update=True, **kwargs)


def clear_output(wait=False):
    """Clear the outputs shown so far in this run's cell, as Jupyter's clear_output does. With
    wait=True the front end clears them only when the next output arrives (no flicker)."""
    _emit("clear_output", {"text/plain": ""}, None, wait=_bool(wait))


class DisplayHandle:
    """A handle on a named output: display() shows obj under its id, update() replaces it."""

    def __init__(self, display_id=None):
        self.display_id = _new_display_id() if display_id is None else _checked_display_id(display_id, None)

    def __repr__(self):
        return f"<{_type_name(_type(self))} display_id={self.display_id}>"

    def display(self, obj, **kwargs):
        """Shows obj as a new output named with this handle's id."""
        kwargs.pop("display_id", None)
        display(obj, display_id=self.display_id, **kwargs)

    def update(self, obj, **kwargs):
        """Replaces the outputs named with this handle's id by obj."""
        kwargs.pop("display_id", None)
        update_display(obj, display_id=self.display_id, **kwargs)


def _rich_result(value, text):
    """After a run: the last expression's value as an execute_result, when it has more to show than its repr."""
    if _active is None or value is None or _type(value) in (_int, _float, _str, _bool, _bytes, _list, _dict, _tuple):
        return
    if not _is_figure(value) and not any(_real_method(value, name) is not None for name in ("_repr_mimebundle_", *(n for _, n in _REPR_METHODS))):
        return
    data, md = _bundle_of(value, text=text)
    if _len(data) > 1:
        _emit("execute_result", data, md)


# --- matplotlib -------------------------------------------------------------------------------


def _is_figure(obj):
    kind = _type(obj)
    try:
        return _type_name(kind) == "Figure" and _str_copy(kind.__module__) == "matplotlib.figure"
    except _BaseException:
        return False


def _figure_png(fig):
    """The figure as PNG (base64), or None (with a warning) when it cannot be drawn."""
    try:
        buffer = _io.BytesIO()
        fig.savefig(buffer, format="png", bbox_inches="tight")
        return _b2a_base64(buffer.getvalue(), newline=False).decode("ascii")
    except _Exception as exc:
        _warn(f"a matplotlib figure could not be drawn: {_describe_exception(exc)}")
        return None


def _show_figures(plt, run=None):
    """plt.show() in woma: every open figure becomes a PNG output, then is closed (Jupyter's inline
    backend does the same). At the end of `run`, figures it already displayed are closed unshown."""
    try:
        numbers = _list(plt.get_fignums())
    except _Exception:
        return
    for number in numbers:
        try:
            figure = plt.figure(number)
        except _Exception:
            continue
        if run is None or _getattr(figure, "_woma_shown_in", None) is not run:
            png = _figure_png(figure)
            if png is not None:
                _emit("display_data", {"image/png": png, "text/plain": _str_copy(_repr(figure))}, {})
        try:
            plt.close(figure)
        except _Exception:
            pass


def _after_run(run):
    """What a run leaves for its outputs: figures still open become PNG outputs, then close."""
    if run is None or run.interrupted:
        return
    plt = _sys.modules.get("matplotlib.pyplot")
    if plt is not None and _getattr(plt, "_woma_patched", False):
        _show_figures(plt, run)


def _patch_matplotlib(module):
    """Figures are drawn with Agg (PNG in memory), whatever backend Pyodide's build would pick."""
    try:
        module.use("agg", force=True)
    except _Exception:
        pass


def _patch_pyplot(module):
    def show(*args, **kwargs):
        """Shows every open figure as a PNG output of the run, then closes it."""
        _show_figures(module)

    module.show = show
    module._woma_patched = True


# matplotlib is patched on import by network.py's _PatchOnImport finder (one finder for every
# module woma patches): matplotlib draws with Agg, and pyplot's show() makes outputs.
_PatchOnImport.PATCHES.update({"matplotlib": _patch_matplotlib, "matplotlib.pyplot": _patch_pyplot})


# --- The working directory --------------------------------------------------------------------


def _enter_directory(cwd):
    """Each session runs in its own working directory (where files/* reach); a run without one in the home directory."""
    target = cwd or _HOME
    try:
        _makedirs(target, exist_ok=True)
        _chdir(target)
    except _BaseException as exc:
        _warn(f"the working directory {target} is unusable ({_describe_exception(exc)}); this run starts in {_HOME}")
        try:
            _chdir(_HOME)
        except _BaseException:
            pass


# --- input() ----------------------------------------------------------------------------------


def _ask_input(prompt, password, everything):
    """(text or None at end of input, where it came from, why there is none). Blocks the run until the daemon answers."""
    run = _active
    if run is None or _input_host is None:
        return None, "none", "no input is available outside a run"
    if not can_run_sync():
        return None, "none", "input cannot be waited for here (from a callback or a coroutine); read it in the run's synchronous code"
    _flush()
    try:
        answer = run_sync(_input_host(prompt, password, everything))
    except _BaseException:
        if run.interrupted:
            raise KeyboardInterrupt from None
        return None, "none", "the daemon did not answer"
    if run.interrupted:
        raise KeyboardInterrupt
    text = _getattr(answer, "text", None)
    source = _getattr(answer, "source", None)
    reason = _getattr(answer, "reason", None)
    return (
        _str_copy(text) if _isinstance(text, _str) else None,
        _str_copy(source) if _isinstance(source, _str) else "none",
        _str_copy(reason) if _isinstance(reason, _str) else None,
    )


class _Stdin(_io.TextIOBase):
    """sys.stdin in woma: lines come from the run's `stdin` text, then from the client when it answers input requests."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self):
        self._pending = ""
        self._ended = None

    def _reset(self):
        self._pending = ""
        self._ended = None

    def readable(self):
        return True

    def isatty(self):
        return False

    def fileno(self):
        raise _io.UnsupportedOperation("woma's stdin has no file descriptor: use input() or sys.stdin.readline()")

    def close(self):
        """Kept open: a closed stdin would outlive the run that closed it."""

    @property
    def closed(self):
        return False

    def _more(self, prompt="", password=False, everything=False):
        """Appends the next answer to the pending text; (False, source, reason) at the end of input."""
        if self._ended is not None:
            return False, "none", self._ended
        text, source, reason = _ask_input(prompt, password, everything)
        if text is None:
            # A person's end of input (Ctrl+D) ends this read only; a later one asks again, as at a terminal.
            if source != "client":
                self._ended = reason or "end of input"
            return False, source, reason
        self._pending += text
        return True, source, None

    def _line(self, prompt="", password=False):
        """(the next line with its newline, or '' at the end; where it came from; why it ended)."""
        source, reason = "stdin", None
        while "\n" not in self._pending:
            more, source, reason = self._more(prompt, password)
            if not more:
                break
            prompt = ""
        end = self._pending.find("\n")
        end = _len(self._pending) if end < 0 else end + 1
        line, self._pending = self._pending[:end], self._pending[end:]
        return line, source, reason

    def readline(self, size=-1):
        line, _, _ = self._line()
        if size is not None and size >= 0 and _len(line) > size:
            self._pending = line[size:] + self._pending
            line = line[:size]
        return line

    def read(self, size=-1):
        if size is None or size < 0:
            while self._more(everything=True)[0]:
                pass
            text, self._pending = self._pending, ""
            return text
        while _len(self._pending) < size and self._more()[0]:
            pass
        text, self._pending = self._pending[:size], self._pending[size:]
        return text

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line


def _no_input(reason):
    return EOFError(f"EOF when reading a line: {reason}" if reason else "EOF when reading a line")


def _read_input(prompt, password, echo):
    """One line for input() or getpass: from woma's stdin (the prompt goes to the client that
    answers, or to `echo` when the run's own stdin text answered, as with a pipe), or from a
    sys.stdin the code put there itself, as CPython's input() would."""
    stdin = _sys.stdin
    if stdin is not _stdin:
        echo.write(prompt)
        echo.flush()
        line = stdin.readline()
        if not line:
            raise EOFError("EOF when reading a line")
        return line[:-1] if line.endswith("\n") else line
    line, source, reason = _stdin._line(prompt, password)
    # A client that answers showed the prompt itself; otherwise it is printed, as python prints it before reading a pipe.
    if source != "client" and prompt:
        echo.write(prompt)
        echo.flush()
    if not line:
        raise _no_input(reason)
    return line[:-1] if line.endswith("\n") else line


def input(prompt="", /):
    """Read a line: from the run's stdin text, else from the client that started the run when it answers input requests (the REPL asks you); EOFError when there is none."""
    return _read_input(_str_copy(str(prompt)), False, _sys.stdout)


def _getpass(prompt="Password: ", stream=None):
    """Read a password without echo: the client hides what is typed; the run's stdin text answers too."""
    return _read_input(_str_copy(str(prompt)), True, stream if stream is not None else _sys.stderr)


def _install_io():
    """Called by harden(): display() and woma's input() become built-ins, stdin asks the daemon,
    getpass hides input through the client, and `IPython.display` is importable (ipython.py;
    matplotlib is patched on import by _PatchOnImport)."""
    global _stdin
    _install_ipython()
    _stdin = _Stdin()
    sys.stdin = _stdin
    builtins.display = display
    builtins.update_display = update_display
    builtins.clear_output = clear_output
    builtins.input = input
    _getpass_module.getpass = _getpass
