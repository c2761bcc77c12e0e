/** The REST bridge as a service, in-process over fake runners: the probes, /metrics, the drain, X-Woma-Session and session_created. The real servers are tested in test/integration/service-rest.test.ts. */
import { describe, expect, test } from "bun:test";
import { createRestHandler, type RestHandler } from "../../clients/rest/handler.ts";
import { Drain } from "../../clients/web/drain.ts";
import { MetricsEndpoint, OPENMETRICS_TEXT, PROMETHEUS_TEXT, wantsOpenMetrics } from "../../clients/web/metrics-endpoint.ts";
import { serviceFront } from "../../clients/web/service-front.ts";
import { ServiceProbes } from "../../clients/web/service-probes.ts";
import { webGuardFrom } from "../../clients/web/web-guard.ts";
import { FakeLauncher } from "../harness/fake-launcher.ts";
import { daemonPerTest, waitUntil, type InProcessDaemon } from "../harness/in-process-daemon.ts";

const daemon = daemonPerTest();
const BASE = "http://127.0.0.1:8000";
const JSON_TYPE = { "Content-Type": "application/json" };

/** A bridge over an in-process daemon with the service front, as `woma serve` puts it together. */
function service(d: InProcessDaemon, options: { token?: string; serving?: boolean } = {}) {
  const drain = new Drain();
  const operator = d.connect({ operator: true }).client;
  let serving = options.serving ?? true;
  const probes = new ServiceProbes({ server: "rest", instanceId: () => "test-1", drain, client: () => operator, serving: () => serving });
  const guard = webGuardFrom({ listenHost: "127.0.0.1", tokenRequired: options.token !== undefined });
  const handler: RestHandler = createRestHandler(d.client, { workers: 1, guard, drain, probes, ...(options.token ? { token: options.token } : {}) });
  const metrics = new MetricsEndpoint({
    server: "rest",
    instanceId: () => "test-1",
    client: () => operator,
    isolation: () => "process",
    levels: async () => ({ ready: (await probes.readiness()).ready, draining: drain.draining, inFlight: drain.inFlight }),
  });
  const fetch = serviceFront(handler, { probes, metrics, guard, ...(options.token ? { token: options.token } : {}), fullHealth: (request) => handler(request) });
  const call = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(new Request(`${BASE}${path}`, init));
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, body: text.startsWith("{") ? (JSON.parse(text) as Record<string, unknown>) : {} };
  };
  const python = (body: Record<string, unknown>, headers: Record<string, string> = {}) => call("/python", { method: "POST", headers: { ...JSON_TYPE, ...headers }, body: JSON.stringify(body) });
  return { drain, call, python, setServing: (value: boolean) => (serving = value) };
}

describe("/health and /ready", () => {
  test("/ready is 503 while the server starts, 200 once it serves, 503 again once it drains; /health is 200 throughout", async () => {
    const s = service(daemon(), { serving: false });
    const starting = await s.call("/ready");
    expect(starting.status).toBe(503);
    expect(starting.body).toMatchObject({ status: "starting", ready: false, instance_id: "test-1" });
    expect((await s.call("/health")).status).toBe(200);
    s.setServing(true);
    await waitUntil("/ready to say 200", async () => (await s.call("/ready")).status === 200);
    expect((await s.call("/ready")).body).toMatchObject({ status: "ready", ready: true });
    s.drain.begin();
    expect((await s.call("/ready")).body).toMatchObject({ status: "draining", ready: false });
    expect((await s.call("/ready")).status).toBe(503);
    const health = await s.call("/health");
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: "draining", draining: true, ready: false, instance_id: "test-1" });
  });

  test("/ready is 503 when no runner can start (the boots keep failing), and /health still 200", async () => {
    const launcher = new FakeLauncher();
    launcher.failBoots(50, "runner exited with code 1: the wasm module could not be compiled");
    const d = daemon({ launcher });
    const s = service(d);
    // Boots are tried when work needs a runner; three failures in a row and the daemon says it is degraded.
    for (let i = 0; i < 3; i++) await d.client.run({ code: "1" }).catch(() => undefined);
    await waitUntil("the daemon to give up booting", async () => (await s.call("/ready")).body.status === "unavailable");
    const ready = await s.call("/ready");
    expect(ready.status).toBe(503);
    expect(ready.body.detail as string).toContain("no Python runner can start");
    const health = await s.call("/health", { headers: { Host: "lb.internal" } });
    expect(health.status).toBe(200);
    expect(health.body.status).toBe("unhealthy");
  });

  test("a busy runner and a queue leave /ready at 200", async () => {
    const s = service(daemon());
    const runs = [s.python({ code: "sleep(200)" }), s.python({ code: "1" }), s.python({ code: "2" })];
    await Bun.sleep(20);
    expect((await s.call("/ready")).status).toBe(200);
    await Promise.all(runs);
  });

  test("any Host, and no token even when one is set; a foreign Host gets the short /health, a known one the full", async () => {
    const s = service(daemon(), { token: "sekret" });
    await waitUntil("the first runner", async () => (await s.call("/ready")).status === 200);
    for (const path of ["/health", "/ready"]) {
      expect((await s.call(path, { headers: { Host: "evil.example" } })).status).toBe(200);
      expect((await s.call(path)).status).toBe(200);
    }
    const short = await s.call("/health", { headers: { Host: "evil.example" } });
    expect(short.body.runners).toBeUndefined();
    expect(short.body).toMatchObject({ status: "healthy", instance_id: "test-1", server: "rest" });
    const full = await s.call("/health");
    expect(full.body).toMatchObject({ status: "healthy", pyodide_loaded: true, instance_id: "test-1", ready: true, draining: false });
    expect(Array.isArray(full.body.runners)).toBe(true);
  });

  test("they reveal no session name, code or tenant", async () => {
    const s = service(daemon());
    await s.python({ code: "secret_marker_variable = 1", session: "secret-session-name" });
    for (const path of ["/health", "/ready"]) {
      for (const host of ["127.0.0.1:8000", "evil.example"]) {
        const { text } = await s.call(path, { headers: { Host: host } });
        expect(text).not.toContain("secret-session-name");
        expect(text).not.toContain("secret_marker_variable");
      }
    }
  });
});

describe("/metrics", () => {
  test("Prometheus text by default, OpenMetrics when asked (counter families without _total, samples with it, # EOF)", async () => {
    const s = service(daemon());
    await s.python({ code: "1 + 1" });
    const text = await s.call("/metrics");
    expect(text.status).toBe(200);
    expect(text.headers.get("content-type")).toBe(PROMETHEUS_TEXT);
    expect(text.text).toContain("# TYPE woma_runs_total counter\nwoma_runs_total 1\n");
    expect(text.text).toContain('woma_http_requests_total{path="/python",code="200"} 1');
    const open = await s.call("/metrics", { headers: { Accept: "application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5" } });
    expect(open.headers.get("content-type")).toBe(OPENMETRICS_TEXT);
    expect(open.text).toContain("# TYPE woma_runs counter\nwoma_runs_total 1\n");
    expect(open.text.endsWith("# EOF\n")).toBe(true);
  });

  test("with a token it needs Authorization: Bearer; the probes never do", async () => {
    const s = service(daemon(), { token: "sekret" });
    const refused = await s.call("/metrics");
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toContain("Bearer");
    expect((await s.call("/metrics", { headers: { Authorization: "Bearer wrong" } })).status).toBe(401);
    expect((await s.call("/metrics", { headers: { Authorization: "Bearer sekret" } })).status).toBe(200);
    expect((await s.call("/metrics", { method: "POST" })).status).toBe(405);
  });

  test("which Accept headers ask for OpenMetrics", () => {
    expect(wantsOpenMetrics(null)).toBe(false);
    expect(wantsOpenMetrics("text/plain;version=0.0.4")).toBe(false);
    expect(wantsOpenMetrics("application/openmetrics-text; version=1.0.0")).toBe(true);
    expect(wantsOpenMetrics("application/openmetrics-text;version=1.0.0;q=0,text/plain")).toBe(false);
    expect(wantsOpenMetrics("text/plain;q=0.5, Application/OpenMetrics-Text;q=0.8")).toBe(true);
  });
});

describe("the drain", () => {
  test("new runs and installs get 503 with Retry-After saying it drains; a run in flight finishes with its answer; then it is idle", async () => {
    const s = service(daemon());
    await s.python({ code: "kept = 5", session: "old" });
    const inFlight = s.python({ code: "sleep(150)\nkept", session: "old" });
    await waitUntil("the run to be in flight", () => s.drain.inFlight === 1);
    s.drain.begin();
    for (const refused of [await s.python({ code: "1" }), await s.python({ code: "kept", session: "old" }), await s.call("/packages", { method: "POST", headers: JSON_TYPE, body: '{"packages": ["six"]}' })]) {
      expect(refused.status).toBe(503);
      expect(refused.headers.get("retry-after")).toBe("1");
      expect(refused.body.status).toBe("error");
      expect(refused.body.error as string).toContain("draining");
    }
    const answer = await inFlight;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: "success", result: "5" });
    await s.drain.idle();
  });

  test("at the interrupt, what still runs is answered 503 with the reason and stopped in the daemon", async () => {
    const d = daemon();
    const s = service(d);
    const inFlight = s.python({ code: "hang()", session: "h" });
    await waitUntil("the run to be in flight", () => s.drain.inFlight === 1);
    s.drain.begin();
    s.drain.interrupt("its drain timeout passed");
    const answer = await inFlight;
    expect(answer.status).toBe(503);
    expect(answer.body).toMatchObject({ status: "error", error: "its drain timeout passed" });
    // The runner was told: its session answers again, with its state.
    await waitUntil("the runner to be free", async () => (await d.client.info()).runners.every((runner) => runner.state !== "busy"));
  });
});

describe("sessions a balancer can route", () => {
  test("X-Woma-Session names the session like the body; both alike is fine, both different is a 400 naming both", async () => {
    const s = service(daemon());
    const set = await s.python({ code: "v = 3" }, { "X-Woma-Session": "by-header" });
    expect(set.body).toMatchObject({ status: "success", session: "by-header", session_created: true });
    expect(set.headers.get("x-woma-session")).toBe("by-header");
    expect((await s.python({ code: "v", session: "by-header" })).body).toMatchObject({ result: "3", session_created: false });
    expect((await s.python({ code: "v", session: "by-header" }, { "X-Woma-Session": "by-header" })).body.result).toBe("3");
    const clash = await s.python({ code: "v", session: "other" }, { "X-Woma-Session": "by-header" });
    expect(clash.status).toBe(400);
    expect(clash.body.error as string).toContain("X-Woma-Session: by-header");
    expect(clash.body.error as string).toContain('"other"');
    const bad = await s.python({ code: "v" }, { "X-Woma-Session": "no spaces" });
    expect(bad.status).toBe(400);
    expect(bad.body.error as string).toContain("X-Woma-Session");
  });

  test("session_created is true when the named session did not exist, false when it did, absent without a name", async () => {
    const d = daemon();
    const s = service(d);
    expect((await s.python({ code: "1", session: "fresh" })).body.session_created).toBe(true);
    expect((await s.python({ code: "1", session: "fresh" })).body.session_created).toBe(false);
    expect("session_created" in (await s.python({ code: "1" })).body).toBe(false);
    // Gone behind the bridge's back (as when it lived on an instance that went away): created again, and said.
    await d.client.closeSession("fresh");
    const again = await s.python({ code: "1", session: "fresh" });
    expect(again.body.session_created).toBe(true);
    expect(again.body.warnings).toEqual([expect.stringContaining("no longer existed")]);
  });
});
