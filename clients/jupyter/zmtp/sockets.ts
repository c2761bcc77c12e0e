/** The three ZeroMQ socket types a Jupyter kernel binds, ROUTER, PUB and REP, over ZMTP peers. */
import type { SocketType } from "./codec.ts";
import { ZmtpPeer, type ByteDuplex, type PeerEvents } from "./peer.ts";

/** Bounds every socket keeps, whatever its peers do. */
export interface SocketLimits {
  /** Most bytes of one incoming message. */
  maxMessageBytes: number;
  /** Most frames of one incoming message. */
  maxFrames: number;
  /** Most peers connected at once; one more is closed at once. */
  maxPeers: number;
  /** Bytes queued for a peer that is not reading, past which messages to it are dropped (ZeroMQ's high-water mark). */
  maxBacklogBytes: number;
  /** Milliseconds a peer has to finish the handshake. */
  handshakeTimeoutMs: number;
}

/** Where a socket reports what went wrong with a peer (the kernel logs it). */
export type SocketLog = (line: string) => void;

/** Peers of one bound socket: accepts them, bounds them, forgets them. */
abstract class ZmtpSocket {
  protected readonly peers = new Set<ZmtpPeer>();
  /** Messages dropped because a peer was not reading. */
  dropped = 0;

  constructor(
    protected readonly type: SocketType,
    protected readonly limits: SocketLimits,
    protected readonly log: SocketLog,
  ) {}

  /** Takes a new connection. */
  attach(stream: ByteDuplex): void {
    if (this.peers.size >= this.limits.maxPeers) {
      const peers = this.limits.maxPeers;
      this.log(`${this.type} socket: refused a connection from ${stream.remote}: ${peers} peer${peers === 1 ? " is" : "s are"} connected already, the most it takes`);
      stream.close();
      return;
    }
    const events: PeerEvents = {
      ready: (peer, identity) => this.ready(peer, identity),
      message: (peer, frames) => this.message(peer, frames),
      subscription: (peer, subscribe, topic) => this.subscription(peer, subscribe, topic),
      closed: (peer, problem) => {
        this.peers.delete(peer);
        this.gone(peer);
        if (problem) this.log(`${this.type} socket: dropped ${stream.remote}: ${problem}`);
      },
    };
    this.peers.add(new ZmtpPeer(stream, { socketType: this.type, ...this.limits }, events));
  }

  /** Closes every peer. */
  close(): void {
    for (const peer of [...this.peers]) peer.close();
  }

  /** Sends to one peer unless it has fallen too far behind; a slow reader loses messages, the kernel never waits. */
  protected deliver(peer: ZmtpPeer, frames: readonly Uint8Array[]): void {
    if (peer.stream.pendingBytes() > this.limits.maxBacklogBytes) {
      this.dropped++;
      return;
    }
    peer.send(frames);
  }

  protected ready(_peer: ZmtpPeer, _identity: Uint8Array): void {}
  protected abstract message(peer: ZmtpPeer, frames: Uint8Array[]): void;
  protected subscription(_peer: ZmtpPeer, _subscribe: boolean, _topic: Uint8Array): void {}
  protected gone(_peer: ZmtpPeer): void {}
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString("hex");

/**
 * ROUTER: each incoming message gets its peer's identity as first frame; an outgoing
 * message goes to the peer its first frame names (dropped when none has it). A peer that
 * gives no Identity gets one made up (a zero byte and four more, as libzmq does); one that
 * claims an identity already connected is refused, as libzmq does.
 */
export class RouterSocket extends ZmtpSocket {
  private readonly byIdentity = new Map<string, ZmtpPeer>();
  private readonly identities = new Map<ZmtpPeer, Uint8Array>();
  private nextId = Math.floor(Math.random() * 0xffffffff);
  private receiver: (frames: Uint8Array[]) => void = () => {};

  constructor(limits: SocketLimits, log: SocketLog) {
    super("ROUTER", limits, log);
  }

  /** Where incoming messages go, each `[identity, ...frames]`. */
  onMessage(receiver: (frames: Uint8Array[]) => void): void {
    this.receiver = receiver;
  }

  /** Sends `frames` to the peer named by `identity`. */
  send(identity: Uint8Array, frames: readonly Uint8Array[]): void {
    const peer = this.byIdentity.get(hex(identity));
    if (peer) this.deliver(peer, frames);
  }

  protected override ready(peer: ZmtpPeer, claimed: Uint8Array): void {
    let identity = claimed;
    if (identity.length === 0 || identity[0] === 0) {
      this.nextId = (this.nextId + 1) >>> 0;
      identity = Uint8Array.of(0, this.nextId >>> 24, (this.nextId >>> 16) & 0xff, (this.nextId >>> 8) & 0xff, this.nextId & 0xff);
    } else if (this.byIdentity.has(hex(identity))) {
      this.log(`ROUTER socket: refused ${peer.stream.remote}: its identity is already connected`);
      peer.close();
      return;
    }
    this.byIdentity.set(hex(identity), peer);
    this.identities.set(peer, identity);
  }

  protected message(peer: ZmtpPeer, frames: Uint8Array[]): void {
    const identity = this.identities.get(peer);
    if (identity) this.receiver([identity, ...frames]);
  }

  protected override gone(peer: ZmtpPeer): void {
    const identity = this.identities.get(peer);
    this.identities.delete(peer);
    if (identity && this.byIdentity.get(hex(identity)) === peer) this.byIdentity.delete(hex(identity));
  }
}

/**
 * PUB: a message goes to every peer that subscribed to a prefix of its first frame.
 * Subscriptions come as ZMTP 3.1 SUBSCRIBE/CANCEL commands or, from 3.0 peers, as
 * messages whose first byte is 1 (subscribe) or 0 (cancel).
 */
export class PubSocket extends ZmtpSocket {
  private readonly subscriptions = new Map<ZmtpPeer, Uint8Array[]>();

  constructor(limits: SocketLimits, log: SocketLog) {
    super("PUB", limits, log);
  }

  /** True when at least one peer would receive a message with this topic. */
  hasSubscriber(topic: Uint8Array): boolean {
    for (const prefixes of this.subscriptions.values()) if (prefixes.some((prefix) => startsWith(topic, prefix))) return true;
    return false;
  }

  /** Publishes `frames` (the first is the topic). */
  publish(frames: readonly Uint8Array[]): void {
    const topic = frames[0] ?? new Uint8Array(0);
    for (const [peer, prefixes] of this.subscriptions) {
      if (prefixes.some((prefix) => startsWith(topic, prefix))) this.deliver(peer, frames);
    }
  }

  protected override ready(peer: ZmtpPeer): void {
    this.subscriptions.set(peer, []);
  }

  protected message(peer: ZmtpPeer, frames: Uint8Array[]): void {
    const [first] = frames;
    if (frames.length === 1 && first !== undefined && (first[0] === 0 || first[0] === 1)) this.subscription(peer, first[0] === 1, first.subarray(1));
  }

  protected override subscription(peer: ZmtpPeer, subscribe: boolean, topic: Uint8Array): void {
    const prefixes = this.subscriptions.get(peer);
    if (!prefixes) return;
    if (subscribe) {
      // A peer may hold a few subscriptions; one that floods them is a peer to drop.
      if (prefixes.length >= 1024) {
        this.log(`PUB socket: dropped ${peer.stream.remote}: more than 1024 subscriptions`);
        peer.close();
        return;
      }
      prefixes.push(topic.slice());
      return;
    }
    const index = prefixes.findIndex((prefix) => prefix.length === topic.length && startsWith(topic, prefix));
    if (index >= 0) prefixes.splice(index, 1);
  }

  protected override gone(peer: ZmtpPeer): void {
    this.subscriptions.delete(peer);
  }
}

/**
 * REP: a request's envelope (the frames up to and including the first empty one) comes
 * back on its reply, so a REQ or DEALER peer gets its answer. The heartbeat only echoes,
 * so each request is answered at once, in order.
 */
export class RepSocket extends ZmtpSocket {
  private answer: (body: Uint8Array[]) => Uint8Array[] = (body) => body;

  constructor(limits: SocketLimits, log: SocketLog) {
    super("REP", limits, log);
  }

  /** How a request's body is answered (by default it is echoed). */
  onRequest(answer: (body: Uint8Array[]) => Uint8Array[]): void {
    this.answer = answer;
  }

  protected message(peer: ZmtpPeer, frames: Uint8Array[]): void {
    const delimiter = frames.findIndex((frame) => frame.length === 0);
    const envelope = delimiter >= 0 ? frames.slice(0, delimiter + 1) : [];
    this.deliver(peer, [...envelope, ...this.answer(frames.slice(envelope.length))]);
  }
}

function startsWith(topic: Uint8Array, prefix: Uint8Array): boolean {
  if (prefix.length > topic.length) return false;
  for (let i = 0; i < prefix.length; i++) if (topic[i] !== prefix[i]) return false;
  return true;
}
