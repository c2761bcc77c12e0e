/**
 * A JSON-RPC message writer that hands each `Content-Length` frame to its stream in one
 * `write`, in the caller's turn.
 *
 * vscode-jsonrpc's `StreamMessageWriter` takes a lock that waits an event-loop turn, writes
 * the header, waits for that write's callback, and only then writes the body. On a socket
 * the peer is woken by the header alone, reads it, sleeps again and is woken once more by
 * the body a turn later: on a `1+1` that was the larger part of the daemon-to-runner hop.
 * Here the frame is built whole and written at once. Messages leave in the order `write` is
 * called (a stream keeps its writes in order), which is all the lock gave.
 */
import { AbstractMessageWriter, type Message, type MessageWriter } from "vscode-jsonrpc";

/** Turns a message into its frame body (JSON, or JSON with a binary payload: payload-frames.ts), whole or in parts the frame joins. */
export type BodyEncoder = (message: Message) => Uint8Array | readonly Uint8Array[];

const encoder = new TextEncoder();

/** The plain body: the message as UTF-8 JSON. */
export const jsonBody = (message: Message): Uint8Array => encoder.encode(JSON.stringify(message));

/** What the writer needs of a stream: Node's `Writable`, or a socket. */
export interface FrameSink {
  write(chunk: Uint8Array, callback: (error?: Error | null) => void): unknown;
  end(): unknown;
  on(event: "error", listener: (error: Error) => void): unknown;
  on(event: "close", listener: () => void): unknown;
}

/** Writes `Content-Length` framed messages to a stream, one `write` per message. */
export class FrameWriter extends AbstractMessageWriter implements MessageWriter {
  private errors = 0;

  constructor(
    private readonly sink: FrameSink,
    private readonly body: BodyEncoder = jsonBody,
  ) {
    super();
    sink.on("error", (error) => this.fireError(error));
    sink.on("close", () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    let frame: Uint8Array;
    try {
      frame = frameOf(this.body(message));
    } catch (error) {
      this.fireError(error as Error, message, ++this.errors);
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.sink.write(frame, (error) => {
        if (error === undefined || error === null) return resolve();
        this.fireError(error, message, ++this.errors);
        reject(error);
      });
    });
  }

  end(): void {
    this.sink.end();
  }
}

/** The header and the body in one buffer: each part of the body is copied once, into it. */
export function frameOf(body: Uint8Array | readonly Uint8Array[]): Uint8Array {
  const parts = body instanceof Uint8Array ? [body] : body;
  let length = 0;
  for (const part of parts) length += part.length;
  const header = `Content-Length: ${length}\r\n\r\n`;
  const frame = Buffer.allocUnsafe(header.length + length);
  let at = frame.write(header, 0, "latin1");
  for (const part of parts) {
    frame.set(part, at);
    at += part.length;
  }
  return frame;
}
