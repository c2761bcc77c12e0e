/** A Content-Length framed JSON-RPC reader with a size limit that reports bad input instead of dying on it. */
import { AbstractMessageReader, type DataCallback, type Disposable, type Message } from "vscode-jsonrpc";
import { JsonRpcErrorCodes, WomaErrorCodes } from "../error-codes.ts";

/** A source of bytes: a Node stream, a socket, or a test's hand-fed chunks. */
export interface ByteSource {
  /** Registers the callback for each chunk; returns how to stop listening. */
  onData(listener: (chunk: Uint8Array) => void): Disposable;
  /** Registers the callback for the end of the source. */
  onClose(listener: () => void): void;
  /** Registers the callback for a read error. */
  onError(listener: (error: Error) => void): void;
}

/** A problem with one incoming message, to be answered with a JSON-RPC error whose id is `id`. */
export interface FramingProblem {
  /** The id of the offending request when it could be read, else null. */
  id: number | string | null;
  /** A JSON-RPC or woma error code. */
  code: number;
  /** What was wrong, naming the offending part. */
  message: string;
}

/** Options of {@link BoundedMessageReader}. */
export interface BoundedReaderOptions {
  /** Largest message body accepted, in bytes. Larger bodies are skipped and reported. */
  maxMessageBytes: number;
  /** Called for every message that cannot be delivered; the reader keeps going. */
  onProblem: (problem: FramingProblem) => void;
}

const HEADER_END = new Uint8Array([13, 10, 13, 10]);
const MAX_HEADER_BYTES = 8192;

/** Wraps a Node readable stream as a {@link ByteSource}. */
export function nodeStreamSource(stream: NodeJS.ReadableStream): ByteSource {
  return {
    onData(listener) {
      const handler = (chunk: Buffer | string) => listener(typeof chunk === "string" ? Buffer.from(chunk) : chunk);
      stream.on("data", handler);
      return { dispose: () => void stream.off("data", handler) };
    },
    onClose(listener) {
      stream.on("close", listener);
      stream.on("end", listener);
    },
    onError(listener) {
      stream.on("error", listener);
    },
  };
}

/**
 * Reads `Content-Length:` framed messages. Unlike vscode-jsonrpc's stream reader it
 * never stops on bad input: invalid JSON, a message that is not a JSON-RPC object, a
 * missing header or a body over the limit are each reported through `onProblem`
 * and skipped, and the next message is read as usual.
 */
export class BoundedMessageReader extends AbstractMessageReader {
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private bodyLength = -1;
  private skipRemaining = 0;
  private callback: DataCallback | undefined;
  private closed = false;
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
      this.fireClose();
    });
    return subscription;
  }

  /** Feeds bytes; public so tests can drive framing without a stream. */
  onData(chunk: Uint8Array): void {
    if (this.skipRemaining > 0) {
      const skipped = Math.min(this.skipRemaining, chunk.length);
      this.skipRemaining -= skipped;
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

  /** Joins the pending chunks into one array (no copy when there is only one). */
  private flatten(): Uint8Array {
    if (this.pending.length === 1) return this.pending[0]!;
    const out = new Uint8Array(this.pendingBytes);
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
          this.problem(null, JsonRpcErrorCodes.ParseError, `message header is longer than ${MAX_HEADER_BYTES} bytes without a blank line ending it; the bytes were dropped`);
          this.consume(flat, flat.length);
        }
        return false;
      }
      const header = new TextDecoder("latin1").decode(flat.subarray(0, end));
      this.consume(flat, end + HEADER_END.length);
      const length = contentLength(header);
      if (length === undefined) {
        this.problem(null, JsonRpcErrorCodes.ParseError, `message header has no valid Content-Length (got ${JSON.stringify(header.slice(0, 200))})`);
        return true;
      }
      if (length > this.options.maxMessageBytes) {
        this.problem(null, WomaErrorCodes.MessageTooLarge, `message of ${length} bytes is larger than the limit of ${this.options.maxMessageBytes} bytes; it was skipped`);
        const inBuffer = Math.min(length, this.pendingBytes);
        this.consume(this.flatten(), inBuffer);
        this.skipRemaining = length - inBuffer;
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
    let text: string;
    try {
      text = this.decoder.decode(body);
    } catch {
      this.problem(null, JsonRpcErrorCodes.ParseError, "message body is not valid UTF-8");
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      this.problem(null, JsonRpcErrorCodes.ParseError, `message body is not valid JSON: ${(error as Error).message}`);
      return;
    }
    const invalid = describeInvalid(value);
    if (invalid !== undefined) {
      this.problem(idOf(value), JsonRpcErrorCodes.InvalidRequest, invalid);
      return;
    }
    this.callback?.(value as Message);
  }

  private problem(id: FramingProblem["id"], code: number, message: string): void {
    this.options.onProblem({ id, code, message });
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

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
