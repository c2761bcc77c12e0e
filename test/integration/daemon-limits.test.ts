/** Misbehaving Python (test/fixtures/*.py): the daemon survives each, reports it clearly, and other sessions go on. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { createHash, randomBytes } from "node:crypto";
import { isSessionLost, failureData } from "../../clients/shared/run-errors.ts";
import { JsonRpcErrorCodes, WomaErrorCodes } from "../../protocol/error-codes.ts";
import { rejection } from "../harness/expect-error.ts";
import { fixture } from "../harness/fixtures.ts";
import { waitFor } from "../harness/paths.ts";
import { startDaemon, type DaemonUnderTest } from "../harness/start-daemon.ts";

describe("misbehaving code", () => {
  let daemon: DaemonUnderTest;
  beforeAll(async () => {
    daemon = await startDaemon({ transport: "socket", args: ["--memory-limit", "700"] });
  });
  afterAll(async () => {
    await daemon?.stop();
  });

  test("an infinite loop with a 1 s timeout is interrupted and the session keeps its state", async () => {
    const { client } = daemon;
    const session = (await client.createSession()).session.session_id;
    await client.run({ code: "kept = 41", session_id: session });
    const error = await rejection(client.run({ code: fixture("infinite_loop.py"), session_id: session, timeout_ms: 1000 }));
    expect(error.code).toBe(WomaErrorCodes.RunTimedOut);
    expect(error.message).toContain("timed out after 1000 ms");
    expect(failureData(error)?.session_state).toBe("kept");
    expect((await client.run({ code: "kept + 1", session_id: session })).result).toBe("42");
  });

  test("time.sleep is interrupted by the timeout too (Pyodide's own sleep would block through it)", async () => {
    const error = await rejection(daemon.client.run({ code: "import time\ntime.sleep(30)", timeout_ms: 500 }));
    expect(error.code).toBe(WomaErrorCodes.RunTimedOut);
    expect(failureData(error)).toMatchObject({ session_state: "none", runner_killed: false });
  });

  test("a loop that swallows KeyboardInterrupt gets its runner killed; its sessions are lost; new ones work", async () => {
    const { client } = daemon;
    const victim = (await client.createSession()).session;
    const neighbour = (await client.createSession()).session;
    expect(neighbour.runner_id).toBe(victim.runner_id);
    const error = await rejection(client.run({ code: fixture("stubborn_loop.py"), session_id: victim.session_id, timeout_ms: 1000 }));
    expect(error.code).toBe(WomaErrorCodes.RunTimedOut);
    expect(error.message).toContain("runner was killed");
    expect(isSessionLost(error)).toBe(true);
    expect(failureData(error)?.runner_killed).toBe(true);

    const lost = await rejection(client.run({ code: "1", session_id: neighbour.session_id }));
    expect(lost.code).toBe(WomaErrorCodes.SessionLost);
    expect(lost.message).toContain("ignored the interrupt");

    const fresh = (await client.createSession()).session.session_id;
    expect((await client.run({ code: "2+2", session_id: fresh })).result).toBe("4");
    // A lost session comes back, empty, after a reset.
    await client.resetSession(neighbour.session_id);
    expect((await client.run({ code: "3", session_id: neighbour.session_id })).result).toBe("3");
  });

  test("cancelling a request stops its run with KeyboardInterrupt; the session goes on", async () => {
    const { client } = daemon;
    const session = (await client.createSession()).session.session_id;
    await client.run({ code: "count = 0", session_id: session });
    const controller = new AbortController();
    let started = false;
    const running = client.run({ code: "print('looping', flush=True)\nwhile True:\n    count += 1", session_id: session }, { signal: controller.signal, onOutput: () => (started = true) });
    await waitFor("the loop's first output", () => started, 10_000);
    controller.abort();
    const error = await rejection(running);
    expect(error.code).toBe(JsonRpcErrorCodes.RequestCancelled);
    expect(failureData(error)?.session_state).toBe("kept");
    expect(Number((await client.run({ code: "count", session_id: session })).result)).toBeGreaterThan(0);
  });

  test("a request cancelled while it waits in the queue never runs", async () => {
    const { client } = daemon;
    const session = (await client.createSession()).session.session_id;
    const blocker = client.run({ code: "import time; time.sleep(1)", session_id: session });
    const controller = new AbortController();
    const queued = client.run({ code: "never = True", session_id: session }, { signal: controller.signal });
    await waitFor("the second run to wait in the queue", async () => (await client.info()).queued === 1, 10_000);
    controller.abort();
    expect((await rejection(queued)).code).toBe(JsonRpcErrorCodes.RequestCancelled);
    await blocker;
    expect((await client.run({ code: "'never' in globals()", session_id: session })).result).toBe("False");
  });

  test("an output flood is cut at the cap and counted", async () => {
    const result = await daemon.client.run({ code: fixture("output_flood.py"), timeout_ms: 30_000 });
    expect(result.status).toBe("success");
    expect(Buffer.byteLength(result.stdout)).toBeLessThanOrEqual(1024 * 1024);
    expect(result.stdout.startsWith("0\n1\n2\n")).toBe(true);
    expect(result.truncated?.stdout_bytes).toBeGreaterThan(10_000_000);
  });

  test("with stream_all_output the whole flood streams while the result keeps the cap; without it the stream stops at the cap too", async () => {
    const code = "for i in range(300000):\n    print(i)";
    const expected = Array.from({ length: 300000 }, (_, i) => `${i}\n`).join("");
    for (const streamAll of [true, false]) {
      let streamed = "";
      const result = await daemon.client.run({ code, timeout_ms: 60_000, ...(streamAll ? { stream_all_output: true } : {}) }, { onOutput: (_stream, text) => (streamed += text) });
      expect(Buffer.byteLength(result.stdout)).toBeLessThanOrEqual(1024 * 1024);
      expect(expected.startsWith(result.stdout)).toBe(true);
      expect(result.truncated?.stdout_bytes).toBe(Buffer.byteLength(expected) - Buffer.byteLength(result.stdout));
      if (streamAll) expect(streamed === expected).toBe(true);
      else expect(streamed).toBe(result.stdout);
    }
  });

  test("a files/write of a file as big as the default --max-file-bytes (16 MiB, about 22 MiB in base64) fits the default message limit", async () => {
    const { client } = daemon;
    const session = (await client.createSession()).session.session_id;
    const content = randomBytes(16 * 1024 * 1024);
    const written = await client.writeFile({ session_id: session, path: "big.bin", content: content.toString("base64"), encoding: "base64" });
    expect(written.size).toBe(content.length);
    const digest = (await client.run({ code: "import hashlib\nhashlib.sha256(open('big.bin', 'rb').read()).hexdigest()", session_id: session })).result;
    expect(digest).toBe(`'${createHash("sha256").update(content).digest("hex")}'`);
    await client.closeSession(session);
  });

  test("a huge return value is cut and counted", async () => {
    const result = await daemon.client.run({ code: fixture("huge_value.py") });
    expect(result.result!.startsWith("[0, 1, 2")).toBe(true);
    expect(result.truncated?.result_chars).toBeGreaterThan(30_000_000);
  });

  test("sys.exit(7) in a script is an exception result carrying the code, with its output", async () => {
    const result = await daemon.client.run({ code: fixture("exits.py") });
    expect(result.stdout).toBe("about to exit\n");
    expect(result.error).toMatchObject({ type: "SystemExit", message: "7" });
  });

  test("a memory bomb kills only its runner, with a clear reason; the daemon carries on", async () => {
    const { client } = daemon;
    const error = await rejection(client.run({ code: fixture("memory_bomb.py"), timeout_ms: 30_000 }));
    expect(error.code).toBe(WomaErrorCodes.RuntimeTerminated);
    expect(error.message).toContain("Python runtime terminated: memory limit exceeded");
    expect((await client.run({ code: "'still here'" })).result).toBe("'still here'");
  });

  test("runaway recursion ends the runner, not the daemon", async () => {
    const { client } = daemon;
    const error = await rejection(client.run({ code: fixture("deep_recursion.py"), timeout_ms: 30_000 }));
    expect(error.code).toBe(WomaErrorCodes.RuntimeTerminated);
    expect(error.message).toContain("Python runtime terminated");
    expect((await client.run({ code: "1+1" })).result).toBe("2");
  });

  test("after all that, the pool is back to full strength", async () => {
    const { client } = daemon;
    const refilled = (info: Awaited<ReturnType<typeof client.info>>) =>
      info.runners.filter((r) => r.role === "shared" && r.state !== "dead" && r.state !== "booting").length === 1 && info.runners.some((r) => r.role === "spare" && r.state === "idle");
    await waitFor("the pool to refill (one shared runner and an idle spare)", async () => refilled(await client.info()), 20_000);
    expect((await client.info()).status).toBe("healthy");
  });
});
