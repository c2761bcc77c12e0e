/** What the daemon does for a connection whose client stops reading: log it, drop output notifications, refuse runs, stop reading. */
import type { MessageReader, MessageWriter } from "vscode-jsonrpc";
import { DaemonError } from "../daemon-error.ts";
import { log } from "../log.ts";
import { OutputBacklog, type BacklogLevel } from "./output-backlog.ts";

function mib(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}

/** A reader that can stop reading its source for a while (the bounded reader over a stream can). */
interface PausableReader {
  pause(): void;
  resume(): void;
}

function pausable(reader: MessageReader): PausableReader | undefined {
  const candidate = reader as Partial<PausableReader>;
  return typeof candidate.pause === "function" && typeof candidate.resume === "function" ? (candidate as PausableReader) : undefined;
}

/**
 * Applies `--max-pending-output` to one connection. Past the limit its `python/output`
 * notifications are dropped (results still carry the output) and its runs, new and
 * queued, are refused with ClientNotReading; past twice the limit the daemon stops reading
 * the connection (when its reader can pause) until the client catches up. Each change of
 * level is logged, naming the connection.
 */
export class BacklogPolicy {
  private readonly backlog: OutputBacklog;
  private readonly pausable: PausableReader | undefined;
  private previous: BacklogLevel = "clear";
  private dropped = 0;

  constructor(
    private readonly label: string,
    private readonly limitBytes: number,
    reader: MessageReader,
  ) {
    this.pausable = pausable(reader);
    this.backlog = new OutputBacklog(limitBytes, (level, pending) => this.changed(level, pending));
  }

  /** Wraps the connection's writer so that everything it writes is counted until written out. */
  writer(inner: MessageWriter): MessageWriter {
    return this.backlog.writer(inner);
  }

  /** True while output notifications may be sent; false (and the dropped one counted) past the limit. */
  mayNotify(): boolean {
    if (this.backlog.level === "clear") return true;
    this.dropped++;
    return false;
  }

  /** The error to refuse a run with while the client is behind, or undefined. */
  refusal(): DaemonError | undefined {
    if (this.backlog.level === "clear") return undefined;
    return new DaemonError(
      "CLIENT_NOT_READING",
      `this connection has ${mib(this.backlog.pendingBytes)} of answers and output its client has not read (the limit is ${mib(this.limitBytes)}, --max-pending-output); runs are refused until the client reads them`,
    );
  }

  private changed(level: BacklogLevel, pending: number): void {
    const from = this.previous;
    this.previous = level;
    const { label, limitBytes: limit } = this;
    if (level === "full") {
      log("warn", `${label}: ${mib(pending)} of answers wait unread, over twice --max-pending-output (${mib(limit)}); the daemon stops reading this connection until its client catches up`);
      this.pausable?.pause();
      return;
    }
    this.pausable?.resume();
    if (level === "over") {
      if (from === "full") log("info", `${label}: ${mib(pending)} unread; the daemon reads this connection again (its runs are still refused)`);
      else log("warn", `${label}: ${mib(pending)} of answers wait unread, over --max-pending-output (${mib(limit)}); its output notifications are dropped and its runs refused until its client reads`);
      return;
    }
    log("info", `${label}: its client caught up (${mib(pending)} unread); runs are accepted again${this.dropped > 0 ? ` (${this.dropped} output notifications were dropped meanwhile)` : ""}`);
    this.dropped = 0;
  }
}
