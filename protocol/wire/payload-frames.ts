/**
 * Binary payloads on the daemon-to-runner channel: a response whose `result.bytes` is a
 * Uint8Array travels as its JSON (with `bytes` replaced by the payload's length), a newline,
 * then the raw bytes, all inside one ordinary `Content-Length` frame. JSON.stringify never
 * writes a raw newline, so the first newline ends the JSON. This spares a body chunk the
 * base64 and the large JSON string it would otherwise cost on both sides (bench/net-ipc.ts
 * measured 40-56 MB/s in base64 against 190 MB/s raw). Only runners read such frames
 * (`BoundedReaderOptions.payloads`); nothing the daemon reads from clients or runners may
 * carry one.
 */
import type { Message } from "vscode-jsonrpc";
import { jsonBody } from "./frame-writer.ts";

const NEWLINE = 10;
const SEPARATOR = new Uint8Array([NEWLINE]);

/** The `result` of a response that carries a binary payload. */
function payloadOf(message: Message): Uint8Array | undefined {
  const result = (message as { result?: unknown }).result;
  if (result === null || typeof result !== "object") return undefined;
  const bytes = (result as { bytes?: unknown }).bytes;
  return bytes instanceof Uint8Array ? bytes : undefined;
}

/**
 * Encodes a message as JSON, and a response with a Uint8Array `result.bytes` as JSON, newline,
 * raw bytes: three parts that the frame joins, so the bytes are copied once, into the frame.
 */
export function payloadBody(message: Message): Uint8Array | readonly Uint8Array[] {
  const bytes = payloadOf(message);
  if (bytes === undefined) return jsonBody(message);
  const result = (message as unknown as { result: Record<string, unknown> }).result;
  return [jsonBody({ ...message, result: { ...result, bytes: bytes.length } } as Message), SEPARATOR, bytes];
}

/**
 * Splits a frame body written by {@link payloadBody}: the JSON text, and the payload when
 * there is one. The caller parses the JSON and hands the payload to {@link attachPayload}.
 */
export function splitPayload(body: Uint8Array): { json: Uint8Array; payload: Uint8Array | undefined } {
  const at = body.indexOf(NEWLINE);
  if (at < 0) return { json: body, payload: undefined };
  // A copy that owns its memory, and a plain Uint8Array: the runner hands it to Python as it
  // is, and a Buffer's prototype (or a pooled buffer behind a small one) is no business of Python's.
  const payload = new Uint8Array(body.length - at - 1);
  payload.set(body.subarray(at + 1));
  return { json: body.subarray(0, at), payload };
}

/** Puts the payload in place of its announced length; says what is wrong when the message does not announce it. */
export function attachPayload(value: unknown, payload: Uint8Array): string | undefined {
  const result = (value as { result?: unknown } | null)?.result;
  if (result === null || typeof result !== "object") return "a binary payload came with a message that has no result object";
  const announced = (result as { bytes?: unknown }).bytes;
  if (announced !== payload.length) return `a binary payload of ${payload.length} bytes came with a result announcing ${JSON.stringify(announced)}`;
  (result as { bytes: Uint8Array }).bytes = payload;
  return undefined;
}
