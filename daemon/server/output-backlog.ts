/** Bounds what a slow or stalled reader can make the daemon hold for it: messages written to its connection but not yet taken. */
import type { Message, MessageWriter } from "vscode-jsonrpc";

/** Where a connection's backlog stands. */
export type BacklogLevel =
  /** Under the limit: everything flows. */
  | "clear"
  /** Over the limit: output notifications are dropped and runs refused. */
  | "over"
  /** Over twice the limit: the daemon stops reading the connection until it drains. */
  | "full";

/** What the owner of a connection is told when its backlog changes level. */
export type BacklogListener = (level: BacklogLevel, pendingBytes: number) => void;

/**
 * Roughly how many bytes `value` takes as JSON: strings count their length, everything
 * else a few bytes. Cheap (no serialising), and close for what dominates the daemon's
 * messages: output text, results and tracebacks.
 */
export function approximateSize(value: unknown, depth = 0): number {
  if (typeof value === "string") return value.length + 2;
  if (value === null || typeof value !== "object" || depth > 8) return 8;
  let size = 2;
  if (Array.isArray(value)) {
    for (const item of value) size += approximateSize(item, depth + 1) + 1;
    return size;
  }
  for (const [key, item] of Object.entries(value as Record<string, unknown>)) size += key.length + 4 + approximateSize(item, depth + 1);
  return size;
}

/**
 * Counts the bytes of messages handed to a connection's writer and not yet written out
 * (a stream's write completes only once the peer's side has room), and says when they
 * pass `limitBytes` and twice that, and when they fall back. The caller decides what each
 * level means; see `serveConnection`.
 */
export class OutputBacklog {
  private pending = 0;
  private current: BacklogLevel = "clear";

  constructor(
    /** The limit in bytes (`--max-pending-output`). */
    readonly limitBytes: number,
    private readonly onChange: BacklogListener,
  ) {}

  /** Bytes written to the connection and not yet taken by its peer. */
  get pendingBytes(): number {
    return this.pending;
  }

  /** The level now. */
  get level(): BacklogLevel {
    return this.current;
  }

  /** Wraps `inner` so every message written through it is counted until its write settles. */
  writer(inner: MessageWriter): MessageWriter {
    return Object.assign(Object.create(inner) as MessageWriter, {
      write: async (message: Message) => {
        const size = approximateSize(message);
        this.add(size);
        try {
          await inner.write(message);
        } finally {
          this.add(-size);
        }
      },
    });
  }

  private add(bytes: number): void {
    this.pending += bytes;
    const level = this.next();
    if (level === this.current) return;
    this.current = level;
    this.onChange(level, this.pending);
  }

  /**
   * The level after a change, with hysteresis so that a backlog hovering at a bound does
   * not flap: it goes up past the limit (over) and twice the limit (full), and comes back
   * down only at the limit (full to over) and half of it (over to clear).
   */
  private next(): BacklogLevel {
    const { pending, limitBytes: limit } = this;
    if (pending > 2 * limit) return "full";
    if (pending > limit) return this.current === "full" ? "full" : "over";
    if (pending > limit / 2) return this.current === "clear" ? "clear" : "over";
    return "clear";
  }
}
