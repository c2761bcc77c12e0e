/** Opens the package store for this build of woma: the pinned Pyodide's version and bundled lock, and the daemon's settings. */
import { join } from "node:path";
import { log } from "../log.ts";
import { PYODIDE_VERSION, pyodideIndexURL } from "../pool/pyodide-core.ts";
import { PackageStore } from "./package-store.ts";

/** The settings that choose where packages come from and go (`--pyodide-cache`, `--packages-url`, `--pypi-index`). */
export interface PackageSettings {
  /** The daemon's cache directory (absolute). */
  cacheDir: string;
  /** A mirror URL or directory; undefined for Pyodide's CDN. */
  packagesUrl?: string | undefined;
  /** A PEP 503 index URL; undefined for PyPI. */
  pypiIndex?: string | undefined;
}

/**
 * Opens a {@link PackageStore} over the Pyodide woma is built with (in the compiled
 * binary, its lock is read from the core files extracted to the cache), logging
 * through the daemon's logger.
 */
export function openPackageStore(settings: PackageSettings): Promise<PackageStore> {
  return PackageStore.open({
    cacheDir: settings.cacheDir,
    pyodideVersion: PYODIDE_VERSION,
    lockPath: join(pyodideIndexURL(settings.cacheDir), "pyodide-lock.json"),
    source: settings.packagesUrl,
    pypiIndex: settings.pypiIndex,
    log,
  });
}
