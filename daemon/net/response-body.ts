/** A response body handed on as bounded chunks, with the size cap counted on decoded bytes and one report when it ends. */
import { NetError } from "./net-error.ts";

/** How a body ended, for the audit log and the slot: read whole, or failed with an error, or dropped by the reader. */
export type BodyOutcome = { kind: "complete"; bytes: number } | { kind: "failed"; bytes: number; error: NetError } | { kind: "cancelled"; bytes: number };

/** What a {@link ResponseBody} needs from the request that produced it. */
export interface ResponseBodyOptions {
  /** Largest chunk handed on, in bytes; bigger chunks from the network are cut (without copying). */
  chunkBytes: number;
  /** Most decoded bytes the body may have; one more fails the body as `too_large`. */
  maxBytes: number;
  /** The flag or limit `maxBytes` comes from, named in the error (default `--max-response-bytes`). */
  maxBytesName?: string;
  /** The body's length as the server declared it (undecoded bodies only): over `maxBytes`, the first read fails without waiting for the bytes. */
  declaredBytes?: number;
  /** The host, for messages. */
  host: string;
  /** Turns an error thrown while reading (an abort, a reset) into the {@link NetError} to throw. */
  mapError: (error: unknown) => NetError;
  /** Stops the underlying request (on `too_large`, or when the reader drops the body). */
  abort: (reason: NetError) => void;
  /** Called once, when the body is read whole, fails, or is dropped. */
  onEnd: (outcome: BodyOutcome) => void;
}

/**
 * The body of a response: iterate it once with `for await` to get `Uint8Array` chunks of at
 * most `chunkBytes`. Breaking out of the loop, or calling {@link ResponseBody.cancel}, ends
 * the request and frees its slot; so does the request's total timeout if nobody reads.
 * Reading throws a {@link NetError} (`too_large`, `timeout`, `aborted`, `http`).
 */
export class ResponseBody implements AsyncIterable<Uint8Array> {
  private started = false;
  private ended = false;
  private received = 0;

  constructor(
    private readonly stream: ReadableStream<Uint8Array> | null,
    private readonly options: ResponseBodyOptions,
  ) {
    if (stream === null) this.end({ kind: "complete", bytes: 0 });
  }

  /** Decoded bytes received so far. */
  get bytes(): number {
    return this.received;
  }

  /** Drops the body unread (or the rest of it): ends the request and frees its slot. Safe to call twice. */
  async cancel(): Promise<void> {
    if (this.ended) return;
    this.end({ kind: "cancelled", bytes: this.received });
    this.options.abort(new NetError("aborted", `response from ${this.options.host} dropped by the reader`, { host: this.options.host }));
    if (!this.started) await this.stream?.cancel().catch(() => {});
  }

  /**
   * Ends the body with `error` now, whether or not anyone is reading (the request's total
   * timeout calls it, so an unread body cannot hold its slot). A reader gets the error on its next read.
   */
  abandon(error: NetError): void {
    if (this.ended) return;
    this.end({ kind: "failed", bytes: this.received, error });
    if (!this.started) this.stream?.cancel().catch(() => {});
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    if (this.started) throw new Error("a response body can be read only once");
    this.started = true;
    if (this.stream === null || this.ended) return;
    const { chunkBytes, maxBytes, host } = this.options;
    const reader = this.stream.getReader();
    let done = false;
    try {
      if (this.options.declaredBytes !== undefined && this.options.declaredBytes > maxBytes) {
        const error = tooLarge(host, maxBytes, this.options.maxBytesName, this.options.declaredBytes);
        this.options.abort(error);
        throw error;
      }
      for (;;) {
        let next: Awaited<ReturnType<typeof reader.read>>;
        try {
          next = await reader.read();
        } catch (error) {
          throw this.options.mapError(error);
        }
        if (next.done) break;
        const chunk = next.value;
        this.received += chunk.length;
        if (this.received > maxBytes) {
          const error = tooLarge(host, maxBytes, this.options.maxBytesName);
          this.options.abort(error);
          throw error;
        }
        for (let at = 0; at < chunk.length; at += chunkBytes) yield chunk.subarray(at, at + chunkBytes);
      }
      done = true;
      this.end({ kind: "complete", bytes: this.received });
    } catch (error) {
      const netError = error instanceof NetError ? error : this.options.mapError(error);
      this.end({ kind: "failed", bytes: this.received, error: netError });
      throw netError;
    } finally {
      if (!done && !this.ended) {
        // The reader broke out of its loop.
        this.end({ kind: "cancelled", bytes: this.received });
        this.options.abort(new NetError("aborted", `response from ${host} dropped by the reader`, { host }));
      }
      if (!done) await reader.cancel().catch(() => {});
      reader.releaseLock();
    }
  }

  private end(outcome: BodyOutcome): void {
    if (this.ended) return;
    this.ended = true;
    this.options.onEnd(outcome);
  }
}

function tooLarge(host: string, maxBytes: number, name = "--max-response-bytes", declared?: number): NetError {
  const size = declared === undefined ? "is larger than" : `declares ${declared} bytes, more than`;
  return new NetError("too_large", `response from ${host} ${size} the limit of ${maxBytes} bytes (${name})`, { host });
}
