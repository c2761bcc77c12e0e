/** Removes Pyodide's JavaScript API from Python's reach: a narrow facade replaces `pyodide_js`, and no reference the interpreter holds leads to the API. */

/** The parts of Pyodide's public API this module uses (the worker alone imports pyodide itself). */
interface PyodideAPI {
  version: string;
  unregisterJsModule(name: string): void;
  registerJsModule(name: string, module: object): void;
  runPython(code: string, options?: { globals?: unknown }): unknown;
  toPy(value: unknown): unknown;
}
/** What the worker reads of Pyodide's internals (they are not in its public types). */
interface PyodideInternals {
  _api: Record<string, unknown> & { config?: unknown };
  _module: {
    FS?: unknown;
    __hiwire_get(index: number): unknown;
    __hiwire_set(index: number, value: unknown): void;
    __hiwire_immortal_get(index: number): unknown;
  };
  FS?: unknown;
}

/** A plain object without a prototype. Not frozen: importlib sets submodules as attributes, and nothing but Python reads it. */
function bare<T extends object>(fields: T): T {
  return Object.assign(Object.create(null) as object, fields) as T;
}

/** Pyodide's scheduler (`raw`), and the run-scoped one that stands in for it wherever Python can look (run-scope.ts). */
export interface Schedulers {
  raw: unknown;
  scoped: (callback: unknown, delay?: unknown) => void;
}

/**
 * The only `pyodide_js` Python sees: what Pyodide's own Python modules import from it
 * (webloop's `scheduleCallback`, pyfetch's `abortSignalAny`, webloop's `config`), each a
 * function or a plain value. Everything else of the API is absent, not gated; the
 * scheduler is woma's run-scoped one, never Pyodide's own.
 */
function facade(pyodide: PyodideAPI, api: PyodideInternals["_api"], schedule: Schedulers["scoped"]): object {
  return bare({
    version: pyodide.version,
    loadedPackages: bare({}),
    _api: bare({
      scheduleCallback: schedule,
      abortSignalAny: api.abortSignalAny,
      config: bare({ enableRunUntilComplete: true }),
    }),
  });
}

/**
 * Replaces `pyodide_js` with {@link facade}, drops the modules Python already imported
 * from the real one, puts the scoped scheduler in `pyodide.webloop` (which imported
 * Pyodide's own at boot), then clears every slot of Pyodide's JS reference table (hiwire) that
 * still holds the API, the public API object, the Emscripten module or its FS. Python can
 * only turn such a slot into an object it can use, so once none holds them, no route
 * (`gc`, closures, frames, finders, ctypes writing a reference number) leads back. Throws
 * if a slot still holds one afterwards: a runner that cannot remove the API must not run code.
 */
export function removeJsApi(pyodide: PyodideAPI, schedulers: Schedulers): void {
  const internals = pyodide as unknown as PyodideInternals;
  const api = internals._api;
  const module = internals._module;
  const forbidden = new Map<unknown, string>([
    [api, "Pyodide's internal API"],
    [pyodide, "the pyodide API object"],
    [module, "the Emscripten module"],
    [schedulers.raw, "Pyodide's scheduler, which outlives runs"],
  ]);
  if (module.FS) forbidden.set(module.FS, "the Emscripten file system");
  if (api.config) forbidden.set(api.config, "Pyodide's configuration");

  pyodide.unregisterJsModule("pyodide_js");
  pyodide.registerJsModule("pyodide_js", facade(pyodide, api, schedulers.scoped));
  pyodide.runPython(
    'import sys\nfor _name in [n for n in sys.modules if n == "pyodide_js" or n.startswith("pyodide_js.")]:\n    del sys.modules[_name]\nimport pyodide.webloop\npyodide.webloop.scheduleCallback = _scheduler\ndel _name, sys, _scheduler',
    { globals: pyodide.toPy({ _scheduler: schedulers.scoped }) },
  );

  /** Every slot of a table holding a forbidden object, as [index, what]. */
  const scan = (get: (index: number) => unknown): Array<[number, string]> => {
    const found: Array<[number, string]> = [];
    for (let index = 0; ; index++) {
      let value: unknown;
      try {
        value = get(index);
      } catch {
        return found; // past the end of the table
      }
      const what = forbidden.get(value);
      if (what !== undefined) found.push([index, what]);
    }
  };
  const hiwire = (i: number) => module.__hiwire_get(i);
  const immortal = (i: number) => module.__hiwire_immortal_get(i);
  for (const [index] of scan(hiwire)) module.__hiwire_set(index, null);
  const remaining = [...scan(hiwire).map(([i, what]) => `${what} in slot ${i}`), ...scan(immortal).map(([i, what]) => `${what} in immortal slot ${i}`)];
  if (remaining.length > 0) throw new Error(`Pyodide's API is still reachable from Python: ${remaining.join(", ")}`);
}
