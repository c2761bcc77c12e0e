/** ZMTP 3.1 framing and peers: greetings, frames split anywhere, the bounds a hostile peer meets, and the three socket types over in-memory streams. */
import { describe, expect, test } from "bun:test";
import { ByteQueue } from "../../clients/jupyter/zmtp/byte-queue.ts";
import { encodeCommand, encodeGreeting, encodeMessage, encodeReady, FrameDecoder, parseGreeting, parseReadyMetadata, ZmtpError } from "../../clients/jupyter/zmtp/codec.ts";
import type { ByteDuplex } from "../../clients/jupyter/zmtp/peer.ts";
import { PubSocket, RepSocket, RouterSocket } from "../../clients/jupyter/zmtp/sockets.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array) => new TextDecoder().decode(data);
const join = (chunks: Uint8Array[]) => new Uint8Array(Buffer.concat(chunks));
const limits = { maxMessageBytes: 1000, maxFrames: 8 };

describe("the codec", () => {
  test("our greeting is ZMTP 3.1 with NULL, and a peer's is read back; ZMTP 2 and CURVE are refused by name", () => {
    expect(parseGreeting(encodeGreeting())).toEqual({ major: 3, minor: 1, mechanism: "NULL" });
    const old = encodeGreeting();
    old[10] = 2;
    expect(parseGreeting(old)).toBe("it speaks ZMTP 2.1; ZMTP 3.0 or later is needed");
    const curve = encodeGreeting();
    curve.set(bytes("CURVE\0"), 12);
    expect(parseGreeting(curve)).toBe('it asks for the "CURVE" security mechanism; only NULL is spoken here');
    expect(parseGreeting(new Uint8Array(64))).toContain("does not start with a ZMTP signature");
  });

  test("a message split at every byte decodes the same, short and long frames alike", () => {
    const frames = [bytes("id"), new Uint8Array(0), bytes("x".repeat(300))];
    const wire = join(encodeMessage(frames));
    const decoder = new FrameDecoder({ maxMessageBytes: 10_000, maxFrames: 8 });
    const events = [];
    for (const byte of wire) events.push(...decoder.push(Uint8Array.of(byte)));
    expect(events).toHaveLength(1);
    expect(events[0]!.kind === "message" && events[0]!.frames.map(text)).toEqual(["id", "", "x".repeat(300)]);
  });

  test("READY metadata round-trips, names case-insensitively; a cut one is named", () => {
    const ready = encodeReady({ "Socket-Type": bytes("DEALER"), Identity: bytes("abc") });
    const [event] = new FrameDecoder(limits).push(ready);
    expect(event).toMatchObject({ kind: "command", name: "READY" });
    const metadata = parseReadyMetadata((event as { data: Uint8Array }).data);
    expect(metadata instanceof Map && [...metadata].map(([k, v]) => [k, text(v)])).toEqual([["socket-type", "DEALER"], ["identity", "abc"]]);
    expect(parseReadyMetadata(Uint8Array.of(11, ...bytes("Socket-Type"), 0, 0, 0, 9, 65))).toContain("claims 9 bytes");
  });

  test("a message over the limit is refused from its header, before its body comes", () => {
    const decoder = new FrameDecoder(limits);
    const header = Uint8Array.of(0x02, 0, 0, 0, 0, 0, 0, 0x10, 0);
    expect(() => decoder.push(header)).toThrow(new ZmtpError("a message of more than 1000 bytes (a frame of 4096 bytes after 0) is over the limit"));
  });

  test("too many frames, reserved flags, a command inside a message and a frame claiming 2^63 bytes are refused", () => {
    expect(() => new FrameDecoder(limits).push(join(encodeMessage(Array.from({ length: 9 }, () => bytes("a")))))).toThrow("more than 8 frames");
    expect(() => new FrameDecoder(limits).push(Uint8Array.of(0x80, 0))).toThrow("reserved flag bits");
    expect(() => new FrameDecoder(limits).push(join([Uint8Array.of(0x01, 1, 65), encodeCommand("PING")]))).toThrow("a command came in the middle of a message");
    expect(() => new FrameDecoder({ maxMessageBytes: Number.MAX_SAFE_INTEGER, maxFrames: 8 }).push(Uint8Array.of(0x02, 0xff, 0, 0, 0, 0, 0, 0, 0))).toThrow("a frame claims");
  });

  test("the byte queue reads across chunks and peeks without reading", () => {
    const queue = new ByteQueue();
    queue.push(bytes("ab"));
    queue.push(bytes("cde"));
    expect(queue.peek(3)).toBe("d".charCodeAt(0));
    expect(text(queue.read(4))).toBe("abcd");
    expect(text(queue.read(1))).toBe("e");
    expect(queue.length).toBe(0);
  });
});

/** Two in-memory streams joined back to back: what one writes, the other receives. */
function pipe(): [ByteDuplex & { ended: boolean }, ByteDuplex & { ended: boolean }] {
  const make = () => {
    let listener: (chunk: Uint8Array | null) => void = () => {};
    const side = {
      remote: "memory",
      ended: false,
      other: undefined as unknown as { deliver(chunk: Uint8Array | null): void },
      deliver: (chunk: Uint8Array | null) => queueMicrotask(() => listener(chunk)),
      write: (chunks: readonly Uint8Array[]) => {
        if (!side.ended) side.other.deliver(join([...chunks]));
      },
      pendingBytes: () => 0,
      close: () => {
        if (side.ended) return;
        side.ended = true;
        side.other.deliver(null);
        side.deliver(null);
      },
      onData: (next: (chunk: Uint8Array | null) => void) => {
        listener = next;
      },
    };
    return side;
  };
  const a = make();
  const b = make();
  a.other = b;
  b.other = a;
  return [a, b];
}

/** A scripted remote peer on the far side of a pipe: greets, says READY as `type`, and collects messages. */
function remote(side: ByteDuplex, type: string, identity?: string) {
  const received: string[][] = [];
  let skipped = 0;
  const decoder = new FrameDecoder({ maxMessageBytes: 1 << 20, maxFrames: 64 });
  side.onData((chunk) => {
    if (chunk === null) return;
    let data = chunk;
    if (skipped < 64) {
      const take = Math.min(64 - skipped, data.length);
      skipped += take;
      data = data.subarray(take);
    }
    for (const event of decoder.push(data)) if (event.kind === "message") received.push(event.frames.map(text));
  });
  side.write([encodeGreeting(), encodeReady({ "Socket-Type": bytes(type), ...(identity ? { Identity: bytes(identity) } : {}) })]);
  return { received, send: (frames: string[]) => side.write(encodeMessage(frames.map(bytes))) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
const socketLimits = { maxMessageBytes: 1 << 20, maxFrames: 64, maxPeers: 2, maxBacklogBytes: 1 << 20, handshakeTimeoutMs: 1000 };

describe("sockets over in-memory streams", () => {
  test("ROUTER: messages arrive with the peer's identity, replies go back by it, a made-up identity starts with a zero byte", async () => {
    const router = new RouterSocket(socketLimits, () => {});
    const got: string[][] = [];
    router.onMessage((frames) => got.push(frames.map((f, i) => (i === 0 ? Buffer.from(f).toString("hex") : text(f)))));
    const [near, far] = pipe();
    router.attach(near);
    const peer = remote(far, "DEALER", "me");
    const [near2, far2] = pipe();
    router.attach(near2);
    const anonymous = remote(far2, "DEALER");
    await settle();
    peer.send(["hello"]);
    anonymous.send(["hi"]);
    await settle();
    expect(got[0]).toEqual([Buffer.from("me").toString("hex"), "hello"]);
    expect(got[1]![0]!.startsWith("00")).toBe(true);
    router.send(bytes("me"), [bytes("answer")]);
    await settle();
    expect(peer.received).toEqual([["answer"]]);
    expect(anonymous.received).toEqual([]);
  });

  test("ROUTER refuses a peer of the wrong type, one that claims a connected identity, and one past the peer limit", async () => {
    const lines: string[] = [];
    const router = new RouterSocket({ ...socketLimits, maxPeers: 3 }, (line) => lines.push(line));
    const [pubNear, pubFar] = pipe();
    router.attach(pubNear);
    remote(pubFar, "PUB");
    const [a, aFar] = pipe();
    router.attach(a);
    remote(aFar, "DEALER", "same");
    const [b, bFar] = pipe();
    router.attach(b);
    remote(bFar, "DEALER", "same");
    await settle();
    expect(pubNear.ended && b.ended && !a.ended).toBe(true);
    expect(lines.join("\n")).toContain('it is a "PUB" socket, which cannot talk to a ROUTER socket');
    expect(lines.join("\n")).toContain("its identity is already connected");
    const full = new RouterSocket({ ...socketLimits, maxPeers: 1 }, (line) => lines.push(line));
    const [c] = pipe();
    const [d] = pipe();
    full.attach(c);
    full.attach(d);
    expect([c.ended, d.ended]).toEqual([false, true]);
    expect(lines.at(-1)).toBe("ROUTER socket: refused a connection from memory: 1 peer is connected already, the most it takes");
  });

  test("PUB sends a topic only to peers subscribed to a prefix of it, by message (ZMTP 3.0) or by command (3.1)", async () => {
    const pub = new PubSocket(socketLimits, () => {});
    const [n1, f1] = pipe();
    const [n2, f2] = pipe();
    pub.attach(n1);
    pub.attach(n2);
    const byMessage = remote(f1, "SUB");
    const byCommand = remote(f2, "SUB");
    await settle();
    f1.write([join(encodeMessage([Uint8Array.of(1, ...bytes("stream."))]))]);
    f2.write([encodeCommand("SUBSCRIBE", new Uint8Array(0))]);
    await settle();
    pub.publish([bytes("stream.stdout"), bytes("a")]);
    pub.publish([bytes("kernel.x.status"), bytes("b")]);
    await settle();
    expect(byMessage.received).toEqual([["stream.stdout", "a"]]);
    expect(byCommand.received).toEqual([["stream.stdout", "a"], ["kernel.x.status", "b"]]);
  });

  test("REP echoes a REQ's body under its envelope; PING gets PONG with its context", async () => {
    const rep = new RepSocket(socketLimits, () => {});
    const [near, far] = pipe();
    rep.attach(near);
    const req = remote(far, "REQ");
    await settle();
    req.send(["", "ping"]);
    await settle();
    expect(req.received).toEqual([["", "ping"]]);
    const events: string[] = [];
    const decoder = new FrameDecoder(limits);
    far.onData((chunk) => chunk && events.push(...decoder.push(chunk).map((e) => (e.kind === "command" ? `${e.name}:${text(e.data)}` : "message"))));
    far.write([encodeCommand("PING", Uint8Array.of(0, 10, ...bytes("ctx")))]);
    await settle();
    expect(events).toEqual(["PONG:ctx"]);
  });

  test("a peer that sends no greeting within the handshake time is dropped", async () => {
    const lines: string[] = [];
    const router = new RouterSocket({ ...socketLimits, handshakeTimeoutMs: 20 }, (line) => lines.push(line));
    const [near] = pipe();
    router.attach(near);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(near.ended).toBe(true);
    expect(lines).toEqual(["ROUTER socket: dropped memory: it did not finish the ZMTP handshake within 20 ms"]);
  });

  test("bytes that are not ZMTP end the connection at once", async () => {
    const lines: string[] = [];
    const router = new RouterSocket(socketLimits, (line) => lines.push(line));
    const [near, far] = pipe();
    router.attach(near);
    far.write([bytes("GET / HTTP/1.1\r\n\r\n")]);
    await settle();
    expect(near.ended).toBe(true);
    expect(lines[0]).toContain("does not start with a ZMTP signature");
  });
});
