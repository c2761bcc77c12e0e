/** Many tenants on one daemon, with fake runners: the admission queue, its fairness and deadline, boots of tenants that leave, --max-booting, spares after demand. */
import { describe, expect, test } from "bun:test";
import { WomaErrorCodes } from "../../protocol/error-codes.ts";
import type { InfoResult } from "../../protocol/generated/types.ts";
import { rejection } from "../harness/expect-error.ts";
import { FakeLauncher } from "../harness/fake-launcher.ts";
import { daemonPerTest, waitUntil } from "../harness/in-process-daemon.ts";

const daemon = daemonPerTest();

const idleSpares = (info: InfoResult) => info.runners.filter((r) => r.role === "spare" && r.state === "idle");

describe("the admission queue", () => {
  test("session/create with the pool full places the session on the tenant's idle runner instead of refusing it", async () => {
    const d = daemon({ daemon: { workers: 2, maxRunners: 2, maxTenantRunners: 2 } });
    const a = d.connect();
    const first = (await a.client.createSession({ session_id: "one" })).session;
    await d.client.run({ code: "1" }); // another tenant takes the second runner: the pool is full
    const second = (await a.client.createSession({ session_id: "two" })).session;
    expect(second.runner_id).toBe(first.runner_id);
    expect((await a.client.run({ code: "2 + 2", session_id: "two" })).result).toBe("4");
  });

  test("one tenant's burst of fresh interpreters cannot starve another tenant's first run: fewer runners held goes first", async () => {
    const d = daemon({ daemon: { maxRunners: 2, maxTenantRunners: 4, admissionTimeoutMs: 10_000 } });
    const greedy = d.connect();
    await greedy.client.run({ code: "1" });
    const other = d.connect();
    await other.client.run({ code: "1" });
    // The pool is full: three fresh interpreters of one tenant wait, then a new tenant's first run.
    const burst = [1, 2, 3].map(() => greedy.client.createSession({ fresh_interpreter: true }).then(() => "created", (error: Error) => error.message));
    await waitUntil("the burst to wait", async () => (await greedy.client.info()).usage?.waiting === 3);
    const newcomer = d.connect();
    const first = newcomer.client.run({ code: "'first run'" });
    await waitUntil("the newcomer to wait", async () => (await newcomer.client.info()).usage?.waiting === 1);
    other.close(); // one slot frees: it goes to the tenant holding no runner, not to the oldest request
    expect((await first).result).toBe("'first run'");
    expect((await greedy.client.info()).usage?.waiting).toBe(3);
    const operator = d.connect({ operator: true });
    expect((await operator.client.tenants()).pool.admission).toMatchObject({ waiting: 3, admitted: 1 });
    greedy.close();
    await waitUntil("the burst to be dropped with its tenant", async () => (await operator.client.tenants()).pool.admission.waiting === 0);
    expect((await operator.client.tenants()).pool.admission.dropped).toBe(3);
    void burst;
  });

  test("a departing tenant's requests waiting for a runner are dropped at once", async () => {
    const d = daemon({ daemon: { maxRunners: 1, admissionTimeoutMs: 60_000 } });
    const operator = d.connect({ operator: true });
    await d.client.run({ code: "1" });
    const leaving = d.connect();
    void leaving.client.run({ code: "1" }).catch(() => {});
    await waitUntil("its run to wait for a runner", async () => (await operator.client.tenants()).pool.admission.waiting === 1);
    leaving.close();
    await waitUntil("the wait to be dropped", async () => (await operator.client.tenants()).pool.admission.waiting === 0);
    expect((await operator.client.tenants()).pool.admission.dropped).toBe(1);
  });

  test("a boot whose tenant left is killed at once and its slot serves the next tenant", async () => {
    const launcher = new FakeLauncher();
    launcher.holdBoots();
    const d = daemon({ launcher, daemon: { maxRunners: 1 } });
    const leaving = d.connect();
    void leaving.client.run({ code: "1" }).catch(() => {});
    await waitUntil("the tenant to claim the boot", async () => (await leaving.client.info()).runners.some((r) => r.state === "booting" && r.role === "shared"));
    const booting = [...launcher.booting][0]!;
    const next = d.connect();
    const served = next.client.run({ code: "'next'" });
    leaving.close();
    await booting.exited;
    expect(booting.deathReason).toContain("its tenant left while it was booting");
    launcher.releaseBoots();
    expect((await served).result).toBe("'next'");
    expect(launcher.attempts).toBe(2);
  });

  test("--max-booting bounds the boots in flight; the others wait and then run", async () => {
    const launcher = new FakeLauncher();
    launcher.holdBoots();
    const d = daemon({ launcher, daemon: { maxBooting: 1, maxRunners: 8 } });
    const clients = [d.connect(), d.connect(), d.connect()];
    const runs = clients.map((c, i) => c.client.run({ code: String(i) }));
    await waitUntil("two tenants to wait for a boot slot", async () => (await clients[2]!.client.info()).usage?.waiting === 1 && (await clients[1]!.client.info()).usage?.waiting === 1);
    expect(launcher.booting.size).toBe(1);
    launcher.releaseBoots();
    expect((await Promise.all(runs)).map((r) => r.result)).toEqual(["0", "1", "2"]);
  });

  test("spares are refilled after the demand, not during it", async () => {
    const d = daemon({ runners: { bootMs: 5 }, daemon: { spares: 1, maxBooting: 1, maxRunners: 8 } });
    await waitUntil("an idle spare", async () => idleSpares(await d.client.info()).length === 1);
    const clients = Array.from({ length: 4 }, () => d.connect());
    await Promise.all(clients.map((c) => c.client.run({ code: "1" })));
    // Four tenants were served by the spare and three boots of their own, one at a time; no spare booted between.
    expect(d.launcher.runners.map((r) => r.tenant !== undefined)).toEqual([true, true, true, true]);
    await waitUntil("a spare after the demand", async () => idleSpares(await d.client.info()).length === 1);
    expect(d.launcher.runners).toHaveLength(5);
  });

  test("a deadline refusal says which bound held it and when to retry; --admission-timeout 0 refuses at once", async () => {
    const d = daemon({ daemon: { maxRunners: 1, admissionTimeoutMs: 0 } });
    await d.client.run({ code: "1" });
    const other = d.connect();
    const error = await rejection(other.client.run({ code: "1" }));
    expect(error.code).toBe(WomaErrorCodes.PoolBusy);
    expect(error.message).toMatch(/^all 1 runners are held by clients \(--max-runners 1\); retry in \d+(\.\d)? s$/);
    expect(error.data).toEqual({ bound: "--max-runners", limit: 1, waited_ms: 0, retry_after_ms: 1000 });
  });

  test("past --admission-queue a request is refused at once, naming it", async () => {
    const d = daemon({ daemon: { maxRunners: 1, maxAdmissionQueue: 1, admissionTimeoutMs: 60_000 } });
    await d.client.run({ code: "1" });
    const waiting = d.connect();
    void waiting.client.run({ code: "1" }).catch(() => {});
    await waitUntil("one request to wait", async () => (await waiting.client.info()).usage?.waiting === 1);
    const error = await rejection(d.connect().client.run({ code: "1" }));
    expect(error.message).toContain("1 requests already wait for one, the most that may (--admission-queue 1)");
    expect(error.data).toMatchObject({ bound: "--admission-queue", limit: 1 });
  });
});

describe("quotas", () => {
  test("--max-tenant-sessions: the session past it is refused naming the flag; another tenant still opens one", async () => {
    const d = daemon({ daemon: { maxTenantSessions: 2 } });
    await d.client.createSession();
    await d.client.createSession();
    const error = await rejection(d.client.createSession());
    expect(error.code).toBe(WomaErrorCodes.PoolBusy);
    expect(error.message).toBe("this client already has 2 open sessions, the most one tenant may have (--max-tenant-sessions 2); close one first");
    expect((await d.connect().client.createSession()).session.state).toBe("ready");
  });

  test("--max-tenant-file-bytes counts every file of the tenant's sessions; a write past it is refused naming the flag", async () => {
    const d = daemon({ daemon: { maxTenantFileBytes: 100 } });
    await d.client.createSession({ session_id: "a" });
    await d.client.createSession({ session_id: "b" });
    await d.client.writeFile({ session_id: "a", path: "one.txt", content: "x".repeat(60) });
    const error = await rejection(d.client.writeFile({ session_id: "b", path: "two.txt", content: "y".repeat(60) }));
    expect(error.code).toBe(WomaErrorCodes.FileTooLarge);
    expect(error.message).toBe("two.txt (60 bytes) would bring this client's session files to 120 bytes, over the 100 bytes they may hold (--max-tenant-file-bytes); delete some first");
    // Replacing a file counts its new size only.
    expect((await d.client.writeFile({ session_id: "a", path: "one.txt", content: "z".repeat(90) })).size).toBe(90);
    // Another tenant has its own budget.
    const other = d.connect();
    await other.client.createSession({ session_id: "c" });
    expect((await other.client.writeFile({ session_id: "c", path: "mine.txt", content: "w".repeat(90) })).size).toBe(90);
  });

  test("--tenant-idle-timeout: an idle tenant's runners are stopped, its sessions told why, and a reset brings them back", async () => {
    const d = daemon({ daemon: { tenantIdleTimeoutMs: 30 } });
    await d.client.createSession({ session_id: "s" });
    await d.client.run({ code: "x = 1", session_id: "s" });
    const runner = d.launcher.runners.find((r) => r.tenant !== undefined)!;
    await runner.exited;
    await waitUntil("the session to be lost", async () => (await d.client.listSessions()).sessions[0]?.state === "lost");
    expect((await d.client.listSessions()).sessions[0]!.lost_reason).toContain("its tenant used no runner for 0 s (--tenant-idle-timeout)");
    const error = await rejection(d.client.run({ code: "x", session_id: "s" }));
    expect(error.code).toBe(WomaErrorCodes.SessionLost);
    await d.client.resetSession("s");
    expect((await d.client.run({ code: "1 + 1", session_id: "s" })).result).toBe("2");
  });

  test("a tenant whose last session closes releases its runners at once", async () => {
    const d = daemon();
    await d.client.createSession({ session_id: "only" });
    const runner = d.launcher.runners.find((r) => r.tenant !== undefined)!;
    await d.client.closeSession("only");
    expect(await runner.exited).toContain("its tenant closed its last session");
    expect((await d.client.info()).usage?.runners).toBe(0);
    // Its next run gets a runner again.
    expect((await d.client.run({ code: "3" })).result).toBe("3");
  });
});

describe("accounting", () => {
  test("daemon/info reports to a tenant only its own runs, runners, memory and sessions", async () => {
    const d = daemon();
    const a = d.connect();
    const b = d.connect();
    await a.client.createSession();
    for (let i = 0; i < 3; i++) await a.client.run({ code: "1" });
    await b.client.run({ code: "1" });
    for (const runner of d.launcher.runners) runner.rssBytes = runner.tenant === undefined ? 0 : 100 * 1024 * 1024;
    const usage = (await a.client.info()).usage!;
    expect(usage).toMatchObject({ runners: 1, busy: 0, runs: 3, sessions: 1, queued: 0, waiting: 0, rss_bytes: 100 * 1024 * 1024 });
    expect((await b.client.info()).usage).toMatchObject({ runners: 1, runs: 1, sessions: 0, rss_bytes: 100 * 1024 * 1024 });
  });

  test("daemon/tenants lists every tenant for an operator connection, and is refused to a tenant's", async () => {
    const d = daemon();
    const a = d.connect();
    await a.client.initialize("a", "team-a");
    await a.client.run({ code: "1" });
    await d.client.run({ code: "1" });
    const refused = await rejection(a.client.tenants());
    expect(refused.code).toBe(-32600);
    expect(refused.message).toContain("daemon/tenants is the operator's view");
    const operator = d.connect({ operator: true });
    expect((await operator.client.initialize("ops")).capabilities.operator).toBe(true);
    const view = await operator.client.tenants();
    const team = view.tenants.find((t) => t.tenant === "team-a")!;
    expect(team).toMatchObject({ named: true, connections: 1, runners: 1, runs: 1, queued: 0, waiting: 0 });
    expect(view.tenants.filter((t) => !t.named && t.runners === 1)).toHaveLength(1);
    expect(view.pool).toMatchObject({ runners: d.launcher.live().length, booting: 0 });
    expect((await a.client.initialize("a")).capabilities.operator).toBe(false);
  });
});

describe("shutdown", () => {
  test("every request in flight or queued is answered with ShuttingDown before the connection closes", async () => {
    const launcher = new FakeLauncher();
    const d = daemon({ launcher });
    const c = d.connect();
    await c.client.run({ code: "1" });
    launcher.holdBoots();
    const requests = [c.client.run({ code: "hang()" }), c.client.run({ code: "2" }), c.client.run({ code: "3" }), c.client.createSession({ fresh_interpreter: true })];
    const codes = Promise.all(requests.map((r) => rejection(r).then((e) => `${e.code} ${e.message.slice(0, 27)}`)));
    await waitUntil("the hang to run, two runs to queue and a boot to start", async () => (await c.client.info()).usage?.queued === 2 && launcher.booting.size === 1);
    const shutdown = d.daemon.shutdown();
    await c.served.drain(1000);
    await shutdown;
    expect(await codes).toEqual(Array(4).fill(`${WomaErrorCodes.ShuttingDown} the daemon is shutting down`));
  });
});

describe("a new tenant's first run", () => {
  test("finds a runner that has already run woma's own code once, and shows no trace of it", async () => {
    const d = daemon({ daemon: { spares: 1 } });
    await waitUntil("an idle spare", async () => idleSpares(await d.client.info()).length === 1);
    const spare = d.launcher.runners[0]!;
    expect(spare.codes).toEqual(["None"]);
    const tenant = d.connect().client;
    expect((await tenant.run({ code: "1 + 1" })).result).toBe("2");
    expect((await tenant.info()).runners.find((r) => r.runner_id === spare.id)).toMatchObject({ role: "shared", runs: 1 });
    expect((await tenant.info()).execution_count).toBe(1);
    expect(spare.tenant).toBeDefined();
    expect(spare.codes).toEqual(["None", "1 + 1"]);
    expect(spare.runs).toBe(1);
  });

  test("the spare it took is refilled once that first run is over, not while it runs", async () => {
    const d = daemon({ daemon: { spares: 1 } });
    await waitUntil("an idle spare", async () => idleSpares(await d.client.info()).length === 1);
    const client = d.connect().client;
    const release = new AbortController();
    const first = client.run({ code: "hang()" }, { signal: release.signal }).catch(() => "stopped");
    await waitUntil("the first run to start", () => d.launcher.runners[0]!.busy);
    await Bun.sleep(20);
    expect(d.launcher.attempts).toBe(1);
    release.abort();
    expect(await first).toBe("stopped");
    await waitUntil("the spare to be refilled", async () => idleSpares(await d.client.info()).length === 1);
    expect(d.launcher.attempts).toBe(2);
  });
});
