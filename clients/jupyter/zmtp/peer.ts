/** One ZMTP 3.1 connection: the NULL handshake, then commands and messages, over any byte stream. */
import { encodeCommand, encodeGreeting, encodeMessage, encodeReady, FrameDecoder, GREETING_BYTES, parseGreeting, parseReadyMetadata, ZmtpError, type FrameLimits, type SocketType } from "./codec.ts";
import { ByteQueue } from "./byte-queue.ts";

/**
 * A byte stream to one peer: a TCP or Unix socket here, anything else that carries bytes
 * in order later. The ZMTP layer never sees the transport.
 */
export interface ByteDuplex {
  /** Queues bytes to send. */
  write(chunks: readonly Uint8Array[]): void;
  /** Bytes queued and not yet handed to the operating system. */
  pendingBytes(): number;
  /** Closes the stream (what is queued is still sent). */
  close(): void;
  /** Called with each chunk received, then once with null when the stream ends or fails. */
  onData(listener: (chunk: Uint8Array | null) => void): void;
  /** Where the peer is, for log lines. */
  readonly remote: string;
}

/** Socket types each of ours accepts as a peer (ZMTP 3.1, "Socket Type Compatibility"). */
const COMPATIBLE: Partial<Record<SocketType, readonly string[]>> = {
  ROUTER: ["DEALER", "REQ", "ROUTER"],
  PUB: ["SUB", "XSUB"],
  REP: ["REQ", "DEALER"],
};

/** What a peer's connection tells its socket. */
export interface PeerEvents {
  /** The handshake is done; `identity` is the peer's Identity property (empty when it gave none). */
  ready(peer: ZmtpPeer, identity: Uint8Array): void;
  /** A whole message. */
  message(peer: ZmtpPeer, frames: Uint8Array[]): void;
  /** A ZMTP 3.1 SUBSCRIBE or CANCEL command (PUB sockets). */
  subscription?(peer: ZmtpPeer, subscribe: boolean, topic: Uint8Array): void;
  /** The connection is gone; `problem` says why when the peer broke the protocol. */
  closed(peer: ZmtpPeer, problem: string | undefined): void;
}

/** Options of a peer connection. */
export interface PeerOptions extends FrameLimits {
  /** Our socket type, sent in READY. */
  socketType: SocketType;
  /** Milliseconds the peer has to finish the handshake before it is dropped. */
  handshakeTimeoutMs: number;
}

/** One peer of a socket: handshake, then messages both ways. */
export class ZmtpPeer {
  private state: "greeting" | "ready-wait" | "open" | "closed" = "greeting";
  private readonly greeting = new ByteQueue();
  private readonly decoder: FrameDecoder;
  private readonly timer: ReturnType<typeof setTimeout>;
  /** The peer's socket type, once its READY came. */
  peerType = "";

  constructor(
    readonly stream: ByteDuplex,
    private readonly options: PeerOptions,
    private readonly events: PeerEvents,
  ) {
    this.decoder = new FrameDecoder(options);
    this.timer = setTimeout(() => this.fail(`it did not finish the ZMTP handshake within ${options.handshakeTimeoutMs} ms`), options.handshakeTimeoutMs);
    stream.onData((chunk) => (chunk === null ? this.end(undefined) : this.receive(chunk)));
    stream.write([encodeGreeting()]);
  }

  /** True once the handshake is done and until the connection ends. */
  get open(): boolean {
    return this.state === "open";
  }

  /** Sends one message; dropped when the connection is not open. */
  send(frames: readonly Uint8Array[]): void {
    if (this.state === "open") this.stream.write(encodeMessage(frames));
  }

  /** Closes the connection. */
  close(): void {
    this.end(undefined);
  }

  private receive(chunk: Uint8Array): void {
    try {
      if (this.state === "greeting") {
        this.greeting.push(chunk);
        if (this.greeting.length < GREETING_BYTES) {
          // A ZMTP peer sends its signature first; anything else can be refused at once.
          if (this.greeting.peek(0) !== 0xff) throw new ZmtpError("it does not start with a ZMTP signature (0xFF ... 0x7F)");
          return;
        }
        const parsed = parseGreeting(this.greeting.read(GREETING_BYTES));
        if (typeof parsed === "string") throw new ZmtpError(parsed);
        this.state = "ready-wait";
        const properties: Record<string, Uint8Array> = { "Socket-Type": new TextEncoder().encode(this.options.socketType) };
        if (this.options.socketType === "ROUTER") properties.Identity = new Uint8Array(0);
        this.stream.write([encodeReady(properties)]);
        const rest = this.greeting.read(this.greeting.length);
        if (rest.length === 0) return;
        chunk = rest;
      }
      for (const event of this.decoder.push(chunk)) {
        if (this.state === "closed") return;
        if (this.state === "ready-wait") this.handshake(event);
        else if (event.kind === "message") this.events.message(this, event.frames);
        else this.command(event.name, event.data);
      }
    } catch (error) {
      if (!(error instanceof ZmtpError)) throw error;
      this.fail(error.message);
    }
  }

  private handshake(event: { kind: "command"; name: string; data: Uint8Array } | { kind: "message" }): void {
    if (event.kind !== "command" || event.name !== "READY") {
      if (event.kind === "command" && event.name === "ERROR") throw new ZmtpError(`it refused the handshake: ${new TextDecoder().decode(event.data.subarray(1, 1 + (event.data[0] ?? 0)))}`);
      throw new ZmtpError("its first command was not READY");
    }
    const metadata = parseReadyMetadata(event.data);
    if (typeof metadata === "string") throw new ZmtpError(metadata);
    const type = new TextDecoder().decode(metadata.get("socket-type") ?? new Uint8Array(0));
    if (!(COMPATIBLE[this.options.socketType] ?? []).includes(type)) {
      this.stream.write([encodeCommand("ERROR", errorReason(`a ${type || "typeless"} socket cannot talk to a ${this.options.socketType} socket`))]);
      throw new ZmtpError(`it is a ${JSON.stringify(type.slice(0, 20))} socket, which cannot talk to a ${this.options.socketType} socket`);
    }
    this.peerType = type;
    this.state = "open";
    clearTimeout(this.timer);
    this.events.ready(this, metadata.get("identity") ?? new Uint8Array(0));
  }

  private command(name: string, data: Uint8Array): void {
    switch (name) {
      case "PING":
        // PING carries a 2-byte TTL, then up to 16 bytes of context that PONG gives back.
        this.stream.write([encodeCommand("PONG", data.subarray(2, 18))]);
        return;
      case "SUBSCRIBE":
      case "CANCEL":
        this.events.subscription?.(this, name === "SUBSCRIBE", data);
        return;
      case "ERROR":
        throw new ZmtpError("it sent ERROR");
      default:
        // PONG and commands of later versions mean nothing to us.
        return;
    }
  }

  private fail(problem: string): void {
    this.end(problem);
  }

  private end(problem: string | undefined): void {
    if (this.state === "closed") return;
    this.state = "closed";
    clearTimeout(this.timer);
    this.stream.close();
    this.events.closed(this, problem);
  }
}

function errorReason(reason: string): Uint8Array {
  const bytes = new TextEncoder().encode(reason).subarray(0, 255);
  return Uint8Array.of(bytes.length, ...bytes);
}
