/** A run's stdout and stderr in the runner: decoded as Python writes them, measured against the run's cap, and sent to the daemon in batches (its only copy). */
import type { Stream } from "../../protocol/generated/types.ts";
import { OutputCap } from "../contract/output-cap.ts";

/** Longest a batch of output waits before it is sent, in ms. */
export const OUTPUT_BATCH_MS = 10;
/** Largest batch of output held before it is sent, in bytes of text. */
const OUTPUT_BATCH_BYTES = 64 * 1024;


/**
 * One stream of a run: decodes bytes as they come and hands on the first `cap` bytes of its
 * text, cut at a character boundary; the daemon keeps what it is handed (its only copy of
 * the output), so the runner keeps none. With `forwardAll`, what is past the cap is handed
 * on too (a terminal shows it), and the daemon keeps the same first `cap` bytes of it.
 */
export class StreamCapture {
  private readonly decoder = new TextDecoder();
  private readonly cap: OutputCap;

  constructor(
    cap: number,
    private readonly forward: (text: string) => void,
    private readonly forwardAll = false,
  ) {
    this.cap = new OutputCap(cap);
  }

  /** Bytes past the cap, not kept. */
  get cutBytes(): number {
    return this.cap.cutBytes;
  }

  /**
   * Decodes first and measures the text: bytes that are not UTF-8 become U+FFFD (three bytes
   * each), so the raw bytes would undercount what is kept and sent, and the daemon counts that.
   */
  take(bytes: Uint8Array, final: boolean): void {
    if (bytes.length === 0 && !final) return;
    if (!this.cap.open && !this.forwardAll) {
      this.cap.drop(bytes.length);
      return;
    }
    const whole = this.decoder.decode(bytes, { stream: !final });
    if (whole.length === 0) return;
    const kept = this.cap.keep(whole);
    const forwarded = this.forwardAll ? whole : kept;
    if (forwarded.length > 0) this.forward(forwarded);
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
