/** A Content-Length framed JSON-RPC reader with a size limit that reports bad input instead of dying on it. */
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from "vscode-jsonrpc";
import { JsonRpcErrorCodes, WomaErrorCodes } from "../error-codes.ts";
import { attachPayload, splitPayload } from "./payload-frames.ts";
import { RequestIdScanner } from "./request-id-scanner.ts";

/** A source of bytes: a Node stream, a socket, or a test's hand-fed chunks. */
export interface ByteSource {
  /** Registers the callback for each chunk; returns how to stop listening. */
  onData(listener: (chunk: Uint8Array) => void): Disposable;
  /** Registers the callback for the end of the source. */
  onClose(listener: () => void): void;
  /** Registers the callback for a read error. */
  onError(listener: (error: Error) => void): void;
  /** Stops delivering chunks until {@link resume} (optional: a source that cannot pause keeps going). */
  pause?(): void;
  /** Delivers chunks again after {@link pause}. */
  resume?(): void;
}

/** A problem with one incoming message, to be answered with a JSON-RPC error whose id is `id`. */
export interface FramingProblem {
  /** The id of the offending request when it could be read, else null. */
  id: number | string | null;
  /** A JSON-RPC or woma error code. */
  code: number;
  /** What was wrong, naming the offending part. */
  message: string;
  /** The error's `data`, when it has some. */
  data?: unknown;
}

/** Why a message is refused before it is read, as the owner of the reader decides from its size; see {@link BoundedMessageReader.limitInput}. */
export interface InputRefusal {
  code: number;
  message: string;
  data?: unknown;
}

/** The body size of each message a {@link BoundedMessageReader} delivered, so whoever holds the message can count what it holds. */
const deliveredBytes = new WeakMap<object, number>();

/** The size in bytes of a message's body as it arrived, when a bounded reader delivered it. */
export function messageBytes(message: object): number | undefined {
  return deliveredBytes.get(message);
}

/** Options of {@link BoundedMessageReader}. */
export interface BoundedReaderOptions {
  /** Largest message body accepted, in bytes. Larger bodies are skipped and reported. */
  maxMessageBytes: number;
  /**
   * Called for every message that cannot be delivered; the reader keeps going. When it
   * returns a promise (the answer being written), the reader's close waits for it, so a
   * problem at the very end of the input is answered before the connection counts as over.
   */
  onProblem: (problem: FramingProblem) => unknown;
  /**
   * Accept responses with a binary payload (payload-frames.ts): only a runner reading the
   * daemon sets it. Off, a body with a newline after its JSON is simply not valid JSON.
   */
  payloads?: boolean;
}

const HEADER_END = new Uint8Array([13, 10, 13, 10]);
/** How much of a refused body is looked at for its id before it is answered (see `skip`). */
const ID_SCAN_BYTES = 64 * 1024;
const MAX_HEADER_BYTES = 8192;
/** "content-length", lower case, to find the next header after garbage. */
const CONTENT_LENGTH = new TextEncoder().encode("content-length");

/**
 * Reads `Content-Length:` framed messages. Unlike vscode-jsonrpc's stream reader it
 * never stops on bad input: invalid JSON, a message that is not a JSON-RPC object, a
 * missing header or a body over the limit are each reported through `onProblem`
 * and skipped, and the next message is read as usual.
 *
 * After a frame error it resynchronises on the next `Content-Length` header: bytes before
 * one are skipped (and reported), and a body that is not JSON but holds a whole frame (its
 * Content-Length was too large, so it swallowed the next message) is read again from that
 * frame. A body whose declared length is over the limit is skipped to its declared end;
 * a client that lied about a huge length must reopen the connection. At the end of the
 * input, a message left incomplete is reported too, and the reader closes only once every
 * problem's answer has been written.
 */
export class BoundedMessageReader extends AbstractMessageReader {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private bodyLength = -1;
  private skipRemaining = 0;
  /** While a body is skipped and not answered yet: where its id is looked for, how much was looked at, and the answer it gets. */
  private skipping: { scanner: RequestIdScanner; scanned: number; problem: InputRefusal } | undefined;
  /** Asked at each header, with the body's length: a refusal to skip the body unread, or undefined to read it. */
  private refuse: ((bytes: number) => InputRefusal | undefined) | undefined;
  private callback: DataCallback | undefined;
  private closed = false;
  private paused = false;
  /** Answers to problems still being written; close waits for them. */
  private readonly answering = new Set<Promise<unknown>>();
  private readonly decoder = new TextDecoder("utf-8", { fatal: true });

  constructor(
    private readonly source: ByteSource,
    private readonly options: BoundedReaderOptions,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    this.callback = callback;
    const subscription = this.source.onData((chunk) => this.onData(chunk));
    this.source.onError((error) => this.fireError(error));
    this.source.onClose(() => {
      if (this.closed) return;
      this.closed = true;
      this.reportLeftover();
      void Promise.allSettled([...this.answering]).then(() => this.fireClose());
    });
    return subscription;
  }

  /**
   * Decides from each message's declared length, before its body is read, whether it is
   * refused: a refused body is skipped as it streams past (its top-level `id` is found on
   * the way, in constant memory) and answered with the refusal. The daemon bounds the
   * requests a connection has waiting this way (`--max-pending-input`).
   */
  limitInput(refuse: (bytes: number) => InputRefusal | undefined): void {
    this.refuse = refuse;
  }

  /** Stops reading from the source (when it can pause) until {@link resume}: backpressure on a peer whose answers pile up. */
  pause(): void {
    if (this.paused) return;
    this.paused = true;
    this.source.pause?.();
  }

  /** Reads from the source again after {@link pause}. */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    this.source.resume?.();
  }

  /** Feeds bytes; public so tests can drive framing without a stream. */
  onData(chunk: Uint8Array): void {
    if (this.skipRemaining > 0) {
      const skipped = Math.min(this.skipRemaining, chunk.length);
      this.skip(chunk.subarray(0, skipped));
      chunk = chunk.subarray(skipped);
      if (chunk.length === 0) return;
    }
    // Chunks are kept in a list and joined only when a header or a whole body is
    // there, so a large message arriving in many chunks is copied once, not per chunk.
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    while (this.step()) {
      // each step consumes one header block or one body
    }
  }

  /**
   * Steps over bytes of a refused body, looking for its id in its first {@link ID_SCAN_BYTES}
   * (clients put the id before a large `params`; the MCP SDK puts it last, and its own
   * transport scans whole lines). The refusal is answered as soon as the id is known, the
   * scan limit is reached or the body ends, so a peer is told at once and a runner that
   * announced a huge frame is killed at once; the rest streams past unread.
   */
  private skip(bytes: Uint8Array): void {
    this.skipRemaining -= bytes.length;
    const skipping = this.skipping;
    if (!skipping) return;
    const look = bytes.subarray(0, Math.max(0, ID_SCAN_BYTES - skipping.scanned));
    skipping.scanner.push(look);
    skipping.scanned += look.length;
    if (!skipping.scanner.done && skipping.scanned < ID_SCAN_BYTES && this.skipRemaining > 0) return;
    this.skipping = undefined;
    this.problem(skipping.scanner.id, skipping.problem.code, skipping.problem.message, skipping.problem.data);
  }

  /** Joins the pending chunks into one array (no copy when there is only one). */
  private flatten(): Uint8Array {
    if (this.pending.length === 1) return this.pending[0]!;
    const out = Buffer.allocUnsafe(this.pendingBytes); // every byte is written below
    let offset = 0;
    for (const part of this.pending) {
      out.set(part, offset);
      offset += part.length;
    }
    this.pending = [out];
    return out;
  }

  /** Keeps only the bytes of the pending data from `offset` on. */
  private consume(flat: Uint8Array, offset: number): void {
    const rest = flat.subarray(offset);
    this.pending = rest.length > 0 ? [rest] : [];
    this.pendingBytes = rest.length;
  }

  /** Consumes one header block or body; false when more bytes are needed. */
  private step(): boolean {
    if (this.bodyLength < 0) {
      if (this.pendingBytes === 0) return false;
      const flat = this.flatten();
      const end = indexOf(flat, HEADER_END);
      if (end < 0) {
        if (flat.length > MAX_HEADER_BYTES) {
          // Keep what may be the start of the next header; a partial "Content-Length" at
          // the very end is kept too, for the next chunk to complete.
          const next = lastIndexOfIgnoreCase(flat, CONTENT_LENGTH);
          const keep = next > 0 ? next : Math.max(0, flat.length - CONTENT_LENGTH.length);
          this.problem(null, JsonRpcErrorCodes.ParseError, `message header is longer than ${MAX_HEADER_BYTES} bytes without a blank line ending it; ${keep} bytes were dropped`);
          this.consume(flat, keep);
        }
        return false;
      }
      let header = new TextDecoder("latin1").decode(flat.subarray(0, end));
      this.consume(flat, end + HEADER_END.length);
      // Blank lines between messages are tolerated, as LSP servers do.
      if (header.trim() === "") return true;
      let length = contentLength(header);
      if (length === undefined) {
        // Garbage before a header (the tail of a body whose Content-Length was too small,
        // say): skip to the Content-Length and read the frame that follows.
        const at = header.toLowerCase().lastIndexOf("content-length");
        const resynced = at > 0 ? contentLength(header.slice(at)) : undefined;
        if (resynced === undefined) {
          this.problem(null, JsonRpcErrorCodes.ParseError, `message header has no valid Content-Length (got ${JSON.stringify(header.slice(0, 200))})`);
          return true;
        }
        this.problem(null, JsonRpcErrorCodes.ParseError, `${at} bytes before a Content-Length header were not a message (${JSON.stringify(header.slice(0, Math.min(at, 80)))}); they were skipped`);
        header = header.slice(at);
        length = resynced;
      }
      const refusal =
        length > this.options.maxMessageBytes
          ? { code: WomaErrorCodes.MessageTooLarge, message: `message of ${length} bytes is larger than the limit of ${this.options.maxMessageBytes} bytes; it was skipped` }
          : this.refuse?.(length);
      if (refusal) {
        // Skipped unread, and answered with its id once it has streamed past.
        this.skipping = { scanner: new RequestIdScanner(), scanned: 0, problem: refusal };
        this.skipRemaining = length;
        const flat = this.flatten();
        const inBuffer = Math.min(length, this.pendingBytes);
        this.consume(flat, inBuffer);
        this.skip(flat.subarray(0, inBuffer));
        return true;
      }
      this.bodyLength = length;
    }
    if (this.pendingBytes < this.bodyLength) return false;
    const flat = this.flatten();
    const body = flat.subarray(0, this.bodyLength);
    this.consume(flat, this.bodyLength);
    this.bodyLength = -1;
    this.deliver(body);
    return true;
  }

  private deliver(body: Uint8Array): void {
    let payload: Uint8Array | undefined;
    if (this.options.payloads) ({ json: body, payload } = splitPayload(body));
    let text: string;
    try {
      text = this.decoder.decode(body);
    } catch {
      this.problem(null, JsonRpcErrorCodes.ParseError, "message body is not valid UTF-8");
      this.rereadFromHeader(body);
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.problem(null, JsonRpcErrorCodes.ParseError, `message body is not valid JSON: ${(error as Error).message}`);
      this.rereadFromHeader(body);
      return;
    }
    const invalid = describeInvalid(value) ?? (payload === undefined ? undefined : attachPayload(value, payload));
    if (invalid !== undefined) {
      this.problem(idOf(value), JsonRpcErrorCodes.InvalidRequest, invalid);
      return;
    }
    deliveredBytes.set(value as object, body.length);
    try {
      this.callback?.(value as Message);
    } catch (error) {
      // Whatever the listener does, the rest of this chunk is still read.
      this.fireError(error instanceof Error ? error : new Error(String(error)));
    }
  }

  /**
   * A body that did not parse and holds a whole frame (a Content-Length header, a blank line
   * and that many bytes) swallowed it: its own length was too large. Read again the frames
   * that lie wholly inside the body, one after another; what follows the last of them is
   * dropped. So the bytes after the body, the client's next message, are never taken into a
   * guess: a header near the body's end that announces more than the body holds is garbage.
   */
  private rereadFromHeader(body: Uint8Array): void {
    const frames: Uint8Array[] = [];
    let rest = body;
    let from = 1;
    for (;;) {
      const at = indexOfIgnoreCase(rest, CONTENT_LENGTH, from);
      if (at < 0) break;
      const candidate = rest.subarray(at);
      const end = indexOf(candidate, HEADER_END);
      if (end < 0) break;
      const length = contentLength(new TextDecoder("latin1").decode(candidate.subarray(0, end)));
      const total = end + HEADER_END.length + (length ?? 0);
      if (length === undefined || total > candidate.length) break;
      frames.push(candidate.subarray(0, total));
      rest = candidate.subarray(total);
      from = 0;
    }
    if (frames.length === 0) return;
    const joined = new Uint8Array(frames.reduce((sum, part) => sum + part.length, 0));
    let offset = 0;
    for (const part of frames) {
      joined.set(part, offset);
      offset += part.length;
    }
    this.pending.unshift(joined);
    this.pendingBytes += joined.length;
  }

  /** At the end of the input: a message left incomplete is answered too. */
  private reportLeftover(): void {
    if (this.skipRemaining > 0) {
      // The input ended inside a refused body: it is answered all the same, with the id if it came by.
      const skipping = this.skipping;
      this.skipping = undefined;
      if (skipping) this.problem(skipping.scanner.id, skipping.problem.code, skipping.problem.message, skipping.problem.data);
      return;
    }
    if (this.bodyLength >= 0) {
      this.problem(null, JsonRpcErrorCodes.ParseError, `the input ended ${this.pendingBytes} bytes into a message body of ${this.bodyLength} bytes (its Content-Length); the message was not read`);
      return;
    }
    if (this.pendingBytes === 0) return;
    const rest = this.flatten();
    if (rest.every((byte) => byte === 32 || byte === 9 || byte === 10 || byte === 13)) return;
    const text = new TextDecoder("latin1").decode(rest.subarray(0, 80));
    this.problem(null, JsonRpcErrorCodes.ParseError, `the input ended with ${rest.length} bytes that are not a whole message (${JSON.stringify(text)}); a message needs a "Content-Length: N" header, a blank line, then N bytes of JSON`);
  }

  private problem(id: FramingProblem["id"], code: number, message: string, data?: unknown): void {
    const answer = this.options.onProblem(data === undefined ? { id, code, message } : { id, code, message, data });
    if (answer instanceof Promise) {
      const settled = answer.catch(() => {}).finally(() => this.answering.delete(settled));
      this.answering.add(settled);
    }
  }
}

function contentLength(header: string): number | undefined {
  for (const line of header.split("\r\n")) {
    const colon = line.indexOf(":");
    if (colon < 0) continue;
    if (line.slice(0, colon).trim().toLowerCase() !== "content-length") continue;
    const raw = line.slice(colon + 1).trim();
    if (!/^[0-9]{1,12}$/.test(raw)) return undefined;
    return Number(raw);
  }
  return undefined;
}

/** Says why a parsed value is not a JSON-RPC 2.0 message, or undefined when it is one. */
function describeInvalid(value: unknown): string | undefined {
  if (Array.isArray(value)) return "batch requests (a JSON array) are not supported; send one JSON-RPC object per message";
  if (value === null || typeof value !== "object") return `a JSON-RPC message must be an object, got ${value === null ? "null" : typeof value}`;
  const record = value as Record<string, unknown>;
  if (record.jsonrpc !== "2.0") return `"jsonrpc" must be "2.0", got ${JSON.stringify(record.jsonrpc)}`;
  if ("method" in record) {
    if (typeof record.method !== "string") return `"method" must be a string, got ${typeof record.method}`;
    if ("id" in record && !isId(record.id)) return `"id" must be a number or a string, got ${JSON.stringify(record.id)}`;
    if ("params" in record && (record.params === null || typeof record.params !== "object")) {
      return `"params" must be an object or an array, got ${record.params === null ? "null" : typeof record.params}`;
    }
    return undefined;
  }
  if ("id" in record && ("result" in record || "error" in record)) return undefined;
  return 'a JSON-RPC message needs a "method" (request or notification) or an "id" with "result" or "error" (response)';
}

function idOf(value: unknown): FramingProblem["id"] {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return null;
  const id = (value as Record<string, unknown>).id;
  return isId(id) ? id : null;
}

function isId(id: unknown): id is number | string {
  return typeof id === "string" || (typeof id === "number" && Number.isFinite(id));
}

/** Index of `needle` (lower-case ASCII) in `haystack` from `from` on, ignoring ASCII case; -1 when absent. */
function indexOfIgnoreCase(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  outer: for (let i = from; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (lower(haystack[i + j]!) !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** Index of the last `needle` (lower-case ASCII) in `haystack`, ignoring ASCII case; -1 when absent. */
function lastIndexOfIgnoreCase(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = haystack.length - needle.length; i >= 0; i--) {
    for (let j = 0; j < needle.length; j++) if (lower(haystack[i + j]!) !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** An ASCII byte in lower case. */
function lower(byte: number): number {
  return byte >= 65 && byte <= 90 ? byte + 32 : byte;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
