/** A run's stdout and stderr in the runner: decoded as Python writes them, kept up to the run's cap, and sent to the daemon in batches. */
import type { Stream } from "../../protocol/generated/types.ts";

/** Longest a batch of output waits before it is sent, in ms. */
export const OUTPUT_BATCH_MS = 10;
/** Largest batch of output held before it is sent, in bytes of text. */
const OUTPUT_BATCH_BYTES = 64 * 1024;


/**
 * One stream of a run: decodes bytes as they come, hands on what it keeps, keeps up to the
 * cap. With `forwardAll`, what is past the cap is handed on too (a terminal shows it) but
 * not kept.
 */
export class StreamCapture {
  private readonly decoder = new TextDecoder();
  private kept = "";
  private keptBytes = 0;
  /** Bytes past the cap, not kept. */
  cutBytes = 0;

  constructor(
    private readonly cap: number,
    private readonly forward: (text: string) => void,
    private readonly forwardAll = false,
  ) {}

  /**
   * Decodes first and measures the text: bytes that are not UTF-8 become U+FFFD (three bytes
   * each), so the raw bytes would undercount what is kept and sent, and the daemon counts that.
   */
  take(bytes: Uint8Array, final: boolean): void {
    if (bytes.length === 0 && !final) return;
    const room = this.cap - this.keptBytes;
    if (room <= 0 && !this.forwardAll) {
      this.cutBytes += bytes.length;
      return;
    }
    let text = this.decoder.decode(bytes, { stream: !final });
    if (text.length === 0) return;
    const whole = text;
    let size = Buffer.byteLength(text);
    if (size > room) {
      const encoded = Buffer.from(text);
      // Cut at a UTF-8 character boundary so the kept text never ends in a broken character.
      let end = Math.max(room, 0);
      while (end > 0 && (encoded[end]! & 0xc0) === 0x80) end--;
      text = encoded.subarray(0, end).toString("utf8");
      this.cutBytes += size - end;
      size = end;
    }
    this.keptBytes += size;
    if (text.length > 0) this.kept += text;
    const forwarded = this.forwardAll ? whole : text;
    if (forwarded.length > 0) this.forward(forwarded);
  }

  /** What was kept. */
  text(): string {
    return this.kept;
  }
}

/**
 * The output of one run: both streams, and the batch of text not yet sent. A batch is sent
 * when it is {@link OUTPUT_BATCH_MS} old or {@link OUTPUT_BATCH_BYTES} large (checked on
 * every write, on a timer while Python is suspended, and from the interpreter's periodic
 * signal check while it runs bytecode), before anything else the run sends, and at its end.
 */
export class RunOutput {
  readonly stdout: StreamCapture;
  readonly stderr: StreamCapture;
  private batch: Array<{ stream: Stream; text: string }> = [];
  private batchBytes = 0;
  private batchSince = 0;

  constructor(
    cap: number,
    forwardAll: boolean,
    private readonly send: (stream: Stream, text: string) => void,
  ) {
    this.stdout = new StreamCapture(cap, (text) => this.add("stdout", text), forwardAll);
    this.stderr = new StreamCapture(cap, (text) => this.add("stderr", text), forwardAll);
  }

  /** Bytes Python wrote to `stream`. */
  write(stream: Stream, bytes: Uint8Array): void {
    this[stream].take(bytes, false);
    this.flushIfDue();
  }

  /** Sends the batch if it is due. */
  flushIfDue(): void {
    if (this.batch.length > 0 && (this.batchBytes >= OUTPUT_BATCH_BYTES || performance.now() - this.batchSince >= OUTPUT_BATCH_MS)) this.flush();
  }

  /** Sends the batch now: one message per stream change. */
  flush(): void {
    const batch = this.batch;
    if (batch.length === 0) return;
    this.batch = [];
    this.batchBytes = 0;
    for (const { stream, text } of batch) this.send(stream, text);
  }

  /** Ends both streams (a character cut at the end is decoded) and sends what is left. */
  finish(): void {
    this.stdout.take(new Uint8Array(0), true);
    this.stderr.take(new Uint8Array(0), true);
    this.flush();
  }

  private add(stream: Stream, text: string): void {
    if (this.batch.length === 0) this.batchSince = performance.now();
    const last = this.batch[this.batch.length - 1];
    if (last?.stream === stream) last.text += text;
    else this.batch.push({ stream, text });
    this.batchBytes += text.length;
  }
}
