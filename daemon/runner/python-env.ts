/** The environment Python sees in a runner (os.environ); it is baked into the snapshot, so the snapshot key includes it. */

/**
 * Python's whole environment: nothing from the host. `_` is set because Emscripten would
 * otherwise put the host path of the worker script there.
 */
export const PYTHON_ENV: Readonly<Record<string, string>> = {
  HOME: "/home/pyodide",
  PYTHONHASHSEED: "0",
  _: "/usr/bin/python3",
};
