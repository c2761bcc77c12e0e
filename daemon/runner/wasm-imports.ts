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
};

/** Names of the imports {@link restrictWasmImports} replaces (for tests and the docs). */
export const REPLACED_IMPORTS: readonly string[] = Object.keys(REPLACED);

/**
 * Replaces the dangerous entries of Emscripten's import object in place. Throws when one
 * of them is missing, because a renamed import in a new Pyodide would otherwise slip
 * through unreplaced.
 */
export function restrictWasmImports(env: Record<string, unknown>): void {
  const missing = REPLACED_IMPORTS.filter((name) => !(name in env));
  if (missing.length > 0) throw new Error(`Pyodide's wasm imports changed: ${missing.join(", ")} not found; review daemon/runner/wasm-imports.ts`);
  for (const [name, replacement] of Object.entries(REPLACED)) {
    const original = env[name] as { sig?: string } | undefined;
    const wrapped = replacement as Replacement & { sig?: string };
    // Emscripten reads `.sig` to build wasm wrappers for functions added to the table at run time (dlsym).
    if (original?.sig !== undefined) wrapped.sig = original.sig;
    env[name] = wrapped;
  }
}
