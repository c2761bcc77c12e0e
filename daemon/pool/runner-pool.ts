/** The runner pool: warm spares, and for each tenant its own runners, working in parallel, never shared with another tenant, within bounds on runners, boots and waits. */
import { randomBytes } from "node:crypto";
import { availableParallelism } from "node:os";
import type { RunnerInfo } from "../../protocol/generated/types.ts";
import { DaemonError } from "../daemon-error.ts";
import { log } from "../log.ts";
import { Admission, DEFAULT_ADMISSION_QUEUE, DEFAULT_ADMISSION_TIMEOUT_MS, type Bound } from "./admission.ts";
import type { Job } from "./job-queue.ts";
import { MemoryWatch } from "./memory-watch.ts";
import { describeRunner, tenantView, type PoolView } from "./pool-view.ts";
import type { LaunchRunner } from "./runner-launcher.ts";
import type { HostHandler, ReadyBoot, Runner, RunnerRole } from "./runner.ts";
import { SpareDemand } from "./spare-demand.ts";
import { DEFAULT_TENANT_FILE_BYTES, DEFAULT_TENANT_SESSIONS, TenantQuota } from "./tenant-quota.ts";
import { TenantRunners } from "./tenant-runners.ts";

/** Settings of the pool. */
export interface PoolOptions {
  /** Runners a tenant may use at once for its sessions and one-off runs (at least 1). */
  workers: number;
  /** The most untouched runners kept ready (as many as new tenants arriving need, at least one), so a new tenant or a fresh interpreter gets one at once. */
  spares: number;
  /** All runners together, spares and boots included; past it a request for one more waits in the admission queue. */
  maxRunners: number;
  /** Runners one tenant may hold at once, shared and dedicated, being acquired included; 0 for half of `maxRunners` (see tenant-quota.ts). */
  maxTenantRunners?: number;
  /** Requests that may wait at once, per tenant; more get `POOL_BUSY` (`--max-queue`). */
  maxQueue: number;
  /** Sessions one tenant may have open (`--max-tenant-sessions`); the daemon checks it. Default 256. */
  maxTenantSessions?: number;
  /** Bytes of files one tenant's sessions may hold (`--max-tenant-file-bytes`); the daemon checks it. Default 256 MiB. */
  maxTenantFileBytes?: number;
  /** Boots in flight at once (`--max-booting`); 0 or absent for the number of cores. */
  maxBooting?: number;
  /** Longest a request waits for a runner, in ms (`--admission-timeout`); absent for 5 s, 0 to refuse at once. */
  admissionTimeoutMs?: number;
  /** Requests that may wait for a runner at once, across tenants (`--admission-queue`); absent for 256. */
  maxAdmissionQueue?: number;
  /** A runner whose process tree holds more resident memory is killed; 0 for no limit. */
  memoryLimitBytes: number;
  /** An idle runner holding more than this is recycled (its sessions are told); 0 for never. */
  recycleIdleBytes: number;
  launch: LaunchRunner;
  /**
   * Runs woma's own code once in a runner that has just booted, before anyone gets it: the
   * first run in an interpreter pays for code paths taken the first time (tens of ms), and a
   * new tenant's first run should not. Rejecting fails the boot.
   */
  warmUp?: (runner: Runner) => Promise<void>;
  /** Answers what runners ask of the daemon during a run (packages, HTTP). */
  host?: HostHandler;
  /** The pool's clocks; tests shorten them. */
  timing?: PoolTiming;
}

/** The pool's clocks, injectable so in-process tests run in milliseconds. */
export interface PoolTiming {
  /** How often runners' memory and the spares are checked, in ms (default 500). */
  memoryCheckMs?: number;
  /** How long to wait before booting spares again after a failed boot, given the failures in a row (default 250 ms doubling, at most 10 s). */
  spareBackoffMs?: (failures: number) => number;
}

/** A submitted job: its outcome, and a way to take it back while it waits. */
export interface Submission<T> {
  promise: Promise<T>;
  /** Removes the job if it has not started; returns false when it already has. */
  withdraw(error: Error): boolean;
}

/** The default of `--max-booting`: one boot per core, since a boot keeps a core busy for about a second. */
export function defaultMaxBooting(): number {
  return Math.max(1, availableParallelism());
}

const MEMORY_CHECK_MS = 500;
/** Longest the refill of a spare waits for the first job of the tenant that took it (see `holdingRefill`). */
const REFILL_HOLD_MS = 2000;
const MAX_BACKOFF_MS = 10_000;

/** A boot in flight: the role it is for, the tenant it is for once one wants it, how to stop it, and its outcome. */
interface Boot {
  role: RunnerRole;
  /** The tenant that claimed it (a spare boot) or started it; undefined while it is an unclaimed spare. */
  tenant: string | undefined;
  abort: AbortController;
  launched: Promise<Runner>;
  /** Settles when the boot has, successfully or not. */
  settled: Promise<unknown>;
}

/** A runner on its way to a tenant: wrapped so that the admission queue hands the promise itself, not its value. */
interface Grant {
  runner: Promise<Runner>;
}

/**
 * Owns every runner process. A runner starts as a spare, belonging to nobody; the first
 * tenant that needs one takes it, and from then on it runs that tenant's code only, until
 * it dies or the tenant leaves (then it is killed, never handed on). Each tenant has up to
 * `workers` shared runners, taken as its work needs them, plus one runner per
 * fresh-interpreter session.
 *
 * Every process counts against `maxRunners` from its spawn to its exit, and at most
 * `maxBooting` boot at once. A request that needs a runner when neither bound leaves room
 * waits in the {@link Admission} queue, fair across tenants, until a slot frees or its
 * deadline passes. A boot for a tenant that leaves is killed at once; spares are refilled
 * only once nobody waits, as many as the tenants arriving need (within `spares`). Any
 * runner that dies is reported through `onRunnerDied`.
 */
export class RunnerPool {
  private readonly spares: Runner[] = [];
  private readonly tenants = new Map<string, TenantRunners>();
  /** Boots in flight, by runner id. */
  private readonly booting = new Map<string, Boot>();
  private readonly readyWaiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  private readonly memory: MemoryWatch;
  /** Runners handed to a tenant whose first job has not ended yet, with when: spares are not refilled meanwhile. */
  private readonly firstJobs = new Map<Runner, number>();
  private refillTimer: ReturnType<typeof setTimeout> | undefined;
  /** Runners a tenant has sent anything (a job started on them, a check): never handed to anyone else. */
  private readonly touched = new WeakSet<Runner>();
  /** Every runner whose process has not exited yet, killed ones included: each holds a slot of `maxRunners`. */
  private readonly live = new Set<Runner>();
  private readonly admission: Admission<Grant>;
  private readonly demand: SpareDemand;
  private readonly maxBooting: number;
  private readonly boots = { started: 0, cancelled: 0, failed: 0 };
  private failures = 0;
  private closed = false;
  private everBooted = false;
  private backoff: ReturnType<typeof setTimeout> | undefined;
  private maintenanceTimer: ReturnType<typeof setInterval> | undefined;
  /** The per-tenant bounds. */
  readonly quota: TenantQuota;
  /** Called when a runner dies, with the reason. */
  onRunnerDied: (runner: Runner, reason: string) => void = () => {};

  constructor(private readonly options: PoolOptions) {
    this.quota = new TenantQuota({
      runners: options.maxTenantRunners ?? 0,
      maxRunners: options.maxRunners,
      sessions: options.maxTenantSessions ?? DEFAULT_TENANT_SESSIONS,
      queued: options.maxQueue,
      fileBytes: options.maxTenantFileBytes ?? DEFAULT_TENANT_FILE_BYTES,
    });
    this.memory = new MemoryWatch(options.memoryLimitBytes, options.recycleIdleBytes);
    this.maxBooting = options.maxBooting && options.maxBooting > 0 ? options.maxBooting : defaultMaxBooting();
    this.demand = new SpareDemand(Math.min(options.spares, options.maxRunners));
    this.admission = new Admission<Grant>(
      { maxWaiting: options.maxAdmissionQueue ?? DEFAULT_ADMISSION_QUEUE, timeoutMs: options.admissionTimeoutMs ?? DEFAULT_ADMISSION_TIMEOUT_MS },
      (tenant) => this.owned(tenant),
      (ahead) => this.bound(ahead),
    );
  }

  private get workers(): number {
    return Math.max(1, this.options.workers);
  }

  /** Processes holding a slot: every runner not yet exited, and every boot. */
  private get used(): number {
    return this.live.size + this.booting.size;
  }

  /** Boots the first runner at once (a tenant will want it), then keeps the spares. */
  start(): void {
    this.launchSpare();
    this.ensureSpares();
    this.maintenanceTimer = setInterval(() => this.maintain(), this.options.timing?.memoryCheckMs ?? MEMORY_CHECK_MS);
    this.maintenanceTimer.unref?.();
  }

  /** Resolves once any runner has booted; rejects with `POOL_UNAVAILABLE` if none can start. */
  whenReady(): Promise<void> {
    if (this.everBooted) return Promise.resolve();
    if (this.closed) return Promise.reject(new DaemonError("SHUTTING_DOWN", "the daemon is shutting down"));
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  /** False once three boots in a row have failed; true otherwise. */
  get healthy(): boolean {
    return this.failures < 3;
  }

  /** Runs waiting for a runner, in one tenant's queues or in all. */
  waiting(tenant?: string): number {
    if (tenant !== undefined) return this.tenants.get(tenant)?.queue.waiting ?? 0;
    let total = 0;
    for (const runners of this.tenants.values()) total += runners.queue.waiting;
    return total;
  }

  /**
   * Queues work of a tenant for a given runner (a session's) or, with `undefined`, for
   * whichever of the tenant's shared runners is free first. A tenant without a runner gets
   * one (through the admission queue when none is free); one whose runners are all busy
   * gets another while it has fewer than `workers`, if one can be had at once. Past the
   * tenant's queue limit it fails at once with `POOL_BUSY`.
   */
  submit<T>(tenant: string, runner: Runner | undefined, work: (runner: Runner) => Promise<T>): Submission<T> {
    if (this.closed) return rejected(new DaemonError("SHUTTING_DOWN", "the daemon is shutting down and takes no new work"));
    const runners = this.runnersOf(tenant);
    runners.releasing = undefined;
    const { queue } = runners;
    const idleNow = runner ? !queue.isBusy(runner) && queue.waitingFor(runner) === 0 : runners.hasIdleShared();
    if (!idleNow) {
      try {
        this.quota.admitQueued(queue.waiting);
      } catch (error) {
        return rejected(error as Error);
      }
    }
    let resolve!: (value: T) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const job: Job<Runner> = {
      start: (target) => work(target).then(resolve, reject),
      abandon: reject,
    };
    queue.enqueue(job, runner);
    if (runner === undefined && !idleNow && runners.shared.length + runners.pending.size < this.workers) {
      // Without a runner the work cannot run: wait for one. With one, another is only worth having if it is free now.
      const none = runners.aliveShared().length === 0 && runners.pending.size === 0;
      void this.acquireShared(tenant, none)?.catch((error: Error) => {
        // Nobody else will run the tenant's free work: it has no runner and none can be had.
        if (runners.aliveShared().length === 0 && runners.pending.size === 0) runners.queue.abandonFree(error);
      });
    }
    return { promise, withdraw: (error) => (queue.remove(job) ? (reject(error), true) : false) };
  }

  /**
   * The tenant's shared runner that should hold a new session: a new one while it has fewer
   * than `workers` and one can be had at once, else the one with the fewest sessions. A
   * tenant without a runner waits for one.
   */
  async runnerForSession(tenant: string): Promise<Runner> {
    const runners = this.runnersOf(tenant);
    runners.releasing = undefined;
    const alive = runners.aliveShared();
    if (alive.length === 0) {
      if (runners.pending.size > 0) return [...runners.pending][0]!;
      return this.acquireShared(tenant, true)!;
    }
    const spread = alive.every((runner) => runner.sessions.size > 0);
    if (spread && alive.length + runners.pending.size < this.workers) {
      const more = this.acquireShared(tenant, false);
      // Spreading is worth a free slot, never a refusal: the session shares a runner instead.
      if (more) return more.catch(() => this.leastLoaded(runners));
    }
    return this.leastLoaded(runners);
  }

  /** A runner of its own for a tenant's fresh-interpreter session: a spare when there is one, else a boot (waiting for a slot). Within the tenant's quota. */
  async takeDedicated(tenant: string): Promise<Runner> {
    const runners = this.runnersOf(tenant);
    runners.releasing = undefined;
    this.quota.admitRunner(runners.held);
    runners.takingDedicated++;
    try {
      const runner = await this.take(tenant, "dedicated");
      if (this.tenants.get(tenant) !== runners) {
        runner.kill("its tenant left while it was being prepared");
        throw new DaemonError("SESSION_LOST", "the tenant left");
      }
      runners.dedicated.add(runner);
      return runner;
    } finally {
      runners.takingDedicated--;
    }
  }

  /** Stops a dedicated runner whose session has closed. */
  releaseDedicated(runner: Runner): void {
    const runners = runner.tenant === undefined ? undefined : this.tenants.get(runner.tenant);
    if (!runners?.dedicated.delete(runner)) return;
    runner.kill("its session was closed");
  }

  /**
   * A tenant has left: its requests waiting for a runner are dropped, its boots in flight
   * killed, its queued work dropped and its runners killed, never handed to anyone else.
   */
  releaseTenant(tenant: string, why: string): void {
    const runners = this.tenants.get(tenant);
    this.tenants.delete(tenant);
    this.admission.drop(tenant, new DaemonError("SESSION_LOST", why));
    this.cancelBoots(tenant, `its tenant left while it was booting (${why})`);
    if (!runners) return;
    runners.queue.abandonAll(new DaemonError("SESSION_LOST", why));
    for (const runner of runners.all()) {
      if (!this.reclaimUntouched(runner)) runner.kill(why);
    }
  }

  /**
   * A runner a departed tenant took and never sent anything (it left before its first
   * request started: a client that sends a run and closes at once) is as clean as a spare:
   * it becomes one again when the spares are short, so a storm of such clients does not cost
   * the next client its spare. Returns false when it must be killed instead.
   */
  private reclaimUntouched(runner: Runner): boolean {
    if (this.touched.has(runner) || !runner.alive || runner.busy || runner.sessions.size > 0 || runner.runs > 0 || runner.packages.size > 0) return false;
    if (this.closed || this.spares.filter((r) => r.alive).length >= this.demand.target()) return false;
    runner.role = "spare";
    runner.tenant = undefined;
    this.firstJobs.delete(runner);
    this.spares.push(runner);
    queueMicrotask(() => this.pump());
    return true;
  }

  /**
   * Kills the tenant's runners that have nothing to do (no run, nothing queued): it has
   * closed its last session, or has been idle past `--tenant-idle-timeout`. Its sessions on them are reported lost with `why`. Returns how
   * many runners were stopped.
   */
  releaseIdleRunners(tenant: string, why: string): number {
    const runners = this.tenants.get(tenant);
    if (!runners) return 0;
    let stopped = 0;
    for (const runner of runners.all()) {
      if (runner.busy || runners.queue.isBusy(runner) || runners.queue.waitingFor(runner) > 0) continue;
      // Out of the tenant's hands at once: a session created before the process has exited must not land on it.
      runners.dedicated.delete(runner);
      const at = runners.shared.indexOf(runner);
      if (at >= 0) runners.shared.splice(at, 1);
      runner.kill(why);
      stopped++;
    }
    return stopped;
  }

  /**
   * Releases the tenant's runners (as {@link releaseIdleRunners}) as soon as it is quiet: at
   * once, or when its last job ends. New work of the tenant before then cancels this.
   */
  releaseWhenQuiet(tenant: string, why: string): void {
    const runners = this.tenants.get(tenant);
    if (!runners) return;
    runners.releasing = why;
    this.releaseIfQuiet(runners);
  }

  private releaseIfQuiet(runners: TenantRunners): void {
    if (runners.releasing === undefined || !runners.quiet || this.tenants.get(runners.id) !== runners) return;
    const why = runners.releasing;
    runners.releasing = undefined;
    this.releaseIdleRunners(runners.id, why);
  }

  /** True when the tenant has no run going, nothing queued and nothing being acquired. */
  isQuiet(tenant: string): boolean {
    return this.tenants.get(tenant)?.quiet ?? true;
  }

  /** Runners the tenant holds now. */
  runnersHeld(tenant: string): number {
    return this.tenants.get(tenant)?.all().length ?? 0;
  }

  /** Kills a runner (timeout past the interrupt, memory); its death is then handled like any other. */
  kill(runner: Runner, reason: string): void {
    runner.kill(reason);
  }

  /** Python's REPL rule for a complete snippet, asked of one of the tenant's runners. */
  async check(tenant: string, code: string): Promise<"complete" | "incomplete" | "invalid"> {
    const runner = await this.runnerForCheck(tenant);
    this.touched.add(runner);
    return (await runner.check(code)).status;
  }

  /** The spares and the tenant's runners and boots (other tenants' are not its business), for `daemon/info`. */
  info(tenant: string | undefined): RunnerInfo[] {
    const runners = tenant === undefined ? undefined : this.tenants.get(tenant);
    const all = [...(runners?.all() ?? []), ...this.spares.filter((r) => r.alive)].map((runner) => describeRunner(runner, runners?.queue.waitingFor(runner) ?? 0));
    for (const [id, boot] of this.booting) {
      if (boot.tenant === undefined || boot.tenant === tenant) all.push({ runner_id: id, pid: -1, state: "booting", role: boot.role, sessions: 0, queued: 0, runs: 0 });
    }
    return all;
  }

  /** The runners the tenant holds now. */
  tenantRunners(tenant: string): Runner[] {
    return this.tenants.get(tenant)?.all() ?? [];
  }

  /** Requests of the tenant waiting in the admission queue. */
  admissionWaiting(tenant: string): number {
    return this.admission.waiting(tenant);
  }

  /** Resident memory of the tenant's runners, in bytes. */
  tenantRss(tenant: string): number {
    return (this.tenants.get(tenant)?.all() ?? []).reduce((sum, runner) => sum + (runner.rss() ?? 0), 0);
  }

  /** Milliseconds the tenant's runners spent booting, those it took from the spares included. */
  tenantBootMs(tenant: string): number {
    return this.tenants.get(tenant)?.bootMs ?? 0;
  }

  /** Everything the pool holds, by tenant: the operator view. */
  view(): PoolView {
    const tenants = [...this.tenants.values()].map((runners) =>
      tenantView(runners, [...this.booting.values()].filter((b) => b.tenant === runners.id).length, this.admission.waiting(runners.id)),
    );
    const { counters } = this.admission;
    return {
      runners: this.live.size,
      spares: this.spares.filter((r) => r.alive).length,
      booting: this.booting.size,
      spareTarget: this.demand.target(),
      arrivalsPerMinute: this.demand.arrivalsPerMinute,
      bootMsMean: Math.round(this.demand.bootMs),
      boots: { ...this.boots },
      admission: { waiting: this.admission.waiting(), oldestWaitMs: Math.round(this.admission.oldestWaitMs()), ...counters },
      tenants,
    };
  }

  /** The pool's bounds, as `daemon/initialize` and `daemon/info` report them. */
  get bounds(): { maxBooting: number; admissionTimeoutMs: number; maxAdmissionQueue: number } {
    return { maxBooting: this.maxBooting, admissionTimeoutMs: this.options.admissionTimeoutMs ?? DEFAULT_ADMISSION_TIMEOUT_MS, maxAdmissionQueue: this.options.maxAdmissionQueue ?? DEFAULT_ADMISSION_QUEUE };
  }

  /** How many runners are alive (or not yet exited), in all. */
  get runnerCount(): number {
    return this.live.size;
  }

  /** Any live runner's boot facts (Python version), once one has booted. */
  anyBootResult(): ReadyBoot | undefined {
    return this.everyRunner().find((r) => r.bootResult)?.bootResult;
  }

  /** Stops taking work, abandons what waits, stops the boots in flight and kills every runner, and waits until all are gone. */
  async shutdown(): Promise<void> {
    this.closed = true;
    clearInterval(this.maintenanceTimer);
    clearTimeout(this.backoff);
    clearTimeout(this.refillTimer);
    const error = new DaemonError("SHUTTING_DOWN", "the daemon is shutting down");
    this.admission.abandonAll(error);
    for (const runners of this.tenants.values()) runners.queue.abandonAll(error);
    for (const waiter of this.readyWaiters.splice(0)) waiter.reject(error);
    // A booting runner's process exists already: stop it, and wait until its launch has settled (and killed it).
    const boots = [...this.booting.values()];
    for (const boot of boots) boot.abort.abort("the daemon shut down during its boot");
    const all = [...this.live];
    for (const runner of all) runner.kill("the daemon shut down");
    await Promise.all([...all.map((runner) => runner.exited), ...boots.map((boot) => boot.settled)]);
  }

  private everyRunner(): Runner[] {
    const all = [...this.spares];
    for (const runners of this.tenants.values()) all.push(...runners.all());
    return all;
  }

  private runnersOf(tenant: string): TenantRunners {
    let runners = this.tenants.get(tenant);
    if (!runners) {
      const created: TenantRunners = new TenantRunners(tenant, {
        onJobStart: (runner) => this.touched.add(runner),
        onJobEnd: (runner) => {
          // Its first job is over: the spare it was is refilled now (see ensureSpares).
          if (this.firstJobs.delete(runner)) this.pump();
          this.releaseIfQuiet(created);
        },
      });
      runners = created;
      this.tenants.set(tenant, runners);
      this.demand.arrived();
    }
    return runners;
  }

  /** Runners a tenant holds, and boots for it: who goes first in the admission queue (fewer first). */
  private owned(tenant: string): number {
    let count = this.tenants.get(tenant)?.all().length ?? 0;
    for (const boot of this.booting.values()) if (boot.tenant === tenant) count++;
    return count;
  }

  private leastLoaded(runners: TenantRunners): Runner {
    const alive = runners.aliveShared();
    alive.sort((a, b) => a.sessions.size - b.sessions.size || Number(runners.queue.isBusy(a)) - Number(runners.queue.isBusy(b)));
    if (alive.length === 0) throw new DaemonError("SESSION_LOST", "the runner chosen for the session died");
    return alive[0]!;
  }

  /** A runner of the tenant to ask a completeness check: a live shared one, else the one being acquired, else a new one. */
  private async runnerForCheck(tenant: string): Promise<Runner> {
    const runners = this.runnersOf(tenant);
    const alive = runners.shared.find((runner) => runner.alive);
    if (alive) return alive;
    if (runners.pending.size > 0) return [...runners.pending][0]!;
    return this.acquireShared(tenant, true)!;
  }

  /**
   * Takes one more shared runner for a tenant and lets its queue use it. With `wait`, it
   * waits in the admission queue if need be, and rejects past the tenant's quota; without,
   * it returns undefined unless a runner can be had at once within the quota.
   */
  private acquireShared(tenant: string, wait: boolean): Promise<Runner> | undefined {
    const runners = this.runnersOf(tenant);
    let taking: Promise<Runner> | undefined;
    try {
      this.quota.admitRunner(runners.held);
      taking = wait ? this.take(tenant, "shared") : this.admission.waiting() === 0 ? this.takeNow(tenant, "shared") : undefined;
    } catch (error) {
      if (!wait) return undefined;
      return Promise.reject(error as Error);
    }
    if (!taking) return undefined;
    const pending: Promise<Runner> = taking
      .then((runner) => {
        if (this.tenants.get(tenant) !== runners) {
          runner.kill("its tenant left while it was being prepared");
          throw new DaemonError("SESSION_LOST", "the tenant left");
        }
        runners.shared.push(runner);
        return runner;
      })
      .finally(() => {
        runners.pending.delete(pending);
        runners.queue.pump();
      });
    runners.pending.add(pending);
    return pending;
  }

  /** A runner for a tenant, at once or after a wait in the admission queue. */
  private async take(tenant: string, role: "shared" | "dedicated"): Promise<Runner> {
    if (this.closed) throw new DaemonError("SHUTTING_DOWN", "the daemon is shutting down");
    const grant = await this.admission.admit(tenant, () => {
      const runner = this.takeNow(tenant, role);
      return runner && { runner };
    });
    return grant.runner;
  }

  /**
   * A runner for a tenant if one can be had now: a ready spare, else a spare still booting
   * that nobody claimed, else a boot of its own when a runner slot and a boot slot are free;
   * undefined when none can.
   */
  private takeNow(tenant: string, role: "shared" | "dedicated"): Promise<Runner> | undefined {
    if (this.closed) return Promise.reject(new DaemonError("SHUTTING_DOWN", "the daemon is shutting down"));
    let spare = this.spares.shift();
    while (spare && !spare.alive) spare = this.spares.shift();
    if (spare) {
      // A spare left: another boots behind it (unless someone waits for the slot).
      queueMicrotask(() => this.pump());
      return Promise.resolve(this.assign(spare, tenant, role));
    }
    const unclaimed = [...this.booting.values()].find((boot) => boot.tenant === undefined);
    if (unclaimed) {
      unclaimed.role = role;
      unclaimed.tenant = tenant;
      return unclaimed.launched.then(
        (runner) => this.assign(runner, tenant, role),
        (error: Error) => {
          // The boot it claimed failed: the tenant boots one of its own, as it would have without it.
          if (this.closed || !this.tenants.has(tenant)) throw error;
          return this.take(tenant, role);
        },
      );
    }
    if (this.used >= this.options.maxRunners || this.booting.size >= this.maxBooting) return undefined;
    return this.launch(role, tenant).launched.then((runner) => this.assign(runner, tenant, role));
  }

  /** Gives a booted runner to a tenant, for good. */
  private assign(runner: Runner, tenant: string, role: "shared" | "dedicated"): Runner {
    runner.role = role;
    runner.tenant = tenant;
    this.firstJobs.set(runner, performance.now());
    const runners = this.tenants.get(tenant);
    if (runners) runners.bootMs += runner.bootResult?.bootMs ?? 0;
    return runner;
  }

  /** The bound that keeps requests waiting now, and when one with `ahead` requests before it may succeed. */
  private bound(ahead: number): Bound {
    const { maxRunners } = this.options;
    if (this.used >= maxRunners) {
      // A slot frees when a client leaves or goes idle: nothing says when, so the advice is one queue deadline.
      return { flag: "--max-runners", limit: maxRunners, state: `all ${maxRunners} runners are held by clients`, retryAfterMs: Math.max(1000, this.bounds.admissionTimeoutMs) };
    }
    // Boots end about every boot time, maxBooting at a time: the requests ahead go first.
    const rounds = Math.ceil((ahead + 1) / this.maxBooting);
    return { flag: "--max-booting", limit: this.maxBooting, state: `${this.booting.size} runners are booting already`, retryAfterMs: Math.max(1000, Math.ceil(rounds * this.demand.bootMs)) };
  }

  /** Kills the boots in flight for a tenant. */
  private cancelBoots(tenant: string, why: string): void {
    for (const boot of this.booting.values()) {
      if (boot.tenant !== tenant || boot.abort.signal.aborted) continue;
      this.boots.cancelled++;
      boot.abort.abort(why);
    }
  }

  private launch(role: RunnerRole, tenant: string | undefined): Boot {
    // Opaque, not a count: a tenant sees its runners' ids, and a count would tell it how many runners others took.
    let id: string;
    do id = `r${randomBytes(4).toString("hex")}`;
    while (this.booting.has(id) || [...this.live].some((runner) => runner.id === id));
    // In the map before the boot starts: a launcher that throws at once still finds it to delete.
    const boot = { role, tenant, abort: new AbortController() } as Boot;
    this.booting.set(id, boot);
    this.boots.started++;
    boot.launched = this.boot(id, boot);
    boot.settled = boot.launched.catch(() => {});
    return boot;
  }

  private async boot(id: string, boot: Boot): Promise<Runner> {
    const started = performance.now();
    try {
      const runner = await this.options.launch(id, boot.role, boot.abort.signal);
      if (this.options.warmUp && !boot.abort.signal.aborted && !this.closed) {
        try {
          await this.options.warmUp(runner);
        } catch (error) {
          runner.kill(`its warm-up run failed: ${(error as Error).message}`);
          await runner.exited;
          throw error;
        }
      }
      this.failures = 0;
      this.demand.booted(runner.bootResult?.bootMs ?? performance.now() - started);
      if (this.closed || boot.abort.signal.aborted) {
        const why = this.closed ? "the daemon shut down" : String(boot.abort.signal.reason);
        runner.kill(why);
        await runner.exited;
        throw new DaemonError(this.closed ? "SHUTTING_DOWN" : "SESSION_LOST", this.closed ? "the daemon is shutting down" : why);
      }
      this.everBooted = true;
      for (const waiter of this.readyWaiters.splice(0)) waiter.resolve();
      runner.host = this.options.host;
      this.live.add(runner);
      void runner.exited.then((reason) => {
        this.live.delete(runner);
        this.died(runner, reason);
      });
      // A spare nobody claimed is ready now, before its boot slot frees: no count misses it in between.
      if (boot.tenant === undefined) this.spares.push(runner);
      return runner;
    } catch (error) {
      const cancelled = boot.abort.signal.aborted || (error instanceof DaemonError && (error.code === "SHUTTING_DOWN" || error.code === "SESSION_LOST"));
      if (!this.closed && !cancelled) {
        this.failures++;
        this.boots.failed++;
        if (this.failures >= 3 && !this.everBooted) {
          const unavailable = new DaemonError("POOL_UNAVAILABLE", `no Python runner could be started: ${(error as Error).message}`);
          for (const waiter of this.readyWaiters.splice(0)) waiter.reject(unavailable);
        }
      }
      // Whoever waits for a boot the daemon stopped is told why, not what the dying process said.
      if (this.closed) throw new DaemonError("SHUTTING_DOWN", "the daemon is shutting down", undefined, { cause: error });
      if (cancelled) throw new DaemonError("SESSION_LOST", String(boot.abort.signal.reason), undefined, { cause: error });
      throw error;
    } finally {
      this.booting.delete(id);
      // A boot slot is free (and a runner slot, if it failed): someone waiting may have it.
      queueMicrotask(() => this.pump());
    }
  }

  /** Serves the admission queue; once nobody waits, refills the spares. */
  private pump(): void {
    if (this.closed) return;
    this.admission.pump();
    if (this.admission.waiting() === 0) this.ensureSpares();
  }

  /** Boots a spare nobody has claimed yet; a tenant that finds no ready spare claims it. */
  private launchSpare(): void {
    const spare = this.launch("spare", undefined);
    spare.launched.then(
      () => {
        // Ready (boot() put it among the spares): someone waiting may take it.
        if (spare.tenant === undefined) this.pump();
      },
      (error: Error) => {
        if (this.closed || spare.tenant !== undefined) return; // the taker reports the failure
        log("error", error.message);
        const delay = this.options.timing?.spareBackoffMs?.(this.failures) ?? Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(this.failures, 6));
        clearTimeout(this.backoff);
        this.backoff = setTimeout(() => {
          this.backoff = undefined;
          this.ensureSpares();
        }, delay);
        this.backoff.unref?.();
      },
    );
  }

  /**
   * Boots spares until as many as the arrivals need are ready or booting, within the runner
   * and boot slots; never while a request waits for a slot (it comes first), nor while a
   * failed boot's backoff runs.
   */
  private ensureSpares(): void {
    if (this.closed || this.admission.waiting() > 0 || this.backoff !== undefined || this.holdingRefill()) return;
    const ready = this.spares.filter((r) => r.alive).length;
    const bootingSpares = [...this.booting.values()].filter((boot) => boot.tenant === undefined).length;
    let missing = this.demand.target() - ready - bootingSpares;
    while (missing-- > 0 && this.used < this.options.maxRunners && this.booting.size < this.maxBooting) this.launchSpare();
  }

  /**
   * True while a runner just handed to a tenant has not finished its first job (for at most
   * {@link REFILL_HOLD_MS}): a boot started now would take the cores that first run needs (a
   * boot compiles WebAssembly on every core for about half a second), and the new tenant's
   * first answer is the one that must come fast. A timer looks again when the hold ends.
   */
  private holdingRefill(): boolean {
    const now = performance.now();
    let until = 0;
    for (const [runner, since] of this.firstJobs) {
      if (!runner.alive || now - since >= REFILL_HOLD_MS) this.firstJobs.delete(runner);
      else until = Math.max(until, since + REFILL_HOLD_MS);
    }
    if (until === 0) return false;
    clearTimeout(this.refillTimer);
    this.refillTimer = setTimeout(() => this.pump(), until - now);
    this.refillTimer.unref?.();
    return true;
  }

  private died(runner: Runner, reason: string): void {
    this.memory.forget(runner);
    const spareAt = this.spares.indexOf(runner);
    if (spareAt >= 0) this.spares.splice(spareAt, 1);
    const runners = runner.tenant === undefined ? undefined : this.tenants.get(runner.tenant);
    if (runners) {
      const at = runners.shared.indexOf(runner);
      if (at >= 0) runners.shared.splice(at, 1);
      runners.dedicated.delete(runner);
      runners.queue.dropRunner(runner, new DaemonError("SESSION_LOST", `runner ${runner.id} died: ${reason}`));
    }
    if (this.closed) return;
    this.onRunnerDied(runner, reason);
    if (runner.tenant !== undefined && runners) log("warn", `runner ${runner.id} died (${reason})`);
    // The tenant gets another runner when its work needs one; free work waiting now needs one now.
    if (runners && runners.queue.waiting > 0 && runners.shared.length + runners.pending.size === 0) {
      void this.acquireShared(runner.tenant!, true)?.catch((error: Error) => runners.queue.abandonFree(error));
    }
    this.pump();
  }

  /** Every check interval: memory limits, and spares beyond what the arrivals need. */
  private maintain(): void {
    this.memory.check(this.everyRunner(), (runner) => {
      const runners = runner.tenant === undefined ? undefined : this.tenants.get(runner.tenant);
      return !runner.busy && (runners?.queue.waitingFor(runner) ?? 0) === 0;
    });
    this.trimSpares();
  }

  /** Stops ready spares beyond the target once arrivals have slowed (each holds 100-200 MiB). */
  private trimSpares(): void {
    const ready = this.spares.filter((r) => r.alive);
    // One stays whatever the target: the runner booted at start waits for the first tenant even at --spares 0.
    const extra = ready.length - Math.max(this.demand.target(), 1);
    for (let i = 0; i < extra; i++) {
      ready[i]!.kill(`not needed: ${this.demand.arrivalsPerMinute} new clients in the last minute need ${this.demand.target()} spares`);
    }
  }
}

function rejected<T>(error: Error): Submission<T> {
  return { promise: Promise.reject(error), withdraw: () => false };
}
