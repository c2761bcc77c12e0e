/** The package cache `<cacheDir>/packages/<pyodide-version>/`: verified files, one download per file at a time, no stale partial files. */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { downloadVerified, temporaryOwner, type DownloadRequest, type DownloadResult } from "./verified-download.ts";
import { processAlive } from "../process-alive.ts";

/** Which part of the cache: Pyodide's distribution (flat, as Pyodide's `packageCacheDir` expects) or wheels from an index. */
export type CacheArea = "lock" | "pypi";

/**
 * The cache's directory and its rules. Lock wheels live directly in
 * `<cacheDir>/packages/<pyodide-version>/`, index wheels in its `pypi/` folder.
 * Files appear only whole and verified (see {@link downloadVerified}). Concurrent
 * requests for one file share one download. A cached file is hashed once per process
 * (again if its size or time changes) before it is trusted.
 */
export class WheelCache {
  private readonly inFlight = new Map<string, Promise<DownloadResult>>();
  private readonly hashes = new Map<string, { size: number; mtimeMs: number; sha256: string }>();

  private constructor(
    /** `<cacheDir>/packages/<pyodide-version>`. */
    readonly dir: string,
  ) {}

  /** Creates the cache directories (owner-only) and removes partial files left by processes that died mid-download. */
  static async open(cacheDir: string, pyodideVersion: string): Promise<WheelCache> {
    const cache = new WheelCache(join(cacheDir, "packages", pyodideVersion));
    await mkdir(cache.areaDir("pypi"), { recursive: true, mode: 0o700 });
    for (const area of ["lock", "pypi"] as const) {
      for (const name of await readdir(cache.areaDir(area))) {
        const owner = temporaryOwner(name);
        if (owner !== undefined && !processAlive(owner)) await rm(join(cache.areaDir(area), name), { force: true });
      }
    }
    return cache;
  }

  /** The directory of an area. */
  areaDir(area: CacheArea): string {
    return area === "lock" ? this.dir : join(this.dir, "pypi");
  }

  /** Where `fileName` (already checked to be a plain name) is kept. */
  pathOf(fileName: string, area: CacheArea): string {
    return join(this.areaDir(area), fileName);
  }

  /** Names of the whole files in an area (no partial downloads, no folders). */
  async files(area: CacheArea): Promise<Set<string>> {
    const names = new Set<string>();
    for (const entry of await readdir(this.areaDir(area), { withFileTypes: true })) {
      if (entry.isFile() && !entry.name.startsWith(".")) names.add(entry.name);
    }
    return names;
  }

  /** The sha256 of a cached file, or undefined when it is not there. */
  async hashOf(path: string): Promise<string | undefined> {
    let info;
    try {
      info = await stat(path);
    } catch {
      return undefined;
    }
    const known = this.hashes.get(path);
    if (known && known.size === info.size && known.mtimeMs === info.mtimeMs) return known.sha256;
    const hash = createHash("sha256");
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    const sha256 = hash.digest("hex");
    this.hashes.set(path, { size: info.size, mtimeMs: info.mtimeMs, sha256 });
    return sha256;
  }

  /**
   * The file `request.to`, from the cache when it is there and (if `request.sha256` is
   * given) hashes to it, else downloaded. A second call for the same path while the first
   * is downloading waits for that download instead of starting another.
   * `cached` says whether the file was already there.
   */
  async obtain(request: DownloadRequest): Promise<DownloadResult & { cached: boolean }> {
    const pending = this.inFlight.get(request.to);
    if (pending) return { ...(await pending), cached: false };
    const present = await this.hashOf(request.to);
    if (present !== undefined && (request.sha256 === undefined || present === request.sha256.toLowerCase())) {
      const bytes = (await stat(request.to)).size;
      return { path: request.to, sha256: present, bytes, cached: true };
    }
    // Checked again: another caller may have started while this one was hashing.
    const raced = this.inFlight.get(request.to);
    if (raced) return { ...(await raced), cached: false };
    const download = downloadVerified(request).then(async (result) => {
      const info = await stat(result.path);
      this.hashes.set(result.path, { size: info.size, mtimeMs: info.mtimeMs, sha256: result.sha256 });
      return result;
    });
    this.inFlight.set(request.to, download);
    try {
      return { ...(await download), cached: false };
    } finally {
      this.inFlight.delete(request.to);
    }
  }
}
