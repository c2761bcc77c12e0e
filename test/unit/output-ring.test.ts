/** The shared-memory ring that carries Python's output from the worker to the runner's main thread. */
import { expect, test } from "bun:test";
import { allocateRing, RING_BYTES, RingReader, RingWriter } from "../../daemon/runner/output-ring.ts";

test("bytes come out in order across many wrap-arounds", () => {
  const buffers = allocateRing();
  const writer = new RingWriter(buffers);
  const reader = new RingReader(buffers);
  const chunk = new Uint8Array(RING_BYTES / 3 + 7).map((_, i) => i % 251);
  const out: number[] = [];
  for (let round = 0; round < 20; round++) {
    writer.write(chunk);
    out.push(...reader.drain());
  }
  expect(out.length).toBe(chunk.length * 20);
  expect(out.every((value, i) => value === (i % chunk.length) % 251)).toBe(true);
});

test("an empty ring drains to nothing", () => {
  const buffers = allocateRing();
  expect(new RingReader(buffers).drain().length).toBe(0);
});

test("a drain up to a writer's position takes only what was written before it, across a wrap-around", () => {
  const buffers = allocateRing();
  const writer = new RingWriter(buffers);
  const reader = new RingReader(buffers);
  writer.write(new Uint8Array(RING_BYTES - 3).fill(1));
  reader.drain();
  writer.write(new TextEncoder().encode("before"));
  const mark = writer.position();
  writer.write(new TextEncoder().encode("after"));
  expect(new TextDecoder().decode(reader.drain(mark))).toBe("before");
  expect(new TextDecoder().decode(reader.drain(mark))).toBe("");
  expect(new TextDecoder().decode(reader.drain())).toBe("after");
});
