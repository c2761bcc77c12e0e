/** The runner pool through the daemon, with fake runners: boots that fail, spares and their refill, backoff, limits, memory and shutdown. */
import { describe, expect, test } from "bun:test";
import { WomaErrorCodes } from "../../protocol/error-codes.ts";
import type { InfoResult } from "../../protocol/generated/types.ts";
import { rejection } from "../harness/expect-error.ts";
import { FakeLauncher } from "../harness/fake-launcher.ts";
import { daemonPerTest, waitUntil } from "../harness/in-process-daemon.ts";

const daemon = daemonPerTest();

const idleSpares = (info: InfoResult) => info.runners.filter((r) => r.role === "spare" && r.state === "idle");

describe("boot", () => {
  test("a runner that dies during boot is replaced by the next request's own boot", async () => {
    const launcher = new FakeLauncher();
    launcher.failBoots(1);
    const d = daemon({ launcher });
    expect((await d.client.run({ code: "6*7" })).result).toBe("42");
    expect(launcher.attempts).toBe(2);
    expect((await d.client.info()).status).toBe("healthy");
  });

  test("when no runner can boot, a run fails with PoolUnavailable naming the reason, and the daemon reports degraded", async () => {
    const launcher = new FakeLauncher();
    launcher.failBoots(4, "runner exited with code 1: no wasm");
    const d = daemon({ launcher });
    const error = await rejection(d.client.run({ code: "1" }));
    expect(error.code).toBe(WomaErrorCodes.PoolUnavailable);
    expect(error.message).toContain("could not start: runner exited with code 1: no wasm");
    // The spare booted at start, then one boot per run: three failures in a row.
    await rejection(d.client.run({ code: "1" }));
    expect(launcher.attempts).toBe(3);
    const info = await d.client.info();
    expect(info.status).toBe("degraded");
    expect(info.pyodide_loaded).toBe(false);
  });

  test("a daemon that was degraded is healthy again once a boot succeeds", async () => {
    const launcher = new FakeLauncher();
    launcher.failBoots(3);
    const d = daemon({ launcher });
    await waitUntil("the first boot to fail", () => launcher.attempts >= 1 && launcher.runners.length === 0);
    await rejection(d.client.run({ code: "1" }));
    await rejection(d.client.run({ code: "1" }));
    expect((await d.client.info()).status).toBe("degraded");
    expect((await d.client.run({ code: "1+1" })).result).toBe("2");
    expect((await d.client.info()).status).toBe("healthy");
  });

  test("a request that arrives while the first runner boots waits for it and is served by it", async () => {
    const launcher = new FakeLauncher();
    launcher.holdBoots();
    const d = daemon({ launcher });
    const run = d.client.run({ code: "'waited'" });
    await waitUntil("a boot to be held", () => launcher.heldBoots >= 1);
    const booting = (await d.client.info()).runners.filter((r) => r.state === "booting");
    expect(booting.length).toBeGreaterThanOrEqual(1);
    launcher.releaseBoots();
    expect((await run).result).toBe("'waited'");
  });
});

describe("spares", () => {
  test("one is booted at start, handed to a new tenant, and refilled behind it; --spares is the most kept, not the least", async () => {
    const d = daemon({ daemon: { spares: 2 } });
    await waitUntil("an idle spare", async () => idleSpares(await d.client.info()).length === 1);
    const spareIds = idleSpares(await d.client.info()).map((r) => r.runner_id);
    await d.client.run({ code: "1" });
    const info = await d.client.info();
    const mine = info.runners.find((r) => r.role === "shared")!;
    expect(spareIds).toContain(mine.runner_id);
    await waitUntil("the spare to be refilled", async () => idleSpares(await d.client.info()).length === 1);
    // One new tenant in the last minute needs one spare, not two.
    expect(d.launcher.runners).toHaveLength(2);
  });

  test("a spare that dies while idle is replaced", async () => {
    const d = daemon({ daemon: { spares: 1 } });
    await waitUntil("a spare", async () => idleSpares(await d.client.info()).length === 1);
    const spare = d.launcher.runners[0]!;
    spare.die("runner was killed by SIGKILL");
    await waitUntil("a new spare", async () => idleSpares(await d.client.info()).some((r) => r.runner_id !== spare.id));
  });

  test("failed spare boots are retried after a backoff that is told how many failed in a row", async () => {
    const launcher = new FakeLauncher();
    launcher.failBoots(3);
    const backoffs: number[] = [];
    const d = daemon({ launcher, daemon: { spares: 1 }, timing: { pool: { spareBackoffMs: (failures) => (backoffs.push(failures), 1) } } });
    await waitUntil("a spare after three failed boots", async () => idleSpares(await d.client.info()).length === 1);
    expect(backoffs).toEqual([1, 2, 3]);
    expect(launcher.attempts).toBe(4);
  });

  test("never boot past --max-runners, counting a spare while it changes hands", async () => {
    const d = daemon({ daemon: { spares: 1, maxRunners: 2 } });
    await waitUntil("an idle spare", async () => idleSpares(await d.client.info()).length === 1);
    const a = d.connect();
    const b = d.connect();
    await a.client.run({ code: "1" });
    await b.client.run({ code: "1" });
    await waitUntil("the boots to settle", async () => d.launcher.booting.size === 0 && (await d.client.info()).runners.every((r) => r.state !== "booting"));
    expect(d.launcher.peakProcesses).toBe(2);
  });
});

describe("limits", () => {
  test("--max-runners: a tenant that needs a runner past the limit waits for one, and a runner freed by a leaving tenant serves it", async () => {
    const d = daemon({ daemon: { maxRunners: 2 } });
    const a = d.connect();
    const b = d.connect();
    await a.client.run({ code: "1" });
    await b.client.run({ code: "1" });
    const waiting = d.client.run({ code: "'served'" });
    await waitUntil("the third tenant to wait for a runner", async () => (await d.client.info()).usage?.waiting === 1);
    a.close();
    expect((await waiting).result).toBe("'served'");
    expect(d.launcher.live()).toHaveLength(2);
  });

  test("--max-runners: a tenant still waiting at --admission-timeout gets PoolBusy naming the bound and when to retry", async () => {
    const d = daemon({ daemon: { maxRunners: 2, admissionTimeoutMs: 50 } });
    const a = d.connect();
    const b = d.connect();
    await a.client.run({ code: "1" });
    await b.client.run({ code: "1" });
    const error = await rejection(d.client.run({ code: "1" }));
    expect(error.code).toBe(WomaErrorCodes.PoolBusy);
    expect(error.message).toMatch(/^all 2 runners are held by clients \(--max-runners 2\); this request waited [0-9.]+ s for one \(--admission-timeout 0.1 s\); retry in [0-9.]+ s$/);
    expect(error.data).toMatchObject({ bound: "--max-runners", limit: 2, retry_after_ms: expect.any(Number) });
    expect((error.data as { waited_ms: number }).waited_ms).toBeGreaterThanOrEqual(40);
  });

  test("a runner above the memory limit is killed with a reason its sessions report", async () => {
    const d = daemon({ daemon: { memoryLimitBytes: 1000 } });
    await d.client.createSession({ session_id: "s" });
    const runner = d.launcher.runner((await d.client.listSessions()).sessions[0]!.runner_id);
    runner.rssBytes = 5 * 1024 * 1024;
    await runner.exited;
    expect(runner.deathReason).toContain("memory limit exceeded: the runner used 5 MiB");
    await waitUntil("the session to be lost", async () => (await d.client.listSessions()).sessions[0]?.state === "lost");
    expect((await d.client.listSessions()).sessions[0]!.lost_reason).toContain("memory limit exceeded");
  });

  test("a runner that stays above half the memory limit while idle is recycled; one that is busy is not", async () => {
    const d = daemon({ daemon: { memoryLimitBytes: 10 * 1024 * 1024 } });
    await d.client.createSession({ session_id: "s" });
    const runner = d.launcher.runner((await d.client.listSessions()).sessions[0]!.runner_id);
    const running = d.client.run({ code: "sleep(30)", session_id: "s" });
    await runner.whenRunning();
    runner.rssBytes = 6 * 1024 * 1024;
    await running;
    await runner.exited;
    expect(runner.runs).toBe(1);
    expect(runner.deathReason).toContain("recycled: it held 6 MiB while idle");
  });

  test("python/check asks one of the tenant's own runners", async () => {
    const d = daemon();
    expect((await d.client.check("if x:")).status).toBe("incomplete");
    expect((await d.client.check("x = 1")).status).toBe("complete");
    expect((await d.client.check("x = !!")).status).toBe("invalid");
    expect(d.launcher.live().filter((r) => r.tenant !== undefined)).toHaveLength(1);
  });
});

describe("shutdown", () => {
  test("kills every runner, fails what runs, and refuses new work with ShuttingDown", async () => {
    const d = daemon({ daemon: { spares: 1 } });
    await d.client.createSession({ session_id: "s" });
    const runner = d.launcher.runner((await d.client.listSessions()).sessions[0]!.runner_id);
    const running = d.client.run({ code: "hang()", session_id: "s" }).catch((error: unknown) => error);
    await runner.whenRunning();
    await d.daemon.shutdown();
    expect(d.launcher.live()).toEqual([]);
    expect(await running).toBeInstanceOf(Error);
    const refused = await rejection(d.client.run({ code: "1" }));
    expect(refused.code).toBe(WomaErrorCodes.ShuttingDown);
    expect(refused.message).toContain("shutting down");
  });
});
