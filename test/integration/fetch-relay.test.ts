/**
 * The fetch relay (the daemon's end of Python's HTTP) in-process, over a real broker and a
 * real HTTP server on 127.0.0.1: what a runner's pulls get back, what stays open, and what
 * frees the session's request slots.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { NetBroker } from "../../daemon/net/broker.ts";
import type { RelayChunk } from "../../daemon/contract/runner-protocol.ts";
import { FetchRelay } from "../../daemon/net/fetch-relay.ts";
import { parseNetPolicy } from "../../daemon/net/net-policy.ts";

const MiB = 1024 * 1024;
let server: ReturnType<typeof Bun.serve>;
let trickleCancelled = 0;

beforeAll(() => {
  server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    fetch(request) {
      const path = new URL(request.url).pathname;
      if (path === "/small") return new Response("small body");
      if (path === "/late") {
        // The head and the first part go at once; the rest follows 100 ms later.
        return new Response(
          new ReadableStream({
            async start(controller) {
              controller.enqueue(new TextEncoder().encode("late "));
              await Bun.sleep(100);
              controller.enqueue(new TextEncoder().encode("body"));
              controller.close();
            },
          }),
        );
      }
      if (path === "/big") return new Response(new Uint8Array(5 * MiB + 123).fill(7));
      if (path === "/trickle") {
        let timer: ReturnType<typeof setInterval> | undefined;
        return new Response(
          new ReadableStream({
            start(controller) {
              controller.enqueue(new TextEncoder().encode("first"));
              timer = setInterval(() => controller.enqueue(new TextEncoder().encode(".")), 100);
            },
            cancel() {
              clearInterval(timer);
              trickleCancelled++;
            },
          }),
        );
      }
      return new Response("not found", { status: 404 });
    },
  });
});

afterAll(() => server.stop(true));

function relay(): FetchRelay {
  const broker = new NetBroker(parseNetPolicy("public", [`127.0.0.1:${server.port}`], []), { maxResponseBytes: 64 * MiB, log: () => {} });
  return new FetchRelay(broker);
}

const url = (path: string) => `http://127.0.0.1:${server.port}${path}`;
/** The error `promise` rejects with; throws if it resolves. */
async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a rejection, it resolved");
}

const decode = (chunk: RelayChunk) => (chunk.done ? "" : Buffer.from(chunk.bytes).toString());

describe("FetchRelay", () => {
  test("a small body that arrives with its head comes whole with it, and nothing stays open", async () => {
    const r = relay();
    const runner = {};
    const head = await r.start({ runId: "run-1", url: url("/small") }, { runner, session: "s" });
    expect(head.status).toBe(200);
    expect(Buffer.from(head.bytes ?? new Uint8Array()).toString()).toBe("small body");
    const error = await rejection(r.pull(runner, head.requestId));
    expect(error.message).toContain(`no open response ${head.requestId}`);
  });

  test("a body still arriving is pulled, and the pull that empties it is marked last and closes it", async () => {
    const r = relay();
    const runner = {};
    const head = await r.start({ runId: "run-1", url: url("/late") }, { runner, session: "s" });
    expect(head.bytes).toBeUndefined();
    let text = "";
    for (;;) {
      const chunk = await r.pull(runner, head.requestId);
      text += decode(chunk);
      if (chunk.done || chunk.last) break;
    }
    expect(text).toBe("late body");
    expect((await rejection(r.pull(runner, head.requestId))).message).toContain("no open response");
  });

  test("responses held unread do not starve the session: 20 small ones at once, past its 8 slots", async () => {
    const r = relay();
    const runner = {};
    const heads = await Promise.race([
      Promise.all(Array.from({ length: 20 }, () => r.start({ runId: "run-1", url: url("/small") }, { runner, session: "one-session" }))),
      Bun.sleep(15_000).then(() => {
        throw new Error("the 9th request waited for a slot that unread small bodies held");
      }),
    ]);
    const bodies = heads.map((head) => Buffer.from(head.bytes ?? new Uint8Array()).toString());
    expect(bodies).toEqual(Array(20).fill("small body"));
  });

  test("a 5 MiB body arrives whole in pulls of at most 1 MiB", async () => {
    const r = relay();
    const runner = {};
    const head = await r.start({ runId: "run-1", url: url("/big") }, { runner, session: "s" });
    let total = 0;
    let pulls = 0;
    for (;;) {
      const chunk = await r.pull(runner, head.requestId);
      if (chunk.done) break;
      const bytes = Buffer.from(chunk.bytes);
      expect(bytes.length).toBeLessThanOrEqual(MiB);
      expect(bytes.every((b) => b === 7)).toBe(true);
      total += bytes.length;
      pulls++;
      if (chunk.last) break;
    }
    expect(total).toBe(5 * MiB + 123);
    expect(pulls).toBeGreaterThanOrEqual(6);
  });

  test("a trickling body: a pull hands over what has arrived without waiting for a full chunk", async () => {
    const r = relay();
    const runner = {};
    const head = await r.start({ runId: "run-1", url: url("/trickle") }, { runner, session: "s" });
    const first = await Promise.race([r.pull(runner, head.requestId), Bun.sleep(10_000).then(() => ({ done: true as const }))]);
    expect(decode(first).startsWith("first")).toBe(true);
    const before = trickleCancelled;
    await r.close(runner, head.requestId);
    const deadline = Date.now() + 5_000;
    while (trickleCancelled === before && Date.now() < deadline) await Bun.sleep(20);
    expect(trickleCancelled).toBeGreaterThan(before);
  });

  test("the end of a run closes what that run left open, and only that", async () => {
    const r = relay();
    const runner = {};
    const mine = await r.start({ runId: "run-1", url: url("/trickle") }, { runner, session: "s" });
    const other = await r.start({ runId: "run-2", url: url("/trickle") }, { runner, session: "s" });
    r.endRun(runner, "run-1");
    const error = await rejection(r.pull(runner, mine.requestId));
    expect(error.message).toMatch(/no open response|was closed/);
    expect(decode(await r.pull(runner, other.requestId)).length).toBeGreaterThan(0);
    r.endRunner(runner);
    expect((await rejection(r.pull(runner, other.requestId))).message).toMatch(/no open response|was closed/);
  });

  test("a runner may hold at most 32 responses open; the 33rd is refused, saying why", async () => {
    const r = relay();
    const runner = {};
    for (let i = 0; i < 32; i++) await r.start({ runId: "run-1", url: url("/trickle") }, { runner, session: `s${i}` });
    const error = await rejection(r.start({ runId: "run-1", url: url("/small") }, { runner, session: "s" }));
    expect(error.message).toContain("too many responses open at once (32)");
    r.endRunner(runner);
    const head = await r.start({ runId: "run-2", url: url("/small") }, { runner, session: "s" });
    expect(Buffer.from(head.bytes ?? new Uint8Array()).toString()).toBe("small body");
  });

  test("a refused address is refused before anything connects, with the rule named", async () => {
    const r = relay();
    const error = await rejection(r.start({ runId: "run-1", url: "http://169.254.169.254/latest/" }, { runner: {}, session: "s" }));
    expect(error.message).toContain("network policy refuses 169.254.169.254 (link-local)");
  });
});
