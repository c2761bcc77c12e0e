/** The one-write frame writer: each message leaves as one whole frame, in order, over a real socket pair; failures reach the connection. */
import { expect, test } from "bun:test";
import { createServer, createConnection, type Socket } from "node:net";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { Message } from "vscode-jsonrpc";
import { BoundedMessageReader } from "../../protocol/wire/bounded-message-reader.ts";
import { nodeStreamSource } from "../../protocol/wire/byte-sources.ts";
import { FrameWriter } from "../../protocol/wire/frame-writer.ts";
import { payloadBody } from "../../protocol/wire/payload-frames.ts";

/** A sink that records each write call as it was handed over. */
function recordingSink(fail?: Error) {
  const writes: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      writes.push(Buffer.from(chunk));
      callback(fail ?? null);
    },
  });
  return { sink, writes };
}

test("each message is one write holding its whole frame: header and body together", async () => {
  const { sink, writes } = recordingSink();
  const writer = new FrameWriter(sink);
  await writer.write({ jsonrpc: "2.0", id: 1, method: "runner/run", params: { code: "print('é')" } } as Message);
  await writer.write({ jsonrpc: "2.0", method: "note" } as Message);
  expect(writes).toHaveLength(2);
  const first = writes[0]!.toString("utf8");
  const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "runner/run", params: { code: "print('é')" } });
  // Content-Length counts bytes, not characters.
  expect(first).toBe(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
});

test("frames written back to back arrive whole and in order at a reader on the other end of a socket", async () => {
  const dir = mkdtempSync(join(tmpdir(), "woma-frame-writer-"));
  const path = join(dir, "s.sock");
  const accepted = new Promise<Socket>((resolve) => {
    const server = createServer((socket) => {
      server.close();
      resolve(socket);
    });
    server.listen(path);
  });
  await new Promise((r) => setTimeout(r, 20));
  const client = createConnection(path);
  const server = await accepted;
  const received: Message[] = [];
  const reader = new BoundedMessageReader(nodeStreamSource(server), { maxMessageBytes: 1 << 24, payloads: true, onProblem: (p) => received.push({ problem: p.message } as unknown as Message) });
  reader.listen((m) => received.push(m));
  const writer = new FrameWriter(client, payloadBody);
  const bytes = new Uint8Array(300_000).map((_, i) => i % 251);
  // Not awaited one by one: order must hold for writes issued in the same turn.
  await Promise.all([
    writer.write({ jsonrpc: "2.0", id: 1, result: { bytes } } as unknown as Message),
    ...Array.from({ length: 50 }, (_, i) => writer.write({ jsonrpc: "2.0", method: "n", params: { i } } as Message)),
  ]);
  const deadline = Date.now() + 5000;
  while (received.length < 51 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  expect(received).toHaveLength(51);
  const payload = (received[0] as unknown as { result: { bytes: Uint8Array } }).result.bytes;
  expect(payload).toBeInstanceOf(Uint8Array);
  expect(payload.length).toBe(bytes.length);
  expect(payload[250]).toBe(250);
  expect(received.slice(1).map((m) => (m as unknown as { params: { i: number } }).params.i)).toEqual(Array.from({ length: 50 }, (_, i) => i));
  client.destroy();
  server.destroy();
});

test("a failed write rejects and is reported to the connection; a message that cannot be encoded too", async () => {
  const { sink } = recordingSink(new Error("EPIPE: the peer is gone"));
  const writer = new FrameWriter(sink);
  const errors: string[] = [];
  writer.onError(([error]) => void errors.push(error.message));
  await expect(writer.write({ jsonrpc: "2.0", method: "x" } as Message)).rejects.toThrow("EPIPE");
  const cyclic: Record<string, unknown> = { jsonrpc: "2.0", method: "y" };
  cyclic.params = cyclic;
  const ok = recordingSink();
  const second = new FrameWriter(ok.sink);
  second.onError(([error]) => void errors.push(`encode: ${error.message.slice(0, 20)}`));
  await expect(second.write(cyclic as unknown as Message)).rejects.toThrow();
  expect(ok.writes).toHaveLength(0);
  // (A stream that fails also emits "error", which is reported as vscode-jsonrpc's own writer reports it.)
  expect(errors.some((e) => e.includes("EPIPE"))).toBe(true);
  expect(errors.filter((e) => e.startsWith("encode: "))).toHaveLength(1);
});

test("the stream closing closes the writer", async () => {
  const { sink } = recordingSink();
  const writer = new FrameWriter(sink);
  let closed = false;
  writer.onClose(() => void (closed = true));
  sink.destroy();
  await new Promise((r) => setTimeout(r, 10));
  expect(closed).toBe(true);
});
