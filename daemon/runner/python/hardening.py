"""woma's runtime, hardening: what Python may not do to the runner it shares, and the baseline every run restores.

Executed last into the same namespace as core.py (see daemon/runner/python-runtime.ts); harden() runs once at load.
"""


def _refused(what, why):
    def refuse(*args, **kwargs):
        raise PermissionError(f"{what} is not available in woma: {why}")

    refuse.__name__ = what.rsplit(".", 1)[-1]
    refuse.__qualname__ = refuse.__name__
    return refuse


def _exit_ends_the_run(code=0):
    """os._exit in woma: ends the run (as SystemExit), never the interpreter that other sessions use."""
    raise SystemExit(code)


def _audit(event, args):
    if event == "sys.addaudithook":
        # CPython silently drops the new hook when this raises an Exception; say so, since nothing else will.
        _stderr.write("woma: sys.addaudithook is refused: an audit hook would outlive this run and affect every later one\n")
        raise PermissionError("sys.addaudithook is refused in woma")


def _interruptible_sleep():
    """time.sleep in short slices, so the daemon's interrupt reaches a sleeping run; with JSPI it waits without spinning."""
    import time

    def sleep(seconds, /):
        if not _isinstance(seconds, (int, float)):
            return _blocking_sleep(seconds)  # its own TypeError for what is not a number
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        deadline = _monotonic() + seconds
        while True:
            left = deadline - _monotonic()
            if left <= 0:
                return
            run = _active
            if can_run_sync() and run is not None and _js_wait is not None:
                # The worker stays free meanwhile (no spinning); the daemon's interrupt rejects the wait.
                try:
                    run_sync(_js_wait(left * 1000))
                except _BaseException:
                    raise KeyboardInterrupt from None
                if run.interrupted:
                    raise KeyboardInterrupt
                return
            else:
                _blocking_sleep(min(left, 0.05))

    sleep.__doc__ = _blocking_sleep.__doc__
    time.sleep = sleep


def harden():
    """Runs once at load: refuses what would harm the runner or outlive a run, and records the baseline that every run restores."""
    import os
    import posix

    import pyodide.code

    sys.addaudithook(_audit)
    pyodide.code.run_js = _refused("pyodide.code.run_js", "Python may not run JavaScript in the host")
    for module in (os, posix):
        module._exit = _exit_ends_the_run
        for name, why in (
            ("system", "there is no shell; Python runs in a sandbox"),
            ("fork", "a runner cannot start processes"),
            ("forkpty", "a runner cannot start processes"),
            ("kill", "a run may not send signals"),
            ("killpg", "a run may not send signals"),
            ("abort", "it would end the interpreter that other sessions share"),
        ):
            if hasattr(module, name):
                setattr(module, name, _refused(f"os.{name}", why))
    for name in ("alarm", "setitimer", "raise_signal", "pthread_kill", "pthread_sigmask", "sigwait", "sigtimedwait", "sigwaitinfo"):
        if hasattr(signal, name):
            setattr(signal, name, _refused(f"signal.{name}", "signals are the runner's, not the run's"))
    _install_network()
    _install_io()
    _interruptible_sleep()
    _install_loop_policy()
    sys.meta_path.append(_PackageFinder())
    sys.modules["micropip"] = _micropip_module()
    _meta_path[:] = sys.meta_path
    _path_hooks[:] = sys.path_hooks
    _baseline_builtins.update(builtins.__dict__)
    # The worker removes these right after boot; they must not come back with the baseline.
    _baseline_modules.update((name, module) for name, module in sys.modules.items() if name not in ("__main__", "_woma") and not name.startswith("pyodide_js"))
