/** Draining an HTTP server before it stops: what is in flight is counted and may finish, what is new is refused, and what is still running when time is up is ended with an answer. */

/** Seconds a client refused by a draining instance is told to wait before it sends again (`Retry-After`): by then a balancer has sent it elsewhere. */
export const DRAIN_RETRY_AFTER_SECONDS = 1;

/** The sentence a refused request gets while the instance drains; `what` is what was refused ("runs", "MCP sessions"). */
export function drainingMessage(what: string): string {
  return `this instance is draining (it is shutting down) and takes no new ${what}; send the request again and another instance will take it`;
}

/** The headers of an answer refused because the instance drains: when to try again, and that this connection will not be kept. */
export function drainingHeaders(): Record<string, string> {
  return { "Retry-After": String(DRAIN_RETRY_AFTER_SECONDS), Connection: "close" };
}

/**
 * The drain of one server. While serving, it only counts the work in flight. After
 * {@link begin}, the server refuses new work (it asks {@link draining}) and the process
 * waits for {@link idle}. When time runs out, {@link interrupt} ends what still runs: each
 * piece of work started with {@link run} is answered at once with its `stopped` answer,
 * and its signal aborts so the work itself stops too.
 */
export class Drain {
  private held = 0;
  private waiters: Array<() => void> = [];
  private state: "serving" | "draining" = "serving";
  private readonly stop = new AbortController();

  /** True once the drain has begun: new work is refused. */
  get draining(): boolean {
    return this.state === "draining";
  }

  /** Pieces of work in flight now. */
  get inFlight(): number {
    return this.held;
  }

  /** Aborted when what is in flight must end now; its reason is the sentence to tell clients. */
  get interrupted(): AbortSignal {
    return this.stop.signal;
  }

  /** Starts draining: from now on {@link draining} is true. */
  begin(): void {
    this.state = "draining";
  }

  /** Ends everything in flight now, telling its clients `reason`. */
  interrupt(reason: string): void {
    this.begin();
    if (!this.stop.signal.aborted) this.stop.abort(reason);
  }

  /** Counts one piece of work as in flight until the returned function is called (calling it again does nothing). */
  hold(): () => void {
    this.held++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.held--;
      if (this.held === 0) for (const wake of this.waiters.splice(0)) wake();
    };
  }

  /**
   * Runs `work`, counted as in flight. If {@link interrupt} comes first, resolves at once
   * with `stopped(reason)` (the work's signal aborts, and what it resolves with later is
   * dropped); otherwise with what the work resolves with.
   */
  async run<T>(work: (signal: AbortSignal) => Promise<T>, stopped: (reason: string) => T): Promise<T> {
    const release = this.hold();
    try {
      return await this.interruptible(work, stopped);
    } finally {
      release();
    }
  }

  /**
   * Like {@link run}, without counting the work as in flight: for work inside a request the
   * server already counts (an MCP tool call inside the POST that carries it).
   */
  async interruptible<T>(work: (signal: AbortSignal) => Promise<T>, stopped: (reason: string) => T): Promise<T> {
    const signal = this.stop.signal;
    if (signal.aborted) return stopped(String(signal.reason));
    let onAbort: (() => void) | undefined;
    const interrupted = new Promise<T>((resolve) => {
      onAbort = () => resolve(stopped(String(signal.reason)));
      signal.addEventListener("abort", onAbort, { once: true });
    });
    try {
      return await Promise.race([work(signal), interrupted]);
    } finally {
      if (onAbort) signal.removeEventListener("abort", onAbort);
    }
  }

  /**
   * The answer, counted as in flight until its body has been read to the end (or the client
   * has gone): an answer that streams (an MCP call's SSE stream) holds the drain until its
   * last event is out.
   */
  holdUntilSent(response: Response): Response {
    const release = this.hold();
    const body = response.body;
    if (body === null) {
      release();
      return response;
    }
    const reader = body.getReader();
    const counted = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            controller.close();
            release();
          } else controller.enqueue(value);
        } catch (error) {
          release();
          controller.error(error);
        }
      },
      cancel(reason) {
        release();
        return reader.cancel(reason);
      },
    });
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  }

  /** Resolves when nothing is in flight (at once when nothing is). */
  idle(): Promise<void> {
    if (this.held === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}
