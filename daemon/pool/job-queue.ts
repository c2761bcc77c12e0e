/** Bookkeeping of queued work: per-runner queues for pinned work, one shared queue for work any runner may take. */

/** A unit of work waiting for a runner. `R` is the runner type, kept generic so tests can use a fake one. */
export interface Job<R> {
  /** Runs on the runner the queue picked; the queue marks the runner busy until it settles. */
  start(runner: R): Promise<void>;
  /** Rejects the job without running it (cancelled, runner lost, pool shutting down). */
  abandon(error: Error): void;
}

/**
 * Holds jobs until a runner is free. Pinned jobs (a session's runs) wait for their own
 * runner; free jobs go to whichever runner is idle first, so work lands on the least busy
 * runner rather than a random one. The total waiting is bounded.
 */
export class JobQueue<R> {
  private readonly pinned = new Map<R, Job<R>[]>();
  private readonly free: Job<R>[] = [];
  private readonly busy = new Set<R>();

  /**
   * @param isReady whether a runner can take work now (booted and alive)
   * @param candidates the runners that may take free jobs, least preferred last
   * @param hooks `onJobStart` is called as a job starts on a runner; `onJobEnd` after each job has ended and the queue has started what it could
   */
  constructor(
    private readonly isReady: (runner: R) => boolean,
    private readonly candidates: () => readonly R[],
    private readonly hooks: { onJobStart?: (runner: R) => void; onJobEnd?: (runner: R) => void } = {},
  ) {}

  /** Jobs waiting, in all queues. */
  get waiting(): number {
    let count = this.free.length;
    for (const jobs of this.pinned.values()) count += jobs.length;
    return count;
  }

  /** Jobs waiting for `runner` in particular. */
  waitingFor(runner: R): number {
    return this.pinned.get(runner)?.length ?? 0;
  }

  isBusy(runner: R): boolean {
    return this.busy.has(runner);
  }

  /** Queues a job for one runner, or (`undefined`) for any candidate runner, and starts what can start. */
  enqueue(job: Job<R>, runner: R | undefined): void {
    if (runner === undefined) this.free.push(job);
    else {
      const jobs = this.pinned.get(runner) ?? [];
      jobs.push(job);
      this.pinned.set(runner, jobs);
    }
    this.pump();
  }

  /** Removes a job that has not started; false when it already has (or was never queued). */
  remove(job: Job<R>): boolean {
    const index = this.free.indexOf(job);
    if (index >= 0) {
      this.free.splice(index, 1);
      return true;
    }
    for (const jobs of this.pinned.values()) {
      const at = jobs.indexOf(job);
      if (at >= 0) {
        jobs.splice(at, 1);
        return true;
      }
    }
    return false;
  }

  /** Abandons every job pinned to a runner that is gone; returns how many there were. */
  dropRunner(runner: R, error: Error): number {
    const jobs = this.pinned.get(runner) ?? [];
    this.pinned.delete(runner);
    this.busy.delete(runner);
    for (const job of jobs) job.abandon(error);
    return jobs.length;
  }

  /** Abandons the jobs any runner could take (no runner can be had for them); returns how many there were. */
  abandonFree(error: Error): number {
    const jobs = this.free.splice(0);
    for (const job of jobs) job.abandon(error);
    return jobs.length;
  }

  /** Abandons every waiting job (shutdown). */
  abandonAll(error: Error): void {
    for (const job of this.free.splice(0)) job.abandon(error);
    for (const runner of [...this.pinned.keys()]) this.dropRunner(runner, error);
  }

  /** Starts waiting jobs on idle runners: each runner's own jobs first, then shared work. */
  pump(): void {
    for (const [runner, jobs] of this.pinned) {
      if (jobs.length > 0 && !this.busy.has(runner) && this.isReady(runner)) this.startOn(runner, jobs.shift()!);
    }
    for (const runner of this.candidates()) {
      if (this.free.length === 0) break;
      if (this.busy.has(runner) || !this.isReady(runner) || this.waitingFor(runner) > 0) continue;
      this.startOn(runner, this.free.shift()!);
    }
  }

  private startOn(runner: R, job: Job<R>): void {
    this.busy.add(runner);
    this.hooks.onJobStart?.(runner);
    const release = () => {
      this.busy.delete(runner);
      this.pump();
      this.hooks.onJobEnd?.(runner);
    };
    // A job reports its own outcome to its caller; the queue only needs to know it ended.
    job.start(runner).then(release, release);
  }
}
