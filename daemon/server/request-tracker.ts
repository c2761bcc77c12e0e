/** Counts a connection's requests from the moment they are read until their answer is written. */
import { Message, type DataCallback, type MessageReader, type MessageWriter } from "vscode-jsonrpc";

/**
 * Counts requests from the moment they are read until their answer is written, so a
 * transport can wait for them: requests sent just before stdin closes still get answers.
 */
export class RequestTracker {
  private readonly open = new Set<string | number>();
  private waiters: Array<() => void> = [];

  reader(inner: MessageReader): MessageReader {
    return Object.assign(Object.create(inner) as MessageReader, {
      listen: (callback: DataCallback) =>
        inner.listen((message) => {
          if (Message.isRequest(message) && message.id !== null) this.open.add(message.id);
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
          if (Message.isResponse(message) && message.id !== null && this.open.delete(message.id) && this.open.size === 0) {
            for (const resolve of this.waiters.splice(0)) resolve();
          }
        }
      },
    });
  }

  idle(): Promise<void> {
    return this.open.size === 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }
}
