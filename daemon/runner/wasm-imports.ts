/** Replaces the WebAssembly imports through which Pyodide's C code would reach the host (a shell, sockets, eval), before the module is instantiated. */

/** errno values of Emscripten's libc (they differ from Linux's). */
const EACCES = 2;
const ENOTSOCK = 57;
const ENOSYS = 52;

/** What a refused import does: its replacement returns this value (a negative errno for syscalls). */
type Replacement = (...args: unknown[]) => unknown;

/**
 * Every import that leads out of the interpreter, and what replaces it. Python reaches
 * these through `os.system`, `socket`, `ctypes` (which can call any exported or imported
 * symbol) and wasm side modules it writes itself, so a Python-level patch would not hold:
 * the replacement has to happen here, where the wasm module is linked. `wasmImports` is
 * the same object Emscripten's dynamic linker resolves side-module symbols from, so
 * side modules get the replacements too.
 */
const REPLACED: Record<string, Replacement> = {
  // system(): Emscripten runs the command with node:child_process. No shell for Python.
  _emscripten_system: () => -1,
  // SOCKFS would open WebSockets (or `ws`) to any host: sockets cannot be created at all.
  __syscall_socket: () => -EACCES,
  __syscall_connect: () => -ENOTSOCK,
  __syscall_bind: () => -ENOTSOCK,
  __syscall_listen: () => -ENOTSOCK,
  __syscall_accept4: () => -ENOTSOCK,
  __syscall_sendto: () => -ENOTSOCK,
  __syscall_recvfrom: () => -ENOTSOCK,
  __syscall_sendmsg: () => -ENOTSOCK,
  __syscall_recvmsg: () => -ENOTSOCK,
  __syscall_getsockname: () => -ENOTSOCK,
  __syscall_getpeername: () => -ENOTSOCK,
  __syscall_getsockopt: () => -ENOTSOCK,
  _maybe_connect_async: () => null,
  _maybe_recvfrom_async: () => null,
  _maybe_sendto_async: () => null,
  _maybe_poll_async: () => null,
  emscripten_websocket_is_supported: () => 0,
  emscripten_websocket_new: () => -1,
  // Loading and running JavaScript from strings or URLs (blocked by the engine too).
  emscripten_run_script: () => undefined,
  emscripten_run_script_int: () => 0,
  emscripten_run_script_string: () => 0,
  emscripten_async_run_script: () => undefined,
  emscripten_async_load_script: () => undefined,
  emscripten_async_wget_data: () => undefined,
  emscripten_async_wget2: () => 0,
  emscripten_async_wget2_data: () => 0,
  emscripten_run_preload_plugins_data: () => undefined,
  // The runner process's own umask and uid are not Python's business.
  __syscall_umask_js: () => 0o022,
  __syscall_getuid32_js: () => 0,
  // setitimer would deliver SIGALRM outside any run; alarm() and setitimer() fail instead.
  _setitimer_js: () => -ENOSYS,
  // Emscripten's logging writes to the worker's console, that is the runner process's real
  // stdout and stderr, which only the daemon's log reads: Python may not write there.
  _emscripten_log_formatted: () => undefined,
  emscripten_log_impl_js: () => undefined,
  // A flag for Pyodide's own test suite.
  fail_test: () => undefined,
};

/**
 * Imports Pyodide needs while it boots and never after: `set_pyodide_module` replaces the
 * Python module Pyodide's JavaScript calls into, and `raw_call_js` calls any JS function it is
 * given. After boot they do nothing, and {@link restrictWasmImports}'s `afterBoot` removes them
 * (and the replaced logging imports) from the symbols `dlsym` resolves, so `ctypes` cannot name
 * them at all.
 */
const BOOT_ONLY = ["set_pyodide_module", "raw_call_js"] as const;
/** Imports that `dlsym` (so `ctypes.CDLL(None)`) no longer resolves once the runner has booted. */
export const HIDDEN_AFTER_BOOT: readonly string[] = [...BOOT_ONLY, "_emscripten_log_formatted", "emscripten_log_impl_js", "fail_test"];

/** Pyodide's imports that make JS functions for Python callables (a JS function, or [onFulfilled, onRejected]), and the one that caches a proxy JS read from another. */
const CALLBACK_MAKERS = ["create_once_callable", "create_promise_handles", "proxy_cache_set"] as const;

/** How the worker takes part in linking. */
export interface ImportHooks {
  /**
   * Wraps each JS function Pyodide makes for a Python callable (a once-callable, a promise
   * handle) when it is made: the worker stamps it with the run it belongs to (run-scope.ts).
   */
  callback<T extends (...args: unknown[]) => unknown>(made: T): T;
  /** Told each proxy Pyodide puts in a proxy's attribute cache (JS read it from that proxy). */
  cached(cache: object, proxy: unknown): void;
}

/** Names of the imports {@link restrictWasmImports} replaces (for tests and the docs). */
export const REPLACED_IMPORTS: readonly string[] = [...Object.keys(REPLACED), ...BOOT_ONLY, ...CALLBACK_MAKERS];

/** Puts `replacement` in `env[name]`, keeping the `.sig` Emscripten reads to build wasm wrappers for functions added to the table at run time (dlsym). */
function replace(env: Record<string, unknown>, name: string, replacement: Replacement): void {
  const original = env[name] as { sig?: string } | undefined;
  const wrapped = replacement as Replacement & { sig?: string };
  if (original?.sig !== undefined) wrapped.sig = original.sig;
  env[name] = wrapped;
}

/**
 * Replaces the dangerous entries of Emscripten's import object in place, and wraps the ones
 * that make JS functions for Python callables with `hooks.callback`. Returns `afterBoot`, to
 * call once Pyodide has booted: the boot-only imports then do nothing, and the names in
 * {@link HIDDEN_AFTER_BOOT} are no longer resolvable. Throws when one of them is missing,
 * because a renamed import in a new Pyodide would otherwise slip through unreplaced.
 */
export function restrictWasmImports(env: Record<string, unknown>, hooks?: ImportHooks): { afterBoot(): void } {
  const missing = REPLACED_IMPORTS.filter((name) => !(name in env));
  if (missing.length > 0) throw new Error(`Pyodide's wasm imports changed: ${missing.join(", ")} not found; review daemon/runner/wasm-imports.ts`);
  for (const [name, replacement] of Object.entries(REPLACED)) replace(env, name, replacement);
  let booted = false;
  for (const name of BOOT_ONLY) {
    const original = env[name] as Replacement;
    replace(env, name, (...args) => (booted ? undefined : original(...args)));
  }
  if (hooks) {
    const makeOnce = env.create_once_callable as Replacement;
    replace(env, "create_once_callable", (...args) => {
      const made = makeOnce(...args);
      return typeof made === "function" ? hooks.callback(made as (...a: unknown[]) => unknown) : made;
    });
    const makeHandles = env.create_promise_handles as Replacement;
    replace(env, "create_promise_handles", (...args) => {
      const made = makeHandles(...args);
      return Array.isArray(made) ? made.map((handle) => (typeof handle === "function" ? hooks.callback(handle as (...a: unknown[]) => unknown) : handle)) : made;
    });
    const cacheSet = env.proxy_cache_set as Replacement;
    replace(env, "proxy_cache_set", (cache, descr, proxy) => {
      cacheSet(cache, descr, proxy);
      if (cache !== null && typeof cache === "object") hooks.cached(cache, proxy);
    });
  }
  return {
    afterBoot() {
      booted = true;
      // `env` is the table dlsym resolves from (Emscripten merged the module's exports into it);
      // the module itself was linked at instantiation and keeps what it was given.
      for (const name of HIDDEN_AFTER_BOOT) delete env[name];
    },
  };
}
