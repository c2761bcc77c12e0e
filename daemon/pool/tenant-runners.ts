/** The runners of one tenant, the work waiting for them, and what the tenant has cost the pool. */
import { JobQueue } from "./job-queue.ts";
import type { Runner } from "./runner.ts";

/**
 * One tenant's share of the pool: up to `--workers` shared runners for its sessions and
 * one-off runs, one runner per fresh-interpreter session, the runners being acquired for
 * it, and the queue of its work. A runner here runs this tenant's code only, until it dies.
 */
export class TenantRunners {
  /** Runners for sessions and one-off runs, at most `workers`. */
  readonly shared: Runner[] = [];
  /** Runners of fresh-interpreter sessions, one each. */
  readonly dedicated = new Set<Runner>();
  readonly queue: JobQueue<Runner>;
  /** Shared runners being acquired (a spare, a boot, or a wait for either). */
  readonly pending = new Set<Promise<Runner>>();
  /** Dedicated runners being acquired. */
  takingDedicated = 0;
  /** Milliseconds its runners (those it took from the spares included) spent booting. */
  bootMs = 0;
  /** Set when its runners are to be released once it is quiet (it closed its last session): why. */
  releasing: string | undefined;

  /** `hooks`: called as a job of its queue starts on a runner, and each time one has ended. */
  constructor(
    readonly id: string,
    hooks: { onJobStart?: (runner: Runner) => void; onJobEnd?: (runner: Runner) => void } = {},
  ) {
    this.queue = new JobQueue(
      (runner) => runner.alive,
      () => [...this.shared].sort((a, b) => this.queue.waitingFor(a) - this.queue.waitingFor(b) || a.sessions.size - b.sessions.size),
      hooks,
    );
  }

  /** Every runner it holds now. */
  all(): Runner[] {
    return [...this.shared, ...this.dedicated];
  }

  /** Runners it holds or is acquiring, for its quota. */
  get held(): number {
    return this.shared.length + this.dedicated.size + this.pending.size + this.takingDedicated;
  }

  /** Its live shared runners. */
  aliveShared(): Runner[] {
    return this.shared.filter((runner) => runner.alive);
  }

  /** True when one of its shared runners could start work now. */
  hasIdleShared(): boolean {
    return this.shared.some((r) => r.alive && !this.queue.isBusy(r) && this.queue.waitingFor(r) === 0);
  }

  /** True when nothing of its runs or waits: no runner busy, nothing queued, nothing being acquired. */
  get quiet(): boolean {
    return this.queue.waiting === 0 && this.pending.size === 0 && this.takingDedicated === 0 && this.all().every((runner) => !runner.busy && !this.queue.isBusy(runner));
  }
}
