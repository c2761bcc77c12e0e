/** The package cache `<cacheDir>/packages/<pyodide-version>/`: files named by their sha256, shared between tenants only when a trusted hash vouched for them. */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { downloadVerified, temporaryOwner, type DownloadRequest, type DownloadResult } from "./verified-download.ts";
import { processAlive } from "../runtime/process-alive.ts";

/**
 * Which part of the cache a file goes to:
 * - `shared`: files whose sha256 a trusted source vouched for before they were fetched (the
 *   lock, the hash `--pypi-index` gives): any tenant asking for that hash gets those bytes;
 * - `private`: everything else (a URL or an index a tenant named, a file without a trusted
 *   hash), kept for `owner` (a tenant) alone and removed when it leaves.
 */
export type CacheArea = { kind: "shared" } | { kind: "private"; owner: string };

/** What {@link WheelCache.obtain} needs: a download request without its directory, and the area. */
export type ObtainRequest = Omit<DownloadRequest, "dir"> & { area: CacheArea };

/** A file in the cache: where it is, its hash and size, and whether it was there already. */
export interface CachedFile {
  path: string;
  sha256: string;
  bytes: number;
  cached: boolean;
}

const SHA256 = /^[0-9a-f]{64}$/;

/**
 * The cache's directory and its rules. Files are named by their content (`sha256/<hash>`
 * for the shared area, `private/<pid>-<owner>/<hash>` for a tenant's), so a file is never
 * replaced by other bytes: a download with another hash lands under another name, and an
 * interpreter reading a file reads it whole. A file is looked up only by the hash its
 * requester expects, in the requester's own area; a request that expects no hash always
 * downloads. Two requests share one download only when they expect the same hash in the
 * same area. A cached file is hashed once per process (again if its size or time changes).
 */
export class WheelCache {
  private readonly inFlight = new Map<string, Promise<CachedFile>>();
  private readonly hashes = new Map<string, { size: number; mtimeMs: number; sha256: string }>();

  private constructor(
    /** `<cacheDir>/packages/<pyodide-version>`. */
    readonly dir: string,
  ) {}

  /** Creates the cache directories (owner-only) and removes partial files and private areas left by processes that died. */
  static async open(cacheDir: string, pyodideVersion: string): Promise<WheelCache> {
    const cache = new WheelCache(join(cacheDir, "packages", pyodideVersion));
    await mkdir(cache.sharedDir, { recursive: true, mode: 0o700 });
    await mkdir(join(cache.dir, "private"), { recursive: true, mode: 0o700 });
    for (const name of await readdir(cache.sharedDir)) {
      const owner = temporaryOwner(name);
      if (owner !== undefined && !processAlive(owner)) await rm(join(cache.sharedDir, name), { force: true });
    }
    for (const name of await readdir(join(cache.dir, "private"))) {
      const pid = Number(/^(\d+)-/.exec(name)?.[1]);
      if (!Number.isFinite(pid) || !processAlive(pid)) await rm(join(cache.dir, "private", name), { recursive: true, force: true });
    }
    return cache;
  }

  private get sharedDir(): string {
    return join(this.dir, "sha256");
  }

  /** The directory of an area. A private area is this process's own: its name carries the pid, so the next start can remove it. */
  areaDir(area: CacheArea): string {
    if (area.kind === "shared") return this.sharedDir;
    return join(this.dir, "private", `${process.pid}-${createHash("sha256").update(area.owner).digest("hex").slice(0, 16)}`);
  }

  /** Where the file of hash `sha256` is kept in an area. */
  pathOf(area: CacheArea, sha256: string): string {
    return join(this.areaDir(area), sha256.toLowerCase());
  }

  /** True when the shared area holds a file under this hash (not re-hashed here; it is when used). */
  async hasShared(sha256: string): Promise<boolean> {
    return stat(this.pathOf({ kind: "shared" }, sha256)).then(
      () => true,
      () => false,
    );
  }

  /** Removes an owner's private area (its tenant left: its runners are gone). */
  async forget(owner: string): Promise<void> {
    const dir = this.areaDir({ kind: "private", owner });
    this.forgetHashesUnder(dir);
    await rm(dir, { recursive: true, force: true });
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
   * The file a request is for. With an expected sha256: from the request's area when a file
   * of that hash is there (and hashes to it), else downloaded once however many ask for the
   * same hash in the same area at once. Without one: always downloaded, then kept under the
   * hash it has. Throws the download's PackageError.
   */
  async obtain(request: ObtainRequest): Promise<CachedFile> {
    const dir = this.areaDir(request.area);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const expected = request.sha256?.toLowerCase();
    if (expected === undefined || !SHA256.test(expected)) return this.download(request, dir);
    const path = join(dir, expected);
    const present = await this.hashOf(path);
    if (present === expected) return { path, sha256: expected, bytes: (await stat(path)).size, cached: true };
    const key = `${dir}\0${expected}`;
    const pending = this.inFlight.get(key);
    if (pending) {
      // The same bytes from another source: if that download fails, this request tries its own.
      const shared = await pending.catch(() => undefined);
      if (shared) return shared;
    }
    const download = this.download(request, dir);
    this.inFlight.set(key, download);
    try {
      return await download;
    } finally {
      if (this.inFlight.get(key) === download) this.inFlight.delete(key);
    }
  }

  private async download(request: ObtainRequest, dir: string): Promise<CachedFile> {
    const result: DownloadResult = await downloadVerified({ ...request, dir });
    const path = join(dir, result.sha256);
    try {
      if ((await this.hashOf(path)) === result.sha256) {
        await rm(result.temporary, { force: true });
        return { path, sha256: result.sha256, bytes: result.bytes, cached: false };
      }
      // Only a missing or damaged file is replaced (no interpreter can load a damaged one: it checks the hash), and by rename, so a reader sees it whole.
      await rename(result.temporary, path);
    } catch (error) {
      await rm(result.temporary, { force: true });
      throw error;
    }
    const info = await stat(path);
    this.hashes.set(path, { size: info.size, mtimeMs: info.mtimeMs, sha256: result.sha256 });
    return { path, sha256: result.sha256, bytes: result.bytes, cached: false };
  }

  private forgetHashesUnder(dir: string): void {
    for (const path of this.hashes.keys()) if (path.startsWith(`${dir}/`)) this.hashes.delete(path);
  }
}
