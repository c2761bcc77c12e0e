/** Reads a request's JSON body within a size limit, refusing bodies that are too big, not UTF-8, not JSON or not an object. */
import { DEFAULTS } from "../../protocol/defaults.ts";
import { describeValue, errorMessage } from "../../protocol/describe.ts";
import { RestError } from "./rest-errors.ts";

/** The default body limit: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = DEFAULTS.restMaxBodyBytes;

function tooLarge(limit: number, got: string): RestError {
  return new RestError("payload_too_large", `request body too large: the limit is ${limit} bytes (--max-body), got ${got}`);
}

/**
 * The body's bytes, at most `limit` of them. A declared `Content-Length` above the limit
 * is refused before anything is read; a chunked body is read until it passes the limit,
 * then the rest is dropped. Throws a 413 {@link RestError} when the body is too big.
 */
export async function readBodyBytes(request: Request, limit: number): Promise<Uint8Array> {
  const declared = request.headers.get("Content-Length");
  if (declared !== null && Number(declared) > limit) throw tooLarge(limit, `Content-Length ${declared}`);
  if (request.body === null) return new Uint8Array(0);
  // A declared length within the limit bounds the body (HTTP framing ends it there): read it
  // whole, which costs a fraction of reading the stream chunk by chunk.
  if (declared !== null && /^\d+$/.test(declared)) return new Uint8Array(await request.arrayBuffer());
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit, `more than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Parses the body as one JSON object. Throws a 400 {@link RestError} naming the problem
 * for an empty body, bytes that are not UTF-8, text that is not JSON, or JSON that is
 * not an object (an array, a string, a number, null).
 */
export async function readJsonObject(request: Request, limit: number, example: string): Promise<Record<string, unknown>> {
  const bytes = await readBodyBytes(request, limit);
  if (bytes.byteLength === 0) throw new RestError("bad_request", `request body is empty; expected a JSON object like ${example}`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    throw new RestError("bad_request", `request body is not valid UTF-8; expected a JSON object like ${example}`, {}, {}, { cause: error });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = errorMessage(error);
    throw new RestError("bad_request", `request body is not valid JSON (${reason}); expected a JSON object like ${example}`, {}, {}, { cause: error });
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new RestError("bad_request", `request body must be a JSON object like ${example}, got ${describeValue(value)}`);
  }
  return value as Record<string, unknown>;
}
