/** MCP's stdio transport (one JSON message per line) with a size limit that answers an over-long message instead of closing. */
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";
import { ErrorCode, JSONRPCMessageSchema, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { RequestIdScanner } from "../../protocol/wire/request-id-scanner.ts";

const NEWLINE = 0x0a;

/** The advice given with a message over the limit, written for the model that sent it. */
export function tooLargeMessage(bytes: number, limit: number): string {
  return (
    `this message is ${bytes} bytes, larger than this server's limit of ${limit} bytes (--max-message-bytes), so it was not read. ` +
    "Send large data another way: split it across several run_python calls that append to a variable in a session, " +
    "or have the code fetch it over the network when the server allows that, rather than pasting it into the code."
  );
}

/**
 * Serves MCP on a pair of streams, one JSON-RPC message per line, as the SDK's
 * StdioServerTransport does, with three differences:
 * - a line over `maxMessageBytes` is skipped as it streams past (never buffered whole) and
 *   answered with an error that carries the request's id when its top level has one, and
 *   the transport carries on (the SDK's closes itself, ending every session);
 * - a line that is not JSON, or not a JSON-RPC message, is answered with a parse or
 *   invalid-request error rather than only reported;
 * - a long line arriving in many chunks is joined once, not once per chunk.
 */
export class BoundedStdioServerTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private parts: Uint8Array[] = [];
  private lineBytes = 0;
  /** Set while the current line is over the limit: its bytes are dropped as they come. */
  private skipping: RequestIdScanner | undefined;
  private started = false;

  constructor(
    private readonly stdin: NodeJS.ReadableStream,
    private readonly stdout: NodeJS.WritableStream,
    /** Longest line accepted, in bytes, newline excluded. */
    readonly maxMessageBytes: number,
  ) {}

  async start(): Promise<void> {
    if (this.started) throw new Error("BoundedStdioServerTransport already started");
    this.started = true;
    this.stdin.on("data", this.onData);
    this.stdin.on("error", this.onError);
  }

  async close(): Promise<void> {
    this.stdin.off("data", this.onData);
    this.stdin.off("error", this.onError);
    if (this.stdin.listenerCount("data") === 0) this.stdin.pause();
    this.parts = [];
    this.lineBytes = 0;
    this.onclose?.();
  }

  send(message: JSONRPCMessage): Promise<void> {
    return new Promise((resolve) => {
      if (this.stdout.write(`${JSON.stringify(message)}\n`)) resolve();
      else this.stdout.once("drain", resolve);
    });
  }

  private readonly onError = (error: Error) => this.onerror?.(error);

  private readonly onData = (chunk: Buffer | string) => {
    let bytes: Uint8Array = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    for (;;) {
      const end = bytes.indexOf(NEWLINE);
      const piece = end < 0 ? bytes : bytes.subarray(0, end);
      this.take(piece);
      if (end < 0) return;
      this.endLine();
      bytes = bytes.subarray(end + 1);
    }
  };

  /** Adds bytes of the current line, switching to skipping once it passes the limit. */
  private take(piece: Uint8Array): void {
    if (piece.length === 0) return;
    this.lineBytes += piece.length;
    if (this.skipping) {
      this.skipping.push(piece);
      return;
    }
    if (this.lineBytes > this.maxMessageBytes) {
      this.skipping = new RequestIdScanner();
      for (const part of this.parts) this.skipping.push(part);
      this.skipping.push(piece);
      this.parts = [];
      return;
    }
    // Copied: a stream may reuse its chunk's memory.
    this.parts.push(Uint8Array.from(piece));
  }

  private endLine(): void {
    const bytes = this.lineBytes;
    const skipped = this.skipping;
    const parts = this.parts;
    this.parts = [];
    this.lineBytes = 0;
    this.skipping = undefined;
    if (skipped) {
      this.answer(skipped.id, ErrorCode.InvalidRequest, tooLargeMessage(bytes, this.maxMessageBytes));
      this.onerror?.(new Error(`skipped a message of ${bytes} bytes, over the limit of ${this.maxMessageBytes}`));
      return;
    }
    const line = Buffer.concat(parts).toString("utf8").replace(/\r$/, "");
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      this.answer(null, ErrorCode.ParseError, `this line is not valid JSON (${(error as Error).message}); send one JSON-RPC message per line`);
      return;
    }
    const parsed = JSONRPCMessageSchema.safeParse(value);
    if (!parsed.success) {
      const record = value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
      // A broken response (no method) is not answered: JSON-RPC never answers a response.
      if (record && !("method" in record)) {
        this.onerror?.(new Error(`dropped a message that is neither a request, a notification nor a response: ${line.slice(0, 200)}`));
        return;
      }
      const id = typeof record?.id === "string" || typeof record?.id === "number" ? record.id : null;
      this.answer(id, ErrorCode.InvalidRequest, `this is not a valid JSON-RPC 2.0 message: ${parsed.error.issues[0]?.message ?? "wrong shape"}`);
      return;
    }
    try {
      this.onmessage?.(parsed.data);
    } catch (error) {
      this.onerror?.(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private answer(id: string | number | null, code: number, message: string): void {
    // An error response with a null id is what JSON-RPC prescribes when the id cannot be read.
    void this.send({ jsonrpc: "2.0", id, error: { code, message } } as unknown as JSONRPCMessage).catch(() => {});
  }
}
