/** The daemon's core: the protocol's requests on top of the runner pool, the session service (every session change) and the runner host (what runners ask), with no knowledge of any transport; composition.ts makes the parts of a real one. */
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
import { codePointLength } from "../protocol/code-points.ts";
import { composeDaemon, timedLaunch } from "./composition.ts";
import type { FilesAnswer, RunnerCompletionParams, RunnerFilesParams } from "./contract/runner-protocol.ts";
import { MAX_LISTED_FILES } from "./contract/runner-protocol.ts";
import { DaemonError } from "./daemon-error.ts";
import type { DaemonOptions } from "./daemon-options.ts";
import { log } from "./log.ts";
import { DaemonMetrics, runOutcomeOf, type DaemonCensus } from "./metrics/daemon-metrics.ts";
import type { FetchRelay } from "./net/fetch-relay.ts";
import { progressNotifier, wheelSpec, type PackageService } from "./packages/package-service.ts";
import { defaultPackagesUrl } from "./packages/package-source.ts";
import { DEFAULT_PYPI_INDEX } from "./packages/simple-index.ts";
import type { LaunchRunner } from "./pool/runner-launcher.ts";
import type { Runner } from "./pool/runner.ts";
import type { SnapshotView } from "./pool/snapshot-store.ts";
import { RunnerPool, type PoolTiming } from "./pool/runner-pool.ts";
import { RunExecutor, type RunContext } from "./run/run-executor.ts";
import { requirePackages, RunnerHost } from "./run/runner-host.ts";
import { PYODIDE_VERSION, pythonVersion } from "./runtime/pyodide-core.ts";
import type { Isolation } from "./sandbox/isolation.ts";
import { contentForRunner, contentSize, deleteResult, listResult, readResult, RunnerAnswerViolation, writeResult } from "./session/file-requests.ts";
import { SessionService, touch } from "./session/session-service.ts";
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
  /** What runners ask the daemon, and their warm-up. */
  private host!: RunnerHost;
  /** Every session change. */
  private sessions!: SessionService;
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
    this.host = new RunnerHost(this.tenants, this.executor, this.packages, this.relay, this.options);
    this.sessions = new SessionService(pool, this.tenants, this.options, this.packages);
    pool.onRunnerDied = (runner, reason) => {
      this.relay?.endRunner(runner);
      this.sessions.runnerDied(runner, reason);
    };
    this.sweepTimer = setInterval(() => this.sessions.sweep(), sweepMs);
    this.sweepTimer.unref?.();
  }

  /** Detects the isolation level, checks the cache and the snapshot and starts booting runners (composition.ts). Throws when an explicit `--isolation namespace` cannot be met, or the cache directory can be written by someone else. */
  static start(options: DaemonOptions): Daemon {
    return Daemon.create(options, composeDaemon(options));
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
      warmUp: (runner) => daemon.host.warmUp(runner),
      host: (runner, method, params) => daemon.host.answer(runner, method, params),
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
  createSession(params: SessionCreateParams, tenant: Tenant): Promise<SessionCreateResult> {
    this.assertRunning();
    return this.sessions.create(params, tenant);
  }

  /** `session/list`: the tenant's sessions. */
  listSessions(tenant: Tenant): SessionListResult {
    return this.sessions.list(tenant);
  }

  /** `session/reset`: empties the globals in order with the session's runs; a lost session comes back on a live runner. */
  resetSession(params: SessionResetParams, tenant: Tenant): Promise<SessionResetResult> {
    this.assertRunning();
    return this.sessions.reset(params, tenant);
  }

  /** `session/close`: interrupts its runs, forgets it and frees its globals (or its dedicated runner). */
  async closeSession(params: SessionCloseParams, tenant: Tenant, why = "closed"): Promise<SessionCloseResult> {
    return this.sessions.close(params, tenant, why);
  }

  /** `python/run`. Counted in `woma_runs_total` once taken on (as in the tenant's `execution_count`), and timed by outcome. */
  run(params: RunParams, context: RunContext, tenant: Tenant): Promise<RunResult> {
    this.assertRunning();
    touch(tenant);
    const session = params.session_id === undefined ? undefined : tenant.sessions.getReady(params.session_id);
    const ended = this.figures.runStarted();
    return this.executor.run(params, session, context, tenant, (runner) => this.host.installTenantPackages(tenant, runner), (runner, runId) => this.relay?.endRun(runner, runId)).then(
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
    const packages = requirePackages(this.packages);
    const session = params.session_id === undefined ? undefined : tenant.sessions.getReady(params.session_id);
    const wheels = await packages.install(params.requirements, { tenant: tenant.id, localFiles: params.local_files === true, onProgress: onProgress ? progressNotifier(null, onProgress) : undefined });
    if (cancelled()) throw new DaemonError("RUN_CANCELLED", `packages/install of ${params.requirements.join(", ")} was cancelled; nothing was installed`);
    for (const wheel of wheels) tenant.packages.set(wheel.name, wheelSpec(wheel));
    if (session) await this.pool.submit(tenant.id, session.runner, (runner) => this.host.installTenantPackages(tenant, runner)).promise;
    return { installed: wheels.map((w) => ({ name: w.name, version: w.version, file_name: w.fileName })) };
  }

  /** `packages/list`. */
  async listPackages(tenant: Tenant): Promise<PackagesListResult> {
    const packages = requirePackages(this.packages);
    const available = (await packages.list()).map((p) => ({ name: p.name, version: p.version, imports: p.imports, cached: p.cached }));
    const installed = [...tenant.packages.values()].map((w) => ({ name: w.name, version: w.version, file_name: w.fileName }));
    return { source: await packages.source(), available, installed };
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

  /** A connection stopped acting for its tenant: when the tenant is over, its sessions close and its runners are killed (session-service.ts). */
  leave(tenant: Tenant): void {
    this.sessions.leave(tenant);
  }

  /** Stops everything: runners are killed and new requests refused. Safe to call twice. */
  shutdown(): Promise<void> {
    this.stopping ??= (async () => {
      clearInterval(this.sweepTimer);
      await this.pool.shutdown();
    })();
    return this.stopping;
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

/** The wire form of a tenant: its name, or that it is the connection's own. */
function tenantInfo(tenant: Tenant): TenantInfo {
  return tenant.named ? { name: tenant.id, shared: true } : { name: null, shared: false };
}

/** Omit over each member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
