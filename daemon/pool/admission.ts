/** The admission queue: requests for a runner that the pool cannot give at once wait here, fairly across tenants, up to a deadline. */
import type { PoolBusyData } from "../../protocol/generated/types.ts";
import { DaemonError } from "../daemon-error.ts";

/** The default of `--admission-timeout`, in ms: a few boots' time. */
export const DEFAULT_ADMISSION_TIMEOUT_MS = 5000;
/** The default of `--admission-queue`. */
export const DEFAULT_ADMISSION_QUEUE = 256;

/** The bounds of the queue. */
export interface AdmissionOptions {
  /** Most requests waiting at once, across all tenants (`--admission-queue`); one more is refused at once. */
  maxWaiting: number;
  /** Longest a request waits, in ms (`--admission-timeout`); 0 refuses at once what cannot be served. */
  timeoutMs: number;
}

/** What keeps requests waiting, as a refusal names it. */
export interface Bound {
  /** The flag that sets it, as `--max-runners`. */
  flag: string;
  /** Its value. */
  limit: number;
  /** What the bound means now, as the start of a sentence: `all 16 runners are held by clients`. */
  state: string;
  /** When a retry may succeed, in ms from now. */
  retryAfterMs: number;
}

/** Counts of what the queue did, for the operator view. */
export interface AdmissionCounters {
  /** Requests served after waiting. */
  admitted: number;
  /** Requests refused at their deadline. */
  timedOut: number;
  /** Requests refused at once because the queue was full. */
  refused: number;
  /** Requests dropped because their tenant left (or the daemon stopped). */
  dropped: number;
}

interface Waiter<T> {
  readonly tenant: string;
  readonly seq: number;
  readonly since: number;
  /** Tries to take what the request needs now; undefined when nothing is there. */
  readonly serve: () => T | undefined;
  readonly resolve: (grant: T) => void;
  readonly reject: (error: Error) => void;
  timer: ReturnType<typeof setTimeout> | undefined;
}

/**
 * Holds requests for a runner (a first runner of a tenant, a fresh interpreter) while the
 * pool has none to give: every runner slot is held (`--max-runners`) or every boot slot is
 * busy (`--max-booting`). When the pool may have one again it calls {@link pump}, and the
 * waiters are served in fair order: the tenant holding the fewest runners first, then the
 * oldest request, so one tenant's burst cannot starve another tenant's first run. A request
 * still waiting at its deadline fails with `POOL_BUSY` naming the bound that held it and when
 * to retry; past `maxWaiting` waiters a request fails at once, naming `--admission-queue`.
 */
export class Admission<T> {
  private readonly waiters: Waiter<T>[] = [];
  private seq = 0;
  /** What the queue did since the daemon started. */
  readonly counters: AdmissionCounters = { admitted: 0, timedOut: 0, refused: 0, dropped: 0 };

  constructor(
    private readonly options: AdmissionOptions,
    /** Runners a tenant holds or is acquiring: fewer goes first. */
    private readonly rank: (tenant: string) => number,
    /** The bound holding the queue now, for a request with `ahead` requests to be served before it. */
    private readonly bound: (ahead: number) => Bound,
  ) {}

  /** Requests waiting, of every tenant or of one. */
  waiting(tenant?: string): number {
    return tenant === undefined ? this.waiters.length : this.waiters.filter((w) => w.tenant === tenant).length;
  }

  /** The longest any request has waited so far, in ms. */
  oldestWaitMs(now = performance.now()): number {
    return this.waiters.reduce((longest, w) => Math.max(longest, now - w.since), 0);
  }

  /**
   * Serves a request of `tenant` now when nobody waits ahead of it and `serve` gives
   * something; otherwise queues it. Resolves with what `serve` gave once its turn came;
   * rejects with `POOL_BUSY` at the deadline or when the queue is full.
   */
  admit(tenant: string, serve: () => T | undefined): Promise<T> {
    if (this.waiters.length === 0) {
      const now = serve();
      if (now !== undefined) return Promise.resolve(now);
    }
    if (this.options.timeoutMs === 0) return Promise.reject(this.busy(0, this.waiters.length));
    if (this.waiters.length >= this.options.maxWaiting) {
      this.counters.refused++;
      const bound = this.bound(this.waiters.length);
      return Promise.reject(
        busyError(
          `${bound.state} (${bound.flag} ${bound.limit}) and ${this.waiters.length} requests already wait for one, the most that may (--admission-queue ${this.options.maxWaiting}); retry in ${seconds(bound.retryAfterMs)}`,
          { bound: "--admission-queue", limit: this.options.maxWaiting, waited_ms: 0, retry_after_ms: bound.retryAfterMs },
        ),
      );
    }
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter<T> = { tenant, seq: ++this.seq, since: performance.now(), serve, resolve, reject, timer: undefined };
      waiter.timer = setTimeout(() => {
        if (!this.remove(waiter)) return;
        this.counters.timedOut++;
        // It was among the first in line (it waited longest): a retry soon is served soon.
        reject(this.busy(performance.now() - waiter.since, this.waiters.filter((w) => w.seq < waiter.seq).length));
      }, this.options.timeoutMs);
      waiter.timer.unref?.();
      this.waiters.push(waiter);
    });
  }

  /** Serves waiters in fair order for as long as the pool gives them something. */
  pump(): void {
    while (this.waiters.length > 0) {
      const next = this.next();
      const grant = next.serve();
      if (grant === undefined) return;
      this.remove(next);
      this.counters.admitted++;
      next.resolve(grant);
    }
  }

  /** Drops every request of a tenant (it left), rejecting each with `error`; returns how many there were. */
  drop(tenant: string, error: Error): number {
    const gone = this.waiters.filter((w) => w.tenant === tenant);
    for (const waiter of gone) {
      this.remove(waiter);
      this.counters.dropped++;
      waiter.reject(error);
    }
    return gone.length;
  }

  /** Drops every request (the daemon stops). */
  abandonAll(error: Error): void {
    for (const waiter of [...this.waiters]) {
      this.remove(waiter);
      this.counters.dropped++;
      waiter.reject(error);
    }
  }

  /** The waiter to serve first: of the tenant holding the fewest runners, then the oldest. */
  private next(): Waiter<T> {
    let best = this.waiters[0]!;
    let bestRank = this.rank(best.tenant);
    for (const waiter of this.waiters) {
      const rank = waiter === best ? bestRank : this.rank(waiter.tenant);
      if (rank < bestRank || (rank === bestRank && waiter.seq < best.seq)) {
        best = waiter;
        bestRank = rank;
      }
    }
    return best;
  }

  private remove(waiter: Waiter<T>): boolean {
    const at = this.waiters.indexOf(waiter);
    if (at < 0) return false;
    this.waiters.splice(at, 1);
    clearTimeout(waiter.timer);
    return true;
  }

  /** The refusal of a request that waited `waitedMs` and got nothing, with `ahead` requests before it. */
  private busy(waitedMs: number, ahead: number): DaemonError {
    const bound = this.bound(ahead);
    const waited = waitedMs > 0 ? `; this request waited ${seconds(waitedMs)} for one (--admission-timeout ${seconds(this.options.timeoutMs)})` : "";
    return busyError(`${bound.state} (${bound.flag} ${bound.limit})${waited}; retry in ${seconds(bound.retryAfterMs)}`, {
      bound: bound.flag,
      limit: bound.limit,
      waited_ms: Math.round(waitedMs),
      retry_after_ms: bound.retryAfterMs,
    });
  }
}

/** A `POOL_BUSY` refusal with the data that says which bound and when to retry. */
export function busyError(message: string, data: PoolBusyData): DaemonError {
  return new DaemonError("POOL_BUSY", message, data);
}

/** A duration for a message: `1.5 s`, `12 s`. */
function seconds(ms: number): string {
  const s = ms / 1000;
  return `${s < 10 ? Math.round(s * 10) / 10 : Math.round(s)} s`;
}
