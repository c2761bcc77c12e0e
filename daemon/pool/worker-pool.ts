/** The runner pool: N shared runners working in parallel, a warm spare, dedicated runners, replacement of the dead. */
import type { RunnerInfo } from "../../protocol/generated/types.ts";
import { DaemonError } from "../daemon-error.ts";
import { log } from "../log.ts";
import { JobQueue, type Job } from "./job-queue.ts";
import type { LaunchRunner } from "./runner-launcher.ts";
import type { Runner, RunnerRole } from "./runner.ts";

/** Settings of the pool. */
export interface PoolOptions {
  /** Shared runners serving in parallel; 0 means one shared runner and no spare (the leanest setup). */
  workers: number;
  /** Most jobs that may wait at once; more get `POOL_BUSY`. */
  maxQueue: number;
  /** A runner whose process tree holds more resident memory is killed; 0 for no limit. */
  memoryLimitBytes: number;
  launch: LaunchRunner;
}

/** A submitted job: its outcome, and a way to take it back while it waits. */
export interface Submission<T> {
  promise: Promise<T>;
  /** Removes the job if it has not started; returns false when it already has. */
  withdraw(error: Error): boolean;
}

const MEMORY_CHECK_MS = 500;
const MAX_BACKOFF_MS = 10_000;

/**
 * Owns every runner process. Shared runners take sessions and one-off runs; the spare is
 * booted ahead so a fresh interpreter is handed out at once; dedicated runners each hold
 * one fresh-interpreter session. Any runner that dies is reported through `onRunnerDied`
 * and replaced, so the pool refills to its size.
 */
export class WorkerPool {
  private readonly shared: Runner[] = [];
  private spare: Runner | undefined;
  private readonly dedicated = new Set<Runner>();
  private readonly booting = new Map<string, RunnerRole>();
  private readonly queue: JobQueue<Runner>;
  private readonly readyWaiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  private nextId = 1;
  private failures = 0;
  private closed = false;
  private memoryTimer: ReturnType<typeof setInterval> | undefined;
  /** Called when a runner dies, with the reason, before it is replaced. */
  onRunnerDied: (runner: Runner, reason: string) => void = () => {};

  constructor(private readonly options: PoolOptions) {
    this.queue = new JobQueue(
      (runner) => runner.alive,
      () => [...this.shared].sort((a, b) => this.queue.waitingFor(a) - this.queue.waitingFor(b) || a.sessions.size - b.sessions.size),
    );
  }

  /** Number of shared runners kept. */
  get size(): number {
    return Math.max(1, this.options.workers);
  }

  private get wantsSpare(): boolean {
    return this.options.workers >= 1;
  }

  /** Boots the shared runners in the background; the spare follows once they are up. */
  start(): void {
    for (let i = 0; i < this.size; i++) this.boot("shared");
    if (this.options.memoryLimitBytes > 0) {
      this.memoryTimer = setInterval(() => this.enforceMemoryLimit(), MEMORY_CHECK_MS);
      this.memoryTimer.unref?.();
    }
  }

  /** Resolves once a shared runner is ready; rejects with `POOL_UNAVAILABLE` if none can start. */
  whenReady(): Promise<void> {
    if (this.shared.some((runner) => runner.alive)) return Promise.resolve();
    if (this.closed) return Promise.reject(new DaemonError("SHUTTING_DOWN", "the daemon is shutting down"));
    return new Promise((resolve, reject) => this.readyWaiters.push({ resolve, reject }));
  }

  /** False once three boots in a row have failed with no shared runner up; true otherwise. */
  get healthy(): boolean {
    return this.failures < 3 || this.shared.length > 0;
  }

  /** Runs waiting in all queues. */
  get waiting(): number {
    return this.queue.waiting;
  }

  /**
   * Queues work for a given runner (a session's) or, with `undefined`, for whichever
   * shared runner is free first. Past the queue limit it fails at once with `POOL_BUSY`.
   */
  submit<T>(runner: Runner | undefined, work: (runner: Runner) => Promise<T>): Submission<T> {
    if (this.closed) return rejected(new DaemonError("SHUTTING_DOWN", "the daemon is shutting down and takes no new work"));
    const idleNow = runner ? !this.queue.isBusy(runner) && this.queue.waitingFor(runner) === 0 : this.shared.some((r) => r.alive && !this.queue.isBusy(r) && this.queue.waitingFor(r) === 0);
    if (!idleNow && this.queue.waiting >= this.options.maxQueue) {
      return rejected(new DaemonError("POOL_BUSY", `pool busy: ${this.queue.waiting} runs are already waiting (limit ${this.options.maxQueue}); try again later`));
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
    this.queue.enqueue(job, runner);
    return { promise, withdraw: (error) => (this.queue.remove(job) ? (reject(error), true) : false) };
  }

  /** The shared runner that should hold a new session: the one with the fewest sessions and least work. */
  async runnerForSession(): Promise<Runner> {
    await this.whenReady();
    const alive = this.shared.filter((runner) => runner.alive);
    alive.sort((a, b) => a.sessions.size - b.sessions.size || Number(this.queue.isBusy(a)) - Number(this.queue.isBusy(b)) || this.queue.waitingFor(a) - this.queue.waitingFor(b));
    return alive[0]!;
  }

  /** A runner of its own for a fresh-interpreter session: the warm spare when there is one, else a new boot. */
  async takeDedicated(): Promise<Runner> {
    if (this.closed) throw new DaemonError("SHUTTING_DOWN", "the daemon is shutting down");
    let runner = this.spare?.alive ? this.spare : undefined;
    if (runner) {
      this.spare = undefined;
      this.ensureSpare();
    } else {
      runner = await this.launch("dedicated");
    }
    runner.role = "dedicated";
    this.dedicated.add(runner);
    return runner;
  }

  /** Stops a dedicated runner whose session has closed. */
  releaseDedicated(runner: Runner): void {
    if (!this.dedicated.delete(runner)) return;
    runner.kill("its session was closed");
  }

  /** Kills a runner (timeout past the interrupt, memory); its death is then handled like any other. */
  kill(runner: Runner, reason: string): void {
    runner.kill(reason);
  }

  /** Python's REPL rule for a complete snippet, asked of the least busy shared runner. */
  async check(code: string): Promise<"complete" | "incomplete" | "invalid"> {
    const runner = await this.runnerForSession();
    return (await runner.check(code)).status;
  }

  /** Every runner, for `daemon/info`. */
  info(): RunnerInfo[] {
    const all: RunnerInfo[] = [];
    const describe = (runner: Runner): RunnerInfo => {
      const info: RunnerInfo = {
        runner_id: runner.id,
        pid: runner.pid,
        state: !runner.alive ? "dead" : runner.busy ? "busy" : "idle",
        role: runner.role,
        sessions: runner.sessions.size,
        queued: this.queue.waitingFor(runner),
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
    for (const runner of this.shared) all.push(describe(runner));
    if (this.spare) all.push(describe(this.spare));
    for (const runner of this.dedicated) all.push(describe(runner));
    for (const [id, role] of this.booting) all.push({ runner_id: id, pid: -1, state: "booting", role, sessions: 0, queued: 0, runs: 0 });
    return all;
  }

  /** Any live runner's boot facts (Python version), once one has booted. */
  anyBootResult(): Runner["bootResult"] {
    return [...this.shared, ...this.dedicated, ...(this.spare ? [this.spare] : [])].find((r) => r.bootResult)?.bootResult;
  }

  /** Stops taking work, abandons what waits and kills every runner. */
  async shutdown(): Promise<void> {
    this.closed = true;
    clearInterval(this.memoryTimer);
    const error = new DaemonError("SHUTTING_DOWN", "the daemon is shutting down");
    this.queue.abandonAll(error);
    for (const waiter of this.readyWaiters.splice(0)) waiter.reject(error);
    const all = [...this.shared, ...this.dedicated, ...(this.spare ? [this.spare] : [])];
    for (const runner of all) runner.kill("the daemon shut down");
    await Promise.all(all.map((runner) => runner.exited));
  }

  private async launch(role: RunnerRole): Promise<Runner> {
    const id = `r${this.nextId++}`;
    this.booting.set(id, role);
    try {
      const runner = await this.options.launch(id, role);
      this.failures = 0;
      if (this.closed) {
        runner.kill("the daemon shut down");
        throw new DaemonError("SHUTTING_DOWN", "the daemon is shutting down");
      }
      void runner.exited.then((reason) => this.died(runner, reason));
      return runner;
    } finally {
      this.booting.delete(id);
    }
  }

  /** Boots a runner for a role in the background, retrying with backoff when it fails. */
  private boot(role: "shared" | "spare"): void {
    if (this.closed) return;
    this.launch(role).then(
      (runner) => this.place(runner, role),
      (error: Error) => {
        if (this.closed) return;
        this.failures++;
        log("error", error.message);
        if (role === "shared" && !this.shared.some((r) => r.alive) && this.failures >= 3) {
          const unavailable = new DaemonError("POOL_UNAVAILABLE", `no Python runner could be started: ${error.message}`);
          for (const waiter of this.readyWaiters.splice(0)) waiter.reject(unavailable);
          this.queue.abandonAll(unavailable);
        }
        const delay = Math.min(MAX_BACKOFF_MS, 250 * 2 ** Math.min(this.failures, 6));
        setTimeout(() => this.boot(role), delay).unref?.();
      },
    );
  }

  /**
   * Boots a spare when one is wanted and missing. Booting is CPU-bound, so the spare
   * waits until every shared runner is up rather than slow down the ones first runs need.
   */
  private ensureSpare(): void {
    if (!this.wantsSpare || this.closed || this.spare?.alive) return;
    if ([...this.booting.values()].includes("spare")) return;
    if (this.shared.filter((r) => r.alive).length < this.size) return;
    this.boot("spare");
  }

  private place(runner: Runner, role: "shared" | "spare"): void {
    if (role === "spare" && !this.spare) {
      this.spare = runner;
    } else if (this.shared.length < this.size) {
      runner.role = "shared";
      this.shared.push(runner);
      for (const waiter of this.readyWaiters.splice(0)) waiter.resolve();
    } else {
      runner.kill("not needed");
      return;
    }
    this.queue.pump();
    this.ensureSpare();
  }

  private died(runner: Runner, reason: string): void {
    const wasShared = this.shared.includes(runner);
    if (wasShared) this.shared.splice(this.shared.indexOf(runner), 1);
    const wasSpare = this.spare === runner;
    if (wasSpare) this.spare = undefined;
    this.dedicated.delete(runner);
    this.queue.dropRunner(runner, new DaemonError("SESSION_LOST", `runner ${runner.id} died: ${reason}`));
    if (this.closed) return;
    this.onRunnerDied(runner, reason);
    if (wasShared) {
      log("warn", `runner ${runner.id} died (${reason}); replacing it`);
      const spare = this.spare?.alive ? this.spare : undefined;
      if (spare) {
        // The warm spare steps in at once; a new spare boots behind it.
        this.spare = undefined;
        this.place(spare, "shared");
      } else {
        this.boot("shared");
      }
    } else if (wasSpare) {
      this.ensureSpare();
    }
  }

  private enforceMemoryLimit(): void {
    const limit = this.options.memoryLimitBytes;
    for (const runner of [...this.shared, ...this.dedicated]) {
      const rss = runner.rss();
      if (rss !== undefined && rss > limit) {
        runner.kill(`memory limit exceeded: the runner used ${mib(rss)} MiB, the limit is ${mib(limit)} MiB`);
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
