/** Boots the runner's interpreter: Pyodide from the snapshot (or plain, or to build one), woma's Python runtime taken out of Python's reach, and everything that leads to the host removed before any user code runs. */
import { loadPyodide, type PyodideAPI } from "pyodide";
import type { SignalBuffer } from "./interrupts.ts";
import { removeJsApi } from "./js-api-removal.ts";
import type { PackageInternals } from "./package-installs.ts";
import { PYTHON_ENV, PYTHON_EXECUTABLE } from "./python-env.ts";
import { scopeBuiltins } from "./python-globals.ts";
import { RUNTIME_SOURCES } from "./python-runtime.ts";
import { lockDownRealm } from "./realm-lockdown.ts";
import type { ProxyInternals, RunScope } from "./run-scope.ts";
import type { BootMode, RunnerBootParams } from "../contract/runner-protocol.ts";
import { readSnapshotPayload, writeRawSnapshot } from "../contract/snapshot-format.ts";
import { lockDownTerminals } from "./tty-lockdown.ts";
import { restrictWasmImports } from "./wasm-imports.ts";

/** A Python callable the runner holds. */
export type PyCallable = ((...args: unknown[]) => unknown) & { callPromising(...args: unknown[]): Promise<unknown>; destroy(): void };

/** The entry points of woma's Python runtime (core.py and the rest), held by the runner alone. */
export interface RuntimeEntries {
  run: PyCallable;
  finish: PyCallable;
  session: PyCallable;
  check: PyCallable;
  interrupt: PyCallable;
  complete: PyCallable;
  inspect: PyCallable;
}

/** A booted interpreter. */
export interface Interpreter {
  pyodide: PyodideAPI;
  entries: RuntimeEntries;
  internals: PackageInternals;
}

/** What the boot wires into the interpreter: where output goes and what Python's capabilities are. */
export interface BootWiring {
  scope: RunScope;
  /** The object behind Python's `import js`; filled once the realm is locked down. */
  jsglobals: Record<string, unknown>;
  fillGlobals(): void;
  stdout(bytes: Uint8Array): void;
  stderr(bytes: Uint8Array): void;
  signalBuffer: SignalBuffer;
  /** Python's capabilities, handed to the runtime's `set_host` and `set_io` (see core.py, display.py). */
  wait(ms: number): Promise<void>;
  packages(kind: unknown, names: unknown, indexUrls?: unknown): Promise<unknown>;
  display(value: unknown): void;
  input(prompt: unknown, password: unknown, all: unknown): Promise<unknown>;
  /** Where an error a Python callback threw goes (it must never escape into JavaScript). */
  dropped(error: unknown): void;
}

/** What the boot reports, before the runner drops its privileges. */
export type BootReport =
  | { kind: "ready"; bootMs: number; fromSnapshot: boolean; pythonVersion: string; pyodideVersion: string; snapshotBytes?: number }
  | { kind: "snapshot-refused"; problem: string };

/** Boots Pyodide as `params` says and wires it; resolves with the interpreter, or with why the snapshot was refused. */
export async function bootInterpreter(params: RunnerBootParams, wiring: BootWiring): Promise<{ report: BootReport; interpreter?: Interpreter }> {
  const started = performance.now();
  const mode: BootMode = params.boot;
  const buffers = new BootBuffers();
  let linked: { afterBoot(): void } | undefined;
  let emscripten: MemoryLayout | undefined;
  const common = {
    indexURL: params.indexURL,
    // Python's `import js` sees this object only: no host globals (no process, no Bun, no
    // network). After boot it gets the few harmless constructors Python's HTTP libraries use,
    // and a fetch that goes through the daemon's broker.
    jsglobals: wiring.jsglobals,
    env: { ...PYTHON_ENV },
    // sys.executable; by default Emscripten takes the script's host path.
    _sysExecutable: PYTHON_EXECUTABLE,
    stdout: (text: string) => wiring.stdout(new TextEncoder().encode(`${text}\n`)),
    stderr: (text: string) => wiring.stderr(new TextEncoder().encode(`${text}\n`)),
    checkAPIVersion: true,
    // Typed as Pyodide's own factory; this one wraps it.
    createPyodideModule: (await restrictedFactory(params.indexURL, wiring.scope, (made) => (linked = made), (module) => (emscripten = module as MemoryLayout))) as never,
  };
  let pyodide: PyodideAPI;
  let snapshotBytes: number | undefined;
  if (mode.kind === "snapshot") {
    try {
      const bytes = await Bun.file(mode.path).bytes();
      buffers.own(bytes.buffer);
      const payload = readSnapshotPayload(bytes);
      if (typeof payload === "string") return { report: { kind: "snapshot-refused", problem: `snapshot ${mode.path}: ${payload}` } };
      // _loadSnapshot is Pyodide's private snapshot option (typed, marked @ignore).
      pyodide = await buffers.whileBooting(() => sparseRestore(() => emscripten, () => loadPyodide({ ...common, _loadSnapshot: payload })));
    } catch (error) {
      return { report: { kind: "snapshot-refused", problem: `restoring snapshot ${mode.path} failed: ${describe(error)}` } };
    }
  } else {
    pyodide = await buffers.whileBooting(() => loadPyodide({ ...common, _makeSnapshot: mode.kind === "build-snapshot" }));
    installRuntime(pyodide);
    if (mode.kind === "build-snapshot") snapshotBytes = writeRawSnapshot(mode.path, pyodide.makeMemorySnapshot());
  }
  pyodide.setStdout({ write: (bytes: Uint8Array) => (wiring.stdout(bytes), bytes.length), isatty: false });
  pyodide.setStderr({ write: (bytes: Uint8Array) => (wiring.stderr(bytes), bytes.length), isatty: false });
  // No terminal behind a run: input() reads end-of-file and raises EOFError.
  pyodide.setStdin({ stdin: () => null });
  // Typed as an Int32Array; Pyodide only reads and resets index 0 (interrupts.ts).
  pyodide.setInterruptBuffer(wiring.signalBuffer as unknown as Int32Array);
  const { entries, setHost, setIo } = takeRuntime(pyodide);
  const scheduler = scopedScheduler(pyodide, wiring.scope, wiring.dropped);
  setHost(scheduler.scoped, wiring.wait, wiring.packages);
  setIo(wiring.display, wiring.input);
  setHost.destroy();
  setIo.destroy();
  const module = (pyodide as unknown as { _module: Parameters<typeof lockDownTerminals>[0] & ProxyInternals })._module;
  lockDownTerminals(module);
  // Every PyProxy made from here on is stamped with its run; woma's runtime and Pyodide's API, made before, are not.
  wiring.scope.guardProxies(module);
  linked?.afterBoot();
  removeJsApi(pyodide, scheduler);
  scopeBuiltins(wiring.scope);
  lockDownRealm();
  wiring.fillGlobals();
  const internals = (pyodide as unknown as { _api: PackageInternals })._api;
  const pythonVersion = String(pyodide.runPython("import sys; sys.version.split()[0]", { globals: pyodide.toPy({}) }));
  buffers.free();
  const report: BootReport = { kind: "ready", bootMs: performance.now() - started, fromSnapshot: mode.kind === "snapshot", pythonVersion, pyodideVersion: pyodide.version };
  if (snapshotBytes !== undefined) report.snapshotBytes = snapshotBytes;
  return { report, interpreter: { pyodide, entries, internals } };
}

/** Loads woma's Python runtime into the interpreter as the module `_woma`; runs before a snapshot is taken. */
function installRuntime(pyodide: PyodideAPI): void {
  pyodide.runPython(
    `
import sys, types
_woma = types.ModuleType("_woma")
_woma.__file__ = "<woma>"
for _source in _woma_sources:
    exec(compile(_source, "<woma>", "exec"), _woma.__dict__)
sys.modules["_woma"] = _woma
_woma.harden()
del _woma, _woma_sources, _source, types
`,
    { globals: pyodide.toPy({ _woma_sources: [...RUNTIME_SOURCES] }) },
  );
}

/** Takes the runtime's entry points and removes the module, so `import _woma` finds nothing. */
function takeRuntime(pyodide: PyodideAPI): { entries: RuntimeEntries; setHost: PyCallable; setIo: PyCallable } {
  const woma = pyodide.pyimport("_woma");
  // Attributes of a module proxy are borrowed; copies outlive the module proxy destroyed below.
  const own = (name: string) => (woma[name] as { copy(): PyCallable }).copy();
  const taken = {
    entries: { run: own("run"), finish: own("finish"), session: own("session"), check: own("check"), interrupt: own("interrupt"), complete: own("complete"), inspect: own("inspect") },
    setHost: own("set_host"),
    setIo: own("set_io"),
  };
  woma.destroy();
  pyodide.runPython('import sys\nsys.modules.pop("_woma", None)\ndel sys', { globals: pyodide.toPy({}) });
  return taken;
}

/**
 * Pyodide's scheduleCallback, scoped to the run (run-scope.ts) and wrapped so that whatever a
 * Python callback throws (or its promise rejects with) stays here: a KeyboardInterrupt that
 * lands in a callback must not become an uncaught error that takes the runner, and every
 * session on it, down. This is the only scheduler Python can reach: woma's event loop, the
 * `pyodide_js` facade and `pyodide.webloop` all hold it.
 */
function scopedScheduler(pyodide: PyodideAPI, scope: RunScope, dropped: (error: unknown) => void): { raw: unknown; scoped: (callback: unknown, delay?: unknown) => void } {
  const raw = (pyodide as unknown as { _api: { scheduleCallback: (callback: () => void, delay: number) => void } })._api.scheduleCallback;
  const scoped = scope.scheduler(raw, (callback) => () => {
    try {
      const result = callback() as { then?: unknown } | undefined;
      if (result && typeof result.then === "function") (result as Promise<unknown>).then(undefined, dropped);
    } catch (error) {
      dropped(error);
    }
  });
  return { raw, scoped };
}

/**
 * Pyodide's module factory, with the wasm imports that lead to the host replaced before
 * the module is instantiated (see wasm-imports.ts).
 */
async function restrictedFactory(indexURL: string, scope: RunScope, onLinked: (linked: { afterBoot(): void }) => void, onModule: (module: Record<string, unknown>) => void) {
  const factory = ((await import(`${indexURL}pyodide.asm.mjs`)) as { default: (settings: Record<string, unknown>) => Promise<unknown> }).default;
  return (settings: Record<string, unknown>) => {
    // The settings object becomes Emscripten's module.
    onModule(settings);
    const instantiate = settings.instantiateWasm as (imports: { env: Record<string, unknown> }, receive: unknown) => unknown;
    settings.instantiateWasm = (imports: { env: Record<string, unknown> }, receive: unknown) => {
      onLinked(restrictWasmImports(imports.env, { callback: (made) => scope.stamp(made), cached: (cache, proxy) => scope.cached(cache, proxy) }));
      return instantiate(imports, receive);
    };
    return factory(settings);
  };
}

/** Bytes in a page of memory: the unit the kernel counts resident memory in. */
const PAGE = 4096;
/** Smallest copy taken for the snapshot's heap (it is 30 MiB; nothing else Pyodide copies while booting comes near). */
const SNAPSHOT_COPY_BYTES = 8 * 1024 * 1024;
/** Pages below the stack pointer that are checked as if in use, for what the calls before the restore may have left there. */
const STACK_MARGIN_PAGES = 16;

/** What the restore reads of Emscripten's module to know where memory may have been written before it. */
interface MemoryLayout {
  _emscripten_stack_get_end?: () => number;
  stackSave?: () => number;
  _sbrk?: (increment: number) => number;
}

/**
 * Runs a snapshot restore whose copy of the heap into WebAssembly memory skips pages that
 * are zero in the snapshot and were never written before the restore. Pyodide copies the
 * whole 30 MiB (`HEAP8.set`), and writing a page of zeros makes it resident for nothing,
 * while about 13 MiB of the snapshot are such pages; even reading a page of this memory makes
 * it resident, so which pages may have been written is worked out from the module's layout:
 * its static data (below the stack), the stack in use (the stack pointer, and a margin below
 * it: the rest of the stack is unused, and what a C function finds in unused stack is never
 * read before it is written) and what was allocated before (up to the break). A zero page
 * there is copied when memory holds something else; a zero page anywhere else is untouched
 * memory, zero already. Without the layout, every zero page is checked.
 */
async function sparseRestore<T>(module: () => MemoryLayout | undefined, restore: () => Promise<T>): Promise<T> {
  const original = Int8Array.prototype.set;
  const zero = new Uint8Array(PAGE);
  Int8Array.prototype.set = function (this: Int8Array, source: ArrayLike<number>, offset = 0) {
    if (offset !== 0 || !(source instanceof Uint8Array) || source.length < SNAPSHOT_COPY_BYTES || source.length > this.length) return original.call(this, source, offset);
    const memory = new Uint8Array(this.buffer, this.byteOffset, source.length);
    const layout = module();
    let mayBeWritten = (_page: number) => true;
    if (typeof layout?._emscripten_stack_get_end === "function" && typeof layout.stackSave === "function" && typeof layout._sbrk === "function") {
      const data = Math.ceil(layout._emscripten_stack_get_end() / PAGE);
      const inUse = Math.floor(layout.stackSave() / PAGE) - STACK_MARGIN_PAGES;
      const brk = Math.ceil(layout._sbrk(0) / PAGE);
      mayBeWritten = (page) => page < data || (page >= inUse && page <= brk);
    }
    for (let at = 0, page = 0; at < source.length; at += PAGE, page++) {
      const end = Math.min(at + PAGE, source.length);
      const part = source.subarray(at, end);
      if (Buffer.compare(part, zero.subarray(0, end - at)) === 0 && (!mayBeWritten(page) || Buffer.compare(memory.subarray(at, end), zero.subarray(0, end - at)) === 0)) continue;
      memory.set(part, at);
    }
  } as typeof original;
  try {
    return await restore();
  } finally {
    Int8Array.prototype.set = original;
  }
}

/**
 * The large buffers a boot reads: the snapshot (30 MB) and the wasm binary (10 MB).
 * Pyodide keeps references to both for the life of the interpreter (its config holds the
 * snapshot promise, a closure holds the binary), so they are detached once the
 * interpreter is up, which frees their memory whoever still points at them.
 */
class BootBuffers {
  private readonly buffers: ArrayBufferLike[] = [];

  own(buffer: ArrayBufferLike): void {
    this.buffers.push(buffer);
  }

  /** Runs `boot`, noting every buffer given to WebAssembly.instantiate meanwhile (the wasm binary). */
  async whileBooting<T>(boot: () => Promise<T>): Promise<T> {
    const original = WebAssembly.instantiate;
    const wrapped = async (source: unknown, imports?: unknown) => {
      const result = await (original as (s: unknown, i?: unknown) => Promise<unknown>)(source, imports);
      // Only a view that spans its whole buffer: a small Node Buffer may sit in a shared pool.
      if (ArrayBuffer.isView(source) && source.byteOffset === 0 && source.byteLength === source.buffer.byteLength) this.own(source.buffer);
      else if (source instanceof ArrayBuffer) this.own(source);
      return result;
    };
    WebAssembly.instantiate = wrapped as typeof WebAssembly.instantiate;
    try {
      return await boot();
    } finally {
      WebAssembly.instantiate = original;
    }
  }

  /** Detaches every noted buffer and collects garbage. */
  free(): void {
    for (const buffer of this.buffers.splice(0)) {
      if (buffer instanceof ArrayBuffer && !buffer.detached) buffer.transfer(0);
    }
    setTimeout(() => Bun.gc(true), 10);
  }
}

/** A short, single-line reason: never a stack trace, never engine source. */
export function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split("\n").map((l) => l.trim()).filter(Boolean).pop() ?? (error instanceof Error ? error.name : "unknown error");
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
