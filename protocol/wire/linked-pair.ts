/** An in-memory pair of JSON-RPC transports, for an embedded daemon and for tests. */
import {
  AbstractMessageReader,
  AbstractMessageWriter,
  type DataCallback,
  type Disposable,
  type Message,
  type MessageReader,
  type MessageWriter,
} from "vscode-jsonrpc";

/** One end of a linked pair: what a connection reads from and writes to. */
export interface TransportEnd {
  reader: MessageReader;
  writer: MessageWriter;
}

class LinkedReader extends AbstractMessageReader {
  private callback: DataCallback | undefined;
  private readonly backlog: Message[] = [];

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    for (const message of this.backlog.splice(0)) callback(message);
    return { dispose: () => void (this.callback = undefined) };
  }

  deliver(message: Message): void {
    if (this.callback) this.callback(message);
    else this.backlog.push(message);
  }

  close(): void {
    this.fireClose();
  }
}

class LinkedWriter extends AbstractMessageWriter {
  private closed = false;

  constructor(private readonly peer: LinkedReader, private readonly self: LinkedReader) {
    super();
  }

  async write(message: Message): Promise<void> {
    if (this.closed) throw new Error("linked transport is closed");
    // A JSON round trip gives the peer its own copy, exactly what the wire would carry.
    const copy = JSON.parse(JSON.stringify(message)) as Message;
    queueMicrotask(() => this.peer.deliver(copy));
  }

  end(): void {
    if (this.closed) return;
    this.closed = true;
    this.peer.close();
    this.self.close();
  }
}

/**
 * Creates two connected ends: what one end writes, the other reads, asynchronously
 * and as a copy. Ending either writer closes both readers.
 */
export function createLinkedPair(): [TransportEnd, TransportEnd] {
  const readerA = new LinkedReader();
  const readerB = new LinkedReader();
  return [
    { reader: readerA, writer: new LinkedWriter(readerB, readerA) },
    { reader: readerB, writer: new LinkedWriter(readerA, readerB) },
  ];
}
