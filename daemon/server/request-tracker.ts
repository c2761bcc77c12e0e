/** Counts a connection's requests, and their bytes, from the moment they are read until their answer is written. */
import { Message, type DataCallback, type MessageReader, type MessageWriter } from "vscode-jsonrpc";
import { messageBytes } from "../../protocol/wire/bounded-message-reader.ts";
import { approximateSize } from "./output-backlog.ts";

/** A request read and not answered yet. */
interface OpenRequest {
  method: string;
  /** Its body's size as it arrived (approximated when the reader did not measure it). */
  bytes: number;
}

/**
 * Counts requests from the moment they are read until their answer is written, so a
 * transport can wait for them: requests sent just before stdin closes still get answers.
 * It also sums their sizes (what the daemon holds of a connection's requests, for
 * `--max-pending-input`), says when the answer to a request of a given method has been
 * written (for a request whose effect must wait until its answer is out, `daemon/shutdown`),
 * and can answer every request still open with one error (the daemon stops).
 */
export class RequestTracker {
  /** Requests read and not answered yet. */
  private readonly open = new Map<string | number, OpenRequest>();
  private waiters: Array<() => void> = [];
  private readonly answered = new Map<string, () => void>();
  private bytes = 0;
  /** Requests {@link answerAll} answered: their handlers' answers are not sent again. */
  private readonly answeredForThem = new Set<string | number>();

  /** Bytes of the requests read and not answered yet. */
  get pendingBytes(): number {
    return this.bytes;
  }

  /** Requests read and not answered yet. */
  get pending(): number {
    return this.open.size;
  }

  reader(inner: MessageReader): MessageReader {
    return Object.assign(Object.create(inner) as MessageReader, {
      listen: (callback: DataCallback) =>
        inner.listen((message) => {
          if (Message.isRequest(message) && message.id !== null && !this.open.has(message.id)) {
            const bytes = messageBytes(message) ?? approximateSize(message);
            this.open.set(message.id, { method: message.method, bytes });
            this.bytes += bytes;
          }
          callback(message);
        }),
    });
  }

  writer(inner: MessageWriter): MessageWriter {
    return Object.assign(Object.create(inner) as MessageWriter, {
      write: async (message: Message) => {
        // An answer to a request already answered (by answerAll) is not sent twice.
        if (Message.isResponse(message) && message.id !== null && this.answeredForThem.delete(message.id)) return;
        try {
          await inner.write(message);
        } finally {
          if (Message.isResponse(message) && message.id !== null) this.settle(message.id, message.error === undefined);
        }
      },
    });
  }

  /** Calls `listener` each time a successful answer to a `method` request has been written (or its write failed: the peer is gone). */
  onAnswered(method: string, listener: () => void): void {
    this.answered.set(method, listener);
  }

  /** Resolves when no request read is waiting for its answer. */
  idle(): Promise<void> {
    return this.open.size === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  /**
   * Answers every request still open with the same error, through `writer` (the raw one, not
   * wrapped by this tracker): the daemon is stopping and will not answer them otherwise.
   * An answer their handler writes later is dropped. Resolves once the answers are written.
   */
  async answerAll(writer: MessageWriter, error: { code: number; message: string }): Promise<void> {
    const ids = [...this.open.keys()];
    const writes = ids.map((id) => {
      const method = this.open.get(id)?.method ?? "?";
      const response = { jsonrpc: "2.0", id, error: { code: error.code, message: `${error.message} (${method} was not answered before it)` } };
      return writer.write(response as unknown as Message).catch(() => {
        // The peer is gone: nobody is left to tell.
      });
    });
    for (const id of ids) {
      this.answeredForThem.add(id);
      this.settle(id, false);
    }
    await Promise.all(writes);
  }

  private settle(id: string | number, succeeded: boolean): void {
    const open = this.open.get(id);
    if (open === undefined) return;
    this.open.delete(id);
    this.bytes -= open.bytes;
    if (succeeded) this.answered.get(open.method)?.();
    if (this.open.size === 0) for (const resolve of this.waiters.splice(0)) resolve();
  }
}
