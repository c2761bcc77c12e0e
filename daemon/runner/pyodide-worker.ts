/** The worker thread of a runner: the only code that loads Pyodide; it removes Pyodide's JS API from Python's reach, then runs Python and nothing else. */
import { loadPyodide, type PyodideAPI } from "pyodide";
import type { DisplayOutputType } from "../../protocol/generated/types.ts";
import { removeJsApi } from "./js-api-removal.ts";
import { RingWriter } from "./output-ring.ts";
import { PYTHON_ENV, PYTHON_EXECUTABLE } from "./python-env.ts";
import { lockDownRealm } from "./realm-lockdown.ts";
import { lockDownTerminals } from "./tty-lockdown.ts";
import type { RelayChunk, RelayHead } from "../net/fetch-relay.ts";
import { filesOperation, removeSessionDirectory, sessionDirectory, type VirtualFs } from "./session-files.ts";
import { DISPLAY_OUTPUT_TYPES, MAX_FETCH_BODY_BYTES, MAX_FETCH_HEADER_CHARS, MAX_FETCH_HEADERS, MAX_FETCH_URL_CHARS, MAX_IMPORT_MODULES, MAX_INDEX_URLS, MAX_INPUT_PROMPT_CHARS, MAX_INSTALL_REQUIREMENTS, MAX_REQUIREMENT_CHARS, MODULE_NAME, type BootMode, type RunnerDisplayOutput, type RunnerInputResult, type RunnerBootParams, type RunnerPackagesResult, type RunOutcome, type RunnerWheel, type SeccompState } from "./runner-protocol.ts";
import { readSnapshotPayload, writeRawSnapshot } from "./snapshot-format.ts";
import { restrictWasmImports } from "./wasm-imports.ts";
import { RunScope, type ProxyInternals } from "./run-scope.ts";
import type { FromWorker, HostMethod, ToWorker, WorkerBootResult, WorkerRunOutcome } from "./worker-messages.ts";
import { RUNTIME_SOURCES } from "./python-runtime.ts";

declare const self: Worker;

/** A Python callable held by the worker. */
type PyCallable = ((...args: unknown[]) => unknown) & { callPromising(...args: unknown[]): Promise<unknown>; destroy(): void };

/** A value Python returned: a proxy to convert, or an awaitable proxy to wait for first. */
type PyValue = { toJs(options: object): unknown; destroy(): void; then?: unknown };

/** What the worker keeps of Pyodide's internals (Python can reach none of it). */
interface PyodideInternals {
  install(buffer: Uint8Array, fileName: string, installDir: string, metadata: Map<string, string>): Promise<void>;
  package_loader: { get_install_dir(kind: string): string };
}

interface Runtime {
  pyodide: PyodideAPI;
  internals: PyodideInternals;
  run: PyCallable;
  finish: PyCallable;
  session: PyCallable;
  check: PyCallable;
  interrupt: PyCallable;
  setHost: PyCallable;
  setIo: PyCallable;
  complete: PyCallable;
  inspect: PyCallable;
}

let runtime: Runtime | undefined;
let seccomp: SeccompState = { installed: false, detail: "not reported by the runner" };

function post(message: FromWorker): void {
  self.postMessage(message);
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
function takeRuntime(pyodide: PyodideAPI): Runtime {
  const woma = pyodide.pyimport("_woma");
  // Attributes of a module proxy are borrowed; copies outlive the module proxy destroyed below.
  const own = (name: string) => (woma[name] as { copy(): PyCallable }).copy();
  const internals = (pyodide as unknown as { _api: PyodideInternals })._api;
  const entries = {
    pyodide,
    internals,
    run: own("run"),
    finish: own("finish"),
    session: own("session"),
    check: own("check"),
    interrupt: own("interrupt"),
    setHost: own("set_host"),
    setIo: own("set_io"),
    complete: own("complete"),
    inspect: own("inspect"),
  };
  woma.destroy();
  pyodide.runPython('import sys\nsys.modules.pop("_woma", None)\ndel sys', { globals: pyodide.toPy({}) });
  return entries;
}

/** Keeps every way JS can call back into Python within the run that armed it. */
const scope = new RunScope();

/**
 * Pyodide's scheduleCallback, scoped to the run (run-scope.ts) and wrapped so that whatever a
 * Python callback throws (or its promise rejects with) stays here: a KeyboardInterrupt that
 * lands in a callback must not become an uncaught error that takes the worker, and every
 * session on it, down. This is the only scheduler Python can reach: woma's event loop, the
 * `pyodide_js` facade and `pyodide.webloop` all hold it.
 */
function scopedScheduler(pyodide: PyodideAPI): { raw: unknown; scoped: (callback: unknown, delay?: unknown) => void } {
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

/** Rejections of the waits in progress: an interrupt wakes them all. */
const waits = new Set<(error: Error) => void>();

/** A promise that resolves after `ms`, or rejects as soon as the daemon interrupts the run (Python's time.sleep blocks on it). */
function interruptibleWait(ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      waits.delete(wake);
      resolve();
    };
    const timer = setTimeout(done, Math.min(Math.max(ms, 0), 2 ** 31 - 1));
    const wake = (error: Error) => {
      clearTimeout(timer);
      waits.delete(wake);
      reject(error);
    };
    waits.add(wake);
  });
}

/** Requests of the worker's to the daemon, waiting for their answers, with the epoch (run-scope.ts) each was asked in. */
const hostCalls = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void; epoch: number }>();
let nextHostCall = 1;

/** Sends a request to the daemon through the main thread (which adds the run's id). */
function askDaemon(method: HostMethod, params: Record<string, unknown>): Promise<unknown> {
  const id = nextHostCall++;
  return new Promise((resolve, reject) => {
    hostCalls.set(id, { resolve, reject, epoch: scope.current });
    post({ op: "host", id, method, params });
  });
}

// What a run asked of the daemon and left unanswered is dropped when it ends: the promise never
// settles, so nothing waiting on it (a Python callback, a stream) ever runs after its run.
scope.onEnd((ended) => {
  for (const [id, call] of hostCalls) if (call.epoch === ended) hostCalls.delete(id);
});

/**
 * What Python may ask of the daemon during a run: `packages` (what provides these
 * modules) or `install` (micropip requirements). The daemon fetches and verifies the files;
 * this worker installs them from the read-only cache; Python gets the names installed and
 * the modules no package provides.
 */
async function hostForPython(kind: unknown, names: unknown, indexUrls?: unknown): Promise<{ installed: string[]; unknown: string[] }> {
  const list = stringList(names, "names");
  let answer: RunnerPackagesResult;
  if (kind === "install") {
    // The daemon kills a runner whose message breaks these bounds, so going past them is Python's error here.
    const urls = indexUrls === undefined || indexUrls === null ? undefined : stringList(indexUrls, "index_urls");
    if (list.length === 0) throw new Error("micropip.install needs at least one requirement");
    if (list.length > MAX_INSTALL_REQUIREMENTS) throw new Error(`${list.length} requirements are over woma's limit of ${MAX_INSTALL_REQUIREMENTS} per micropip.install`);
    if (urls && urls.length > MAX_INDEX_URLS) throw new Error(`${urls.length} index URLs are over woma's limit of ${MAX_INDEX_URLS} per micropip.install`);
    const long = [...list, ...(urls ?? [])].find((text) => text.length === 0 || text.length > MAX_REQUIREMENT_CHARS);
    if (long !== undefined) throw new Error(`a requirement or index URL of ${long.length} characters is outside woma's limit of 1 to ${MAX_REQUIREMENT_CHARS}`);
    answer = (await askDaemon("runner/install", urls ? { requirements: list, indexUrls: urls } : { requirements: list })) as RunnerPackagesResult;
  } else {
    // Only names that could be a package's module are asked about; no package provides the others.
    const modules = list.filter((name) => MODULE_NAME.test(name)).slice(0, MAX_IMPORT_MODULES);
    if (modules.length === 0) return { installed: [], unknown: list };
    answer = (await askDaemon("runner/packages", { modules })) as RunnerPackagesResult;
    answer = { ...answer, unknown: [...answer.unknown, ...list.filter((name) => !modules.includes(name))] };
  }
  const installed = await installWheels(answer.wheels);
  return { installed, unknown: answer.unknown };
}

/** A Python list of strings (a proxy) or a JS array of them, as a JS array; throws naming `what` otherwise. */
function stringList(value: unknown, what: string): string[] {
  const list = (value as { toJs?: () => unknown }).toJs ? (value as { toJs: () => unknown }).toJs() : value;
  if (!Array.isArray(list) || !list.every((n) => typeof n === "string")) throw new Error(`expected a list of strings for ${what}`);
  return list as string[];
}

/**
 * Where Python's display() outputs go: converted to plain values here (no proxy leaves the
 * worker), checked for shape, and posted to the main thread, which sends them in order with
 * the run's output. Python applies the run's caps; the daemon checks them again. Never throws
 * into Python: a malformed output is dropped.
 */
function displayForPython(value: unknown): void {
  let output: unknown;
  try {
    const proxy = value as PyValue;
    try {
      output = proxy.toJs({ dict_converter: Object.fromEntries, create_pyproxies: false });
    } finally {
      proxy.destroy();
    }
  } catch {
    return;
  }
  const o = output as Partial<RunnerDisplayOutput> | null;
  if (!o || !DISPLAY_OUTPUT_TYPES.includes(o.output_type as DisplayOutputType) || typeof o.data !== "object" || o.data === null) return;
  if (!Object.values(o.data).every((v) => typeof v === "string") || typeof o.data["text/plain"] !== "string") return;
  if (!streams) return;
  // Counted before it is posted: the main thread then holds back output written after this point until it has the message.
  Atomics.add(streams.gate, 0, 1);
  post({ op: "display", output: o as RunnerDisplayOutput, stdout: streams.stdout.position(), stderr: streams.stderr.position() });
}

/** The output rings, and the count of display outputs posted (see displayForPython). */
let streams: { stdout: RingWriter; stderr: RingWriter; gate: Int32Array } | undefined;

/**
 * Python reads stdin (input(), getpass, sys.stdin): the daemon answers from the run's `stdin`
 * text or asks its client. Python waits on the promise with run_sync; an interrupt rejects it.
 */
async function inputForPython(prompt: unknown, password: unknown, all: unknown): Promise<RunnerInputResult> {
  const text = typeof prompt === "string" ? prompt.slice(0, MAX_INPUT_PROMPT_CHARS) : "";
  return (await askDaemon("runner/input", { prompt: text, password: password === true, all: all === true })) as RunnerInputResult;
}

/** The interpreter's file system, as the worker alone holds it (Python cannot reach it). */
function virtualFs(): VirtualFs {
  if (!runtime) throw new Error("the interpreter is not booted");
  return (runtime.pyodide as unknown as { FS: VirtualFs }).FS;
}

/** Names of the packages installed in this interpreter, and the queue that keeps installs one at a time (pyodide#6288). */
const installedPackages = new Set<string>();
let installing: Promise<unknown> = Promise.resolve();

/**
 * Installs package files, in the order given (dependencies first), one at a time, skipping
 * those already installed. The daemon sends each file's bytes (the runner has no access to
 * its cache); their sha256 is checked again here first.
 */
function installWheels(wheels: RunnerWheel[]): Promise<string[]> {
  const work = installing.then(async () => {
    if (!runtime) throw new Error("the interpreter is not booted");
    const { internals } = runtime;
    const installed: string[] = [];
    for (const wheel of wheels) {
      if (installedPackages.has(wheel.name)) continue;
      const { bytes } = (await askDaemon("runner/wheel", { sha256: wheel.sha256 })) as { bytes: Uint8Array };
      const digest = new Bun.CryptoHasher("sha256").update(bytes).digest("hex");
      if (digest !== wheel.sha256) throw new Error(`${wheel.fileName} from the daemon's cache does not match its sha256 (${digest} instead of ${wheel.sha256}); run \`woma packages fetch ${wheel.name}\` again`);
      const dir = String(internals.package_loader.get_install_dir(wheel.installDir));
      await internals.install(bytes, wheel.fileName, dir, new Map([["INSTALLER", "woma"], ["PYODIDE_SOURCE", "woma's verified cache"]]));
      installedPackages.add(wheel.name);
      installed.push(wheel.name);
    }
    return installed;
  });
  installing = work.catch(() => {});
  return work;
}

/** An error from a callback or a promise nobody awaited: fatal only when the interpreter itself broke. */
function dropped(error: unknown): void {
  if (error !== null && typeof error === "object" && (error as { pyodide_fatal_error?: unknown }).pyodide_fatal_error) {
    post({ op: "fatal", message: `the interpreter failed: ${describe(error)}` });
  }
}

process.on("uncaughtException", dropped);
process.on("unhandledRejection", dropped);

/**
 * Pyodide's module factory, with the wasm imports that lead to the host replaced before
 * the module is instantiated (see wasm-imports.ts).
 */
async function restrictedFactory(indexURL: string) {
  const factory = ((await import(`${indexURL}pyodide.asm.mjs`)) as { default: (settings: Record<string, unknown>) => Promise<unknown> }).default;
  return (settings: Record<string, unknown>) => {
    const instantiate = settings.instantiateWasm as (imports: { env: Record<string, unknown> }, receive: unknown) => unknown;
    settings.instantiateWasm = (imports: { env: Record<string, unknown> }, receive: unknown) => {
      linked = restrictWasmImports(imports.env, { callback: (made) => scope.stamp(made), cached: (cache, proxy) => scope.cached(cache, proxy) });
      return instantiate(imports, receive);
    };
    return factory(settings);
  };
}

/** The linking of the interpreter's wasm module, to finish once it has booted. */
let linked: { afterBoot(): void } | undefined;

/** What Python's `js` module is. */
const jsglobals: Record<string, unknown> = Object.create(null) as Record<string, unknown>;

/**
 * Fills `js` for Python, after boot and the lockdown: built-in constructors and functions
 * that pyodide.http, urllib3 and httpx use, a fetch that asks the daemon, and timers that
 * exist only during a run. Nothing here leads to the host.
 */
function pythonGlobals(): void {
  const names = ["Object", "Array", "Promise", "JSON", "Uint8Array", "ArrayBuffer", "DataView", "TextEncoder", "TextDecoder", "URL", "URLSearchParams", "Headers", "Request", "Response", "Blob", "ReadableStream", "AbortController", "AbortSignal", "Error", "TypeError", "DOMException"] as const;
  const global = globalThis as unknown as Record<string, unknown>;
  for (const name of names) jsglobals[name] = global[name];
  jsglobals.fetch = brokerFetch;
  // Timers that exist only during a run: they fire within it, and its end clears them.
  jsglobals.setTimeout = (callback: unknown, ms?: unknown, ...args: unknown[]) => scope.setTimeout(callback, ms, args, dropped);
  jsglobals.clearTimeout = (timer: unknown) => scope.clearTimeout(timer);
}

/**
 * Built-ins Python can reach that would call it back after its run, scoped before the realm
 * is frozen: AbortSignal.timeout aborts within its run or never. And Bun's file methods on
 * Blob.prototype and File.prototype (write, unlink, exists, stat, ...) are emptied: Python has no file of the
 * host's, and no use for a way to one.
 */
function scopeBuiltins(): void {
  Object.defineProperty(AbortSignal, "timeout", { value: (ms: unknown) => scope.timeoutSignal(ms), writable: true, configurable: true });
  // Bun defines them non-configurable, so they cannot be deleted, only emptied (they are
  // writable). File.prototype has its own copies; a File is one FormData.append away.
  const standard = new Set<PropertyKey>(["constructor", "size", "type", "slice", "stream", "text", "arrayBuffer", "bytes", "name", "lastModified", Symbol.toStringTag]);
  for (const proto of [Blob.prototype, File.prototype] as unknown as Array<Record<PropertyKey, unknown>>) {
    for (const key of Reflect.ownKeys(proto)) {
      if (!standard.has(key) && Object.getOwnPropertyDescriptor(proto, key)?.writable) proto[key] = undefined;
    }
  }
}

/** A fetch error as fetch reports them (a TypeError), or a TimeoutError / AbortError, with the broker's message. */
function fetchError(message: string, kind?: string): Error {
  if (kind === "aborted" || kind === "interrupted") return new DOMException(message, "AbortError");
  const error = new TypeError(message);
  // Error.prototype is frozen in the runner, so "name" is defined on the error, not assigned.
  if (kind === "timeout") Object.defineProperty(error, "name", { value: "TimeoutError", configurable: true, writable: true });
  return error;
}

/**
 * fetch() for Python: the request goes to the daemon, whose broker applies the network
 * policy and performs it; the body is pulled from the daemon as Python reads it. It always
 * rejects with plain Error objects (a rejection Pyodide cannot convert would end the worker).
 */
async function brokerFetch(input: unknown, init?: RequestInit): Promise<Response> {
  let request: Request;
  try {
    request = new Request(input as string, init);
  } catch (error) {
    throw fetchError(`invalid request: ${(error as Error).message}`);
  }
  const signal = init?.signal ?? request.signal;
  if (signal?.aborted) throw fetchError("the request was aborted", "aborted");
  const body = request.body ? new Uint8Array(await request.arrayBuffer()) : undefined;
  if (body && body.length > MAX_FETCH_BODY_BYTES) throw fetchError(`request body of ${body.length} bytes is over woma's limit of ${MAX_FETCH_BODY_BYTES}`);
  const headers = [...request.headers];
  // The daemon kills a runner whose message breaks these bounds, so a request past them is Python's error here.
  if (request.url.length > MAX_FETCH_URL_CHARS) throw fetchError(`URL of ${request.url.length} characters is over woma's limit of ${MAX_FETCH_URL_CHARS} characters per request URL`);
  if (headers.length > MAX_FETCH_HEADERS) throw fetchError(`${headers.length} request headers are over woma's limit of ${MAX_FETCH_HEADERS} headers per request`);
  const long = headers.find(([name, value]) => name.length > MAX_FETCH_HEADER_CHARS || value.length > MAX_FETCH_HEADER_CHARS);
  if (long) throw fetchError(`request header ${long[0].slice(0, 40)} is over woma's limit of ${MAX_FETCH_HEADER_CHARS} characters per header name or value`);
  if (!/^[A-Za-z]{1,20}$/.test(request.method)) throw fetchError(`method ${JSON.stringify(request.method.slice(0, 40))} is not allowed: woma sends methods of 1 to 20 letters`);
  const params: Record<string, unknown> = {
    url: request.url,
    method: request.method,
    headers,
    redirect: request.redirect === "follow" ? "follow" : "manual",
  };
  if (body && body.length > 0) params.body = Buffer.from(body).toString("base64");
  // A timeout woma's Python side passes (urllib's, httpx's), in ms: the broker bounds the request by it.
  const timeout = (init as { timeout?: unknown } | undefined)?.timeout;
  if (typeof timeout === "number" && timeout > 0) params.timeoutMs = timeout;
  let head: RelayHead;
  try {
    head = (await raceAbort(askDaemon("runner/fetch", params), signal)) as RelayHead;
  } catch (error) {
    throw fetchError((error as Error).message, (error as { kind?: string }).kind);
  }
  if (head.bytes !== undefined) {
    // The whole body came with the head: nothing to pull, nothing to close.
    const bytes = [101, 204, 205, 304].includes(head.status) ? null : head.bytes;
    const whole = new Response(bytes, { status: head.status, statusText: head.statusText, headers: head.headers });
    Object.defineProperty(whole, "url", { value: head.url });
    Object.defineProperty(whole, "redirected", { value: head.redirected });
    return whole;
  }
  const { requestId } = head;
  let ended = false;
  const close = () => {
    if (!ended) void askDaemon("runner/fetch-close", { requestId }).catch(() => {});
  };
  const hasBody = ![101, 204, 205, 304].includes(head.status) && request.method !== "HEAD";
  const stream = hasBody
    ? new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            try {
              const chunk = (await raceAbort(askDaemon("runner/fetch-read", { requestId }), signal)) as RelayChunk;
              if (chunk.done) {
                controller.close();
                return;
              }
              controller.enqueue(chunk.bytes);
              if (chunk.last) {
                ended = true;
                controller.close();
              }
            } catch (error) {
              close();
              controller.error(fetchError((error as Error).message, (error as { kind?: string }).kind));
            }
          },
          cancel: close,
        },
        // One chunk ahead: the next is on its way while Python handles this one.
        { highWaterMark: 1 },
      )
    : null;
  if (!hasBody) close();
  const response = new Response(stream, { status: head.status, statusText: head.statusText, headers: head.headers });
  // A Response made here has no url; Python's libraries read it (redirect handling, .url).
  Object.defineProperty(response, "url", { value: head.url });
  Object.defineProperty(response, "redirected", { value: head.redirected });
  return response;
}

/** Settles with `promise`, or rejects as soon as `signal` aborts. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(Object.assign(new Error("the request was aborted"), { kind: "aborted" }));
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}

let interruptFlag: Int32Array | undefined;
let interruptAck: Int32Array | undefined;

async function boot(params: RunnerBootParams, interrupt: SharedArrayBuffer, stdout: RingWriter, stderr: RingWriter): Promise<WorkerBootResult> {
  const started = performance.now();
  const mode: BootMode = params.boot;
  const release = new BootBuffers();
  const common = {
    indexURL: params.indexURL,
    // Python's `import js` sees this object only: no host globals (no process, no Bun, no
    // network). After boot it gets the few harmless constructors Python's HTTP libraries use,
    // and a fetch that goes through the daemon's broker (see pythonGlobals).
    jsglobals,
    env: { ...PYTHON_ENV },
    // sys.executable; by default Emscripten takes the worker script's host path.
    _sysExecutable: PYTHON_EXECUTABLE,
    stdout: (text: string) => stdout.write(new TextEncoder().encode(`${text}\n`)),
    stderr: (text: string) => stderr.write(new TextEncoder().encode(`${text}\n`)),
    checkAPIVersion: true,
    // Typed as Pyodide's own factory; this one wraps it.
    createPyodideModule: (await restrictedFactory(params.indexURL)) as never,
  };
  let pyodide: PyodideAPI;
  let snapshotBytes: number | undefined;
  if (mode.kind === "snapshot") {
    try {
      const bytes = await Bun.file(mode.path).bytes();
      release.own(bytes.buffer);
      const payload = readSnapshotPayload(bytes);
      if (typeof payload === "string") return { kind: "snapshot-refused", problem: `snapshot ${mode.path}: ${payload}` };
      // _loadSnapshot is Pyodide's private snapshot option (typed, marked @ignore).
      pyodide = await release.whileBooting(() => loadPyodide({ ...common, _loadSnapshot: payload }));
    } catch (error) {
      return { kind: "snapshot-refused", problem: `restoring snapshot ${mode.path} failed: ${describe(error)}` };
    }
  } else {
    pyodide = await release.whileBooting(() => loadPyodide({ ...common, _makeSnapshot: mode.kind === "build-snapshot" }));
    installRuntime(pyodide);
    if (mode.kind === "build-snapshot") {
      snapshotBytes = writeRawSnapshot(mode.path, pyodide.makeMemorySnapshot());
    }
  }
  pyodide.setStdout({ write: (bytes: Uint8Array) => (stdout.write(bytes), bytes.length), isatty: false });
  pyodide.setStderr({ write: (bytes: Uint8Array) => (stderr.write(bytes), bytes.length), isatty: false });
  // No terminal behind a run: input() reads end-of-file and raises EOFError.
  pyodide.setStdin({ stdin: () => null });
  pyodide.setInterruptBuffer(new Int32Array(interrupt));
  const taken = takeRuntime(pyodide);
  const scheduler = scopedScheduler(pyodide);
  taken.setHost(scheduler.scoped, interruptibleWait, hostForPython);
  taken.setIo(displayForPython, inputForPython);
  const module = (pyodide as unknown as { _module: Parameters<typeof lockDownTerminals>[0] & ProxyInternals })._module;
  lockDownTerminals(module);
  // Every PyProxy made from here on is stamped with its run; woma's runtime and Pyodide's API, made before, are not.
  scope.guardProxies(module);
  linked?.afterBoot();
  removeJsApi(pyodide, scheduler);
  scopeBuiltins();
  lockDownRealm();
  pythonGlobals();
  runtime = taken;
  if (params.preload) {
    await installWheels(params.preload.wheels as RunnerWheel[]);
    // Imported now, so a session handed out later finds them ready.
    if (params.preload.modules.length > 0) pyodide.runPython(params.preload.modules.map((m) => `import ${m}`).join("\n"), { globals: pyodide.toPy({}) });
  }
  const pythonVersion = String(pyodide.runPython("import sys; sys.version.split()[0]", { globals: pyodide.toPy({}) }));
  release.free();
  const result: Extract<WorkerBootResult, { kind: "ready" }> = {
    kind: "ready",
    bootMs: performance.now() - started,
    fromSnapshot: mode.kind === "snapshot",
    pythonVersion,
    pyodideVersion: pyodide.version,
    seccomp,
  };
  if (snapshotBytes !== undefined) result.snapshotBytes = snapshotBytes;
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

/** Resolves what Python returned: a proxy converted to plain JS, after waiting for it when it is awaitable. */
async function settle(value: unknown): Promise<unknown> {
  if (value === null || typeof value !== "object") return value;
  let proxy = value as PyValue;
  if (typeof proxy.then === "function") {
    const awaitable = proxy;
    try {
      proxy = (await (awaitable as unknown as PromiseLike<PyValue>)) as PyValue;
    } finally {
      awaitable.destroy();
    }
    if (proxy === null || typeof proxy !== "object") return proxy;
  }
  try {
    return proxy.toJs({ dict_converter: Object.fromEntries, create_pyproxies: false });
  } finally {
    proxy.destroy();
  }
}

const isCount = (value: unknown): value is number => typeof value === "number" && Number.isInteger(value) && value >= 0;

/** Checks the shape of what the Python runtime returned for a run; anything else is an internal error. */
function toRunOutcome(value: unknown): RunOutcome {
  // Python's None arrives as undefined.
  const v = value as Record<string, unknown> | null;
  const error = v?.error as Record<string, unknown> | null | undefined;
  if (v && v.result === undefined) v.result = null;
  const errorOk = error === null || error === undefined || (typeof error === "object" && ["type", "message", "traceback"].every((k) => typeof error[k] === "string"));
  if (v && (v.status === "success" || v.status === "exception") && (v.result === null || typeof v.result === "string") && errorOk) {
    return {
      status: v.status,
      result: v.result as string | null,
      resultCharsCut: isCount(v.result_chars_cut) ? v.result_chars_cut : 0,
      error: error ? { type: error.type as string, message: error.message as string, traceback: error.traceback as string } : null,
      messageCharsCut: isCount(v.message_chars_cut) ? v.message_chars_cut : 0,
      tracebackCharsCut: isCount(v.traceback_chars_cut) ? v.traceback_chars_cut : 0,
      displaysDropped: isCount(v.displays_dropped) ? v.displays_dropped : 0,
    };
  }
  const message = "woma's runtime returned a malformed result";
  return { status: "exception", result: null, resultCharsCut: 0, error: { type: "SystemError", message, traceback: `SystemError: ${message}\n` }, messageCharsCut: 0, tracebackCharsCut: 0, displaysDropped: 0 };
}

async function call(message: Extract<ToWorker, { op: "call" }>): Promise<unknown> {
  if (!runtime) throw new Error("the interpreter is not booted");
  switch (message.method) {
    case "run": {
      const { code, sessionId, fresh, maxResultChars, maxDisplayBytes, maxDisplays } = message.params;
      const started = performance.now();
      // callPromising lets synchronous Python block on JavaScript promises (run_sync, JSPI), and waits for an awaitable result.
      let outcome: RunOutcome;
      scope.begin();
      try {
        outcome = toRunOutcome(await settle(await runtime.run.callPromising(code, sessionId, fresh, maxResultChars, sessionDirectory(sessionId), maxDisplayBytes, maxDisplays)));
      } finally {
        scope.end();
        runtime.finish();
      }
      return { ...outcome, executionTimeMs: performance.now() - started } satisfies WorkerRunOutcome;
    }
    case "session": {
      const sessions = runtime.session(message.params.op, message.params.sessionId);
      if (message.params.op === "close") removeSessionDirectory(virtualFs(), message.params.sessionId);
      return { sessions: isCount(sessions) ? sessions : 0 };
    }
    case "check": {
      const status = runtime.check(message.params.code);
      return { status: status === "complete" || status === "incomplete" ? status : "invalid" };
    }
    case "load":
      return { installed: await installWheels(message.params.wheels) };
    case "files": {
      const { sessionId, ...request } = message.params;
      return filesOperation(virtualFs(), sessionDirectory(sessionId), request);
    }
    case "complete":
    case "inspect": {
      const { code, cursor, sessionId } = message.params;
      const entry = message.method === "complete" ? runtime.complete : runtime.inspect;
      return settle(entry(code, cursor, sessionId));
    }
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  switch (message.op) {
    case "boot":
      seccomp = message.seccomp;
      interruptFlag = new Int32Array(message.interrupt);
      interruptAck = new Int32Array(message.ack);
      streams = { stdout: new RingWriter(message.stdout), stderr: new RingWriter(message.stderr), gate: new Int32Array(message.displayGate) };
      boot(message.params, message.interrupt, streams.stdout, streams.stderr).then(
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
    case "host-reply": {
      const waiter = hostCalls.get(message.id);
      hostCalls.delete(message.id);
      if (message.error !== undefined) waiter?.reject(Object.assign(new Error(message.error), { kind: message.kind }));
      else waiter?.resolve(message.result);
      return;
    }
    case "interrupt":
      // This message is handled only while no Python bytecode runs (the run is suspended on
      // an await or in run_sync, or has ended). Acknowledge it so the main thread does not
      // arm the interrupt buffer, whose KeyboardInterrupt would land in whatever Python runs
      // next (asyncio's own bookkeeping), and wake the run from JavaScript instead.
      if (interruptAck) Atomics.store(interruptAck, 0, 1);
      if (interruptFlag) Atomics.store(interruptFlag, 0, 0);
      for (const wake of [...waits]) wake(new Error("the run was interrupted"));
      // A run waiting on the daemon (a package download) wakes too; the late answer is dropped.
      for (const call of hostCalls.values()) call.reject(new Error("the run was interrupted"));
      hostCalls.clear();
      if (runtime) {
        for (let attempt = 0; attempt < 2; attempt++) {
          try {
            runtime.interrupt();
            break;
          } catch {
            // Never thrown into the worker.
          }
        }
      }
      return;
  }
};

/** A short, single-line reason: never a stack trace, never engine source. */
function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split("\n").map((l) => l.trim()).filter(Boolean).pop() ?? (error instanceof Error ? error.name : "unknown error");
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}
