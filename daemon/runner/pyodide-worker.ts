/** The worker thread of a runner: the only code that loads Pyodide; it runs Python and nothing else. */
import { loadPyodide, type PyodideAPI } from "pyodide";
import { RingWriter } from "./output-ring.ts";
import { PYTHON_ENV } from "./python-env.ts";
import { readSnapshotPayload, writeSnapshotFile } from "./snapshot-format.ts";
import type { FromWorker, ToWorker, WorkerRunOutcome } from "./worker-messages.ts";
import type { RunnerBootParams, RunnerBootResult } from "./runner-protocol.ts";
import runtimeSource from "./woma_runtime.py" with { type: "text" };

declare const self: Worker;

/** A Python callable held by the worker; every call returns JSON text or a PyProxy awaitable of it. */
type PyCallable = ((...args: unknown[]) => unknown) & { destroy?: () => void };

interface Runtime {
  pyodide: PyodideAPI;
  run: PyCallable;
  session: PyCallable;
  check: PyCallable;
  interrupt: PyCallable;
}

let runtime: Runtime | undefined;

function post(message: FromWorker): void {
  self.postMessage(message);
}

/** Initialises woma's Python side; runs before a snapshot is taken, so snapshot boots skip it. */
function installRuntime(pyodide: PyodideAPI): void {
  pyodide.runPython(
    `
import sys, types
_woma = types.ModuleType("_woma")
_woma.__file__ = "<woma>"
exec(compile(_woma_source, "<woma>", "exec"), _woma.__dict__)
sys.modules["_woma"] = _woma
_woma.harden()
del _woma, _woma_source, types
`,
    { globals: pyodide.toPy({ _woma_source: runtimeSource }) },
  );
}

async function boot(params: RunnerBootParams, interrupt: SharedArrayBuffer, stdout: RingWriter, stderr: RingWriter): Promise<RunnerBootResult> {
  const started = performance.now();
  const common = {
    indexURL: params.indexURL,
    // Python's `import js` sees this object only: no host globals (no process, no Bun, no fetch).
    jsglobals: Object.create(null) as object,
    env: { ...PYTHON_ENV },
    stdout: (text: string) => stdout.write(new TextEncoder().encode(`${text}\n`)),
    stderr: (text: string) => stderr.write(new TextEncoder().encode(`${text}\n`)),
    checkAPIVersion: true,
  };
  let pyodide: PyodideAPI;
  let fromSnapshot = false;
  let snapshotBytes: number | undefined;
  let snapshotProblem: string | undefined;
  const mode = params.boot;
  const release = new BootBuffers();
  if (mode.kind === "snapshot") {
    // Read asynchronously: Pyodide takes a promise, so the read overlaps compiling the wasm module.
    const payload = Bun.file(mode.path)
      .bytes()
      .then((bytes) => {
        release.own(bytes.buffer);
        const checked = readSnapshotPayload(bytes, true);
        if (typeof checked === "string") throw new Error(`snapshot ${mode.path}: ${checked}`);
        return checked;
      });
    // Pyodide awaits the snapshot only after compiling the wasm module; until then a
    // rejection would count as unhandled and take the worker down without its reason.
    payload.catch(() => {});
    // _loadSnapshot and _makeSnapshot are Pyodide's private snapshot options (typed, marked @ignore).
    pyodide = await release.whileBooting(() => loadPyodide({ ...common, _loadSnapshot: payload }));
    fromSnapshot = true;
  } else {
    pyodide = await release.whileBooting(() => loadPyodide({ ...common, _makeSnapshot: mode.kind === "make-snapshot" }));
    installRuntime(pyodide);
    if (mode.kind === "make-snapshot") {
      try {
        const snapshot = pyodide.makeMemorySnapshot();
        snapshotBytes = writeSnapshotFile(mode.path, snapshot);
      } catch (error) {
        snapshotProblem = `could not write snapshot ${mode.path}: ${(error as Error).message}`;
      }
    }
  }
  pyodide.setStdout({ write: (bytes: Uint8Array) => (stdout.write(bytes), bytes.length), isatty: false });
  pyodide.setStderr({ write: (bytes: Uint8Array) => (stderr.write(bytes), bytes.length), isatty: false });
  // No terminal behind a run: input() reads end-of-file and raises EOFError.
  pyodide.setStdin({ stdin: () => null });
  pyodide.setInterruptBuffer(new Int32Array(interrupt));
  const woma = pyodide.pyimport("_woma");
  // Attributes of a module proxy are borrowed; copies outlive the module proxy destroyed below.
  const own = (name: string) => (woma[name] as { copy(): PyCallable }).copy();
  runtime = { pyodide, run: own("run"), session: own("session"), check: own("check"), interrupt: own("interrupt") };
  woma.destroy();
  const pythonVersion = String(pyodide.runPython("import sys; sys.version.split()[0]"));
  release.free();
  const result: RunnerBootResult = {
    bootMs: performance.now() - started,
    fromSnapshot,
    pythonVersion,
    pyodideVersion: pyodide.version,
  };
  if (snapshotBytes !== undefined) result.snapshotBytes = snapshotBytes;
  if (snapshotProblem !== undefined) result.snapshotProblem = snapshotProblem;
  return result;
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

/** Resolves a Python return value: JSON text directly, or an awaitable (top-level await) of it. */
async function settle(value: unknown): Promise<string> {
  if (typeof value === "string") return value;
  const awaitable = value as PromiseLike<string> & { destroy?: () => void };
  try {
    return await awaitable;
  } finally {
    awaitable.destroy?.();
  }
}

async function call(message: Extract<ToWorker, { op: "call" }>): Promise<unknown> {
  if (!runtime) throw new Error("the interpreter is not booted");
  switch (message.method) {
    case "run": {
      const { code, sessionId, fresh, maxResultChars } = message.params;
      const started = performance.now();
      const text = await settle(runtime.run(code, sessionId, fresh, maxResultChars));
      const executionTimeMs = performance.now() - started;
      const parsed = JSON.parse(text) as Omit<WorkerRunOutcome, "executionTimeMs" | "resultCharsCut"> & { result_chars_cut?: number };
      const outcome: WorkerRunOutcome = {
        status: parsed.status,
        result: parsed.result ?? null,
        resultCharsCut: parsed.result_chars_cut ?? 0,
        executionTimeMs,
      };
      if (parsed.error) outcome.error = parsed.error;
      return outcome;
    }
    case "session":
      return JSON.parse(String(runtime.session(message.params.op, message.params.sessionId)));
    case "check":
      return { status: String(runtime.check(message.params.code)) };
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.op) {
    case "boot":
      boot(message.params, message.interrupt, new RingWriter(message.stdout), new RingWriter(message.stderr)).then(
        (result) => post({ op: "booted", result }),
        (error: unknown) => post({ op: "fatal", message: `boot failed: ${describe(error)}` }),
      );
      return;
    case "call":
      call(message).then(
        (result) => post({ op: "reply", id: message.id, result }),
        (error: unknown) => {
          // The Python side catches every exception, so a throw here means the interpreter itself broke.
          post({ op: "fatal", message: `interpreter failed during ${message.method}: ${describe(error)}` });
        },
      );
      return;
    case "interrupt":
      // Reached only while the worker is idle, i.e. a top-level-await run is suspended: cancel its task.
      if (runtime) runtime.interrupt();
      return;
  }
};

function describe(error: unknown): string {
  if (error instanceof Error) return error.message.split("\n").slice(-3).join(" ").trim() || error.name;
  return String(error);
}
