/** Counts a connection's requests from the moment they are read until their answer is written. */
import { Message, type DataCallback, type MessageReader, type MessageWriter } from "vscode-jsonrpc";

/**
 * Counts requests from the moment they are read until their answer is written, so a
 * transport can wait for them: requests sent just before stdin closes still get answers.
 * It can also say when the answer to a request of a given method has been written, for
 * a request whose effect must wait until its answer is out (`daemon/shutdown`).
 */
export class RequestTracker {
  /** Requests read and not answered yet, with their method. */
  private readonly open = new Map<string | number, string>();
  private waiters: Array<() => void> = [];
  private readonly answered = new Map<string, () => void>();

  reader(inner: MessageReader): MessageReader {
    return Object.assign(Object.create(inner) as MessageReader, {
      listen: (callback: DataCallback) =>
        inner.listen((message) => {
          if (Message.isRequest(message) && message.id !== null) this.open.set(message.id, message.method);
          callback(message);
        }),
    });
  }

  writer(inner: MessageWriter): MessageWriter {
    return Object.assign(Object.create(inner) as MessageWriter, {
      write: async (message: Message) => {
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

  private settle(id: string | number, succeeded: boolean): void {
    const method = this.open.get(id);
    if (method === undefined) return;
    this.open.delete(id);
    if (succeeded) this.answered.get(method)?.();
    if (this.open.size === 0) for (const resolve of this.waiters.splice(0)) resolve();
  }
}
