/** A small ZeroMQ peer for tests: connects to a kernel's channel as DEALER, SUB or REQ, and can also send what no well-behaved peer would. */
import { connect, type Socket } from "node:net";
import { encodeGreeting, encodeMessage, encodeReady, FrameDecoder, GREETING_BYTES, type SocketType } from "../../clients/jupyter/zmtp/codec.ts";
import { HeaderMaker, type JupyterMessage } from "../../clients/jupyter/messages.ts";
import { decodeMessage, encodeMessage as encodeWire, MessageSigner } from "../../clients/jupyter/wire-message.ts";
import { waitFor } from "./paths.ts";

/** One test peer on one channel. */
export interface ZmtpTestPeer {
  /** Sends one message (its frames) after the handshake. */
  send(frames: Uint8Array[]): void;
  /** Writes raw bytes, handshake or not. */
  raw(bytes: Uint8Array): void;
  /** The next message received, within `timeoutMs`. */
  next(what: string, timeoutMs?: number): Promise<Uint8Array[]>;
  /** Messages received and not yet taken. */
  readonly inbox: Uint8Array[][];
  /** True once the kernel closed the connection. */
  readonly closed: boolean;
  close(): void;
}

/** Connects to `port` on 127.0.0.1 as `type`; with `handshake: false`, sends nothing (the test writes raw bytes). */
export async function zmtpPeer(port: number, type: SocketType, options: { identity?: string; handshake?: boolean; subscribe?: string } = {}): Promise<ZmtpTestPeer> {
  const socket: Socket = await new Promise((resolve, reject) => {
    const s = connect(port, "127.0.0.1", () => resolve(s));
    s.once("error", reject);
  });
  const inbox: Uint8Array[][] = [];
  let greeted = 0;
  let closed = false;
  const decoder = new FrameDecoder({ maxMessageBytes: 1 << 30, maxFrames: 1 << 16 });
  socket.on("data", (chunk: Buffer) => {
    let data: Uint8Array = chunk;
    if (greeted < GREETING_BYTES) {
      const take = Math.min(GREETING_BYTES - greeted, data.length);
      greeted += take;
      data = data.subarray(take);
    }
    for (const event of decoder.push(data)) if (event.kind === "message") inbox.push(event.frames);
  });
  socket.on("close", () => (closed = true));
  socket.on("error", () => {});
  if (options.handshake !== false) {
    socket.write(encodeGreeting());
    const properties: Record<string, Uint8Array> = { "Socket-Type": new TextEncoder().encode(type) };
    if (options.identity !== undefined) properties.Identity = new TextEncoder().encode(options.identity);
    socket.write(encodeReady(properties));
    if (options.subscribe !== undefined) socket.write(Buffer.concat(encodeMessage([Uint8Array.of(1, ...new TextEncoder().encode(options.subscribe))])));
  }
  return {
    inbox,
    get closed() {
      return closed;
    },
    send: (frames) => void socket.write(Buffer.concat(encodeMessage(frames))),
    raw: (bytes) => void socket.write(bytes),
    next: async (what, timeoutMs = 10_000) => {
      await waitFor(what, () => inbox.length > 0, timeoutMs);
      return inbox.shift()!;
    },
    close: () => socket.destroy(),
  };
}

/** A Jupyter client over test peers: signs what it sends with the connection key, reads and checks what comes back. */
export class TestJupyterClient {
  readonly headers = new HeaderMaker("tester");
  readonly signer: MessageSigner;

  constructor(
    private readonly key: string,
    readonly shell: ZmtpTestPeer,
    readonly iopub: ZmtpTestPeer,
  ) {
    this.signer = new MessageSigner(key, "hmac-sha256");
  }

  /** The frames of a request, signed. */
  frames(msgType: string, content: Record<string, unknown>): { frames: Uint8Array[]; message: JupyterMessage } {
    const message = this.headers.message(msgType, content, {});
    return { frames: encodeWire([], message, this.signer), message };
  }

  /** Sends a request on shell and waits for its reply (a kernel's first answer waits for its interpreter to boot: give it time). */
  async request(msgType: string, content: Record<string, unknown> = {}, timeoutMs = 60_000): Promise<JupyterMessage> {
    const { frames, message } = this.frames(msgType, content);
    this.shell.send(frames);
    for (;;) {
      const reply = this.read(await this.shell.next(`the reply to ${msgType}`, timeoutMs));
      if (reply.parent_header.msg_id === message.header.msg_id) return reply;
    }
  }

  /** Reads a message the kernel sent, checking its signature with the key (a fresh signer: replays are not the question here). */
  read(frames: Uint8Array[]): JupyterMessage {
    const decoded = decodeMessage(frames, new MessageSigner(this.key, "hmac-sha256"));
    if (typeof decoded === "string") throw new Error(`the kernel sent a bad message: ${decoded}`);
    return decoded.message;
  }
}
