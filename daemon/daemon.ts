/** The daemon's core: sessions, runs and health on top of the runner pool, with no knowledge of any transport. */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type {
  CheckParams,
  CheckResult,
  CompleteParams,
  CompleteResult,
  FilesDeleteParams,
  FilesDeleteResult,
  FilesListParams,
  FilesListResult,
  FilesReadParams,
  FilesReadResult,
  FilesWriteParams,
  FilesWriteResult,
  InfoResult,
  InitializeParams,
  InitializeResult,
  InspectParams,
  InspectResult,
  NetworkInfo,
  PackagesInfo,
  PackagesProgressNotification,
  LimitsInfo,
  MetricsResult,
  PackagesInstallParams,
  PackagesInstallResult,
  PackagesListResult,
  RunParams,
  RunResult,
  SessionCloseParams,
  SessionCloseResult,
  SessionCreateParams,
  SessionCreateResult,
  SessionListResult,
  SessionResetParams,
  SessionResetResult,
  SnapshotInfo,
  TenantInfo,
  TenantsResult,
  VersionInfo,
} from "../protocol/generated/types.ts";
import { PROTOCOL_VERSION, WOMA_VERSION } from "../protocol/version.ts";
import { DaemonError } from "./daemon-error.ts";
import type { DaemonOptions } from "./daemon-options.ts";
import { log } from "./log.ts";
import { DaemonMetrics, runOutcomeOf, type DaemonCensus } from "./metrics/daemon-metrics.ts";
import { NetBroker } from "./net/broker.ts";
import { FetchRelay } from "./net/fetch-relay.ts";
import type { RelayRequest } from "./contract/runner-protocol.ts";
import { openPackageStore } from "./packages/open-store.ts";
import { PackageFetcher } from "./packages/package-fetch.ts";
import { PackageService, progressNotifier, wheelSpec } from "./packages/package-service.ts";
import type { DownloadProgress } from "./packages/verified-download.ts";
import { defaultPackagesUrl } from "./packages/package-source.ts";
import { DEFAULT_PYPI_INDEX } from "./packages/simple-index.ts";
import { PYODIDE_VERSION, pyodideIndexURL, pythonVersion } from "./runtime/pyodide-core.ts";
import { runnerCommand } from "./pool/runner-command.ts";
import { createLauncher, runnerMessageLimit, type LaunchRunner } from "./pool/runner-launcher.ts";
import type { Runner } from "./pool/runner.ts";
import type { RunnerCompletionParams, RunnerFilesParams, RunnerInputParams, RunnerInstallParams, RunnerPackagesParams, WheelSpec } from "./contract/runner-protocol.ts";
import { MAX_LISTED_FILES } from "./contract/runner-protocol.ts";
import type { FilesAnswer } from "./contract/runner-protocol.ts";
import { contentForRunner, contentSize, deleteResult, listResult, readResult, RunnerAnswerViolation, writeResult } from "./session/file-requests.ts";
import { codePointLength } from "../protocol/code-points.ts";
import { SnapshotStore, type SnapshotView } from "./pool/snapshot-store.ts";
import { RunnerPool, type PoolTiming } from "./pool/runner-pool.ts";
import { RunExecutor, type RunContext } from "./run/run-executor.ts";
import { PYTHON_ENV } from "./runner/python-env.ts";
import { RUNTIME_SOURCE } from "./runner/python-runtime.ts";
import { chooseIsolation, type Isolation } from "./sandbox/isolation.ts";
import { protectDaemonFromRunners } from "./sandbox/protect-daemon.ts";
import { trustCacheDirectory } from "./sandbox/cache-trust.ts";
import { sessionInfo, type Session } from "./session/session-store.ts";
import { operatorView, tenantUsage } from "./session/tenant-accounting.ts";
import { TenantRegistry, type Tenant } from "./session/tenant-registry.ts";

const SWEEP_MS = 1000;

/** The daemon's clocks, injectable so in-process tests with fake runners run in milliseconds. */
export interface DaemonTiming {
  /** How often idle sessions are looked for, in ms (default 1000). */
  sweepMs?: number;
  /** The pool's clocks. */
  pool?: PoolTiming;
}

/** What {@link Daemon.create} builds a daemon from besides its options. */
export interface DaemonParts {
  isolation: Pick<Isolation, "info">;
  launch: LaunchRunner;
  snapshots: SnapshotView;
  packages?: PackageService;
  relay?: FetchRelay;
  timing?: DaemonTiming;
  /** Where the daemon's figures are kept (`daemon/metrics`); a new one when absent. {@link Daemon.start} makes it first, so the broker can report to it. */
  metrics?: DaemonMetrics;
}

/**
 * A running daemon. Create it with {@link Daemon.start}; it boots its runners in the
 * background and answers at once. Every method either resolves or rejects with a
 * {@link DaemonError}; none of them ever waits on a dead runner.
 */
export class Daemon {
  private readonly startedAt = performance.now();
  /** Who holds which sessions; a tenant's runners serve no other tenant. */
  readonly tenants = new TenantRegistry();
  private executor!: RunExecutor;
  private sweepTimer: ReturnType<typeof setInterval> | undefined;
  private stopping: Promise<void> | undefined;

  private pool!: RunnerPool;
  /** Bytes of session files each runner held at its last write, for the tenant's `--max-tenant-file-bytes`. */
  private readonly fileUsage = new WeakMap<Runner, number>();

  private constructor(
    readonly options: DaemonOptions,
    private readonly isolation: Pick<Isolation, "info">,
    private readonly snapshots: SnapshotView,
    private readonly packages: PackageService | undefined,
    private readonly relay: FetchRelay | undefined,
    private readonly figures: DaemonMetrics,
  ) {
    figures.readLevelsFrom(() => this.census());
  }

  /** Joins the pool (made after the daemon, since the pool's runners ask the daemon for packages). */
  private attach(pool: RunnerPool, sweepMs: number): void {
    this.pool = pool;
    this.executor = new RunExecutor(pool, this.options);
    pool.onRunnerDied = (runner, reason) => {
      this.relay?.endRunner(runner);
      const lost = this.tenants.get(runner.tenant)?.sessions.markLost(runner, `runner ${runner.id} died (${reason})`) ?? [];
      if (lost.length > 0) log("warn", `sessions lost with runner ${runner.id}: ${lost.map((s) => s.id).join(", ")}`);
    };
    this.sweepTimer = setInterval(() => this.expireIdleSessions(), sweepMs);
    this.sweepTimer.unref?.();
  }

  /** Detects the isolation level, checks the cache and the snapshot and starts booting runners. Throws when an explicit `--isolation namespace` cannot be met, or the cache directory can be written by someone else. */
  static start(options: DaemonOptions): Daemon {
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
    return Daemon.create(options, { isolation, launch, snapshots, packages, relay, metrics });
  }

  /**
   * A daemon over any way of starting runners: {@link start} passes real runner processes;
   * tests pass a fake launcher, so the daemon's logic runs in-process in milliseconds.
   */
  static create(options: DaemonOptions, parts: DaemonParts): Daemon {
    const metrics = parts.metrics ?? new DaemonMetrics();
    const daemon = new Daemon(options, parts.isolation, parts.snapshots, parts.packages, parts.relay, metrics);
    const pool = new RunnerPool({
      workers: options.workers,
      spares: options.spares,
      maxRunners: options.maxRunners,
      maxTenantRunners: options.maxTenantRunners,
      maxQueue: options.maxQueue,
      maxTenantSessions: options.maxTenantSessions,
      maxTenantFileBytes: options.maxTenantFileBytes,
      maxBooting: options.maxBooting,
      admissionTimeoutMs: options.admissionTimeoutMs,
      maxAdmissionQueue: options.maxAdmissionQueue,
      memoryLimitBytes: options.memoryLimitBytes,
      recycleIdleBytes: options.memoryLimitBytes / 2,
      launch: timedLaunch(parts.launch, metrics),
      warmUp: (runner) => daemon.warmUp(runner),
      host: (runner, method, params) => daemon.answerRunner(runner, method, params),
      timing: parts.timing?.pool,
    });
    daemon.attach(pool, parts.timing?.sweepMs ?? SWEEP_MS);
    pool.start();
    return daemon;
  }

  /** True once the daemon has begun to stop. */
  get isStopping(): boolean {
    return this.stopping !== undefined;
  }

  /**
   * A run of woma's own (`None`, in fresh globals, no session) in a runner that has just
   * booted and belongs to nobody yet, so that the first run of the tenant that takes it does
   * not pay for code paths run the first time. It leaves no trace a tenant could see: its
   * globals are thrown away and the runner's run count starts again at 0.
   */
  async warmUp(runner: Runner): Promise<void> {
    const { maxOutputBytes, maxResultChars, maxDisplayBytes, maxDisplays } = this.options;
    const result = await runner.run({ runId: "warm-up", sessionId: null, fresh: true, code: "None", maxOutputBytes, maxResultChars, maxDisplayBytes, maxDisplays }, () => {});
    runner.runs = 0;
    if (result.status !== "success") throw new Error(`it answered ${result.error?.type ?? result.status}`);
  }

  /** The isolation level runners have. */
  get isolationLevel(): string {
    return this.isolation.info.level;
  }

  /** `daemon/initialize`, for a connection acting for `tenant`; `operator` when the connection may ask for the operator view. */
  async initialize(params: InitializeParams, tenant: Tenant, operator = false): Promise<InitializeResult> {
    const major = params.protocol_version.split(".")[0];
    if (major !== PROTOCOL_VERSION.split(".")[0]) {
      throw new DaemonError("BAD_PROTOCOL_VERSION", `protocol version ${params.protocol_version} is not supported; this daemon speaks ${PROTOCOL_VERSION}`);
    }
    if (params.client_name) log("debug", `client "${params.client_name}" connected`);
    return {
      protocol_version: PROTOCOL_VERSION,
      server: this.versions(),
      isolation: this.isolation.info,
      capabilities: { streaming_output: true, cancellation: true, fresh_interpreter: true, check_complete: true, tenants: true, display_outputs: true, display_updates: true, files: true, completion: true, stdin: true, operator },
      limits: this.limits(),
      tenant: tenantInfo(tenant),
      network: this.networkInfo(),
      packages: await this.packagesInfo(),
    };
  }

  /** What Python's HTTP may reach. */
  private networkInfo(): NetworkInfo {
    const policy = this.options.network;
    return { mode: policy.mode, allow: policy.allow.map((rule) => rule.text), deny: policy.deny.map((rule) => rule.text), max_response_bytes: this.options.maxResponseBytes };
  }

  /** Where packages come from and how they load. */
  private packagesInfo(): Promise<PackagesInfo> {
    const settings = { source: this.options.packagesUrl ?? defaultPackagesUrl(PYODIDE_VERSION), pypiIndex: this.options.pypiIndex ?? DEFAULT_PYPI_INDEX, preload: this.options.preload };
    if (!this.packages) return Promise.resolve({ available: false, source: settings.source, on_import: false, index: null, preload: [], popular: [], detail: "this daemon has no package store" });
    return this.packages.info(settings);
  }

  /** `daemon/info`, as `tenant` sees it: its own sessions and runners, and the spares. */
  async info(tenant: Tenant): Promise<InfoResult> {
    const runners = this.pool.info(tenant.id);
    const snapshotState = this.snapshots.state === "missing" ? "building" : this.snapshots.state;
    const snapshot: SnapshotInfo = { state: snapshotState, path: this.snapshots.path };
    const bytes = this.snapshots.bytes();
    if (bytes !== undefined) snapshot.bytes = bytes;
    if (this.snapshots.detail) snapshot.detail = this.snapshots.detail;
    return {
      status: this.pool.healthy ? "healthy" : "degraded",
      pyodide_loaded: this.pool.anyBootResult() !== undefined,
      uptime_seconds: Math.round((performance.now() - this.startedAt) / 100) / 10,
      execution_count: tenant.runs,
      versions: this.versions(),
      isolation: this.isolation.info,
      workers: this.options.workers,
      runners,
      session_count: tenant.sessions.size,
      queued: this.pool.waiting(tenant.id),
      tenant: tenantInfo(tenant),
      usage: tenantUsage(this.pool, tenant),
      limits: this.limits(),
      snapshot,
      network: this.networkInfo(),
      packages: await this.packagesInfo(),
    };
  }

  /** `daemon/tenants`, the operator view: every tenant with its runners, memory, runs, queues and boot time, and the pool's state. */
  tenantsView(): TenantsResult {
    return operatorView(this.pool, this.tenants.all(), this.limits());
  }

  /** `session/create`. */
  async createSession(params: SessionCreateParams, tenant: Tenant): Promise<SessionCreateResult> {
    this.assertRunning();
    const { sessions } = tenant;
    const id = params.session_id ?? sessions.newId();
    sessions.assertFree(id);
    this.pool.quota.admitSession(sessions.size);
    touch(tenant);
    const fresh = params.fresh_interpreter === true;
    const runner = fresh ? await this.pool.takeDedicated(tenant.id) : await this.pool.runnerForSession(tenant.id);
    // A concurrent create may have taken the name, or the last session the quota allows, while we waited for a runner.
    try {
      sessions.assertFree(id);
      this.pool.quota.admitSession(sessions.size);
    } catch (error) {
      if (fresh) this.pool.releaseDedicated(runner);
      throw error;
    }
    const session = sessions.add(id, runner, runner.id, fresh, params.idle_timeout_ms);
    runner.sessions.add(id);
    return { session: sessionInfo(session) };
  }

  /** `session/list`: the tenant's sessions. */
  listSessions(tenant: Tenant): SessionListResult {
    return { sessions: tenant.sessions.all().map(sessionInfo) };
  }

  /** `session/reset`: empties the globals in order with the session's runs; a lost session comes back on a live runner. */
  async resetSession(params: SessionResetParams, tenant: Tenant): Promise<SessionResetResult> {
    this.assertRunning();
    touch(tenant);
    const session = tenant.sessions.get(params.session_id);
    if (session.state === "lost") {
      const runner = session.freshInterpreter ? await this.pool.takeDedicated(tenant.id) : await this.pool.runnerForSession(tenant.id);
      session.runner = runner;
      session.runnerId = runner.id;
      session.state = "ready";
      delete session.lostReason;
      runner.sessions.add(session.id);
    } else {
      await this.pool.submit(tenant.id, session.runner, (runner) => runner.session("reset", session.id)).promise;
    }
    session.lastUsedAt = new Date();
    return { session: sessionInfo(session) };
  }

  /** `session/close`: interrupts its runs, forgets it and frees its globals (or its dedicated runner). */
  async closeSession(params: SessionCloseParams, tenant: Tenant, why = "closed"): Promise<SessionCloseResult> {
    const session = tenant.sessions.get(params.session_id);
    this.forget(tenant, session, why);
    return { session_id: session.id };
  }

  /** `python/run`. Counted in `woma_runs_total` once taken on (as in the tenant's `execution_count`), and timed by outcome. */
  run(params: RunParams, context: RunContext, tenant: Tenant): Promise<RunResult> {
    this.assertRunning();
    touch(tenant);
    const session = params.session_id === undefined ? undefined : tenant.sessions.getReady(params.session_id);
    const ended = this.figures.runStarted();
    return this.executor.run(params, session, context, tenant, (runner) => this.installTenantPackages(tenant, runner), (runner, runId) => this.relay?.endRun(runner, runId)).then(
      (result) => {
        ended(result.status);
        return result;
      },
      (error: unknown) => {
        ended(runOutcomeOf(error));
        throw error;
      },
    );
  }

  /** A request was refused by a bound (`data.bound` of its -31006, or the flag a quota names): counted for `daemon/metrics`. */
  countRefusal(bound: string): void {
    this.figures.refused(bound);
  }

  /** `daemon/metrics`: the daemon's figures over every tenant, for an operator's `/metrics` (the connection decides who may ask). */
  metrics(): Promise<MetricsResult> {
    return this.figures.result();
  }

  /** The levels `daemon/metrics` reports: every runner (each tenant's and the spares, once each), tenants, sessions and waiting runs. */
  private census(): DaemonCensus {
    const runners = new Map<string, DaemonCensus["runners"][number]>();
    const tenants = this.tenants.all();
    for (const tenant of [undefined, ...tenants.map((t) => t.id)]) {
      for (const info of this.pool.info(tenant)) runners.set(info.runner_id, { state: info.state, role: info.role, ...(info.rss_bytes === undefined ? {} : { rssBytes: info.rss_bytes }) });
    }
    const sessions = { ready: 0, lost: 0 };
    for (const tenant of tenants) for (const session of tenant.sessions.all()) sessions[session.state]++;
    const view = this.pool.view();
    const admission = { waiting: view.admission.waiting, booting: view.booting, spares: view.spares, spareTarget: view.spareTarget, bootsKilled: view.boots.cancelled };
    return { runners: [...runners.values()], tenants: tenants.length, sessions, queued: this.pool.waiting(), admission };
  }

  /**
   * `packages/install`: resolves and fetches for the tenant; each of its runners installs them
   * before its next run (the session's, now). A request cancelled while it fetched installs
   * nothing (what was downloaded stays in the cache).
   */
  async installPackages(params: PackagesInstallParams, tenant: Tenant, onProgress?: (notification: PackagesProgressNotification) => void, cancelled: () => boolean = () => false): Promise<PackagesInstallResult> {
    this.assertRunning();
    touch(tenant);
    const packages = this.requirePackages();
    const session = params.session_id === undefined ? undefined : tenant.sessions.getReady(params.session_id);
    const wheels = await packages.install(params.requirements, { tenant: tenant.id, localFiles: params.local_files === true, onProgress: onProgress ? progressNotifier(null, onProgress) : undefined });
    if (cancelled()) throw new DaemonError("RUN_CANCELLED", `packages/install of ${params.requirements.join(", ")} was cancelled; nothing was installed`);
    for (const wheel of wheels) tenant.packages.set(wheel.name, wheelSpec(wheel));
    if (session) await this.pool.submit(tenant.id, session.runner, (runner) => this.installTenantPackages(tenant, runner)).promise;
    return { installed: wheels.map((w) => ({ name: w.name, version: w.version, file_name: w.fileName })) };
  }

  /** `packages/list`. */
  async listPackages(tenant: Tenant): Promise<PackagesListResult> {
    const packages = this.requirePackages();
    const available = (await packages.list()).map((p) => ({ name: p.name, version: p.version, imports: p.imports, cached: p.cached }));
    const installed = [...tenant.packages.values()].map((w) => ({ name: w.name, version: w.version, file_name: w.fileName }));
    return { source: await packages.source(), available, installed };
  }

  /**
   * What a runner asks during a run (its tenant's runner, its params checked by the guard):
   * packages for the modules its code imports, or micropip's requirements. Sessions may not
   * name files on the daemon's disk.
   */
  async answerRunner(runner: Runner, method: string, params: unknown): Promise<unknown> {
    const tenant = this.tenants.get(runner.tenant);
    if (method.startsWith("runner/fetch")) return this.answerFetch(runner, method, params, tenant);
    if (method === "runner/input") return this.executor.answerInput(runner, params as RunnerInputParams);
    const packages = this.requirePackages();
    switch (method) {
      case "runner/packages": {
        const result = await packages.forImports((params as RunnerPackagesParams).modules, this.progressForRun(runner), runner.tenant);
        for (const wheel of result.wheels) runner.packages.add(wheel.name);
        return result;
      }
      case "runner/install": {
        const { requirements, indexUrls } = params as RunnerInstallParams;
        // A runner serves one tenant: what its Python names is that tenant's request, under its policy.
        const wheels = (await packages.install(requirements, { tenant: runner.tenant ?? "unknown", localFiles: false, indexUrls, onProgress: this.progressForRun(runner) })).map(wheelSpec);
        for (const wheel of wheels) {
          tenant?.packages.set(wheel.name, wheel);
          runner.packages.add(wheel.name);
        }
        return { wheels, unknown: [] };
      }
      default:
        throw new Error(`unknown runner request ${method}`);
    }
  }

  /** Reports downloads to the caller of the run going on in `runner`, when it wants them. */
  private progressForRun(runner: Runner): ((progress: DownloadProgress) => void) | undefined {
    const runId = runner.currentRun?.runId;
    const caller = runId === undefined ? undefined : this.executor.callerOf(runner);
    if (!caller?.onPackageProgress) return undefined;
    return progressNotifier(runId!, (notification) => caller.onPackageProgress?.(notification));
  }

  /** Python's HTTP: through the broker, under the network policy, for the run going on. */
  private async answerFetch(runner: Runner, method: string, params: unknown, tenant: Tenant | undefined): Promise<unknown> {
    if (!this.relay) throw new Error("this daemon has no network broker");
    const run = runner.currentRun;
    switch (method) {
      case "runner/fetch": {
        const session = `${tenant?.named ? tenant.id : "connection"}/${run?.sessionId ?? "no-session"}`;
        return this.relay.start(params as RelayRequest, { runner, session, ...(run?.deadline === undefined ? {} : { deadline: run.deadline }) });
      }
      case "runner/fetch-read":
        return this.relay.pull(runner, (params as { requestId: number }).requestId);
      default:
        await this.relay.close(runner, (params as { requestId: number }).requestId);
        return {};
    }
  }

  private async installTenantPackages(tenant: Tenant, runner: Runner): Promise<void> {
    if (tenant.packages.size === 0) return;
    const wanted: WheelSpec[] = [...tenant.packages.values()];
    if (wanted.some((wheel) => !runner.packages.has(wheel.name))) await runner.load(wanted);
  }

  private requirePackages(): PackageService {
    if (!this.packages) throw new DaemonError("PACKAGE_UNAVAILABLE", "this daemon has no package store");
    return this.packages;
  }

  /**
   * `files/write`: a file in the session's working directory, in order with its runs, within
   * `--max-tenant-file-bytes` for all the tenant's session files. The content is converted
   * for the runner only when the write's turn comes, so a queued write holds its params alone.
   */
  async writeFile(params: FilesWriteParams, tenant: Tenant): Promise<FilesWriteResult> {
    // Checked at once (a bad or oversized content is refused without waiting for the runner).
    contentSize(params.content, params.encoding, this.options.maxFileBytes, params.path);
    const answer = await this.onRunnerOf(tenant, params.session_id, async (runner) => {
      const data = contentForRunner(params.content, params.encoding, this.options.maxFileBytes, params.path);
      const others = this.pool.tenantRunners(tenant.id).reduce((sum, other) => sum + (other === runner ? 0 : (this.fileUsage.get(other) ?? 0)), 0);
      const written = await runner.files({ op: "write", path: params.path, data, maxTotalBytes: Math.max(0, this.pool.quota.fileBytes - others), sessionId: params.session_id });
      if (written.ok && written.usage !== undefined) this.fileUsage.set(runner, Math.max(written.usage, written.size ?? 0));
      return written;
    });
    return writeResult(answer);
  }

  /** `files/read`: the content is checked against the cap again here, whatever the runner says. */
  async readFile(params: FilesReadParams, tenant: Tenant): Promise<FilesReadResult> {
    const answer = await this.fileOperation(tenant, params.session_id, { op: "read", path: params.path, maxBytes: this.options.maxFileBytes });
    return this.checked(tenant, params.session_id, () => readResult(answer, params.encoding, this.options.maxFileBytes));
  }

  /** `files/list`. */
  async listFiles(params: FilesListParams, tenant: Tenant): Promise<FilesListResult> {
    const answer = await this.fileOperation(tenant, params.session_id, { op: "list", path: params.path ?? ".", recursive: params.recursive === true, maxEntries: MAX_LISTED_FILES });
    return this.checked(tenant, params.session_id, () => listResult(answer));
  }

  /** `files/delete`. */
  async deleteFile(params: FilesDeleteParams, tenant: Tenant): Promise<FilesDeleteResult> {
    return deleteResult(await this.fileOperation(tenant, params.session_id, { op: "delete", path: params.path, recursive: params.recursive === true }));
  }

  /** `python/complete`: in the session's namespace, queued behind its runs; or on any of the tenant's runners. */
  async complete(params: CompleteParams, tenant: Tenant): Promise<CompleteResult> {
    const length = codePointLength(params.code);
    const cursor = params.cursor ?? length;
    if (cursor > length) throw new DaemonError("INVALID_PARAMS", `invalid params for python/complete: params.cursor ${cursor} is past the end of the code (${length} characters)`);
    return this.onRunnerOf(tenant, params.session_id, async (runner, sessionId) => {
      const result = await runner.complete(this.completionParams(params.code, cursor, sessionId));
      if (result.cursor_start > result.cursor_end || result.cursor_end > length) {
        const what = "runner protocol violation: its python/complete answer names a range outside the code";
        this.pool.kill(runner, what);
        throw new DaemonError("RUNNER_DIED", `Python runtime terminated: ${what}`);
      }
      return result;
    });
  }

  /** `python/inspect`. */
  async inspect(params: InspectParams, tenant: Tenant): Promise<InspectResult> {
    const length = codePointLength(params.code);
    const cursor = params.cursor ?? length;
    if (cursor > length) throw new DaemonError("INVALID_PARAMS", `invalid params for python/inspect: params.cursor ${cursor} is past the end of the code (${length} characters)`);
    return this.onRunnerOf(tenant, params.session_id, (runner, sessionId) => runner.inspect(this.completionParams(params.code, cursor, sessionId)));
  }

  private completionParams(code: string, cursor: number, sessionId: string | null): RunnerCompletionParams {
    return { code, cursor, sessionId };
  }

  /** Runs `work` on the session's runner in order with its runs, or on any of the tenant's runners without a session. */
  private onRunnerOf<T>(tenant: Tenant, sessionId: string | undefined, work: (runner: Runner, sessionId: string | null) => Promise<T>): Promise<T> {
    this.assertRunning();
    touch(tenant);
    if (sessionId === undefined) return this.pool.submit(tenant.id, undefined, (runner) => work(runner, null)).promise;
    const session = tenant.sessions.getReady(sessionId);
    session.lastUsedAt = new Date();
    return this.pool.submit(tenant.id, session.runner, (runner) => work(runner, session.id)).promise;
  }

  private fileOperation(tenant: Tenant, sessionId: string, op: DistributiveOmit<RunnerFilesParams, "sessionId">): Promise<FilesAnswer> {
    return this.onRunnerOf(tenant, sessionId, (runner) => runner.files({ ...op, sessionId } as RunnerFilesParams));
  }

  /** Checks a runner's answer; one it could only have made by breaking the protocol kills the runner. */
  private checked<T>(tenant: Tenant, sessionId: string, check: () => T): T {
    try {
      return check();
    } catch (error) {
      if (error instanceof RunnerAnswerViolation) {
        const session = tenant.sessions.get(sessionId);
        this.pool.kill(session.runner, `runner protocol violation: ${error.message}`);
        throw new DaemonError("RUNNER_DIED", `Python runtime terminated: runner protocol violation: ${error.message}; session "${sessionId}" is lost`);
      }
      throw error;
    }
  }

  /** `python/check`, on one of the tenant's own runners. */
  async check(params: CheckParams, tenant: Tenant): Promise<CheckResult> {
    this.assertRunning();
    touch(tenant);
    return { status: await this.pool.check(tenant.id, params.code) };
  }

  /**
   * A connection stopped acting for its tenant. When the tenant is over (it was the
   * connection's own, or a named one with no sessions left), its sessions are closed and
   * its runners killed: they never serve another tenant.
   */
  leave(tenant: Tenant): void {
    if (!this.tenants.detach(tenant)) return;
    this.endTenant(tenant, "its client disconnected");
  }

  /** Stops everything: runners are killed and new requests refused. Safe to call twice. */
  shutdown(): Promise<void> {
    this.stopping ??= (async () => {
      clearInterval(this.sweepTimer);
      await this.pool.shutdown();
    })();
    return this.stopping;
  }

  private endTenant(tenant: Tenant, why: string): void {
    for (const session of tenant.sessions.all()) {
      tenant.sessions.remove(session.id, why);
      for (const stop of [...session.active]) stop();
    }
    this.pool.releaseTenant(tenant.id, `its tenant is gone (${why})`);
    void this.packages?.forgetTenant(tenant.id);
  }

  /**
   * Closes a session: its runs are stopped, its globals freed (or its dedicated runner
   * stopped). A tenant whose last session this was releases its runners as soon as nothing
   * of its runs: a runner costs 100-200 MiB, and the next tenant may need the slot.
   */
  private forget(tenant: Tenant, session: Session<Runner>, why: string): void {
    tenant.sessions.remove(session.id, why);
    for (const stop of [...session.active]) stop();
    session.runner.sessions.delete(session.id);
    if (session.freshInterpreter) this.pool.releaseDedicated(session.runner);
    else if (session.state === "ready") {
      void this.pool.submit(tenant.id, session.runner, (runner) => runner.session("close", session.id)).promise.catch(() => {
        // The runner died or the daemon is stopping: the globals are gone either way.
      });
    }
    if (tenant.sessions.size === 0) this.pool.releaseWhenQuiet(tenant.id, "its tenant closed its last session");
  }

  private expireIdleSessions(): void {
    const now = Date.now();
    for (const tenant of this.tenants.all()) {
      for (const session of tenant.sessions.expired(now)) {
        log("info", `session "${session.id}" expired after ${session.idleTimeoutMs} ms idle`);
        this.forget(tenant, session, `closed after ${session.idleTimeoutMs} ms without a run (its idle timeout)`);
      }
    }
    // A named tenant whose last session expired while no client was attached is over too.
    for (const tenant of this.tenants.sweep()) this.endTenant(tenant, "its last session closed");
    this.reclaimIdleTenants(now);
  }

  /** Stops the runners of tenants that have not used them for `--tenant-idle-timeout`; their sessions are reported lost, saying why. */
  private reclaimIdleTenants(now: number): void {
    const idleMs = this.options.tenantIdleTimeoutMs;
    if (idleMs <= 0) return;
    for (const tenant of this.tenants.all()) {
      if (now - tenant.lastActiveAt <= idleMs || this.pool.runnersHeld(tenant.id) === 0 || !this.pool.isQuiet(tenant.id)) continue;
      const stopped = this.pool.releaseIdleRunners(tenant.id, `reclaimed: its tenant used no runner for ${Math.round(idleMs / 1000)} s (--tenant-idle-timeout)`);
      if (stopped > 0) log("info", `tenant ${tenant.named ? `"${tenant.id}"` : tenant.id} was idle for ${Math.round((now - tenant.lastActiveAt) / 1000)} s: ${stopped} runner${stopped === 1 ? "" : "s"} reclaimed`);
    }
  }

  private assertRunning(): void {
    if (this.stopping) throw new DaemonError("SHUTTING_DOWN", "the daemon is shutting down and takes no new work");
  }

  private versions(): VersionInfo {
    const versions: VersionInfo = { name: "woma", woma: WOMA_VERSION, protocol: PROTOCOL_VERSION, pyodide: PYODIDE_VERSION, bun: Bun.version };
    const python = this.pool.anyBootResult()?.pythonVersion ?? pythonVersion();
    if (python) versions.python = python;
    return versions;
  }

  private limits(): LimitsInfo {
    return {
      default_timeout_ms: this.options.defaultTimeoutMs,
      max_output_bytes: this.options.maxOutputBytes,
      max_message_bytes: this.options.maxMessageBytes,
      max_queue: this.options.maxQueue,
      memory_limit_bytes: this.options.memoryLimitBytes,
      max_display_bytes: this.options.maxDisplayBytes,
      max_displays: this.options.maxDisplays,
      max_file_bytes: this.options.maxFileBytes,
      max_runners: this.options.maxRunners,
      max_booting: this.pool.bounds.maxBooting,
      admission_timeout_ms: this.pool.bounds.admissionTimeoutMs,
      admission_queue: this.pool.bounds.maxAdmissionQueue,
      max_tenant_runners: this.pool.quota.runners,
      max_tenant_sessions: this.pool.quota.sessions,
      max_tenant_file_bytes: this.pool.quota.fileBytes,
      max_pending_input_bytes: this.options.maxPendingInputBytes,
      tenant_idle_timeout_ms: this.options.tenantIdleTimeoutMs,
    };
  }
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

/** The tenant uses its runners now: its idle time starts again (`--tenant-idle-timeout`). */
function touch(tenant: Tenant): void {
  tenant.lastActiveAt = Date.now();
}

/** A launcher that reports how long each boot took, and how it ended, to the daemon's metrics. */
function timedLaunch(launch: LaunchRunner, metrics: DaemonMetrics): LaunchRunner {
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

/** The wire form of a tenant: its name, or that it is the connection's own. */
function tenantInfo(tenant: Tenant): TenantInfo {
  return tenant.named ? { name: tenant.id, shared: true } : { name: null, shared: false };
}

/** Omit over each member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
