/** A JSON-RPC message writer that writes each frame to a file descriptor at once, in the caller's turn: what a runner sends leaves even while Python keeps its only thread busy. */
import { writeSync } from "node:fs";
import { Emitter, type Message, type MessageWriter } from "vscode-jsonrpc";
import { frameOf, jsonBody } from "../../protocol/wire/frame-writer.ts";

/** How long a write waits when the channel is full before trying again, in ms (the daemon reads it continuously). */
const FULL_WAIT_MS = 1;
const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes `Content-Length` framed messages with `writeSync`. vscode-jsonrpc's stream writer
 * queues each message behind a `setImmediate`, which never comes while Python runs on the
 * same thread (a print in a long loop would reach the daemon only when the loop ends), and
 * which costs an event-loop turn per message. A full channel (the daemon is slow to read)
 * makes the writer wait, which is the backpressure a flood of output needs.
 */
export class SyncMessageWriter implements MessageWriter {
  private readonly errors = new Emitter<[Error, Message | undefined, number | undefined]>();
  private readonly closes = new Emitter<void>();
  private failed = false;

  constructor(private readonly fd: number) {}

  get onError() {
    return this.errors.event;
  }

  get onClose() {
    return this.closes.event;
  }

  async write(message: Message): Promise<void> {
    this.writeNow(message);
  }

  /** Writes the message before returning; a broken channel is reported once and later messages are dropped. */
  writeNow(message: Message): void {
    if (this.failed) return;
    const frame = frameOf(jsonBody(message));
    const total = frame.length;
    let written = 0;
    while (written < total) {
      try {
        written += writeSync(this.fd, frame, written, total - written);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EAGAIN") {
          Atomics.wait(sleeper, 0, 0, FULL_WAIT_MS);
          continue;
        }
        this.failed = true;
        this.errors.fire([error as Error, message, undefined]);
        this.closes.fire();
        return;
      }
    }
  }

  end(): void {}

  dispose(): void {
    this.errors.dispose();
    this.closes.dispose();
  }
}
