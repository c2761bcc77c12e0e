/** Packages for tenants and their runners: what an import needs, what a client or micropip installs, and what runners preload. */
import { DaemonError } from "../daemon-error.ts";
import { log } from "../log.ts";
import type { NetPolicy } from "../net/net-policy.ts";
import type { PackagesAnswer, WheelSpec } from "../contract/runner-protocol.ts";
import { PackageError } from "./package-error.ts";
import { describeSource } from "./package-source.ts";
import type { PackageStore } from "./package-store.ts";
import type { ReadyWheel } from "./ready-wheel.ts";
import type { DownloadProgress } from "./verified-download.ts";
import type { PackagesInfo, PackagesProgressNotification } from "../../protocol/generated/types.ts";

/** Packages a client may name to a model or a person, when the distribution has them. */
const WELL_KNOWN = [
  "numpy", "pandas", "matplotlib", "scipy", "scikit-learn", "scikit-image", "pillow", "opencv-python", "sympy", "networkx",
  "requests", "httpx", "aiohttp", "beautifulsoup4", "lxml", "pyyaml", "orjson", "pydantic", "regex", "tiktoken",
];

/** How long `daemon/initialize` waits for the package store to open (it reads a lock, a mirror's within its own 10 s timeout) before answering without the count. */
const INFO_WAIT_MS = 12_000;

/** What a runner installs of a verified file. */
export function wheelSpec(wheel: ReadyWheel): WheelSpec {
  return { name: wheel.name, version: wheel.version, fileName: wheel.fileName, path: wheel.path, sha256: wheel.sha256, installDir: wheel.installDir };
}

/** A package error as the daemon's own, for the wire: the message says what and what to do. */
function asDaemonError(error: unknown): Error {
  if (error instanceof PackageError) return new DaemonError("PACKAGE_UNAVAILABLE", error.message, { package_error: error.code, ...(error.data ?? {}) }, { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * The daemon's side of packages. The store opens in the background at start (a mirror's
 * lock may take a moment); every request waits for it. Requests from sessions may not name
 * files on the daemon's disk, and the URLs and indexes they name are fetched under the
 * network policy, as Python's own HTTP is.
 */
export class PackageService {
  constructor(
    private readonly store: Promise<PackageStore>,
    private readonly policy: NetPolicy,
  ) {
    store.catch((error: unknown) => log("error", `packages are unavailable: ${(error as Error).message}`));
  }

  /** What provides these top-level modules, fetched and verified, dependencies first; modules no package provides are `unknown`. */
  async forImports(modules: readonly string[], onProgress?: (progress: DownloadProgress) => void, tenant?: string): Promise<PackagesAnswer> {
    try {
      const store = await this.store;
      const names = store.packagesForImports(modules);
      const wheels = await store.ensure(names, { ...(onProgress ? { onProgress } : {}), ...(tenant === undefined ? {} : { tenant: { id: tenant, policy: this.policy } }) });
      const provided = new Set(wheels.flatMap((wheel) => wheel.imports));
      return { wheels: wheels.map(wheelSpec), unknown: modules.filter((module) => !provided.has(module)) };
    } catch (error) {
      throw asDaemonError(error);
    }
  }

  /**
   * Resolves and fetches requirements for `tenant`: lock names, PEP 508 specifiers from the
   * index, wheel URLs and `name @ URL` (fetched under the tenant's network policy, kept for it
   * alone unless the operator's index vouched for their hash), micropip's `indexUrls` (the
   * tenant's, under its policy), and (only with `localFiles`, for a local user) wheel paths
   * on the daemon's disk.
   */
  async install(requirements: readonly string[], request: { tenant: string; localFiles: boolean; indexUrls?: readonly string[] | undefined; onProgress?: ((progress: DownloadProgress) => void) | undefined }): Promise<ReadyWheel[]> {
    try {
      const store = await this.store;
      return await store.install([...requirements], {
        ...(request.onProgress ? { onProgress: request.onProgress } : {}),
        allowFiles: request.localFiles,
        tenant: { id: request.tenant, policy: this.policy },
        indexUrls: request.indexUrls,
      });
    } catch (error) {
      throw asDaemonError(error);
    }
  }

  /** A tenant left: what the cache kept for it alone is removed. */
  async forgetTenant(tenant: string): Promise<void> {
    try {
      await (await this.store).forgetTenant(tenant);
    } catch (error) {
      log("warn", `could not remove the package files of a tenant that left: ${(error as Error).message}`);
    }
  }

  /** Everything the lock offers, with what is cached. */
  async list(): Promise<Awaited<ReturnType<PackageStore["list"]>>> {
    return (await this.store).list();
  }

  /** What `daemon/initialize` and `daemon/info` say about packages. Waits at most 12 s for the store to open. */
  async info(settings: { source: string; pypiIndex: string | null; preload: readonly string[] }): Promise<PackagesInfo> {
    const base: PackagesInfo = { available: true, source: settings.source, on_import: true, index: settings.pypiIndex, preload: [...settings.preload], popular: [] };
    let timedOut!: () => void;
    const timeout = new Promise<undefined>((resolve) => (timedOut = () => resolve(undefined)));
    const timer = setTimeout(() => timedOut(), INFO_WAIT_MS);
    const waited = await Promise.race([
      this.store.then(
        (store) => ({ store }),
        (error: Error) => ({ error }),
      ),
      timeout,
    ]);
    clearTimeout(timer);
    if (waited === undefined) return { ...base, detail: "the package source is still being opened" };
    if ("error" in waited) return { ...base, available: false, on_import: false, detail: waited.error.message };
    const names = new Set(waited.store.lock.names());
    return { ...base, source: describeSource(waited.store.source), count: names.size, popular: WELL_KNOWN.filter((name) => names.has(name)) };
  }

  /** Where the packages come from, in words. */
  async source(): Promise<string> {
    return describeSource((await this.store).source);
  }
}

/**
 * Turns a store's download progress into `packages/progress` notifications for `send`: the
 * first and last report of each file, and at most one per `intervalMs` between.
 */
export function progressNotifier(runId: string | null, send: (notification: PackagesProgressNotification) => void, intervalMs = 250): (progress: DownloadProgress) => void {
  const lastSent = new Map<string, number>();
  return (progress) => {
    const now = performance.now();
    const last = lastSent.get(progress.fileName);
    if (!progress.done && last !== undefined && now - last < intervalMs) return;
    if (progress.done) lastSent.delete(progress.fileName);
    else lastSent.set(progress.fileName, now);
    send({ run_id: runId, package: progress.name, file_name: progress.fileName, done_bytes: progress.bytesDone, total_bytes: progress.bytesTotal ?? null, done: progress.done });
  };
}
