/** How many runners one tenant may hold at once: the first of the per-tenant bounds (the seed of admission control). */
import { DaemonError } from "../daemon-error.ts";

/**
 * The most runners one tenant may hold at once: its shared runners (up to `--workers`) and
 * one per fresh-interpreter session, those being booted or handed over included, so that no
 * tenant can take every runner `--max-runners` allows and leave none for the next. Past it a
 * request that needs one more fails with `POOL_BUSY`, naming the bound and its flag.
 */
export class TenantQuota {
  /** The bound, in runners (at least 1). */
  readonly limit: number;

  /** `limit` 0 means the default: half of `maxRunners`, at least 1. */
  constructor(limit: number, maxRunners: number) {
    this.limit = limit > 0 ? limit : Math.max(1, Math.floor(maxRunners / 2));
  }

  /** The default bound for `maxRunners`, as `woma --help` states it. */
  static defaultFor(maxRunners: number): number {
    return new TenantQuota(0, maxRunners).limit;
  }

  /** Throws `POOL_BUSY` when a tenant that holds `held` runners may not take one more. */
  admit(held: number): void {
    if (held < this.limit) return;
    throw new DaemonError(
      "POOL_BUSY",
      `this client already holds ${held} runners, the most one tenant may hold (--max-tenant-runners ${this.limit}); close a session that has a runner of its own (fresh_interpreter), or try again when one of its runs ends`,
    );
  }
}
