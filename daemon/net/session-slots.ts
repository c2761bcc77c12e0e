/** A bound on a session's requests in flight: a few run, a few more wait their turn in order, the rest are turned away. */
import { NetError } from "./net-error.ts";

interface SessionQueue {
  active: number;
  waiting: { grant: () => void }[];
}

/** Hands out request slots per session; see {@link SessionSlots.acquire}. */
export class SessionSlots {
  private readonly sessions = new Map<string, SessionQueue>();

  /**
   * @param maxActive requests of one session in flight at once.
   * @param maxWaiting requests of one session that may wait for a slot; one more is refused as `busy`.
   */
  constructor(
    readonly maxActive: number,
    readonly maxWaiting: number,
  ) {}

  /**
   * Waits for a slot of `session` and resolves to its release function (idempotent).
   * Rejects with the signal's reason when `signal` aborts while waiting, and with a
   * `busy` {@link NetError} when too many requests of the session already wait.
   */
  acquire(session: string, signal: AbortSignal): Promise<() => void> {
    signal.throwIfAborted();
    const queue = this.sessions.get(session) ?? { active: 0, waiting: [] };
    this.sessions.set(session, queue);
    if (queue.active < this.maxActive) {
      queue.active++;
      return Promise.resolve(this.releaser(session, queue));
    }
    if (queue.waiting.length >= this.maxWaiting) {
      return Promise.reject(new NetError("busy", `session ${session} has ${queue.active} requests in flight and ${queue.waiting.length} waiting, the most allowed`));
    }
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          signal.removeEventListener("abort", onAbort);
          resolve(this.releaser(session, queue));
        },
      };
      const onAbort = () => {
        const at = queue.waiting.indexOf(entry);
        if (at >= 0) queue.waiting.splice(at, 1);
        this.forgetIfIdle(session, queue);
        reject(signal.reason);
      };
      signal.addEventListener("abort", onAbort, { once: true });
      queue.waiting.push(entry);
    });
  }

  /** Requests of `session` in flight now (for tests and status). */
  active(session: string): number {
    return this.sessions.get(session)?.active ?? 0;
  }

  private releaser(session: string, queue: SessionQueue): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = queue.waiting.shift();
      // The slot passes straight to the next waiter, so `active` stays the same.
      if (next) next.grant();
      else {
        queue.active--;
        this.forgetIfIdle(session, queue);
      }
    };
  }

  private forgetIfIdle(session: string, queue: SessionQueue): void {
    if (queue.active === 0 && queue.waiting.length === 0 && this.sessions.get(session) === queue) this.sessions.delete(session);
  }
}
