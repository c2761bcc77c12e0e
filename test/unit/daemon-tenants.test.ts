/** Tenants through the daemon, with fake runners: who shares a runner, what ends with a connection, and what each tenant may use. */
import { describe, expect, test } from "bun:test";
import { JsonRpcErrorCodes, WomaErrorCodes } from "../../protocol/error-codes.ts";
import { rejection } from "../harness/expect-error.ts";
import { daemonPerTest, waitUntil } from "../harness/in-process-daemon.ts";

const daemon = daemonPerTest();

describe("tenants", () => {
  test("two connections never share a runner, and neither sees the other's runners or sessions", async () => {
    const d = daemon({ daemon: { spares: 1 } });
    const a = d.connect();
    const b = d.connect();
    await a.client.createSession({ session_id: "a-only" });
    await a.client.run({ code: "1" });
    await b.client.run({ code: "1" });
    const aShared = (await a.client.info()).runners.filter((r) => r.role !== "spare").map((r) => r.runner_id);
    const bShared = (await b.client.info()).runners.filter((r) => r.role !== "spare").map((r) => r.runner_id);
    expect(aShared).toHaveLength(1);
    expect(bShared).toHaveLength(1);
    expect(bShared).not.toContain(aShared[0]);
    expect((await b.client.listSessions()).sessions).toEqual([]);
    const tenants = new Set(d.launcher.live().map((r) => r.tenant).filter((t) => t !== undefined));
    expect(tenants.size).toBe(2);
  });

  test("a leaving anonymous tenant's runners are killed, never handed on, and its sessions are gone", async () => {
    const d = daemon();
    const a = d.connect();
    await a.client.createSession({ session_id: "s" });
    const runner = d.launcher.runner((await a.client.listSessions()).sessions[0]!.runner_id);
    a.close();
    await runner.exited;
    expect(runner.deathReason).toContain("its tenant is gone (its client disconnected)");
    const b = d.connect();
    await b.client.run({ code: "1" });
    expect((await b.client.info()).runners.map((r) => r.runner_id)).not.toContain(runner.id);
  });

  test("a leaving connection's run in flight is interrupted and its runner stopped", async () => {
    const d = daemon();
    const a = d.connect();
    void a.client.run({ code: "hang()" }).catch(() => {});
    await waitUntil("the run to start", () => d.launcher.runners.some((r) => r.busy));
    const runner = d.launcher.runners.find((r) => r.busy)!;
    a.close();
    await runner.exited;
    expect(runner.interrupts).toHaveLength(1);
  });

  test("a named tenant's sessions outlive its connection, and another connection naming it finds them", async () => {
    const d = daemon();
    const first = d.connect();
    expect((await first.client.initialize("first", "team-x")).tenant).toEqual({ name: "team-x", shared: true });
    await first.client.createSession({ session_id: "kept" });
    await first.client.run({ code: "answer = 42", session_id: "kept" });
    first.close();
    const second = d.connect();
    await second.client.initialize("second", "team-x");
    expect((await second.client.run({ code: "answer", session_id: "kept" })).result).toBe("42");
    const stranger = d.connect();
    expect((await stranger.client.listSessions()).sessions).toEqual([]);
  });

  test("a named tenant without sessions ends with its last connection", async () => {
    const d = daemon();
    const only = d.connect();
    await only.client.initialize("only", "passing");
    await only.client.run({ code: "1" });
    const runner = d.launcher.runners.find((r) => r.tenant === "passing")!;
    only.close();
    await runner.exited;
    expect(runner.deathReason).toContain("its tenant is gone");
  });

  test("a named tenant whose last session expires with no connection attached is ended", async () => {
    const d = daemon();
    const c = d.connect();
    await c.client.initialize("c", "idle-team");
    await c.client.createSession({ session_id: "brief", idle_timeout_ms: 10 });
    const runner = d.launcher.runners.find((r) => r.tenant === "idle-team")!;
    c.close();
    await runner.exited;
    expect(runner.deathReason).toContain("its last session closed");
  });

  test("a connection names its tenant before anything else, or is refused", async () => {
    const d = daemon();
    await d.client.listSessions();
    const error = await rejection(d.client.initialize("late", "team-y"));
    expect(error.code).toBe(JsonRpcErrorCodes.InvalidRequest);
    expect(error.message).toContain("name the tenant in the first daemon/initialize");
  });

  test("--workers is per tenant: each tenant gets up to that many runners, and its runs spread over them", async () => {
    const d = daemon({ daemon: { workers: 2 } });
    const a = d.connect();
    const b = d.connect();
    const sa = [(await a.client.createSession()).session, (await a.client.createSession()).session];
    expect(sa[0]!.runner_id).not.toBe(sa[1]!.runner_id);
    // Runs that go on until cancelled, so all four must be running at once for the wait to end.
    const stop = new AbortController();
    const hang = (client: typeof a.client, session_id?: string) => client.run({ code: "hang()", ...(session_id ? { session_id } : {}) }, { signal: stop.signal }).catch(() => "stopped");
    const runs = [...sa.map((s) => hang(a.client, s.session_id)), hang(b.client), hang(b.client)];
    await waitUntil("four runners busy at once", () => d.launcher.runners.filter((r) => r.busy).length === 4);
    stop.abort();
    expect(await Promise.all(runs)).toEqual(["stopped", "stopped", "stopped", "stopped"]);
    for (const client of [a.client, b.client]) expect((await client.info()).runners.filter((r) => r.role === "shared")).toHaveLength(2);
    await Promise.all([1, 2, 3].map(() => a.client.run({ code: "1" })));
    expect((await a.client.info()).runners.filter((r) => r.role === "shared")).toHaveLength(2);
  });

  test("the queue limit is per tenant: one tenant's full queue does not refuse another's runs", async () => {
    const d = daemon({ daemon: { maxQueue: 2 } });
    const busy = d.connect();
    const release = new AbortController();
    const hold = busy.client.run({ code: "hang()" }, { signal: release.signal }).catch(() => "released");
    await waitUntil("the hold to run", () => d.launcher.runners.some((r) => r.busy));
    const queued = [busy.client.run({ code: "'q'" }), busy.client.run({ code: "'q'" })];
    await waitUntil("two runs queued", async () => (await busy.client.info()).queued === 2);
    const refused = await rejection(busy.client.run({ code: "'one too many'" }));
    expect(refused.code).toBe(WomaErrorCodes.PoolBusy);
    expect(refused.message).toContain("2 runs are already waiting (limit 2, --max-queue)");
    expect((await d.client.run({ code: "'other tenant'" })).result).toBe("'other tenant'");
    release.abort();
    expect(await hold).toBe("released");
    expect((await Promise.all(queued)).map((r) => r.result)).toEqual(["'q'", "'q'"]);
  });

  test("--max-tenant-runners bounds the runners one tenant holds, fresh interpreters included; the error names it, and another tenant still runs", async () => {
    const d = daemon({ daemon: { maxRunners: 8, maxTenantRunners: 3 } });
    const greedy = d.connect();
    for (let i = 0; i < 3; i++) await greedy.client.createSession({ fresh_interpreter: true });
    const refused = await rejection(greedy.client.createSession({ fresh_interpreter: true }));
    expect(refused.code).toBe(WomaErrorCodes.PoolBusy);
    expect(refused.message).toContain("holds 3 runners, the most one tenant may hold (--max-tenant-runners 3)");
    // A sessionless run needs a shared runner, which would be its fourth.
    expect((await rejection(greedy.client.run({ code: "1" }))).message).toContain("--max-tenant-runners 3");
    const other = d.connect();
    expect((await other.client.run({ code: "1 + 1" })).result).toBe("2");
    expect(d.launcher.live().filter((r) => r.tenant !== undefined && r.role === "dedicated")).toHaveLength(3);
  });

  test("by default a tenant may hold half of --max-runners: six fresh interpreters of one tenant leave the next tenant a runner", async () => {
    const d = daemon({ daemon: { maxRunners: 8 } });
    const greedy = d.connect();
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => greedy.client.createSession({ fresh_interpreter: true })));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(4);
    expect(outcomes.filter((o) => o.status === "rejected").map((o) => (o as PromiseRejectedResult).reason.message)).toEqual([
      expect.stringContaining("--max-tenant-runners 4"),
      expect.stringContaining("--max-tenant-runners 4"),
    ]);
    expect((await d.connect().client.run({ code: "1 + 1" })).result).toBe("2");
  });

  test("a tenant's execution_count is its own: other tenants' runs do not move it (run ids: red-team-boundary.test.ts, over a raw connection)", async () => {
    const d = daemon();
    const a = d.connect();
    const b = d.connect();
    await a.client.run({ code: "1" });
    await b.client.run({ code: "1" });
    await b.client.run({ code: "1" });
    await a.client.run({ code: "1" });
    expect((await a.client.info()).execution_count).toBe(2);
    expect((await b.client.info()).execution_count).toBe(2);
    expect((await d.connect().client.info()).execution_count).toBe(0);
    // Runner ids are opaque: no count of the runners booted for others.
    expect((await a.client.info()).runners.map((r) => r.runner_id)).toEqual([expect.stringMatching(/^r[0-9a-f]{8}$/)]);
  });
});
