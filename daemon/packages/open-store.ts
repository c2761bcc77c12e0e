/** Opens the package store for this build of woma: the pinned Pyodide's version and bundled lock, and the daemon's settings. */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { EMBEDDED_PACKAGES_IN_BINARY, isCompiledBinary } from "../runtime/compiled-binary.ts";
import { log } from "../log.ts";
import { PYODIDE_VERSION, pyodideIndexURL } from "../runtime/pyodide-core.ts";
import type { PackageFetcher } from "./package-fetch.ts";
import { PackageStore } from "./package-store.ts";

/** The settings that choose where packages come from and go (`--pyodide-cache`, `--packages-url`, `--pypi-index`). */
export interface PackageSettings {
  /** The daemon's cache directory (absolute). */
  cacheDir: string;
  /** A mirror URL or directory; undefined for Pyodide's CDN. */
  packagesUrl?: string | undefined;
  /** A PEP 503 index URL; undefined for PyPI. */
  pypiIndex?: string | undefined;
  /** How packages are downloaded: the daemon's broker (default: one of the store's own, as on the command line). */
  fetcher?: PackageFetcher | undefined;
  /** `--max-package-bytes`. */
  maxPackageBytes?: number | undefined;
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
    embeddedDir: embeddedPackagesDir(settings.cacheDir),
    log,
    ...(settings.fetcher ? { fetcher: settings.fetcher } : {}),
    ...(settings.maxPackageBytes !== undefined ? { maxPackageBytes: settings.maxPackageBytes } : {}),
  });
}

/**
 * The packages built into this binary (build.ts with `WOMA_PACKAGES`), copied once out of
 * the executable into `<cacheDir>/embedded-<hash of their lock>/` so they can be read like
 * any mirror directory (their checksums are checked again when they go into the cache).
 * Undefined when there are none, or when woma runs as a script.
 */
export function embeddedPackagesDir(cacheDir: string): string | undefined {
  const inside = EMBEDDED_PACKAGES_IN_BINARY;
  if (!isCompiledBinary() || !existsSync(join(inside, "pyodide-lock.json"))) return undefined;
  const lock = readFileSync(join(inside, "pyodide-lock.json"));
  const target = join(cacheDir, `embedded-${createHash("sha256").update(lock).digest("hex").slice(0, 16)}`);
  if (existsSync(join(target, "pyodide-lock.json"))) return target;
  const temporary = `${target}.${process.pid}.tmp`;
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true, mode: 0o700 });
  // Written aside and renamed, so a copy cut short is never taken for a whole one.
  for (const name of readdirSync(inside)) if (name !== "pyodide-lock.json") writeFileSync(join(temporary, name), readFileSync(join(inside, name)), { mode: 0o600 });
  writeFileSync(join(temporary, "pyodide-lock.json"), lock, { mode: 0o600 });
  rmSync(target, { recursive: true, force: true });
  renameSync(temporary, target);
  return target;
}
