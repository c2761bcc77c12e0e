/** The runner pool: warm spares, and for each tenant its own runners, working in parallel, never shared with another tenant. */
import { randomBytes } from "node:crypto";
import type { RunnerInfo } from "../../protocol/generated/types.ts";
import { DaemonError } from "../daemon-error.ts";
import { log } from "../log.ts";
import { JobQueue, type Job } from "./job-queue.ts";
import { TenantQuota } from "./tenant-quota.ts";
import type { LaunchRunner } from "./runner-launcher.ts";
import type { HostHandler, ReadyBoot, Runner, RunnerRole } from "./runner.ts";

/** Settings of the pool. */
export interface PoolOptions {
  /** Runners a tenant may use at once for its sessions and one-off runs (at least 1). */
  workers: number;
  /** Untouched runners kept ready, so a new tenant or a fresh interpreter gets one at once. */
  spares: number;
  /** All runners together, spares included; past it a tenant that needs one more gets `POOL_BUSY`. */
  maxRunners: number;
  /** Runners one tenant may hold at once, shared and dedicated, being acquired included; 0 for half of `maxRunners` (see tenant-quota.ts). */
  maxTenantRunners?: number;
  /** Runs that may wait at once, per tenant; more get `POOL_BUSY`. */
  maxQueue: number;
  /** A runner whose process tree holds more resident memory is killed; 0 for no limit. */
  memoryLimitBytes: number;
  /** An idle runner holding more than this is recycled (its sessions are told); 0 for never. */
  recycleIdleBytes: number;
  launch: LaunchRunner;
  /** Answers what runners ask of the daemon during a run (packages, HTTP). */
  host?: HostHandler;
  /** The pool's clocks; tests shorten them. */
  timing?: PoolTiming;
}

/** The pool's clocks, injectable so in-process tests run in milliseconds. */
export interface PoolTiming {
  /** How often runners' memory is checked, in ms (default 500). */
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

const MEMORY_CHECK_MS = 500;
const MAX_BACKOFF_MS = 10_000;
/** A runner must be seen above the recycle threshold this many checks in a row, idle each time. */
const RECYCLE_CHECKS = 3;

/** A boot in flight: the role it is for (a tenant's, once it claims a spare), how to stop it, and its outcome. */
interface Boot {
  role: RunnerRole;
  abort: AbortController;
  launched: Promise<Runner>;
  /** Settles when the boot has, successfully or not. */
  settled: Promise<unknown>;
}

/** The runners of one tenant. */
class TenantRunners {
  /** Runners for sessions and one-off runs, at most `workers`. */
  readonly shared: Runner[] = [];
  /** Runners of fresh-interpreter sessions, one each. */
  readonly dedicated = new Set<Runner>();
  readonly queue: JobQueue<Runner>;
  /** Shared runners being acquired (from a spare or a boot). */
  readonly pending = new Set<Promise<Runner>>();
  /** Dedicated runners being acquired. */
  takingDedicated = 0;

  constructor() {
    this.queue = new JobQueue(
      (runner) => runner.alive,
      () => [...this.shared].sort((a, b) => this.queue.waitingFor(a) - this.queue.waitingFor(b) || a.sessions.size - b.sessions.size),
    );
  }

  all(): Runner[] {
    return [...this.shared, ...this.dedicated];
  }

  /** Runners the tenant holds or is acquiring, for its quota. */
  get held(): number {
    return this.shared.length + this.dedicated.size + this.pending.size + this.takingDedicated;
  }
}

/**
 * Owns every runner process. A runner starts as a spare, belonging to nobody; the first
 * tenant that needs one takes it, and from then on it runs that tenant's code only, until
 * it dies or the tenant leaves (then it is killed, never handed on). Each tenant has up to
 * `workers` shared runners, taken as its work needs them, plus one runner per
 * fresh-interpreter session. Spares are refilled in the background. Any runner that dies
 * is reported through `onRunnerDied`.
 */
export class WorkerPool {
  private readonly spares: Runner[] = [];
  private readonly tenants = new Map<string, TenantRunners>();
  /**
   * Boots in flight, by runner id. A boot whose role is still "spare" is unclaimed: a tenant
   * that finds no ready spare claims it (its role becomes the tenant's) instead of booting another.
   */
  private readonly booting = new Map<string, Boot>();
  private readonly readyWaiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  private readonly recycleStrikes = new Map<Runner, number>();
  /** Every runner whose process has not exited yet, killed ones included, so shutdown can wait for all. */
  private readonly live = new Set<Runner>();
  private failures = 0;
  private closed = false;
  private everBooted = false;
  private memoryTimer: ReturnType<typeof setInterval> | undefined;
  private readonly quota: TenantQuota;
  /** Called when a runner dies, with the reason. */
  onRunnerDied: (runner: Runner, reason: string) => void = () => {};

  constructor(private readonly options: PoolOptions) {
    this.quota = new TenantQuota(options.maxTenantRunners ?? 0, options.maxRunners);
  }

  private get workers(): number {
    return Math.max(1, this.options.workers);
  }

  /** Boots the first runner at once (a tenant will want it), and the spares behind it. */
  start(): void {
    this.ensureSpares(Math.max(1, this.options.spares));
    if (this.options.memoryLimitBytes > 0 || this.options.recycleIdleBytes > 0) {
      this.memoryTimer = setInterval(() => this.checkMemory(), this.options.timing?.memoryCheckMs ?? MEMORY_CHECK_MS);
      this.memoryTimer.unref?.();
    }
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
   * whichever of the tenant's shared runners is free first; when all are busy and the
   * tenant has fewer than `workers`, another is taken. Past the tenant's queue limit it
   * fails at once with `POOL_BUSY`.
   */
  submit<T>(tenant: string, runner: Runner | undefined, work: (runner: Runner) => Promise<T>): Submission<T> {
    if (this.closed) return rejected(new DaemonError("SHUTTING_DOWN", "the daemon is shutting down and takes no new work"));
    const runners = this.runnersOf(tenant);
    const { queue } = runners;
    const idleNow = runner ? !queue.isBusy(runner) && queue.waitingFor(runner) === 0 : runners.shared.some((r) => r.alive && !queue.isBusy(r) && queue.waitingFor(r) === 0);
    if (!idleNow && queue.waiting >= this.options.maxQueue) {
      return rejected(new DaemonError("POOL_BUSY", `pool busy: ${queue.waiting} runs are already waiting (limit ${this.options.maxQueue}); try again later`));
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
      void this.acquireShared(tenant).catch((error: Error) => {
        // Nobody else will run it: the tenant has no runner and none can be had.
        if (runners.shared.length === 0 && runners.queue.remove(job)) reject(error);
      });
    }
    return { promise, withdraw: (error) => (queue.remove(job) ? (reject(error), true) : false) };
  }

  /** The tenant's shared runner that should hold a new session: a new one while it has fewer than `workers`, else the one with the fewest sessions. */
  async runnerForSession(tenant: string): Promise<Runner> {
    const runners = this.runnersOf(tenant);
    const alive = runners.shared.filter((runner) => runner.alive);
    if (alive.length === 0 && runners.pending.size > 0) return [...runners.pending][0]!;
    const spread = alive.every((runner) => runner.sessions.size > 0);
    if (alive.length === 0 || (spread && alive.length + runners.pending.size < this.workers)) return this.acquireShared(tenant);
    alive.sort((a, b) => a.sessions.size - b.sessions.size || Number(runners.queue.isBusy(a)) - Number(runners.queue.isBusy(b)));
    return alive[0]!;
  }

  /** A runner of its own for a tenant's fresh-interpreter session: a spare when there is one, else a new boot. Within the tenant's quota. */
  async takeDedicated(tenant: string): Promise<Runner> {
    const runners = this.runnersOf(tenant);
    this.quota.admit(runners.held);
    runners.takingDedicated++;
    try {
      const runner = await this.take(tenant, "dedicated");
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

  /** A tenant has left: its queued work is dropped and its runners are killed, never handed to anyone else. */
  releaseTenant(tenant: string, why: string): void {
    const runners = this.tenants.get(tenant);
    if (!runners) return;
    this.tenants.delete(tenant);
    runners.queue.abandonAll(new DaemonError("SESSION_LOST", why));
    for (const runner of runners.all()) runner.kill(why);
  }

  /** Kills a runner (timeout past the interrupt, memory); its death is then handled like any other. */
  kill(runner: Runner, reason: string): void {
    runner.kill(reason);
  }

  /** Python's REPL rule for a complete snippet, asked of one of the tenant's runners. */
  async check(tenant: string, code: string): Promise<"complete" | "incomplete" | "invalid"> {
    const runner = await this.runnerForCheck(tenant);
    return (await runner.check(code)).status;
  }

  /** The spares and the tenant's runners (other tenants' runners are not its business), for `daemon/info`. */
  info(tenant: string | undefined): RunnerInfo[] {
    const runners = tenant === undefined ? undefined : this.tenants.get(tenant);
    const describe = (runner: Runner): RunnerInfo => {
      const info: RunnerInfo = {
        runner_id: runner.id,
        pid: runner.pid,
        state: !runner.alive ? "dead" : runner.busy ? "busy" : "idle",
        role: runner.role,
        sessions: runner.sessions.size,
        queued: runners?.queue.waitingFor(runner) ?? 0,
        runs: runner.runs,
      };
      const rss = runner.rss();
      if (rss !== undefined) info.rss_bytes = rss;
      if (runner.bootResult) {
        info.boot_ms = Math.round(runner.bootResult.bootMs * 10) / 10;
        info.from_snapshot = runner.bootResult.fromSnapshot;
      }
      return info;
    };
    const all = [...(runners?.all() ?? []), ...this.spares].map(describe);
    for (const [id, { role }] of this.booting) all.push({ runner_id: id, pid: -1, state: "booting", role, sessions: 0, queued: 0, runs: 0 });
    return all;
  }

  /** How many runners are alive, in all. */
  get runnerCount(): number {
    let count = this.spares.length;
    for (const runners of this.tenants.values()) count += runners.shared.length + runners.dedicated.size;
    return count;
  }

  /** Any live runner's boot facts (Python version), once one has booted. */
  anyBootResult(): ReadyBoot | undefined {
    return this.everyRunner().find((r) => r.bootResult)?.bootResult;
  }

  /** Stops taking work, abandons what waits, stops the boots in flight and kills every runner, and waits until all are gone. */
  async shutdown(): Promise<void> {
    this.closed = true;
    clearInterval(this.memoryTimer);
    const error = new DaemonError("SHUTTING_DOWN", "the daemon is shutting down");
    for (const runners of this.tenants.values()) runners.queue.abandonAll(error);
    for (const waiter of this.readyWaiters.splice(0)) waiter.reject(error);
    // A booting runner's process exists already: stop it, and wait until its launch has settled (and killed it).
    const boots = [...this.booting.values()];
    for (const boot of boots) boot.abort.abort();
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
      runners = new TenantRunners();
      this.tenants.set(tenant, runners);
    }
    return runners;
  }

  /** A runner of the tenant to ask a completeness check: a live shared one, else the one being acquired, else a new one. */
  private async runnerForCheck(tenant: string): Promise<Runner> {
    const runners = this.runnersOf(tenant);
    const alive = runners.shared.find((runner) => runner.alive);
    if (alive) return alive;
    if (runners.pending.size > 0) return [...runners.pending][0]!;
    return this.acquireShared(tenant);
  }

  /** Takes one more shared runner for a tenant and lets its queue use it; rejects past the tenant's quota. */
  private acquireShared(tenant: string): Promise<Runner> {
    const runners = this.runnersOf(tenant);
    try {
      this.quota.admit(runners.held);
    } catch (error) {
      return Promise.reject(error);
    }
    const pending: Promise<Runner> = this.take(tenant, "shared")
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

  /** A runner for a tenant: a spare if one is ready (a new spare boots behind it), else a new boot. */
  private async take(tenant: string, role: "shared" | "dedicated"): Promise<Runner> {
    if (this.closed) throw new DaemonError("SHUTTING_DOWN", "the daemon is shutting down");
    let runner = this.spares.shift();
    while (runner && !runner.alive) runner = this.spares.shift();
    if (!runner) {
      // A spare still booting (the one started with the daemon, say) is claimed rather than a second boot begun beside it.
      // If that boot fails, the tenant boots one of its own, as it would have without it.
      const booting = [...this.booting.values()].find((boot) => boot.role === "spare");
      if (booting) {
        booting.role = role;
        runner = await booting.launched.then(
          (claimed) => (claimed.alive ? claimed : undefined),
          () => undefined,
        );
        if (this.closed) throw new DaemonError("SHUTTING_DOWN", "the daemon is shutting down");
      }
      if (!runner) {
        if (this.runnerCount + this.booting.size >= this.options.maxRunners) {
          throw new DaemonError("POOL_BUSY", `all ${this.options.maxRunners} runners are in use (--max-runners); try again when a client has left`);
        }
        runner = await this.launch(role).launched;
      }
    }
    runner.role = role;
    runner.tenant = tenant;
    this.ensureSpares(this.options.spares);
    return runner;
  }

  private launch(role: RunnerRole): Boot {
    // Opaque, not a count: a tenant sees its runners' ids, and a count would tell it how many runners others took.
    let id: string;
    do id = `r${randomBytes(4).toString("hex")}`;
    while (this.booting.has(id) || [...this.live].some((runner) => runner.id === id));
    // In the map before the boot starts: a launcher that throws at once still finds it to delete.
    const boot = { role, abort: new AbortController() } as Boot;
    this.booting.set(id, boot);
    boot.launched = this.boot(id, role, boot.abort.signal);
    boot.settled = boot.launched.catch(() => {});
    return boot;
  }

  private async boot(id: string, role: RunnerRole, signal: AbortSignal): Promise<Runner> {
    try {
      const runner = await this.options.launch(id, role, signal);
      this.failures = 0;
      if (this.closed) {
        runner.kill("the daemon shut down");
        await runner.exited;
        throw new DaemonError("SHUTTING_DOWN", "the daemon is shutting down");
      }
      this.everBooted = true;
      for (const waiter of this.readyWaiters.splice(0)) waiter.resolve();
      runner.host = this.options.host;
      this.live.add(runner);
      void runner.exited.then((reason) => {
        this.live.delete(runner);
        this.died(runner, reason);
      });
      return runner;
    } catch (error) {
      if (!this.closed && !(error instanceof DaemonError && error.code === "SHUTTING_DOWN")) {
        this.failures++;
        if (this.failures >= 3 && !this.everBooted) {
          const unavailable = new DaemonError("POOL_UNAVAILABLE", `no Python runner could be started: ${(error as Error).message}`);
          for (const waiter of this.readyWaiters.splice(0)) waiter.reject(unavailable);
        }
      }
      throw error;
    } finally {
      this.booting.delete(id);
    }
  }

  /** Boots spares until `target` are ready or booting (within --max-runners), retrying with backoff. */
  private ensureSpares(target: number): void {
    if (this.closed) return;
    const bootingSpares = [...this.booting.values()].filter((boot) => boot.role === "spare").length;
    const missing = target - this.spares.filter((r) => r.alive).length - bootingSpares;
    for (let i = 0; i < missing; i++) {
      if (this.runnerCount + this.booting.size >= this.options.maxRunners) return;
      const spare = this.launch("spare");
      const claimed = () => spare.role !== "spare";
      spare.launched.then(
        (runner) => {
          if (claimed()) return; // its taker has it
          this.spares.push(runner);
          for (const runners of this.tenants.values()) runners.queue.pump();
        },
        (error: Error) => {
          if (this.closed || claimed()) return; // the taker reports the failure
          log("error", error.message);
          const delay = this.options.timing?.spareBackoffMs?.(this.failures) ?? Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(this.failures, 6));
          setTimeout(() => this.ensureSpares(this.options.spares), delay).unref?.();
        },
      );
    }
  }

  private died(runner: Runner, reason: string): void {
    this.recycleStrikes.delete(runner);
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
    if (runner.tenant !== undefined) log("warn", `runner ${runner.id} died (${reason})`);
    // The tenant gets another runner when its work needs one; free work waiting now needs one now.
    if (runners && runners.queue.waiting > 0 && runners.shared.length + runners.pending.size === 0) {
      void this.acquireShared(runner.tenant!).catch(() => {});
    }
    this.ensureSpares(this.options.spares);
  }

  /** Kills a runner over the memory limit; recycles one that stays big while idle. */
  private checkMemory(): void {
    const { memoryLimitBytes: limit, recycleIdleBytes: idleLimit } = this.options;
    for (const runner of this.everyRunner()) {
      const rss = runner.rss();
      if (rss === undefined) continue;
      if (limit > 0 && rss > limit) {
        runner.kill(`memory limit exceeded: the runner used ${mib(rss)} MiB, the limit is ${mib(limit)} MiB`);
        continue;
      }
      const runners = runner.tenant === undefined ? undefined : this.tenants.get(runner.tenant);
      const idle = !runner.busy && (runners?.queue.waitingFor(runner) ?? 0) === 0;
      if (idleLimit > 0 && idle && rss > idleLimit) {
        const strikes = (this.recycleStrikes.get(runner) ?? 0) + 1;
        this.recycleStrikes.set(runner, strikes);
        if (strikes >= RECYCLE_CHECKS) {
          runner.kill(`recycled: it held ${mib(rss)} MiB while idle, above ${mib(idleLimit)} MiB (half of --memory-limit), and WebAssembly memory never shrinks`);
        }
      } else {
        this.recycleStrikes.delete(runner);
      }
    }
  }
}

function mib(bytes: number): number {
  return Math.round(bytes / 1048576);
}

function rejected<T>(error: Error): Submission<T> {
  return { promise: Promise.reject(error), withdraw: () => false };
}
