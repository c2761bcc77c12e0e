/** The daemon's package store: Pyodide's lock, a source, and a verified cache; the one place packages are fetched. */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { mapLimited } from "./concurrency.ts";
import { lockFileName, PackageLock, parseLock, targetOf, type LockPackage } from "./lock-file.ts";
import { evaluateMarker, pyodideMarkerEnvironment } from "./markers.ts";
import { parseRequirement } from "./requirement.ts";
import { writeMirror, type MirrorSummary } from "./mirror-writer.ts";
import { normalizeName } from "./package-name.ts";
import { PackageError } from "./package-error.ts";
import { defaultPackagesUrl, describeSource, locate, LOCK_FILE_NAME, parsePackageSource, readSourceLock, type PackageSource } from "./package-source.ts";
import { PypiResolver } from "./pypi-resolver.ts";
import type { ReadyWheel } from "./ready-wheel.ts";
import { NetBroker } from "../net/broker.ts";
import type { NetPolicy } from "../net/net-policy.ts";
import { OffLoop } from "./off-loop.ts";
import { PackageFetcher, type FetchTrust } from "./package-fetch.ts";
import { DEFAULT_MAX_PACKAGE_BYTES } from "./package-limits.ts";
import { DEFAULT_PYPI_INDEX, type PackageIndex } from "./simple-index.ts";
import { temporaryPathFor, type DownloadProgress } from "./verified-download.ts";
import { WheelCache, type CacheArea } from "./wheel-cache.ts";
import { assertWheelCompatible, type PythonTarget } from "./wheel-tags.ts";

/** Where the store's log lines go (the daemon passes its `log`). */
export type PackageLog = (level: "debug" | "info" | "warn" | "error", message: string) => void;

/** Settings of {@link PackageStore.open}. */
export interface PackageStoreOptions {
  /** The daemon's cache directory (`--pyodide-cache`); packages go to `<cacheDir>/packages/<pyodideVersion>/`. */
  cacheDir: string;
  /** The pinned Pyodide version, e.g. "314.0.7". */
  pyodideVersion: string;
  /** Path of the `pyodide-lock.json` bundled with Pyodide; its ABI is the one every lock must have. */
  lockPath: string;
  /** `--packages-url`: an http(s) URL or a directory; default Pyodide's CDN for `pyodideVersion`. */
  source?: string | undefined;
  /** `--pypi-index`: a PEP 503 simple index for names the lock lacks; default PyPI. */
  pypiIndex?: string | undefined;
  /** Log lines (default: none). */
  log?: PackageLog;
  /** How long to wait for a mirror's lock at open, in ms (default 10 s); when it does not come, the last copy saved (or the bundled lock) is used. */
  lockTimeoutMs?: number;
  /** Give up a download when no byte arrives for this long, in ms (default 30 s). */
  idleTimeoutMs?: number;
  /** Downloads at once (default 4). */
  concurrency?: number;
  /** How everything is downloaded (default: a broker of its own, for a command line with no tenants). */
  fetcher?: PackageFetcher;
  /** Where wheels are checked and index pages parsed (default: a worker thread of its own). */
  offLoop?: OffLoop;
  /** `--max-package-bytes`: the largest package file, downloaded or unpacked (default 512 MiB). */
  maxPackageBytes?: number;
  /**
   * A directory of packages that came with the binary (a lock and its wheels, see build.ts):
   * they are added to the lock in force and taken from there, so they work with no network.
   */
  embeddedDir?: string | undefined;
}

/** Options of {@link PackageStore.ensure} and {@link PackageStore.install}. */
export interface FetchOptions {
  /** Called as bytes arrive, per file; a file already cached reports nothing. */
  onProgress?: (progress: DownloadProgress) => void;
  /** Base for relative wheel paths in `install` (default the process's working directory). */
  cwd?: string;
  /**
   * Whether `install` may read wheel paths and file URLs from the daemon's disk (default
   * true, for the command line). Requests from sessions and remote clients should pass false.
   */
  allowFiles?: boolean;
  /**
   * The tenant asking, and its network policy: wheel URLs and indexes it names are fetched
   * under that policy, and files no trusted hash vouched for are kept for it alone. Without
   * one (the command line), the person at the terminal is the operator: what they name is trusted.
   */
  tenant?: { id: string; policy: NetPolicy } | undefined;
  /** Indexes to use instead of `--pypi-index` (micropip's `index_urls`): the tenant's own, under its policy. */
  indexUrls?: readonly string[] | undefined;
}

/** One row of {@link PackageStore.list}. */
export interface PackageListing {
  /** Normalised name. */
  name: string;
  version: string;
  imports: string[];
  /** Whether its file is in the cache (present; it is verified when used). */
  cached: boolean;
  /** Its dependencies, normalised. */
  depends: string[];
}

/** What {@link PackageStore.writeMirror} puts in the mirror: these lock names (with their dependencies), every package of the lock, or those cached. */
export type MirrorSelection = string[] | "all" | "cached";

/**
 * Packages for runners. The daemon fetches (runners have no network): each file is
 * checked against the lock's sha256 before it is kept, written by rename, downloaded
 * once however many callers ask at once, and then read by runners from the cache.
 * Every failure is a {@link PackageError} that names the package, the source and what
 * to do.
 */
export class PackageStore {
  private constructor(
    /** The lock in force: the source's own when it has one, else the one bundled with Pyodide. */
    readonly lock: PackageLock,
    /** Path of that lock on disk (the bundled file, the mirror's file, or the copy of a URL mirror's lock saved in the cache). */
    readonly lockPath: string,
    /** Where lock packages come from. */
    readonly source: PackageSource,
    /** The index for names the lock lacks. */
    readonly pypiIndex: string,
    private readonly cache: WheelCache,
    private readonly options: PackageStoreOptions,
    /** Names of the packages embedded in the binary, taken from {@link PackageStoreOptions.embeddedDir}. */
    private readonly embedded: ReadonlySet<string>,
    private readonly fetcher: PackageFetcher,
    private readonly offLoop: OffLoop,
  ) {}

  /**
   * Opens the store: reads the bundled lock, the source's lock when the source is not
   * Pyodide's CDN (the CDN serves the bundled one), creates the cache and clears partial
   * files left by killed downloads. A mirror that cannot be reached is not an error here
   * (the cache may hold all that is needed): the copy of its lock saved last time is
   * used, else the bundled lock. Throws LOCK_INVALID or LOCK_ABI_MISMATCH for a lock that
   * cannot serve this Pyodide, BAD_SOURCE for a source that is neither URL nor directory.
   */
  static async open(options: PackageStoreOptions): Promise<PackageStore> {
    const log = options.log ?? (() => {});
    const bundledText = await readFile(options.lockPath, "utf8");
    const bundled = PackageLock.parse(bundledText, options.lockPath, abiOf(bundledText, options.lockPath));
    const abi = bundled.info.abi_version;
    const cdn = defaultPackagesUrl(options.pyodideVersion);
    const source = parsePackageSource(options.source ?? cdn);
    const pypiIndex = options.pypiIndex ?? DEFAULT_PYPI_INDEX;
    if (!/^https?:\/\//i.test(pypiIndex)) throw new PackageError("BAD_SOURCE", `--pypi-index must be an http(s) URL of a PEP 503 simple index, got ${pypiIndex}`);
    const cache = await WheelCache.open(options.cacheDir, options.pyodideVersion);
    const fetcher = options.fetcher ?? new PackageFetcher(new NetBroker({ mode: "all", allow: [], deny: [] }, { maxResponseBytes: DEFAULT_MAX_PACKAGE_BYTES, log: () => {} }));
    let lock = bundled;
    let lockPath = options.lockPath;
    if (!(source.kind === "url" && source.url === cdn)) {
      const saved = join(cache.dir, "locks", `${createHash("sha256").update(describeSource(source)).digest("hex").slice(0, 16)}.json`);
      let text: string | undefined;
      try {
        text = await readSourceLock(source, options.lockTimeoutMs ?? 10_000, fetcher);
      } catch (error) {
        if (!(error instanceof PackageError) || error.code !== "SOURCE_UNREACHABLE") throw error;
        if (existsSync(saved)) {
          log("info", `${describeSource(source)} cannot be reached (${error.message}); using its lock saved at ${saved}`);
          lock = PackageLock.parse(await readFile(saved, "utf8"), saved, abi);
          lockPath = saved;
        } else {
          log("warn", `${describeSource(source)} cannot be reached (${error.message}); using the lock bundled with Pyodide (restart once the mirror is back to use its own)`);
        }
      }
      if (text !== undefined) {
        lock = PackageLock.parse(text, `the lock of ${describeSource(source)}`, abi);
        if (source.kind === "dir") lockPath = join(source.path, LOCK_FILE_NAME);
        else {
          await mkdir(join(cache.dir, "locks"), { recursive: true, mode: 0o700 });
          const temporary = temporaryPathFor(saved);
          await writeFile(temporary, text, { mode: 0o600 });
          await rename(temporary, saved);
          lockPath = saved;
        }
      }
    }
    const embedded = new Set<string>();
    if (options.embeddedDir !== undefined) {
      const embeddedLock = PackageLock.parse(await readFile(join(options.embeddedDir, LOCK_FILE_NAME), "utf8"), "the packages embedded in this binary", abi);
      for (const name of embeddedLock.names()) embedded.add(name);
      lock = PackageLock.overlay(lock, embeddedLock);
    }
    log("debug", `packages: ${lock.names().length} in ${lockPath}, from ${describeSource(source)}${embedded.size > 0 ? ` (${embedded.size} embedded)` : ""}, cached in ${cache.dir}`);
    return new PackageStore(lock, lockPath, source, pypiIndex, cache, options, embedded, fetcher, options.offLoop ?? new OffLoop());
  }

  /** The directory the lock's files are cached in (`<cacheDir>/packages/<pyodideVersion>`); index wheels are in its `pypi/`. */
  get cacheDir(): string {
    return this.cache.dir;
  }

  /** The Python this Pyodide runs, from the lock's `info`. */
  get target(): PythonTarget {
    return targetOf(this.lock.info);
  }

  /**
   * The lock packages `modules` need (top-level names count: "matplotlib.pyplot" needs
   * "matplotlib"), their dependencies included, in install order. Modules the lock does
   * not provide (the standard library, the user's own, typos) are left out; importing
   * them fails in Python as usual.
   */
  packagesForImports(modules: Iterable<string>): string[] {
    return this.lock.packagesForImports(modules);
  }

  /**
   * Makes lock packages ready: `names` and everything they depend on, in install order,
   * each from the cache or else fetched from the source and verified. Throws
   * UNKNOWN_PACKAGE (with close names), INCOMPATIBLE_WHEEL, SOURCE_UNREACHABLE,
   * DOWNLOAD_FAILED or CHECKSUM_MISMATCH; nothing partial or unverified is kept.
   */
  async ensure(names: Iterable<string>, options: FetchOptions = {}): Promise<ReadyWheel[]> {
    const packages = this.lock.resolve(names);
    // Every package is tried, so a failure names all that could not be had, the same way whichever finished first.
    const outcomes = await mapLimited(packages, this.options.concurrency ?? 4, (pkg) =>
      this.readyFromLock(pkg, options).then(
        (wheel) => ({ wheel }),
        (error: unknown) => ({ error, name: normalizeName(pkg.name) }),
      ),
    );
    const failures = outcomes.flatMap((outcome) => ("error" in outcome ? [outcome] : [])).sort((a, b) => a.name.localeCompare(b.name));
    if (failures.length === 1) throw failures[0]!.error;
    if (failures.length > 1) {
      const first = failures[0]!.error;
      const code = first instanceof PackageError ? first.code : "DOWNLOAD_FAILED";
      const lines = failures.map(({ error }) => (error as Error).message);
      throw new PackageError(code, `${failures.length} packages could not be had (${failures.map((f) => f.name).join(", ")}): ${lines.join("; ")}`, { packages: failures.map((f) => f.name) }, { cause: first });
    }
    return outcomes.map((outcome) => (outcome as { wheel: ReadyWheel }).wheel);
  }

  /**
   * Installs requirements as micropip would, with the daemon doing every fetch: lock
   * names, `name[extra]>=1.0; marker` specifiers (from the lock when its version fits,
   * else the newest pure-Python or Pyodide-ABI wheel on the index), wheel URLs, `name @ URL`
   * and wheel paths. Dependencies (`Requires-Dist`, markers evaluated for Pyodide) are
   * resolved too, lock ones from the lock. Every wheel that is not the lock's is checked
   * (entry names, links, real unpacked size) off the event loop. Returns every file to
   * install, in order.
   */
  async install(requirements: string[], options: FetchOptions = {}): Promise<ReadyWheel[]> {
    const tenant = options.tenant;
    const urlTrust: FetchTrust = tenant ? { kind: "tenant", policy: tenant.policy } : { kind: "operator" };
    const indexes: PackageIndex[] = options.indexUrls && options.indexUrls.length > 0 ? options.indexUrls.map((url) => ({ url: checkedIndexUrl(url), trust: urlTrust })) : [{ url: this.pypiIndex, trust: { kind: "operator" } }];
    const requester = tenant?.id ?? "daemon";
    const owner = tenant?.id ?? "command line";
    const maxBytes = this.maxPackageBytes;
    const resolver = new PypiResolver({
      lock: this.lock,
      target: this.target,
      env: pyodideMarkerEnvironment(this.target),
      indexes,
      reader: { fetcher: this.fetcher, offLoop: this.offLoop, requester },
      urlTrust,
      log: this.options.log ?? (() => {}),
      allowFiles: options.allowFiles ?? true,
      check: (path, label) => this.offLoop.checkWheel(path, label, maxBytes),
      obtain: async (wheel) => {
        const area: CacheArea = wheel.vouched ? { kind: "shared" } : { kind: "private", owner };
        return this.cache.obtain({
          from: wheel.from,
          area,
          fileName: wheel.fileName,
          sha256: wheel.sha256,
          name: wheel.name,
          remedy: wheel.remedy,
          onProgress: options.onProgress,
          idleTimeoutMs: this.options.idleTimeoutMs,
          maxBytes,
          fetcher: this.fetcher,
          trust: wheel.trust,
          requester,
        });
      },
    });
    const plan = await resolver.resolve(requirements, options.cwd);
    return mapLimited(plan, this.options.concurrency ?? 4, async (step): Promise<ReadyWheel> => {
      if (step.kind === "lock") return this.readyFromLock(step.pkg, options);
      return { name: step.name, version: step.version, fileName: step.fileName, path: step.path, sha256: step.sha256, installDir: "site", packageType: "package", imports: step.imports, source: step.source };
    });
  }

  /** Removes what the cache keeps for one tenant alone (it left). */
  forgetTenant(id: string): Promise<void> {
    return this.cache.forget(id);
  }

  /** The largest package file, downloaded or unpacked, in bytes. */
  get maxPackageBytes(): number {
    return this.options.maxPackageBytes ?? DEFAULT_MAX_PACKAGE_BYTES;
  }

  /** Every package of the lock, sorted by name, with whether its file is in the cache. */
  async list(): Promise<PackageListing[]> {
    return Promise.all(
      this.lock.names().map(async (name) => {
        const pkg = this.lock.get(name)!;
        return { name, version: pkg.version, imports: [...pkg.imports], cached: await this.cache.hasShared(pkg.sha256), depends: pkg.depends.map(normalizeName) };
      }),
    );
  }

  /**
   * Writes a mirror to `dir`: the chosen lock packages (named ones with their
   * dependencies, "all", or the "cached" ones whose dependencies are cached too) and a
   * lock listing them. Missing files are fetched first, except for "cached".
   */
  async writeMirror(dir: string, selection: MirrorSelection, options: FetchOptions = {}): Promise<MirrorSummary> {
    let packages: LockPackage[];
    if (selection === "cached") {
      const cached = new Set((await this.list()).filter((row) => row.cached).map((row) => row.name));
      packages = this.lock.resolve([...cached]).filter((pkg) => {
        if (!cached.has(normalizeName(pkg.name))) return false;
        const missing = this.lock.resolve([pkg.name]).filter((member) => !cached.has(normalizeName(member.name)));
        if (missing.length > 0) this.options.log?.("warn", `left ${pkg.name} out of the mirror: its dependencies ${missing.map((m) => m.name).join(", ")} are not cached`);
        return missing.length === 0;
      });
    } else {
      packages = this.lock.resolve(selection === "all" ? this.lock.names() : selection);
    }
    const ready = await mapLimited(packages, this.options.concurrency ?? 4, (pkg) => this.readyFromLock(pkg, options));
    return writeMirror(dir, this.lock.info, packages.map((pkg, i) => ({ pkg, path: ready[i]!.path })), this.lock.origin);
  }

  /**
   * Adds every `.whl` in `folder` (what `pip download` leaves) to the mirror in `dir`, each
   * listed in its lock with the sha256 the file really has (Pyodide's lock hashes are not
   * PyPI's), its modules and its `Requires-Dist` (markers evaluated for Pyodide) that the
   * mirror's lock also lists. Each wheel is checked as an install would check it; one that is
   * not pure Python or built for this Pyodide is refused, naming it. Packages of an earlier
   * mirror in `dir` are kept.
   */
  async addWheelsToMirror(dir: string, folder: string): Promise<MirrorSummary> {
    const names = readdirSync(folder).filter((name) => name.endsWith(".whl")).sort();
    if (names.length === 0) throw new PackageError("BAD_SOURCE", `${folder} holds no .whl files (fill it with: pip download --only-binary=:all: --platform any --python-version ${this.target.python} --no-deps NAME -d ${folder})`);
    const env = pyodideMarkerEnvironment(this.target);
    const found: Array<{ pkg: LockPackage; path: string; requires: string[] }> = [];
    for (const fileName of names) {
      const path = join(folder, fileName);
      assertWheelCompatible(fileName, this.target, `${path}`);
      const metadata = await this.offLoop.checkWheel(path, fileName, this.maxPackageBytes);
      const sha256 = createHash("sha256").update(readFileSync(path)).digest("hex");
      const requires = metadata.requiresDist.flatMap((line) => {
        try {
          const requirement = parseRequirement(line);
          return requirement.marker === undefined || evaluateMarker(requirement.marker, { ...env, extra: "" }) ? [normalizeName(requirement.name)] : [];
        } catch {
          return [];
        }
      });
      found.push({ pkg: { name: metadata.name, version: metadata.version, file_name: fileName, install_dir: "site", sha256, package_type: "package", imports: metadata.imports, depends: [] }, path, requires });
    }
    // A dependency is listed only when the mirror will have it (from these wheels or an earlier run); the rest would make the lock unreadable.
    const listed = new Set([...found.map(({ pkg }) => normalizeName(pkg.name)), ...(await listedIn(dir))]);
    for (const entry of found) {
      entry.pkg.depends = entry.requires.filter((name) => listed.has(name));
      const missing = entry.requires.filter((name) => !listed.has(name));
      if (missing.length > 0) this.options.log?.("warn", `${entry.pkg.file_name} depends on ${missing.join(", ")}, which the mirror does not have; add their wheels to list them`);
    }
    return writeMirror(dir, this.lock.info, found, folder);
  }

  private async readyFromLock(pkg: LockPackage, options: FetchOptions): Promise<ReadyWheel> {
    const name = normalizeName(pkg.name);
    const fileName = lockFileName(pkg, this.lock.origin);
    assertWheelCompatible(fileName, this.target, `package "${name}" from ${this.lock.origin}`);
    const fromBinary = this.embedded.has(name) && this.options.embeddedDir !== undefined;
    const where = fromBinary ? "the binary" : describeSource(this.source);
    const result = await this.cache.obtain({
      from: fromBinary ? { kind: "dir", path: join(this.options.embeddedDir!, fileName) } : locate(this.source, pkg.file_name),
      area: { kind: "shared" },
      fileName,
      maxBytes: this.maxPackageBytes,
      fetcher: this.fetcher,
      trust: { kind: "operator" },
      requester: options.tenant?.id ?? "daemon",
      sha256: pkg.sha256,
      name,
      remedy: `run "woma packages fetch ${name}" where ${where} is reachable, or point --packages-url at a mirror that has it`,
      onProgress: options.onProgress,
      idleTimeoutMs: this.options.idleTimeoutMs,
    });
    return { name, version: pkg.version, fileName, path: result.path, sha256: result.sha256, installDir: pkg.install_dir, packageType: pkg.package_type, imports: [...pkg.imports], source: "lock" };
  }
}

function abiOf(text: string, origin: string): string {
  try {
    const abi = (JSON.parse(text) as { info?: { abi_version?: unknown } }).info?.abi_version;
    if (typeof abi === "string") return abi;
  } catch {
    // parseLock below reports the problem with its details.
  }
  throw new PackageError("LOCK_INVALID", `${origin}: the bundled lock has no info.abi_version`, { lock: origin });
}

/** An index URL a tenant gave: http(s) only (the policy checks the rest when it is fetched). */
function checkedIndexUrl(url: string): string {
  if (!/^https?:\/\//i.test(url)) throw new PackageError("BAD_REQUIREMENT", `index URL ${JSON.stringify(url.slice(0, 200))} must be an http(s) URL of a PEP 503 simple index`, { index: url.slice(0, 200) });
  return url;
}

/** Normalised names of the packages a mirror's lock in `dir` lists, when there is one. */
async function listedIn(dir: string): Promise<string[]> {
  try {
    return Object.keys(parseLock(await readFile(join(dir, LOCK_FILE_NAME), "utf8"), dir).packages).map(normalizeName);
  } catch {
    return [];
  }
}
