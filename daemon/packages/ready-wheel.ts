/** What the store hands a runner: a verified file in the cache and how to install it. */

/** A package file that is in the cache, verified, and ready for a runner to install (read-only). */
export interface ReadyWheel {
  /** Normalised distribution name (PEP 503), e.g. "opencv-python". */
  name: string;
  version: string;
  /** The file's name, e.g. "numpy-2.4.6-cp314-cp314-pyemscripten_2026_0_wasm32.whl" (a shared library is a .zip). */
  fileName: string;
  /** Absolute path of the file in the cache. */
  path: string;
  /** sha256 of the file, in hex. */
  sha256: string;
  /** Where Pyodide unpacks it: site-packages, or the dynamic-library directory (shared libraries). */
  installDir: "site" | "dynlib";
  /** The lock's `package_type` ("package", "shared_library", ...); "package" for index wheels. */
  packageType: string;
  /** Top-level modules it provides. */
  imports: string[];
  /** Where it came from: Pyodide's distribution (the lock), the index, or a URL or file the user named. */
  source: "lock" | "index" | "url" | "file";
}

/** One download's progress, as `onProgress` receives it (re-exported for the store's callers). */
export type { DownloadProgress } from "./verified-download.ts";
