/** What a real daemon is made of, put together from its options: the isolation level, the snapshot store, the network broker, the package service, the runner launcher and the fetch relay. */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { WOMA_VERSION } from "../protocol/version.ts";
import type { WheelSpec } from "./contract/runner-protocol.ts";
import type { DaemonParts } from "./daemon.ts";
import type { DaemonOptions } from "./daemon-options.ts";
import { log } from "./log.ts";
import { DaemonMetrics } from "./metrics/daemon-metrics.ts";
import { NetBroker } from "./net/broker.ts";
import { FetchRelay } from "./net/fetch-relay.ts";
import { openPackageStore } from "./packages/open-store.ts";
import { PackageFetcher } from "./packages/package-fetch.ts";
import { PackageService } from "./packages/package-service.ts";
import { runnerCommand } from "./pool/runner-command.ts";
import { createLauncher, runnerMessageLimit, type LaunchRunner } from "./pool/runner-launcher.ts";
import { SnapshotStore } from "./pool/snapshot-store.ts";
import { PYTHON_ENV } from "./runner/python-env.ts";
import { RUNTIME_SOURCE } from "./runner/python-runtime.ts";
import { PYODIDE_VERSION, pyodideIndexURL } from "./runtime/pyodide-core.ts";
import { trustCacheDirectory } from "./sandbox/cache-trust.ts";
import { chooseIsolation } from "./sandbox/isolation.ts";
import { protectDaemonFromRunners } from "./sandbox/protect-daemon.ts";

/**
 * Detects the isolation level, checks the cache and the snapshot, and makes the parts a
 * daemon of real runner processes needs. Throws when an explicit `--isolation namespace`
 * cannot be met, or the cache directory can be written by someone else.
 */
export function composeDaemon(options: DaemonOptions): DaemonParts {
  // Created 0700 when new; refused when someone else could write it (every runner trusts it).
  trustCacheDirectory(options.cacheDir);
  const isolation = chooseIsolation(options.isolation);
  if (isolation.info.level === "process") {
    log("warn", `runners use process isolation: ${isolation.info.detail}`);
    const problem = protectDaemonFromRunners();
    if (problem) log("warn", `the daemon could not make itself undumpable (${problem}); runners of its uid could read its memory`);
  }
  const snapshots = new SnapshotStore(options.cacheDir, { pyodideVersion: PYODIDE_VERSION, womaVersion: WOMA_VERSION, runtimeSource: RUNTIME_SOURCE, preload: [], env: PYTHON_ENV }, options.snapshot);
  snapshots.inspect();
  // The first start is slow for a reason worth saying at once (the REPL says it its own way).
  if (snapshots.state === "missing") log("info", `first start: building the Python snapshot in ${snapshots.dir} (once, about 10-30 s; later starts boot from it in about a second)`);
  const packagesDir = join(options.cacheDir, "packages");
  mkdirSync(packagesDir, { recursive: true, mode: 0o700 });
  // Runners get the snapshot directory bound read-only under bubblewrap, so it must exist even with --no-snapshot.
  mkdirSync(snapshots.dir, { recursive: true, mode: 0o700 });
  // One broker for everything the daemon fetches: Python's HTTP, and packages under the policy of whoever asked.
  const metrics = new DaemonMetrics();
  const broker = new NetBroker(options.network, {
    maxResponseBytes: options.maxResponseBytes,
    ...(options.caFile ? { caFile: options.caFile } : {}),
    onHop: (outcome, ms) => metrics.brokerHop(outcome, ms / 1000),
  });
  const packages = new PackageService(openPackageStore({ cacheDir: options.cacheDir, packagesUrl: options.packagesUrl, pypiIndex: options.pypiIndex, fetcher: new PackageFetcher(broker), maxPackageBytes: options.maxPackageBytes }), options.network);
  const preload = options.preload.length === 0 ? undefined : preloadFor(packages, options.preload);
  const launch = createLauncher({
    command: runnerCommand(),
    isolation,
    snapshots,
    indexURL: pyodideIndexURL(options.cacheDir),
    maxMessageBytes: runnerMessageLimit(options),
    // A mirror directory's path would show in download errors.
    hostPaths: localSources(options),
    preload,
  });
  const relay = new FetchRelay(broker);
  return { isolation, launch, snapshots, packages, relay, metrics };
}

/** A launcher that reports how long each boot took, and how it ended, to the daemon's metrics. */
export function timedLaunch(launch: LaunchRunner, metrics: DaemonMetrics): LaunchRunner {
  return async (id, role, signal) => {
    const started = performance.now();
    try {
      const runner = await launch(id, role, signal);
      metrics.bootEnded("ready", (performance.now() - started) / 1000);
      return runner;
    } catch (error) {
      metrics.bootEnded(signal?.aborted ? "aborted" : "failed", (performance.now() - started) / 1000);
      throw error;
    }
  };
}

/** The packages `--preload` names, resolved and fetched once; runners install and import them at boot. Failing here is logged, not fatal. */
function preloadFor(packages: PackageService, names: readonly string[]): Promise<{ wheels: WheelSpec[]; modules: string[] } | undefined> {
  return packages.forImports(names).then(
    (result) => {
      if (result.unknown.length > 0) log("warn", `--preload: no package provides ${result.unknown.join(", ")}; preloading the rest`);
      return { wheels: result.wheels, modules: names.filter((name) => !result.unknown.includes(name)) };
    },
    (error: Error) => {
      log("error", `--preload could not be prepared, runners boot without it: ${error.message}`);
      return undefined;
    },
  );
}

/** The package sources given as directories (`--packages-url`, `--pypi-index`), by the neutral names runners see instead. */
function localSources(options: DaemonOptions): Record<string, string> {
  const local = (source: string | undefined) => (source === undefined || /^https?:\/\//i.test(source) ? undefined : source.replace(/^file:\/\//i, ""));
  const paths: Record<string, string> = {};
  const packages = local(options.packagesUrl);
  const index = local(options.pypiIndex);
  if (packages) paths["/woma/packages"] = packages;
  if (index) paths["/woma/index"] = index;
  return paths;
}
