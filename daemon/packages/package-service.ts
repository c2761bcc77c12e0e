/** Packages for tenants and their runners: what an import needs, what a client or micropip installs, and what runners preload. */
import { DaemonError } from "../daemon-error.ts";
import { log } from "../log.ts";
import { checkUrl } from "../net/net-check.ts";
import type { NetPolicy } from "../net/net-policy.ts";
import type { RunnerPackagesResult, WheelSpec } from "../runner/runner-protocol.ts";
import { PackageError } from "./package-error.ts";
import { describeSource } from "./package-source.ts";
import type { PackageStore } from "./package-store.ts";
import type { ReadyWheel } from "./ready-wheel.ts";

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
 * files on the daemon's disk, and the URLs they name must pass the network policy.
 */
export class PackageService {
  constructor(
    private readonly store: Promise<PackageStore>,
    private readonly policy: NetPolicy,
  ) {
    store.catch((error: unknown) => log("error", `packages are unavailable: ${(error as Error).message}`));
  }

  /** What provides these top-level modules, fetched and verified, dependencies first; modules no package provides are `unknown`. */
  async forImports(modules: readonly string[]): Promise<RunnerPackagesResult> {
    try {
      const store = await this.store;
      const names = store.packagesForImports(modules);
      const wheels = await store.ensure(names);
      const provided = new Set(wheels.flatMap((wheel) => wheel.imports));
      return { wheels: wheels.map(wheelSpec), unknown: modules.filter((module) => !provided.has(module)) };
    } catch (error) {
      throw asDaemonError(error);
    }
  }

  /**
   * Resolves and fetches requirements: lock names, PEP 508 specifiers from the index, wheel
   * URLs, and (only with `localFiles`, for a local user) wheel paths on the daemon's disk.
   */
  async install(requirements: readonly string[], localFiles: boolean): Promise<ReadyWheel[]> {
    try {
      const store = await this.store;
      return await store.install([...requirements], {
        allowFiles: localFiles,
        checkUrl: (url) => {
          // The requester chose this URL: it must pass the same policy as Python's own HTTP.
          checkUrl(url, this.policy);
        },
      });
    } catch (error) {
      throw asDaemonError(error);
    }
  }

  /** Everything the lock offers, with what is cached. */
  async list(): Promise<ReturnType<PackageStore["list"]>> {
    return (await this.store).list();
  }

  /** Where the packages come from, in words. */
  async source(): Promise<string> {
    return describeSource((await this.store).source);
  }
}
