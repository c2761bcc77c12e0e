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

  constructor(
    private readonly writer: MessageWriter,
    private readonly onGone: (why: string) => void,
  ) {}

  /** A run of this connection started (its id and session), or ended. */
  track(runId: string, sessionId: string | null): () => void {
    this.runs.set(runId, sessionId);
    return () => {
      this.runs.delete(runId);
      if (this.runs.size === 0) this.stop();
    };
  }

  /** The input has ended: probe now and every interval until no run is left. */
  start(): void {
    if (this.timer || this.gone || this.runs.size === 0) return;
    this.probe();
    this.timer = setInterval(() => this.probe(), PROBE_INTERVAL_MS);
    this.timer.unref?.();
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
      this.writer.write(message as unknown as Message).catch((error: unknown) => {
        if (this.gone) return;
        this.gone = true;
        this.stop();
        this.onGone(error instanceof Error ? error.message : String(error));
      });
    }
  }
}
