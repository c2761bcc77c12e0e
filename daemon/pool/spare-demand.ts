/** How many spare runners to keep ready: enough for the tenants arriving, measured over the last minute, within `--spares`. */

/** The window arrivals are counted over, in ms. */
export const ARRIVAL_WINDOW_MS = 60_000;
/** Boots remembered for the average boot time. */
const BOOT_SAMPLES = 16;
/** The boot time assumed before any runner has booted, in ms. */
const DEFAULT_BOOT_MS = 1000;

/**
 * Keeps the times new tenants arrived (their first request for a runner) over the last
 * minute and how long recent boots took, and from them the number of spares that absorbs
 * the arrivals: a spare taken is replaced by a boot, so while runners boot, arrivals keep
 * coming at the measured rate (Little's law: rate times boot time). The target is at
 * least one when `max` allows any (an idle daemon keeps one for the next tenant's first
 * run) and at most `max` (`--spares`, itself within `--max-runners`).
 */
export class SpareDemand {
  private readonly arrivals: number[] = [];
  private readonly boots: number[] = [];

  constructor(
    /** The most spares to keep (`--spares`). */
    private readonly max: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** A new tenant asked for its first runner. */
  arrived(): void {
    this.arrivals.push(this.now());
    this.forget();
  }

  /** A boot took this long, in ms. */
  booted(ms: number): void {
    this.boots.push(ms);
    if (this.boots.length > BOOT_SAMPLES) this.boots.shift();
  }

  /** The mean of the recent boots, in ms. */
  get bootMs(): number {
    return this.boots.length === 0 ? DEFAULT_BOOT_MS : this.boots.reduce((a, b) => a + b, 0) / this.boots.length;
  }

  /** New tenants in the last minute. */
  get arrivalsPerMinute(): number {
    this.forget();
    return this.arrivals.length;
  }

  /** Spares to keep ready now. */
  target(): number {
    if (this.max <= 0) return 0;
    const needed = Math.ceil((this.arrivalsPerMinute / ARRIVAL_WINDOW_MS) * this.bootMs);
    return Math.min(this.max, Math.max(1, needed));
  }

  private forget(): void {
    const horizon = this.now() - ARRIVAL_WINDOW_MS;
    let old = 0;
    while (old < this.arrivals.length && this.arrivals[old]! < horizon) old++;
    if (old > 0) this.arrivals.splice(0, old);
  }
}
