/**
 * Jupyter's wire format over ZeroMQ: routing identities, `<IDS|MSG>`, an HMAC-SHA256 hex
 * signature, the header, parent header, metadata and content as JSON, then raw buffers.
 * Signatures are checked in constant time, and a signature seen before (a replay) is refused.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import type { JupyterMessage, MessageHeader } from "./messages.ts";

const DELIMITER = new TextEncoder().encode("<IDS|MSG>");
const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

/** How many signatures are remembered to refuse replays (jupyter_client keeps 2^16 too). */
const DIGEST_HISTORY = 65536;

/** A message as it arrived: its routing identities, and the message. */
export interface ReceivedMessage {
  identities: Uint8Array[];
  message: JupyterMessage;
}

/** Signs and checks messages with the connection's key; an empty key turns signing off, as in Jupyter. */
export class MessageSigner {
  private readonly key: Buffer | undefined;
  private readonly seen = new Set<string>();

  constructor(key: string, scheme: string) {
    if (scheme !== "hmac-sha256") throw new Error(`signature_scheme ${JSON.stringify(scheme)} is not supported; use "hmac-sha256"`);
    this.key = key === "" ? undefined : Buffer.from(key, "utf8");
  }

  /** The hex signature of the four JSON parts (empty when signing is off). */
  sign(parts: readonly Uint8Array[]): string {
    if (this.key === undefined) return "";
    const hmac = createHmac("sha256", this.key);
    for (const part of parts) hmac.update(part);
    return hmac.digest("hex");
  }

  /** Undefined when `signature` signs `parts` and was never seen before; otherwise why it is refused. */
  check(signature: Uint8Array, parts: readonly Uint8Array[]): string | undefined {
    if (this.key === undefined) return undefined;
    const expected = Buffer.from(this.sign(parts), "ascii");
    const given = Buffer.from(signature);
    // timingSafeEqual needs equal lengths; a length says nothing about the key.
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return "its signature does not match the connection key";
    const digest = given.toString("ascii");
    if (this.seen.has(digest)) return "its signature was used before (a replayed message)";
    this.seen.add(digest);
    if (this.seen.size > DIGEST_HISTORY) {
      // Forget the oldest tenth at once, as jupyter_client does, rather than one per message.
      let drop = DIGEST_HISTORY / 10;
      for (const old of this.seen) {
        if (drop-- <= 0) break;
        this.seen.delete(old);
      }
    }
    return undefined;
  }
}

function parseObject(frame: Uint8Array, what: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(frame));
  } catch {
    return `its ${what} is not JSON in UTF-8`;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) return `its ${what} is not a JSON object`;
  return value as Record<string, unknown>;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((byte, i) => byte === b[i]);
}

/** Reads a message from its frames; a string says why it is dropped. */
export function decodeMessage(frames: readonly Uint8Array[], signer: MessageSigner): ReceivedMessage | string {
  const delimiter = frames.findIndex((frame) => sameBytes(frame, DELIMITER));
  if (delimiter < 0) return "it has no <IDS|MSG> delimiter";
  if (frames.length < delimiter + 6) return `it has ${frames.length - delimiter - 1} frames after the delimiter; a signature and four JSON parts are needed`;
  const signature = frames[delimiter + 1]!;
  const parts = frames.slice(delimiter + 2, delimiter + 6);
  const refused = signer.check(signature, parts);
  if (refused) return refused;
  const [header, parent, metadata, content] = parts.map((part, i) => parseObject(part, ["header", "parent header", "metadata", "content"][i]!));
  for (const part of [header, parent, metadata, content]) if (typeof part === "string") return part;
  const h = header as Record<string, unknown>;
  if (typeof h.msg_id !== "string" || typeof h.msg_type !== "string" || typeof h.session !== "string") return "its header lacks msg_id, msg_type or session as strings";
  return {
    identities: frames.slice(0, delimiter),
    message: {
      header: h as unknown as MessageHeader,
      parent_header: parent as Record<string, unknown>,
      metadata: metadata as Record<string, unknown>,
      content: content as Record<string, unknown>,
      buffers: frames.slice(delimiter + 6),
    },
  };
}

/** The frames of a message: routing identities (or the iopub topic), delimiter, signature, JSON parts, buffers. */
export function encodeMessage(identities: readonly Uint8Array[], message: JupyterMessage, signer: MessageSigner): Uint8Array[] {
  const parts = [message.header, message.parent_header, message.metadata, message.content].map((part) => encoder.encode(JSON.stringify(part)));
  return [...identities, DELIMITER, encoder.encode(signer.sign(parts)), ...parts, ...message.buffers];
}
