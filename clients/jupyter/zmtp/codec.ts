/**
 * ZMTP 3.1 on the wire (rfc.zeromq.org/spec/37): the greeting, commands and message frames,
 * with the NULL security mechanism. Pure functions and a streaming decoder; no sockets here.
 */
import { ByteQueue } from "./byte-queue.ts";

/** Bytes of a ZMTP 3 greeting. */
export const GREETING_BYTES = 64;
/** Frame flags: more frames follow, the size is 8 bytes, the frame is a command. */
const MORE = 0x01;
const LONG = 0x02;
const COMMAND = 0x04;

/** The socket types woma speaks, as ZMTP names them in READY. */
export type SocketType = "ROUTER" | "PUB" | "REP" | "DEALER" | "REQ" | "SUB" | "XSUB" | "XPUB" | "PAIR" | "PUSH" | "PULL";

const ascii = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

/** Our greeting: ZMTP 3.1, mechanism NULL, not as server (NULL ignores it). */
export function encodeGreeting(): Uint8Array {
  const greeting = new Uint8Array(GREETING_BYTES);
  greeting[0] = 0xff;
  greeting[9] = 0x7f;
  greeting[10] = 3;
  greeting[11] = 1;
  greeting.set(ascii("NULL"), 12);
  return greeting;
}

/** What a peer's greeting says. */
export interface Greeting {
  major: number;
  minor: number;
  mechanism: string;
}

/** Reads a peer's 64-byte greeting; a string says what is wrong with it. */
export function parseGreeting(bytes: Uint8Array): Greeting | string {
  if (bytes[0] !== 0xff || bytes[9] !== 0x7f) return "it does not start with a ZMTP signature (0xFF ... 0x7F)";
  const major = bytes[10]!;
  const minor = bytes[11]!;
  if (major < 3) return `it speaks ZMTP ${major}.${minor}; ZMTP 3.0 or later is needed`;
  const mechanism = text(bytes.subarray(12, 32)).replace(/\0+$/, "");
  if (mechanism !== "NULL") return `it asks for the ${JSON.stringify(mechanism.slice(0, 20))} security mechanism; only NULL is spoken here`;
  return { major, minor, mechanism };
}

function frameHeader(flags: number, size: number): Uint8Array {
  if (size <= 255) return Uint8Array.of(flags, size);
  const header = new Uint8Array(9);
  header[0] = flags | LONG;
  new DataView(header.buffer).setBigUint64(1, BigInt(size));
  return header;
}

/** One message (its frames, MORE set on all but the last), as the chunks to write. */
export function encodeMessage(frames: readonly Uint8Array[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  frames.forEach((frame, index) => {
    out.push(frameHeader(index < frames.length - 1 ? MORE : 0, frame.length));
    if (frame.length > 0) out.push(frame);
  });
  return out;
}

/** A command frame: its name and data. */
export function encodeCommand(name: string, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const nameBytes = ascii(name);
  const body = new Uint8Array(1 + nameBytes.length + data.length);
  body[0] = nameBytes.length;
  body.set(nameBytes, 1);
  body.set(data, 1 + nameBytes.length);
  const header = frameHeader(COMMAND, body.length);
  const frame = new Uint8Array(header.length + body.length);
  frame.set(header);
  frame.set(body, header.length);
  return frame;
}

/** The READY command with its metadata (Socket-Type, and Identity for routing sockets). */
export function encodeReady(properties: Record<string, Uint8Array>): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const [name, value] of Object.entries(properties)) {
    const nameBytes = ascii(name);
    const head = new Uint8Array(1 + nameBytes.length + 4);
    head[0] = nameBytes.length;
    head.set(nameBytes, 1);
    new DataView(head.buffer).setUint32(1 + nameBytes.length, value.length);
    parts.push(head, value);
  }
  const data = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    data.set(part, at);
    at += part.length;
  }
  return encodeCommand("READY", data);
}

/** The metadata of a READY command, names lower-cased (ZMTP names are case-insensitive); a string says what is wrong. */
export function parseReadyMetadata(data: Uint8Array): Map<string, Uint8Array> | string {
  const properties = new Map<string, Uint8Array>();
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let at = 0;
  while (at < data.length) {
    const nameLength = data[at]!;
    if (nameLength === 0 || at + 1 + nameLength + 4 > data.length) return "its READY metadata is cut short";
    const name = text(data.subarray(at + 1, at + 1 + nameLength)).toLowerCase();
    const valueLength = view.getUint32(at + 1 + nameLength);
    const start = at + 1 + nameLength + 4;
    if (start + valueLength > data.length) return `its READY property ${JSON.stringify(name)} claims ${valueLength} bytes the command does not hold`;
    properties.set(name, data.subarray(start, start + valueLength));
    at = start + valueLength;
  }
  return properties;
}

/** Bounds on what a peer may send, so a hostile peer cannot make the kernel hold unbounded memory. */
export interface FrameLimits {
  /** Most bytes of one message, all its frames together (one frame included). */
  maxMessageBytes: number;
  /** Most frames in one message. */
  maxFrames: number;
}

/** What the decoder found: a command (READY, PING, SUBSCRIBE, ...) or a whole message. */
export type ZmtpEvent = { kind: "command"; name: string; data: Uint8Array } | { kind: "message"; frames: Uint8Array[] };

/** A protocol violation by the peer; the connection must be closed. */
export class ZmtpError extends Error {}

/**
 * Turns the bytes after the greeting into commands and messages. A frame over the limits
 * is refused before its body is read: the peer is told nothing and dropped.
 */
export class FrameDecoder {
  private readonly queue = new ByteQueue();
  private partial: Uint8Array[] = [];
  private partialBytes = 0;

  constructor(private readonly limits: FrameLimits) {}

  /** Feeds received bytes; returns every complete event; throws {@link ZmtpError} on a violation. */
  push(chunk: Uint8Array): ZmtpEvent[] {
    this.queue.push(chunk);
    const events: ZmtpEvent[] = [];
    for (;;) {
      const flags = this.queue.peek(0);
      if (flags === undefined) break;
      if (flags & ~(MORE | LONG | COMMAND)) throw new ZmtpError(`a frame has reserved flag bits set (0x${flags.toString(16)})`);
      const headerBytes = flags & LONG ? 9 : 2;
      if (this.queue.length < headerBytes) break;
      let size: number;
      if (flags & LONG) {
        let big = 0n;
        for (let i = 1; i < 9; i++) big = (big << 8n) | BigInt(this.queue.peek(i)!);
        if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new ZmtpError(`a frame claims ${big} bytes`);
        size = Number(big);
      } else {
        size = this.queue.peek(1)!;
      }
      const isCommand = (flags & COMMAND) !== 0;
      if (isCommand && flags & MORE) throw new ZmtpError("a command frame has the MORE flag");
      if (isCommand && this.partial.length > 0) throw new ZmtpError("a command came in the middle of a message");
      if (this.partialBytes + size > this.limits.maxMessageBytes) {
        throw new ZmtpError(`a message of more than ${this.limits.maxMessageBytes} bytes (a frame of ${size} bytes after ${this.partialBytes}) is over the limit`);
      }
      if (this.queue.length < headerBytes + size) break;
      this.queue.read(headerBytes);
      const body = this.queue.read(size);
      if (isCommand) {
        const nameLength = body[0];
        if (nameLength === undefined || nameLength === 0 || 1 + nameLength > body.length) throw new ZmtpError("a command has no name");
        events.push({ kind: "command", name: text(body.subarray(1, 1 + nameLength)), data: body.subarray(1 + nameLength) });
        continue;
      }
      this.partial.push(body);
      this.partialBytes += size;
      if (this.partial.length > this.limits.maxFrames) throw new ZmtpError(`a message has more than ${this.limits.maxFrames} frames`);
      if (!(flags & MORE)) {
        events.push({ kind: "message", frames: this.partial });
        this.partial = [];
        this.partialBytes = 0;
      }
    }
    return events;
  }
}
