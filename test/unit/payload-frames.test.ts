/** Binary payloads on the daemon-to-runner channel: written by the daemon's encoder, read only by a reader that accepts them. */
import { expect, test } from "bun:test";
import type { Message } from "vscode-jsonrpc";
import { JsonRpcErrorCodes } from "../../protocol/error-codes.ts";
import { BoundedMessageReader, type FramingProblem } from "../../protocol/wire/bounded-message-reader.ts";
import { frameOf } from "../../protocol/wire/frame-writer.ts";
import { payloadBody } from "../../protocol/wire/payload-frames.ts";

/** A message framed as the daemon's writer frames it for a runner. */
const frame = (message: object): Uint8Array => frameOf(payloadBody(message as Message));

function read(payloads: boolean, ...frames: Uint8Array[]) {
  const messages: Message[] = [];
  const problems: FramingProblem[] = [];
  const reader = new BoundedMessageReader({ onData: () => ({ dispose() {} }), onClose() {}, onError() {} }, { maxMessageBytes: 1 << 20, onProblem: (p) => void problems.push(p), payloads });
  reader.listen((m) => messages.push(m));
  for (const f of frames) reader.onData(f);
  return { messages, problems };
}

// Every byte value, newlines and what looks like a header included.
const bytes = new Uint8Array([...Array(256).keys(), ...new TextEncoder().encode("\nContent-Length: 5\r\n\r\n{}")]);

test("a response with Uint8Array bytes crosses as raw bytes and arrives as the same Uint8Array", async () => {
  const wire = frame({ jsonrpc: "2.0", id: 7, result: { done: false, bytes, last: true } });
  // The body is the JSON, a newline, then the bytes themselves: no base64.
  expect(wire.length).toBeLessThan(bytes.length + 120);
  const { messages, problems } = read(true, wire, frame({ jsonrpc: "2.0", id: 8, result: { done: true } }));
  expect(problems).toEqual([]);
  expect(messages).toHaveLength(2);
  const result = (messages[0] as unknown as { result: { bytes: Uint8Array; last: boolean } }).result;
  expect(result.bytes).toBeInstanceOf(Uint8Array);
  expect([...result.bytes]).toEqual([...bytes]);
  expect(result.last).toBe(true);
  expect((messages[1] as unknown as { result: unknown }).result).toEqual({ done: true });
});

test("messages without a payload are plain JSON, byte for byte what JSON.stringify gives", async () => {
  const message = { jsonrpc: "2.0", id: 1, method: "runner/run", params: { code: "print('a\\nb')" } };
  const wire = frame(message);
  expect(new TextDecoder().decode(wire)).toEndWith(JSON.stringify(message));
  expect(read(true, wire).messages).toEqual([message]);
});

test("a reader that does not accept payloads (the daemon's, of clients and runners) refuses a payload frame as not JSON, and reads on", async () => {
  const { messages, problems } = read(false, frame({ jsonrpc: "2.0", id: 7, result: { bytes } }), frame({ jsonrpc: "2.0", id: 8, result: {} }));
  expect(problems.map((p) => p.code)).toEqual([JsonRpcErrorCodes.ParseError]);
  expect(messages).toEqual([{ jsonrpc: "2.0", id: 8, result: {} }] as unknown as Message[]);
});

test("a payload whose length the result does not announce is refused, naming both", async () => {
  const body = new TextEncoder().encode('{"jsonrpc":"2.0","id":3,"result":{"bytes":5}}\nabc');
  const wire = new Uint8Array([...new TextEncoder().encode(`Content-Length: ${body.length}\r\n\r\n`), ...body]);
  const { messages, problems } = read(true, wire);
  expect(messages).toEqual([]);
  expect(problems[0]!.message).toContain("a binary payload of 3 bytes came with a result announcing 5");
  expect(problems[0]!.id).toBe(3);
});
