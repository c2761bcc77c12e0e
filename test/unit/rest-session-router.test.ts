/** The REST bridge's SessionRouter against an in-process daemon with fake runners: where runs go, and what it tells the caller when it had to bring a session back. */
import { describe, expect, test } from "bun:test";
import { SessionRouter } from "../../clients/rest/session-router.ts";
import { WomaErrorCodes } from "../../protocol/error-codes.ts";
import { rejection } from "../harness/expect-error.ts";
import { daemonPerTest, waitUntil, type InProcessDaemon } from "../harness/in-process-daemon.ts";

const daemon = daemonPerTest();

const sessionsOf = async (d: InProcessDaemon) => (await d.client.listSessions()).sessions;

describe("SessionRouter", () => {
  test("with a default session, runs without a session share its state", async () => {
    const d = daemon();
    const router = new SessionRouter(d.client, { defaultSession: true, sessionIdleTimeoutMs: 0 });
    await router.run({ code: "total = 15" }, undefined);
    expect((await router.run({ code: "total" }, undefined)).result.result).toBe("15");
    expect((await sessionsOf(d)).map((s) => s.session_id)).toEqual([router.defaultSessionId!]);
    expect((await sessionsOf(d))[0]!.idle_timeout_ms).toBeUndefined();
  });

  test("without one, runs without a session get fresh globals each time", async () => {
    const d = daemon();
    const router = new SessionRouter(d.client, { defaultSession: false, sessionIdleTimeoutMs: 0 });
    await router.run({ code: "x = 1" }, undefined);
    expect((await router.run({ code: "x" }, undefined)).result.error?.type).toBe("NameError");
    expect(await sessionsOf(d)).toEqual([]);
  });

  test("a named session is created on first use, with the bridge's idle timeout, and no warning", async () => {
    const d = daemon();
    const router = new SessionRouter(d.client, { defaultSession: false, sessionIdleTimeoutMs: 60_000 });
    const first = await router.run({ code: "y = 2" }, "work");
    expect(first.warnings).toEqual([]);
    expect((await router.run({ code: "y" }, "work")).result.result).toBe("2");
    expect((await sessionsOf(d))[0]).toMatchObject({ session_id: "work", idle_timeout_ms: 60_000 });
  });

  test("a named session that expired is created again, with a warning that its globals are empty", async () => {
    const d = daemon();
    const router = new SessionRouter(d.client, { defaultSession: false, sessionIdleTimeoutMs: 10 });
    await router.run({ code: "z = 3" }, "brief");
    await waitUntil("the session to expire", async () => (await sessionsOf(d)).length === 0);
    const again = await router.run({ code: "z" }, "brief");
    expect(again.result.error?.type).toBe("NameError");
    expect(again.warnings).toEqual(['session "brief" no longer existed (it expired or was closed); a new one was created, so this code ran in empty globals']);
  });

  test("a session lost while idle is reset before the run, with a warning naming why", async () => {
    const d = daemon();
    const router = new SessionRouter(d.client, { defaultSession: true, sessionIdleTimeoutMs: 0 });
    await router.run({ code: "kept = 1" }, undefined);
    const session = (await sessionsOf(d))[0]!;
    d.launcher.runner(session.runner_id).die("runner was killed by SIGKILL");
    await waitUntil("the session to be lost", async () => (await sessionsOf(d))[0]?.state === "lost");
    const routed = await router.run({ code: "kept" }, undefined);
    expect(routed.result.error?.type).toBe("NameError");
    expect(routed.warnings).toHaveLength(1);
    expect(routed.warnings[0]).toStartWith("the default session had been lost (");
    expect(routed.warnings[0]).toContain("SIGKILL");
  });

  test("a run that kills its runner fails saying the session is being reset, and the next run finds it ready and empty", async () => {
    const d = daemon();
    const router = new SessionRouter(d.client, { defaultSession: false, sessionIdleTimeoutMs: 0 });
    await router.run({ code: "v = 1" }, "s");
    const error = await rejection(router.run({ code: "crash()" }, "s"));
    expect(error.code).toBe(WomaErrorCodes.RuntimeTerminated);
    expect(error.message).toEndWith("it is being reset, so the next request starts with empty globals");
    const next = await router.run({ code: "v" }, "s");
    expect(next.warnings).toEqual([]);
    expect(next.result.error?.type).toBe("NameError");
  });

  test("close closes the sessions the bridge created", async () => {
    const d = daemon();
    const router = new SessionRouter(d.client, { defaultSession: true, sessionIdleTimeoutMs: 0 });
    await router.run({ code: "1" }, "named");
    await router.run({ code: "1" }, undefined);
    await router.close();
    expect(await sessionsOf(d)).toEqual([]);
  });
});
