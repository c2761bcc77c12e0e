/** After a client's end of input, learns whether it is still there to read its answers, so a client that left does not hold a runner. */
import type { Message, MessageWriter } from "vscode-jsonrpc";
import { OutputNotificationType } from "../../protocol/methods.ts";

/** How often a client that has half-closed is probed while its runs are going, in ms. */
export const PROBE_INTERVAL_MS = 1000;

/**
 * End of input is ambiguous: a client that half-closed (shut down its writing side) still
 * reads its answers, while one that closed its socket or died is gone, and a Unix socket
 * or a pipe reports both as the same end of file. Writing tells them apart: to a peer that
 * is gone the write fails at once (EPIPE). So once the input has ended, and while runs are
 * in flight, this writes an empty `python/output` for each run, at once and then every
 * {@link PROBE_INTERVAL_MS}. An empty chunk changes nothing for a client that is still
 * reading; a failed write calls `onGone`, and the caller cancels the runs.
 */
export class PresenceProbe {
  private readonly runs = new Map<string, string | null>();
  private timer: ReturnType<typeof setInterval> | undefined;
  private gone = false;
  /** The input has ended: a run that starts from now on is probed at once. */
  private ended = false;

  constructor(
    private readonly writer: MessageWriter,
    private readonly onGone: (why: string) => void,
  ) {}

  /** A run of this connection started (its id and session), or ended. */
  track(runId: string, sessionId: string | null): () => void {
    this.runs.set(runId, sessionId);
    // A request read just before the end of input is handled after it (JSON-RPC dispatches
    // later): its run is probed as it starts, or a client that sent it and left would hold it.
    if (this.ended) this.start();
    return () => {
      this.runs.delete(runId);
      if (this.runs.size === 0) this.stop();
    };
  }

  /** The input has ended: probe now and every interval until no run is left. */
  start(): void {
    this.ended = true;
    if (this.timer || this.gone || this.runs.size === 0) return;
    this.probe();
    this.timer = setInterval(() => this.probe(), PROBE_INTERVAL_MS);
    this.timer.unref?.();
  }

  /**
   * Before a run takes a runner: once the input has ended, asks whether the client is still
   * there by writing the run's first (empty) output, and resolves false if it is gone (then
   * `onGone` has been called). Undefined, at no cost, while the input has not ended. A client
   * that sent a run and closed at once so never holds a runner, not even for a moment.
   */
  confirm(runId: string, sessionId: string | null): Promise<boolean> | undefined {
    if (!this.ended) return undefined;
    if (this.gone) return Promise.resolve(false);
    const message = { jsonrpc: "2.0", method: OutputNotificationType.method, params: { run_id: runId, session_id: sessionId, stream: "stdout", text: "" } };
    return this.writer.write(message as unknown as Message).then(
      () => !this.gone,
      (error: unknown) => {
        this.lost(error);
        return false;
      },
    );
  }

  /** Stops probing (no run left, or the connection is over). */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private probe(): void {
    if (this.runs.size === 0) return this.stop();
    for (const [runId, sessionId] of this.runs) {
      const message = { jsonrpc: "2.0", method: OutputNotificationType.method, params: { run_id: runId, session_id: sessionId, stream: "stdout", text: "" } };
      this.writer.write(message as unknown as Message).catch((error: unknown) => this.lost(error));
    }
  }

  private lost(error: unknown): void {
    if (this.gone) return;
    this.gone = true;
    this.stop();
    this.onGone(error instanceof Error ? error.message : String(error));
  }
}
