/** Runs through the whole daemon with fake runners, in-process: results, output, timeout then interrupt then kill, cancel, and runners that die or lie. */
import { describe, expect, test } from "bun:test";
import { failureData, isSessionLost } from "../../clients/shared/run-errors.ts";
import { JsonRpcErrorCodes, WomaErrorCodes } from "../../protocol/error-codes.ts";
import type { Stream } from "../../protocol/generated/types.ts";
import { rejection } from "../harness/expect-error.ts";
import { daemonPerTest, runnerOf, waitUntil, type InProcessOptions } from "../harness/in-process-daemon.ts";

const daemon = daemonPerTest();

describe("a run", () => {
  test("returns the value of the last expression, what it printed, and keeps state in its session", async () => {
    const d = daemon();
    const { session } = await d.client.createSession({ session_id: "s" });
    expect(session.state).toBe("ready");
    const first = await d.client.run({ code: "x = 41\nprint('hello')", session_id: "s" });
    expect(first).toMatchObject({ status: "success", result: null, stdout: "hello\n", stderr: "", session_id: "s" });
    const second = await d.client.run({ code: "x + 1", session_id: "s" });
    expect(second.result).toBe("42");
  });

  test("a Python exception is a result with the error, not a failed request", async () => {
    const d = daemon();
    const result = await d.client.run({ code: "raise ValueError('bad input')" });
    expect(result.status).toBe("exception");
    expect(result.error).toMatchObject({ type: "ValueError", message: "bad input" });
    expect(result.error?.traceback).toContain('File "<exec>", line 1');
  });

  test("reset_globals runs in fresh globals and leaves the session's untouched", async () => {
    const d = daemon();
    await d.client.createSession({ session_id: "s" });
    await d.client.run({ code: "x = 1", session_id: "s" });
    const fresh = await d.client.run({ code: "x", session_id: "s", reset_globals: true });
    expect(fresh.error?.type).toBe("NameError");
    expect((await d.client.run({ code: "x", session_id: "s" })).result).toBe("1");
  });

  test("output streams to the client while the run goes, tagged with its stream, then arrives whole", async () => {
    const d = daemon();
    const seen: Array<[Stream, string]> = [];
    const result = await d.client.run({ code: "print('one'); eprint('warn'); sleep(5); print('two')" }, { onOutput: (stream, text) => seen.push([stream, text]) });
    expect(seen).toEqual([
      ["stdout", "one\n"],
      ["stderr", "warn\n"],
      ["stdout", "two\n"],
    ]);
    expect(result.stdout).toBe("one\ntwo\n");
    expect(result.stderr).toBe("warn\n");
  });

  test("output past the cap is cut and the cut is counted in `truncated`", async () => {
    const d = daemon({ daemon: { maxOutputBytes: 8 } });
    const result = await d.client.run({ code: "print('0123456789abcdef')" });
    expect(result.stdout).toBe("01234567");
    expect(result.truncated).toEqual({ stdout_bytes: 9 });
  });
});

describe("timeout, then interrupt, then kill", () => {
  test("a run past its timeout gets KeyboardInterrupt; the session keeps its state and the runner lives", async () => {
    const d = daemon();
    await d.client.createSession({ session_id: "s" });
    await d.client.run({ code: "kept = 7", session_id: "s" });
    const error = await rejection(d.client.run({ code: "print('before'); hang()", session_id: "s", timeout_ms: 10 }));
    expect(error.code).toBe(WomaErrorCodes.RunTimedOut);
    expect(error.message).toContain("timed out after 10 ms");
    expect(error.message).toContain('session "s" keeps its state');
    expect(failureData(error)).toMatchObject({ session_state: "kept", runner_killed: false, stdout: "before\n" });
    const runner = await runnerOf(d, "s");
    expect(runner.alive).toBe(true);
    expect((await d.client.run({ code: "kept", session_id: "s" })).result).toBe("7");
  });

  test("a run that ignores the interrupt has its runner killed after the grace; its sessions are lost, the daemon goes on", async () => {
    const d = daemon({ daemon: { interruptGraceMs: 15 } });
    await d.client.createSession({ session_id: "victim" });
    await d.client.createSession({ session_id: "neighbour" });
    const runner = await runnerOf(d, "victim");
    const error = await rejection(d.client.run({ code: "spin()", session_id: "victim", timeout_ms: 10 }));
    expect(error.code).toBe(WomaErrorCodes.RunTimedOut);
    expect(error.message).toContain("runner was killed");
    expect(isSessionLost(error)).toBe(true);
    expect(failureData(error)).toMatchObject({ session_state: "lost", runner_killed: true });
    expect(runner.interrupts).toHaveLength(1);
    expect(runner.deathReason).toContain("ignored the interrupt for 15 ms");
    const neighbour = await rejection(d.client.run({ code: "1", session_id: "neighbour" }));
    expect(neighbour.code).toBe(WomaErrorCodes.SessionLost);
    expect(neighbour.message).toContain("ignored the interrupt");
    expect((await d.client.run({ code: "2+2" })).result).toBe("4");
  });

  test("a one-off run that times out reports no session", async () => {
    const d = daemon();
    const error = await rejection(d.client.run({ code: "hang()", timeout_ms: 5 }));
    expect(error.code).toBe(WomaErrorCodes.RunTimedOut);
    expect(failureData(error)).toMatchObject({ session_state: "none", runner_killed: false });
  });

  test("the default timeout applies to a run that gives none; it is also the longest, so neither 0 nor a longer timeout escapes it", async () => {
    const d = daemon({ daemon: { defaultTimeoutMs: 10 } });
    expect((await rejection(d.client.run({ code: "hang()" }))).code).toBe(WomaErrorCodes.RunTimedOut);
    expect((await rejection(d.client.run({ code: "hang()", timeout_ms: 0 }))).message).toContain("its longest");
    expect((await rejection(d.client.run({ code: "hang()", timeout_ms: 60_000 }))).code).toBe(WomaErrorCodes.RunTimedOut);
  });

  test("with no default timeout, 0 in the run means none", async () => {
    const d = daemon({ daemon: { defaultTimeoutMs: 0 } });
    expect((await d.client.run({ code: "sleep(30); 5", timeout_ms: 0 })).result).toBe("5");
  });
});

describe("cancel", () => {
  test("cancelling a running request interrupts it; the session keeps its state", async () => {
    const d = daemon();
    await d.client.createSession({ session_id: "s" });
    await d.client.run({ code: "count = 3", session_id: "s" });
    const runner = await runnerOf(d, "s");
    const controller = new AbortController();
    const running = d.client.run({ code: "hang()", session_id: "s" }, { signal: controller.signal });
    await runner.whenRunning((code) => code === "hang()");
    controller.abort();
    const error = await rejection(running);
    expect(error.code).toBe(JsonRpcErrorCodes.RequestCancelled);
    expect(error.message).toContain("was cancelled");
    expect(failureData(error)?.session_state).toBe("kept");
    expect((await d.client.run({ code: "count", session_id: "s" })).result).toBe("3");
  });

  /** A session "s" whose runner is busy with a run that lasts until `release` aborts. */
  const busySession = async () => {
    const d = daemon();
    await d.client.createSession({ session_id: "s" });
    const runner = await runnerOf(d, "s");
    const release = new AbortController();
    const blocker = d.client.run({ code: "hang()", session_id: "s" }, { signal: release.signal }).catch(() => "released");
    await runner.whenRunning();
    return { d, runner, release, blocker };
  };

  test("a request cancelled while it waits in the queue never runs", async () => {
    const { d, runner, release, blocker } = await busySession();
    const controller = new AbortController();
    const queued = d.client.run({ code: "never = 1", session_id: "s" }, { signal: controller.signal });
    await waitUntil("the second run to be queued", async () => (await d.client.info()).queued === 1);
    controller.abort();
    const error = await rejection(queued);
    expect(error.code).toBe(JsonRpcErrorCodes.RequestCancelled);
    expect(error.message).toContain("before it started");
    release.abort();
    expect(await blocker).toBe("released");
    expect(runner.codes).toEqual(["None", "hang()"]); // the daemon's warm-up at boot, then the one run that started
    expect(runner.globalsOf("s")).toEqual({});
  });

  test("a request cancelled before the daemon dispatched it (a client that gave up at once) never runs, and nothing waits for it", async () => {
    const { d, runner, release, blocker } = await busySession();
    // Aborted before it is sent: the client writes the request, then its cancel, at once.
    const gaveUp = Array.from({ length: 5 }, () => {
      const controller = new AbortController();
      controller.abort();
      return rejection(d.client.run({ code: "never = 1", session_id: "s" }, { signal: controller.signal })).then((e) => e.code);
    });
    expect(await Promise.all(gaveUp)).toEqual(Array(5).fill(JsonRpcErrorCodes.RequestCancelled));
    expect((await d.client.info()).queued).toBe(0);
    release.abort();
    expect(await blocker).toBe("released");
    expect(runner.codes).toEqual(["None", "hang()"]); // the daemon's warm-up at boot, then the one run that started
  });

  test("a cancel that is ignored kills the runner, as a timeout does", async () => {
    const d = daemon();
    const controller = new AbortController();
    const running = d.client.run({ code: "spin()" }, { signal: controller.signal });
    await waitUntil("a runner to take the run", () => d.launcher.runners.some((r) => r.busy));
    const runner = d.launcher.runners.find((r) => r.busy)!;
    controller.abort();
    const error = await rejection(running);
    expect(error.code).toBe(JsonRpcErrorCodes.RequestCancelled);
    expect(failureData(error)?.runner_killed).toBe(true);
    expect(runner.deathReason).toContain("was cancelled and ignored the interrupt");
  });

  test("closing a session interrupts its run", async () => {
    const d = daemon();
    await d.client.createSession({ session_id: "s" });
    const runner = await runnerOf(d, "s");
    const running = d.client.run({ code: "hang()", session_id: "s" });
    await runner.whenRunning();
    await d.client.closeSession("s");
    expect((await rejection(running)).code).toBe(JsonRpcErrorCodes.RequestCancelled);
  });
});

describe("a runner that dies", () => {
  test("mid-run: the run fails with RuntimeTerminated naming the reason and the output so far; its session is lost", async () => {
    const d = daemon();
    await d.client.createSession({ session_id: "s" });
    const error = await rejection(d.client.run({ code: "print('partial'); crash('runner was killed by SIGSEGV')", session_id: "s" }));
    expect(error.code).toBe(WomaErrorCodes.RuntimeTerminated);
    expect(error.message).toContain("Python runtime terminated: runner was killed by SIGSEGV");
    expect(error.message).toContain('session "s" is lost');
    expect(failureData(error)).toMatchObject({ stdout: "partial\n", session_state: "lost", runner_killed: true });
    const listed = (await d.client.listSessions()).sessions[0]!;
    expect(listed).toMatchObject({ session_id: "s", state: "lost" });
    expect(listed.lost_reason).toContain("SIGSEGV");
  });

  test("while idle: its sessions are reported lost, and the tenant's next one-off run gets a new runner", async () => {
    const d = daemon();
    await d.client.createSession({ session_id: "s" });
    const runner = await runnerOf(d, "s");
    runner.die("runner was killed by SIGKILL");
    await waitUntil("the session to be lost", async () => (await d.client.listSessions()).sessions[0]?.state === "lost");
    expect((await d.client.run({ code: "1+1" })).result).toBe("2");
    expect((await d.client.info()).runners.map((r) => r.runner_id)).not.toContain(runner.id);
  });

  test("runs queued behind a run whose runner dies fail as lost, and none waits forever", async () => {
    const d = daemon();
    await d.client.createSession({ session_id: "s" });
    const [dying, queued] = await Promise.all([rejection(d.client.run({ code: "sleep(5); crash()", session_id: "s" })), rejection(d.client.run({ code: "1", session_id: "s" }))]);
    expect(dying.code).toBe(WomaErrorCodes.RuntimeTerminated);
    expect(queued.code).toBe(WomaErrorCodes.SessionLost);
    expect(queued.message).toContain("runner was killed by SIGSEGV");
  });
});

describe("a runner that breaks the runner protocol is killed, and the run fails with the reason", () => {
  const cases: Array<[string, InProcessOptions["runners"], string]> = [
    ["a forged answer id", { program: (code) => (code === "go" ? [{ kind: "send", message: { id: 9999, result: { sessions: 0 } } }, { kind: "hang" }] : undefined) }, "answered request 9999, which was never asked"],
    ["a malformed result", { program: (code) => (code === "go" ? [{ kind: "send", message: { id: "current", result: { status: "fine" } } }, { kind: "hang" }] : undefined) }, "does not match the runner protocol"],
    ["output for a run that is not running", { program: (code) => (code === "go" ? [{ kind: "send", message: { method: "runner/output", params: { runId: "other", stream: "stdout", text: "x" } } }, { kind: "hang" }] : undefined) }, 'output for run "other", which is not running'],
    ["a request from the runner", { program: (code) => (code === "go" ? [{ kind: "send", message: { id: 1, method: "daemon/shutdown", params: {} } }, { kind: "hang" }] : undefined) }, "runners may not make"],
  ];
  for (const [what, runners, reason] of cases) {
    test(what, async () => {
      const d = daemon({ runners });
      const error = await rejection(d.client.run({ code: "go" }));
      expect(error.code).toBe(WomaErrorCodes.RuntimeTerminated);
      expect(error.message).toContain(reason);
      expect((await d.client.run({ code: "1+1" })).result).toBe("2");
    });
  }
});

test("a runner that answers a run twice is killed for it; the first answer stands and its sessions are lost", async () => {
  const d = daemon({ runners: { program: (code) => (code === "twice" ? [{ kind: "send", message: { id: "current", result: forgedResult() } }, { kind: "eval", expression: "1" }] : undefined) } });
  await d.client.createSession({ session_id: "s" });
  const runner = await runnerOf(d, "s");
  expect((await d.client.run({ code: "twice", session_id: "s" })).result).toBe("'forged'");
  await runner.exited;
  expect(runner.deathReason).toContain("runner protocol violation: it answered request");
  expect(runner.deathReason).toContain("was already answered");
  await waitUntil("the session to be lost", async () => (await d.client.listSessions()).sessions[0]?.state === "lost");
});

/** A run result that passes the guard's schema, to be sent before the real one. */
function forgedResult() {
  return { status: "success", result: "'forged'", resultCharsCut: 0, error: null, messageCharsCut: 0, tracebackCharsCut: 0, displaysDropped: 0, stdoutBytesCut: 0, stderrBytesCut: 0, executionTimeMs: 1, interrupted: false };
}
