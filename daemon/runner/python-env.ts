/** The environment Python sees in a runner (os.environ); it is baked into the snapshot, so the snapshot key includes it. */

/**
 * What Python sees as its executable (`sys.executable`, and `_` in its environment): a
 * neutral name, because Emscripten would otherwise use the host path of the worker script.
 * It is baked into the snapshot with the environment below, whose key includes it.
 */
export const PYTHON_EXECUTABLE = "/woma/bin/python3";

/** Python's whole environment: nothing from the host. */
export const PYTHON_ENV: Readonly<Record<string, string>> = {
  HOME: "/home/pyodide",
  PYTHONHASHSEED: "0",
  _: PYTHON_EXECUTABLE,
};
