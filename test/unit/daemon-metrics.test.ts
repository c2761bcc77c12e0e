/** `daemon/metrics` through the whole daemon with fake runners: what it counts, the levels it reads, that it names no tenant, and that only the operator's connection may ask. */
import { describe, expect, test } from "bun:test";
import { JsonRpcErrorCodes, WomaErrorCodes } from "../../protocol/error-codes.ts";
import type { MetricsResult } from "../../protocol/generated/types.ts";
import { rejection } from "../harness/expect-error.ts";
import { FakeLauncher } from "../harness/fake-launcher.ts";
import { daemonPerTest, waitUntil } from "../harness/in-process-daemon.ts";

const daemon = daemonPerTest();

/** The value of one sample: the family's (or `sampleName`'s) sample whose labels include `labels`; undefined when there is none. */
function sample(result: MetricsResult, family: string, labels: Record<string, string | number> = {}, sampleName = family): number | undefined {
  const found = result.metrics.find((f) => f.name === family);
  const match = found?.values.find((v) => (v.metricName ?? family) === sampleName && Object.entries(labels).every(([k, want]) => String(v.labels[k]) === String(want)));
  return match?.value;
}

describe("daemon/metrics", () => {
  test("counts every run started once whatever its outcome, and times each by outcome", async () => {
    const d = daemon();
    const operator = d.connect({ operator: true }).client;
    const before = await operator.metrics();
    expect(sample(before, "woma_runs_total")).toBe(0);
    await d.client.run({ code: "1 + 1" });
    await d.client.run({ code: "raise ValueError('no')" });
    await expect(d.client.run({ code: "hang()", timeout_ms: 20 })).rejects.toThrow("timed out");
    const after = await operator.metrics();
    expect(sample(after, "woma_runs_total")).toBe(3);
    const counted = (outcome: string) => sample(after, "woma_run_duration_seconds", { outcome }, "woma_run_duration_seconds_count");
    expect([counted("success"), counted("exception"), counted("timeout")]).toEqual([1, 1, 1]);
    // A timeout's duration is at least its deadline.
    expect(sample(after, "woma_run_duration_seconds", { outcome: "timeout" }, "woma_run_duration_seconds_sum")!).toBeGreaterThanOrEqual(0.02);
  });

  test("a run is counted when it is taken on, before it ends", async () => {
    const d = daemon();
    const operator = d.connect({ operator: true }).client;
    const running = d.client.run({ code: "sleep(300)" });
    await waitUntil("the run to be on its runner", async () => sample(await operator.metrics(), "woma_runners", { state: "busy", role: "shared" }) === 1);
    // Counted while it runs, not only once it has ended.
    expect(sample(await operator.metrics(), "woma_runs_total")).toBe(1);
    await running;
    const after = await operator.metrics();
    expect(sample(after, "woma_runs_total")).toBe(1);
    expect(sample(after, "woma_runners", { state: "busy", role: "shared" })).toBe(0);
    expect(sample(after, "woma_runners", { state: "idle", role: "shared" })).toBe(1);
  });

  test("levels: tenants, sessions by state, runners by state and role, waiting runs, and boots by outcome", async () => {
    const d = daemon({ daemon: { spares: 1 } });
    const operator = d.connect({ operator: true }).client;
    const other = d.connect().client;
    await d.client.createSession({ session_id: "a" });
    await d.client.createSession({ session_id: "b" });
    await other.createSession({ session_id: "c" });
    // The first client's one runner is busy with a run that lasts until it is cancelled; a second run waits for it.
    const release = new AbortController();
    const long = d.client.run({ code: "hang()", session_id: "a" }, { signal: release.signal }).catch(() => "cancelled");
    const queued = d.client.run({ code: "1", session_id: "a" });
    await waitUntil("a run to wait", async () => sample(await operator.metrics(), "woma_queue_depth") === 1);
    const now = await operator.metrics();
    expect(sample(now, "woma_tenants")).toBe(2);
    expect(sample(now, "woma_sessions", { state: "ready" })).toBe(3);
    expect(sample(now, "woma_sessions", { state: "lost" })).toBe(0);
    expect(sample(now, "woma_runners", { state: "busy", role: "shared" })).toBe(1);
    expect(sample(now, "woma_runners", { state: "idle", role: "shared" })).toBe(1);
    // Every state and role is there, zeros included.
    expect(now.metrics.find((f) => f.name === "woma_runners")!.values).toHaveLength(12);
    await waitUntil("the spare to be ready", async () => sample(await operator.metrics(), "woma_runners", { state: "idle", role: "spare" }) === 1);
    const boots = sample(await operator.metrics(), "woma_runner_boot_duration_seconds", { outcome: "ready" }, "woma_runner_boot_duration_seconds_count");
    expect(boots).toBe(3);
    release.abort();
    expect(await long).toBe("cancelled");
    expect((await queued).result).toBe("1");
    expect(sample(await operator.metrics(), "woma_queue_depth")).toBe(0);
  });

  test("admission figures: refusals by the bound they name, the admission queue, boots in flight and killed, spares", async () => {
    const launcher = new FakeLauncher();
    const d = daemon({ launcher, daemon: { maxRunners: 2, maxTenantSessions: 1, admissionTimeoutMs: 60_000 } });
    const operator = d.connect({ operator: true }).client;
    const zero = await operator.metrics();
    // Every bound is there before any refusal, at 0.
    expect(sample(zero, "woma_refusals_total", { bound: "--max-tenant-sessions" })).toBe(0);
    expect(sample(zero, "woma_refusals_total", { bound: "--max-pending-input" })).toBe(0);
    const first = d.connect();
    await first.client.createSession({ session_id: "one" });
    expect((await rejection(first.client.createSession({ session_id: "two" }))).code).toBe(WomaErrorCodes.PoolBusy);
    expect(sample(await operator.metrics(), "woma_refusals_total", { bound: "--max-tenant-sessions" })).toBe(1);
    // The pool is full (two tenants hold a runner each); a third tenant's run waits for a slot.
    await d.connect().client.run({ code: "1" });
    const waiting = d.connect();
    void waiting.client.run({ code: "1" }).catch(() => {});
    await waitUntil("a request to wait for a runner slot", async () => sample(await operator.metrics(), "woma_admission_queue_depth") === 1);
    waiting.close();
    await waitUntil("the wait to be dropped with its tenant", async () => sample(await operator.metrics(), "woma_admission_queue_depth") === 0);
    // A boot whose tenant leaves is killed and counted.
    first.close();
    launcher.holdBoots();
    const leaving = d.connect();
    void leaving.client.run({ code: "1" }).catch(() => {});
    await waitUntil("a boot in flight", async () => sample(await operator.metrics(), "woma_boots_in_flight") === 1);
    leaving.close();
    await waitUntil("the boot to be killed", async () => sample(await operator.metrics(), "woma_boots_killed_total") === 1);
    launcher.releaseBoots();
    await waitUntil("no boot in flight", async () => sample(await operator.metrics(), "woma_boots_in_flight") === 0);
    expect(sample(await operator.metrics(), "woma_boots_killed_total")).toBe(1);
  });

  test("spares: how many are ready and how many are wanted", async () => {
    const d = daemon({ daemon: { spares: 2 } });
    const operator = d.connect({ operator: true }).client;
    await waitUntil("a spare to be ready", async () => sample(await operator.metrics(), "woma_spares")! >= 1);
    const now = await operator.metrics();
    expect(sample(now, "woma_spares_target")).toBeGreaterThanOrEqual(1);
    expect(sample(now, "woma_spares_target")).toBeLessThanOrEqual(2);
    expect(sample(now, "woma_spares")).toBe(sample(now, "woma_runners", { state: "idle", role: "spare" }));
  });

  test("a boot that fails is timed as failed", async () => {
    const launcher = new FakeLauncher();
    launcher.failBoots(1);
    const d = daemon({ launcher });
    const operator = d.connect({ operator: true }).client;
    await d.client.run({ code: "1" });
    const result = await operator.metrics();
    expect(sample(result, "woma_runner_boot_duration_seconds", { outcome: "failed" }, "woma_runner_boot_duration_seconds_count")).toBe(1);
  });

  test("names no tenant, session or code, and every family is one Prometheus can take", async () => {
    const d = daemon();
    const named = d.connect().client;
    await named.initialize("secret-client", "tenant-secret-name");
    await named.createSession({ session_id: "session-secret-name" });
    await named.run({ code: "code_secret_marker = 1", session_id: "session-secret-name" });
    const result = await d.connect({ operator: true }).client.metrics();
    const text = JSON.stringify(result);
    for (const secret of ["tenant-secret-name", "session-secret-name", "code_secret_marker", "secret-client"]) expect(text).not.toContain(secret);
    for (const family of result.metrics) {
      expect(family.name).toMatch(/^woma_[a-z_]+$/);
      expect(family.help.length).toBeGreaterThan(10);
      if (family.type === "counter") expect(family.name).toEndWith("_total");
    }
  });

  test("an ordinary tenant's connection is refused, naming /metrics; it goes on working", async () => {
    const d = daemon();
    const error = await rejection(d.client.metrics());
    expect(error.code).toBe(JsonRpcErrorCodes.InvalidRequest);
    expect(error.message).toContain("daemon/metrics");
    expect(error.message).toContain("/metrics");
    expect((await d.client.run({ code: "1 + 1" })).result).toBe("2");
  });
});
