/** Session lifecycle and request handling through the daemon, with fake runners: create, list, reset, close, loss, expiry, and what bad requests get. */
import { describe, expect, test } from "bun:test";
import { JsonRpcErrorCodes, WomaErrorCodes } from "../../protocol/error-codes.ts";
import { InitializeRequest, SessionCreateRequest, SessionListRequest } from "../../protocol/methods.ts";
import { PROTOCOL_VERSION } from "../../protocol/version.ts";
import { rejection } from "../harness/expect-error.ts";
import { daemonPerTest, waitUntil } from "../harness/in-process-daemon.ts";

const daemon = daemonPerTest();

describe("session lifecycle", () => {
  test("create, list, reset and close, each answering with the session as it now is", async () => {
    const d = daemon();
    const named = (await d.client.createSession({ session_id: "main" })).session;
    const generated = (await d.client.createSession()).session;
    expect(named).toMatchObject({ session_id: "main", state: "ready", fresh_interpreter: false, run_count: 0 });
    expect(generated.session_id).toMatch(/^s\d+$/);
    expect((await d.client.listSessions()).sessions.map((s) => s.session_id)).toEqual(["main", generated.session_id]);

    await d.client.run({ code: "x = 1", session_id: "main" });
    const reset = (await d.client.resetSession("main")).session;
    expect(reset).toMatchObject({ session_id: "main", state: "ready", run_count: 1 });
    expect((await d.client.run({ code: "x", session_id: "main" })).error?.type).toBe("NameError");

    expect(await d.client.closeSession("main")).toEqual({ session_id: "main" });
    const gone = await rejection(d.client.run({ code: "1", session_id: "main" }));
    expect(gone.code).toBe(WomaErrorCodes.SessionNotFound);
    expect(gone.message).toBe('session "main" not found: it was closed (1 open)');
  });

  test("a name in use is refused with SessionExists", async () => {
    const d = daemon();
    await d.client.createSession({ session_id: "twice" });
    const error = await rejection(d.client.createSession({ session_id: "twice" }));
    expect(error.code).toBe(WomaErrorCodes.SessionExists);
    expect(error.message).toContain('session "twice" already exists');
  });

  test("a session whose runner died is lost: runs are refused with the reason until a reset brings it back, empty, on a live runner", async () => {
    const d = daemon();
    const before = (await d.client.createSession({ session_id: "s" })).session;
    await d.client.run({ code: "x = 1", session_id: "s" });
    const runner = d.launcher.runner(before.runner_id);
    runner.die("runner was killed by SIGKILL");
    await waitUntil("the session to be lost", async () => (await d.client.listSessions()).sessions[0]?.state === "lost");
    const refused = await rejection(d.client.run({ code: "x", session_id: "s" }));
    expect(refused.code).toBe(WomaErrorCodes.SessionLost);
    expect(refused.message).toContain("SIGKILL");
    expect(refused.message).toContain("reset it to start again empty, or close it");
    const after = (await d.client.resetSession("s")).session;
    expect(after.state).toBe("ready");
    expect(after.runner_id).not.toBe(before.runner_id);
    expect(after.lost_reason).toBeUndefined();
    expect((await d.client.run({ code: "x", session_id: "s" })).error?.type).toBe("NameError");
  });

  test("a lost session can be closed", async () => {
    const d = daemon();
    const session = (await d.client.createSession({ session_id: "s" })).session;
    d.launcher.runner(session.runner_id).die();
    await waitUntil("the session to be lost", async () => (await d.client.listSessions()).sessions[0]?.state === "lost");
    await d.client.closeSession("s");
    expect((await d.client.listSessions()).sessions).toEqual([]);
  });

  test("a fresh-interpreter session gets a dedicated runner, stopped when the session closes", async () => {
    const d = daemon();
    await d.client.createSession({ session_id: "shared" });
    const fresh = (await d.client.createSession({ session_id: "own", fresh_interpreter: true })).session;
    expect(fresh.fresh_interpreter).toBe(true);
    const shared = (await d.client.listSessions()).sessions.find((s) => s.session_id === "shared")!;
    expect(fresh.runner_id).not.toBe(shared.runner_id);
    expect((await d.client.info()).runners.find((r) => r.runner_id === fresh.runner_id)?.role).toBe("dedicated");
    const runner = d.launcher.runner(fresh.runner_id);
    await d.client.closeSession("own");
    await runner.exited;
    expect(runner.deathReason).toBe("its session was closed");
  });

  test("a session past its idle timeout is closed, and a later use says why", async () => {
    const d = daemon();
    await d.client.createSession({ session_id: "brief", idle_timeout_ms: 10 });
    await waitUntil("the session to expire", async () => (await d.client.listSessions()).sessions.length === 0);
    const error = await rejection(d.client.run({ code: "1", session_id: "brief" }));
    expect(error.code).toBe(WomaErrorCodes.SessionNotFound);
    expect(error.message).toContain("closed after 10 ms without a run (its idle timeout)");
  });

  test("run_count and last_used_at follow the session's runs", async () => {
    const d = daemon();
    const created = (await d.client.createSession({ session_id: "s" })).session;
    await d.client.run({ code: "1", session_id: "s" });
    await d.client.run({ code: "2", session_id: "s" });
    const listed = (await d.client.listSessions()).sessions[0]!;
    expect(listed.run_count).toBe(2);
    expect(Date.parse(listed.last_used_at)).toBeGreaterThanOrEqual(Date.parse(created.last_used_at));
  });
});

describe("requests the daemon refuses", () => {
  test("params that do not match the schema get InvalidParams naming the field", async () => {
    const d = daemon();
    const error = await rejection(d.client.connection.sendRequest(SessionCreateRequest, { session_id: "bad name!" }));
    expect(error.code).toBe(JsonRpcErrorCodes.InvalidParams);
    expect(error.message).toContain("invalid params for session/create: params.session_id must match");
  });

  test("session/list takes no params", async () => {
    const d = daemon();
    const error = await rejection(d.client.connection.sendRequest(SessionListRequest, { session_id: "x" } as never));
    expect(error.code).toBe(JsonRpcErrorCodes.InvalidParams);
    expect(error.message).toContain('unknown property "session_id"');
  });

  test("an unknown method gets MethodNotFound listing the known ones", async () => {
    const d = daemon();
    const error = await rejection(d.client.connection.sendRequest("python/eval", {}));
    expect(error.code).toBe(JsonRpcErrorCodes.MethodNotFound);
    expect(error.message).toContain('unknown method "python/eval"');
    expect(error.message).toContain("python/run");
  });

  test("a client of another protocol major version is refused; the same major is welcome", async () => {
    const d = daemon();
    const error = await rejection(d.client.connection.sendRequest(InitializeRequest, { protocol_version: "9.0" }));
    expect(error.code).toBe(WomaErrorCodes.UnsupportedProtocolVersion);
    expect(error.message).toContain(`this daemon speaks ${PROTOCOL_VERSION}`);
    const hello = await d.client.initialize("test");
    expect(hello.capabilities).toMatchObject({ cancellation: true, streaming_output: true, tenants: true });
    expect(hello.tenant).toEqual({ name: null, shared: false });
  });
});
