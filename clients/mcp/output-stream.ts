/** Streams a run's output to the MCP client while it runs, as logging and progress notifications, only when the client asked. */
import type { LoggingLevel, ServerNotification } from "@modelcontextprotocol/sdk/types.js";
import type { Stream } from "../../protocol/generated/types.ts";

/** Where a run's output may go, as the client asked for it. */
export interface StreamRequest {
  /** The level the client set with `logging/setLevel`, or undefined when it never did (then no log messages are sent). */
  loggingLevel: LoggingLevel | undefined;
  /** The request's `_meta.progressToken`, when the client wants progress notifications. */
  progressToken: string | number | undefined;
  /** Sends a notification tied to the tool call (so Streamable HTTP puts it on that call's stream). */
  send(notification: ServerNotification): Promise<void>;
}

const SEVERITY: Record<LoggingLevel, number> = { debug: 0, info: 1, notice: 2, warning: 3, error: 4, critical: 5, alert: 6, emergency: 7 };

/** The log level of each stream: stdout is `info`, stderr is `warning` (where Python writes warnings and errors). */
const STREAM_LEVEL = { stdout: "info", stderr: "warning" } as const;

/** Output gathered for this long is sent as one notification, so a print loop does not become thousands of messages. */
const COALESCE_MS = 50;

/**
 * Time left between the last progress notification and the tool's result. The SDK client
 * dispatches notifications a microtask late but responses at once, so a progress
 * notification read together with the response finds its token retired and is reported
 * as an error (https://github.com/modelcontextprotocol/typescript-sdk/issues/2580).
 */
const PROGRESS_SETTLE_MS = 20;

/**
 * Forwards output as it arrives: a `notifications/message` per chunk (logger `stdout` or
 * `stderr`) when the client set a logging level that lets it through, and a
 * `notifications/progress` whose `progress` counts the characters printed so far, with the
 * chunk as `message`, when the request carries a progress token. Chunks are coalesced for
 * {@link COALESCE_MS} ms; {@link finish} sends the rest before the result goes out.
 */
export class OutputForwarder {
  private pending: Array<{ stream: Stream; text: string }> = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private printed = 0;
  private lastProgressAt = Number.NEGATIVE_INFINITY;
  private sending: Promise<void> = Promise.resolve();

  constructor(private readonly request: StreamRequest) {}

  /** True when the client asked for anything, so the run needs an output listener at all. */
  get wanted(): boolean {
    return this.request.loggingLevel !== undefined || this.request.progressToken !== undefined;
  }

  /** Takes one piece of output from the run. */
  push(stream: Stream, text: string): void {
    const last = this.pending[this.pending.length - 1];
    if (last && last.stream === stream) last.text += text;
    else this.pending.push({ stream, text });
    this.timer ??= setTimeout(() => void this.flush(), COALESCE_MS);
  }

  /** Sends what is pending and waits for everything sent so far; failures (a client gone) are ignored. */
  private flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const chunks = this.pending;
    this.pending = [];
    // Chained, so notifications keep the order in which the output was printed.
    this.sending = this.sending.then(async () => {
      for (const { stream, text } of chunks) await this.sendChunk(stream, text).catch(() => undefined);
    });
    return this.sending;
  }

  /** Sends the rest, then leaves {@link PROGRESS_SETTLE_MS} after a recent progress notification before the result may go. */
  async finish(): Promise<void> {
    await this.flush();
    const wait = this.lastProgressAt + PROGRESS_SETTLE_MS - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  /**
   * A line about what woma is doing for the call (a package download): a log message from
   * logger `woma` at `info`, and a progress notification with the line as its message.
   * Kept in order with the output.
   */
  status(line: string): void {
    this.sending = this.sending.then(async () => {
      if (this.request.loggingLevel !== undefined && SEVERITY.info >= SEVERITY[this.request.loggingLevel]) {
        await this.request.send({ method: "notifications/message", params: { level: "info", logger: "woma", data: line } }).catch(() => undefined);
      }
      if (this.request.progressToken !== undefined) {
        // Progress must grow with each notification: a status line counts as one more step.
        this.printed += 1;
        await this.request.send({ method: "notifications/progress", params: { progressToken: this.request.progressToken, progress: this.printed, message: line } }).catch(() => undefined);
        this.lastProgressAt = performance.now();
      }
    });
  }

  private logs(stream: Stream): boolean {
    const level = this.request.loggingLevel;
    return level !== undefined && SEVERITY[STREAM_LEVEL[stream]] >= SEVERITY[level];
  }

  private async sendChunk(stream: Stream, text: string): Promise<void> {
    this.printed += text.length;
    if (this.logs(stream)) {
      await this.request.send({ method: "notifications/message", params: { level: STREAM_LEVEL[stream], logger: stream, data: text } });
    }
    if (this.request.progressToken !== undefined) {
      await this.request.send({ method: "notifications/progress", params: { progressToken: this.request.progressToken, progress: this.printed, message: text } });
      this.lastProgressAt = performance.now();
    }
  }
}
