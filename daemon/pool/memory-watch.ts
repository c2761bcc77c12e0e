/** Keeps runners within their memory: kills one over the limit, recycles one that stays big while idle. */
import type { Runner } from "./runner.ts";

/** A runner must be seen above the recycle threshold this many checks in a row, idle each time. */
const RECYCLE_CHECKS = 3;

/**
 * Looks at every runner's resident memory each time {@link check} is called (the pool does
 * every half second). A runner above `limitBytes` is killed at once; one that stays above
 * `recycleIdleBytes` while idle for three checks in a row is killed too ("recycled"), since
 * WebAssembly memory never shrinks. Either number 0 turns its rule off. The kill reason says
 * which rule and the sizes; the pool reports the death as any other.
 */
export class MemoryWatch {
  private readonly strikes = new Map<Runner, number>();

  constructor(
    private readonly limitBytes: number,
    private readonly recycleIdleBytes: number,
  ) {}

  /** Checks each runner; `idle` says whether a runner has nothing running or queued. */
  check(runners: readonly Runner[], idle: (runner: Runner) => boolean): void {
    const { limitBytes: limit, recycleIdleBytes: idleLimit } = this;
    if (limit <= 0 && idleLimit <= 0) return;
    for (const runner of runners) {
      const rss = runner.rss();
      if (rss === undefined) continue;
      if (limit > 0 && rss > limit) {
        runner.kill(`memory limit exceeded: the runner used ${mib(rss)} MiB, the limit is ${mib(limit)} MiB`);
        continue;
      }
      if (idleLimit > 0 && idle(runner) && rss > idleLimit) {
        const strikes = (this.strikes.get(runner) ?? 0) + 1;
        this.strikes.set(runner, strikes);
        if (strikes >= RECYCLE_CHECKS) {
          runner.kill(`recycled: it held ${mib(rss)} MiB while idle, above ${mib(idleLimit)} MiB (half of --memory-limit), and WebAssembly memory never shrinks`);
        }
      } else {
        this.strikes.delete(runner);
      }
    }
  }

  /** A runner is gone: its strikes are forgotten. */
  forget(runner: Runner): void {
    this.strikes.delete(runner);
  }
}

function mib(bytes: number): number {
  return Math.round(bytes / 1048576);
}
