"""woma's runtime, packages: what a run imports is fetched by the daemon and installed; micropip asks the daemon too.

Executed into the same namespace as core.py (see daemon/runner/python-runtime.ts).
"""

from importlib import invalidate_caches as _invalidate_caches
from importlib.util import find_spec as _find_spec

# What installing a wheel imports (Pyodide's installer reads the wheel's metadata and
# archive). Imported here, while the snapshot is built, so they are compiled once and kept in
# it: otherwise each runner's first install (a first import, --preload) compiles them, ~1 s.
import encodings.cp437  # noqa: F401
import importlib.metadata  # noqa: F401
import tarfile  # noqa: F401

from _pyodide._importhook import REPODATA_PACKAGES_IMPORT_TO_PACKAGE_NAME as _LOCK_IMPORTS
from pyodide.code import find_imports as _find_imports

#: Top-level modules whose package could not be had, with the daemon's reason: the import
#: that needs one raises ModuleNotFoundError with it.
_unavailable = {}
#: Top-level modules the daemon said no package provides: not asked about again.
_not_packaged = set()


def _host_failure(exc):
    """The daemon's reason, without the JavaScript error's wrapping; a KeyboardInterrupt if the run was interrupted meanwhile."""
    run = _active
    if run is not None and run.interrupted:
        raise KeyboardInterrupt from None
    return _str_copy(str(exc)).split("Error: ", 1)[-1]


def _ask_host(kind, names):
    """Has the daemon fetch packages and the worker install them; returns {installed, unknown}. Raises with the daemon's reason."""
    result = run_sync(_host(kind, to_js_list(names)))
    _invalidate_caches()
    result = result.to_py() if hasattr(result, "to_py") else dict(result)
    _not_packaged.update(result.get("unknown", ()))
    return result


def to_js_list(names):
    from pyodide.ffi import to_js

    return to_js(list(names))


def _can_ask():
    return _host is not None and _active is not None and can_run_sync()


def _load_imports(code):
    """Before a run: the top-level modules its code imports that the interpreter lacks are
    fetched and installed in one go. Best effort: a failure is remembered and reported by the
    import that needs the module, so `if False: import x` never fails a run."""
    if "import" not in code or not _can_ask():
        return
    _PackageFinder.busy = True
    try:
        wanted = sorted({name.split(".")[0] for name in _find_imports(code)})
        missing = [name for name in wanted if name not in _not_packaged and name not in _modules and _find_spec(name) is None]
    except _BaseException:
        return
    finally:
        _PackageFinder.busy = False
    if not missing:
        return
    try:
        _ask_host("packages", missing)
        for name in missing:
            _unavailable.pop(name, None)
    except _KeyboardInterrupt:
        raise
    except _BaseException as exc:
        reason = _host_failure(exc)
        for name in missing:
            _unavailable[name] = reason


class _PackageFinder:
    """Last on sys.meta_path: an import the scan before the run could not see (inside exec,
    importlib.import_module) asks the daemon for a package that provides the module, and
    loads it, or fails with a message that says why and what to do. Modules no package
    provides are remembered, so optional imports (`try: import x`) cost one question each."""

    busy = False

    def find_spec(self, name, path=None, target=None):
        if path is not None or "." in name or _PackageFinder.busy or name in _not_packaged:
            return None
        if name in _unavailable:
            raise ModuleNotFoundError(f"No module named {name!r}: {_unavailable[name]}", name=name)
        if not _can_ask():
            if name in _LOCK_IMPORTS:
                raise ModuleNotFoundError(
                    f"No module named {name!r}: it is in Pyodide's distribution ({_LOCK_IMPORTS[name]}), and woma loads it when a run imports it; "
                    f"import it from your code rather than from a callback, or `await micropip.install({_LOCK_IMPORTS[name]!r})`",
                    name=name,
                )
            return None
        _PackageFinder.busy = True
        try:
            result = _ask_host("packages", [name])
            if name in result.get("unknown", ()):
                return None
            return _find_spec(name)
        except _KeyboardInterrupt:
            raise
        except _BaseException as exc:
            reason = _host_failure(exc)
            _unavailable[name] = reason
            raise ModuleNotFoundError(f"No module named {name!r}: {reason}", name=name) from None
        finally:
            _PackageFinder.busy = False


def _micropip_module():
    """`micropip` in woma: installs through the daemon, which fetches and verifies every file
    (the runner has no network). Lock names, requirement specs from the configured index, and
    wheel URLs (checked by the network policy) are accepted."""
    import types

    module = types.ModuleType("micropip", "Installs Python packages through woma's daemon.")

    async def install(requirements, keep_going=False, deps=True, credentials=None, pre=False, index_urls=None, *, constraints=None, reinstall=False, verbose=None):
        """Installs packages into this interpreter: `await micropip.install("pkg")` or a list of requirements."""
        wanted = [_str_copy(requirements)] if isinstance(requirements, str) else [_str_copy(r) for r in requirements]
        if _host is None:
            raise RuntimeError("micropip.install is not available in this runner")
        # Indexes named here are the tenant's own: the daemon fetches them under its network policy.
        indexes = None
        if index_urls is not None:
            indexes = [_str_copy(index_urls)] if isinstance(index_urls, str) else [_str_copy(u) for u in index_urls]
        try:
            await _host("install", to_js_list(wanted), None if indexes is None else to_js_list(indexes))
        except _BaseException as exc:
            if _isinstance(exc, _KeyboardInterrupt):
                raise
            raise ValueError(_str_copy(str(exc)).split("Error: ", 1)[-1]) from None
        _invalidate_caches()
        for name in wanted:
            _unavailable.pop(name, None)
            _not_packaged.discard(name)

    def list_():
        """The distributions installed in this interpreter."""
        from importlib.metadata import distributions

        return {d.metadata["Name"]: d.version for d in distributions()}

    module.install = install
    module.list = list_
    return module


