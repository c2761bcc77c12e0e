/** What the runner asks the daemon on Python's behalf: one relay for every request of the runner protocol's table, each kept within the run that asked. */
import type { MessageConnection } from "vscode-jsonrpc";
import { RUNNER_REQUESTS, type RunnerRequestMethod } from "../contract/runner-protocol.ts";
import type { RunScope } from "./run-scope.ts";

/** Requests to the daemon in flight at once; the daemon's guard allows a runner 256 unanswered. */
const MAX_IN_FLIGHT = 128;

/** An answer the daemon refused, with the broker's kind of failure when it gave one. */
export type DaemonRefusal = Error & { kind?: string };

interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  /** The epoch (run-scope.ts) the request was made in. */
  epoch: number;
}

/**
 * Sends the daemon the requests Python's capabilities need (`RUNNER_REQUESTS`): a request
 * that belongs to a run carries the run's id and is refused when no run is going on; at
 * most {@link MAX_IN_FLIGHT} are in flight, the rest wait their turn and give up if their
 * run ends meanwhile. What a run asked and left unanswered is dropped when it ends: the
 * promise never settles, so nothing waiting on it (a Python callback, a stream) ever runs
 * after its run. An interrupt rejects every request of the run.
 */
export class DaemonCalls {
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 1;
  private active = 0;
  private readonly queue: Array<() => void> = [];

  constructor(
    private readonly connection: MessageConnection,
    private readonly scope: RunScope,
    private readonly runId: () => string | undefined,
    /** Called before a request of a run is sent: what the run printed before asking goes first. */
    private readonly beforeAsk: () => void,
  ) {
    scope.onEnd((ended) => {
      for (const [id, call] of this.waiting) if (call.epoch === ended) this.waiting.delete(id);
    });
  }

  /** Asks the daemon; resolves with its answer, rejects with a {@link DaemonRefusal}. */
  ask(method: RunnerRequestMethod, params: Record<string, unknown>): Promise<unknown> {
    const during = RUNNER_REQUESTS[method];
    const runId = this.runId();
    if (during === "run" && runId === undefined) return Promise.reject(new Error("no run is going on"));
    const id = this.nextId++;
    const epoch = this.scope.current;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, epoch });
      this.whenFree(() => {
        if (!this.waiting.has(id)) return this.done();
        if (during === "run" && this.runId() !== runId) {
          this.settle(id, undefined, new Error("the run has ended"));
          return this.done();
        }
        if (during === "run") this.beforeAsk();
        this.connection.sendRequest(method, during === "run" ? { ...params, runId } : params).then(
          (result) => this.settle(id, result),
          (error: unknown) => {
            const kind = (error as { data?: { kind?: unknown } }).data?.kind;
            const refusal: DaemonRefusal = new Error(error instanceof Error ? error.message : String(error));
            if (typeof kind === "string") refusal.kind = kind;
            this.settle(id, undefined, refusal);
          },
        ).finally(() => this.done());
      });
    });
  }

  /** The run was interrupted: every request still waiting rejects (a package download, a body read), and the late answers are dropped. */
  interruptAll(): void {
    for (const call of this.waiting.values()) call.reject(new Error("the run was interrupted"));
    this.waiting.clear();
  }

  private settle(id: number, result: unknown, error?: Error): void {
    const call = this.waiting.get(id);
    if (!call) return;
    this.waiting.delete(id);
    if (error) call.reject(error);
    else call.resolve(result);
  }

  private whenFree(task: () => void): void {
    if (this.active < MAX_IN_FLIGHT) {
      this.active++;
      task();
    } else this.queue.push(() => {
      this.active++;
      task();
    });
  }

  private done(): void {
    this.active--;
    this.queue.shift()?.();
  }
}
