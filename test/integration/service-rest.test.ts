/** `woma serve` as a service behind a balancer, with real servers: /health and /ready as balancers ask them, /metrics as Prometheus reads it, X-Woma-Instance and X-Woma-Session, and the drain on SIGTERM. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { spawn, spawnSync } from "node:child_process";
import { hostname } from "node:os";
import { join } from "node:path";
import { freePort } from "../harness/haproxy.ts";
import { rawHttp, send } from "../harness/http.ts";
import { REPO_ROOT, testCacheDir, waitFor } from "../harness/paths.ts";
import { alive, startServe, type ServeUnderTest } from "../harness/start-serve.ts";

const TOKEN = "service-test-token";
const AUTH = { Authorization: `Bearer ${TOKEN}` };
const JSON_TYPE = { "Content-Type": "application/json" };

/** Runs Debian's promtool on an exposition; resolves with its exit code and what it printed. */
function promtool(text: string): { code: number | null; output: string } {
  const run = spawnSync("promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
  if (run.error) throw new Error(`promtool could not run (apt-get install prometheus): ${run.error.message}`);
  return { code: run.status, output: `${run.stdout}${run.stderr}` };
}

/** Parses OpenMetrics with the reference parser (Debian's python3-prometheus-client); resolves with the family names, or throws its error. */
function openMetricsFamilies(text: string): string[] {
  const script = "import sys\nfrom prometheus_client.openmetrics.parser import text_string_to_metric_families as parse\nprint('\\n'.join(f.name for f in parse(sys.stdin.read())))";
  const run = spawnSync("/usr/bin/python3", ["-c", script], { input: text, encoding: "utf8" });
  if (run.status !== 0) throw new Error(`the OpenMetrics parser refused the exposition (python3-prometheus-client): ${run.stderr}`);
  return run.stdout.trim().split("\n");
}

/** The value of a sample in Prometheus text (`name{labels} value`), summed over the label sets that contain every `labels` pair. */
function sampleSum(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    if (Object.entries(labels).every(([key, value]) => (match[2] ?? "").includes(`${key}="${value}"`))) sum += Number(match[3]);
  }
  return sum;
}

describe("woma serve --instance-id rest-a --token T", () => {
  let server: ServeUnderTest;
  let port: number;
  const python = (body: Record<string, unknown>, headers: Record<string, string> = {}) => send(`${server.url}/python`, { method: "POST", headers: { ...JSON_TYPE, ...AUTH, ...headers }, body: JSON.stringify(body) });
  const metrics = async (accept?: string) => {
    const response = await fetch(`${server.url}/metrics`, { headers: { ...AUTH, ...(accept ? { Accept: accept } : {}) } });
    return { status: response.status, type: response.headers.get("content-type"), text: await response.text() };
  };

  beforeAll(async () => {
    server = await startServe(["--instance-id", "rest-a", "--token", TOKEN, "--max-body", "4096"]);
    port = Number(new URL(server.url).port);
  });
  afterAll(async () => {
    await server?.stop();
  });

  test("/health and /ready answer 200 as HAProxy's check asks (HTTP/1.0, no Host, no token), any Host, HEAD; no session or code in them", async () => {
    await python({ code: "secret_marker_variable = 1" }, { "X-Woma-Session": "secret-session-name" });
    for (const path of ["/health", "/ready"]) {
      const check = await rawHttp(port, `GET ${path} HTTP/1.0\r\n\r\n`);
      expect({ path, status: check.status }).toEqual({ path, status: 200 });
      expect(check.headers["x-woma-instance"]).toBe("rest-a");
      for (const host of ["evil.example", "10.0.0.7:8000", `127.0.0.1:${port}`]) {
        const answer = await fetch(`${server.url}${path}`, { headers: { Host: host } });
        const text = await answer.text();
        expect({ path, host, status: answer.status }).toEqual({ path, host, status: 200 });
        expect(text).not.toContain("secret-session-name");
        expect(text).not.toContain("secret_marker_variable");
      }
      expect((await fetch(`${server.url}${path}`, { method: "HEAD" })).status).toBe(200);
    }
    expect(JSON.parse((await rawHttp(port, "GET /ready HTTP/1.0\r\n\r\n")).body)).toMatchObject({ status: "ready", ready: true, instance_id: "rest-a" });
  });

  test("every answer carries X-Woma-Instance, errors included", async () => {
    const big = JSON.stringify({ code: `x = "${"a".repeat(5000)}"` });
    const cases: Array<[string, Promise<Response>, number]> = [
      ["a run", fetch(`${server.url}/python`, { method: "POST", headers: { ...JSON_TYPE, ...AUTH }, body: '{"code": "1"}' }), 200],
      ["bad JSON", fetch(`${server.url}/python`, { method: "POST", headers: { ...JSON_TYPE, ...AUTH }, body: "{nope" }), 400],
      ["no token", fetch(`${server.url}/python`, { method: "POST", headers: JSON_TYPE, body: '{"code": "1"}' }), 401],
      ["/metrics without the token", fetch(`${server.url}/metrics`), 401],
      ["a foreign Host", fetch(`${server.url}/python`, { method: "POST", headers: { ...JSON_TYPE, ...AUTH, Host: "evil.example" }, body: '{"code": "1"}' }), 403],
      ["an unknown path", fetch(`${server.url}/nope`, { headers: AUTH }), 404],
      ["a wrong method", fetch(`${server.url}/python`, { method: "DELETE", headers: AUTH }), 405],
      ["a body past --max-body", fetch(`${server.url}/python`, { method: "POST", headers: { ...JSON_TYPE, ...AUTH }, body: big }), 413],
      ["not JSON", fetch(`${server.url}/python`, { method: "POST", headers: { "Content-Type": "text/plain", ...AUTH }, body: "1" }), 415],
    ];
    for (const [what, answer, status] of cases) {
      const response = await answer;
      expect({ what, status: response.status, instance: response.headers.get("x-woma-instance") }).toEqual({ what, status, instance: "rest-a" });
    }
  });

  test("X-Woma-Session names the session as the body does (state kept); both given and different is a 400", async () => {
    expect((await python({ code: "routed = 20" }, { "X-Woma-Session": "by-header" })).body).toMatchObject({ status: "success", session: "by-header", session_created: true });
    const again = await python({ code: "routed + 1" }, { "X-Woma-Session": "by-header" });
    expect(again.body).toMatchObject({ result: "21", session: "by-header", session_created: false });
    expect(again.headers.get("x-woma-session")).toBe("by-header");
    expect((await python({ code: "routed + 2", session: "by-header" })).body.result).toBe("22");
    expect((await python({ code: "routed + 3", session: "by-header" }, { "X-Woma-Session": "by-header" })).body.result).toBe("23");
    const clash = await python({ code: "routed", session: "elsewhere" }, { "X-Woma-Session": "by-header" });
    expect(clash.status).toBe(400);
    expect(clash.body.error as string).toContain("X-Woma-Session: by-header");
    expect(clash.body.error as string).toContain('"elsewhere"');
    // Nothing ran in either session.
    expect((await python({ code: "'elsewhere' in globals()", session: "elsewhere" })).body).toMatchObject({ result: "False", session_created: true });
  });

  test("/metrics: promtool accepts it; woma_runs_total counts each run once whatever its outcome; runners, tenants, sessions, queue, admission, refusals by bound, spares, durations, broker", async () => {
    const before = await metrics();
    expect(before.status).toBe(200);
    expect(before.type).toBe("text/plain; version=0.0.4; charset=utf-8");
    const runs = sampleSum(before.text, "woma_runs_total");
    const refusals = sampleSum(before.text, "woma_broker_refusals_total");
    expect((await python({ code: "1 + 1" })).body.status).toBe("success");
    expect((await python({ code: "1 / 0" })).body.status).toBe("exception");
    expect((await python({ code: "import time\ntime.sleep(5)", timeout_ms: 300 })).body.error).toMatchObject({ type: "TimeoutError" });
    // Loopback is refused by the default network policy: the broker counts the refusal.
    const refused = await python({ code: "import urllib.request\nurllib.request.urlopen('http://127.0.0.1:9/')" });
    expect(refused.body.status).toBe("exception");
    const after = await metrics();
    const check = promtool(after.text);
    expect({ code: check.code, output: check.output }).toEqual({ code: 0, output: "" });
    expect(sampleSum(after.text, "woma_runs_total") - runs).toBe(4);
    expect(sampleSum(after.text, "woma_broker_refusals_total") - refusals).toBeGreaterThanOrEqual(1);
    expect(sampleSum(after.text, "woma_broker_requests_total", { outcome: "refused" })).toBeGreaterThanOrEqual(1);
    expect(sampleSum(after.text, "woma_run_duration_seconds_count", { outcome: "timeout" })).toBeGreaterThanOrEqual(1);
    expect(sampleSum(after.text, "woma_runner_boot_duration_seconds_count", { outcome: "ready" })).toBeGreaterThanOrEqual(1);
    expect(sampleSum(after.text, "woma_runners", { role: "shared" })).toBeGreaterThanOrEqual(1);
    expect(sampleSum(after.text, "woma_tenants")).toBeGreaterThanOrEqual(1);
    expect(sampleSum(after.text, "woma_sessions", { state: "ready" })).toBeGreaterThanOrEqual(2);
    expect(after.text).toContain("\nwoma_queue_depth 0\n");
    // The admission figures: nothing waits for a runner slot or boots now, every bound's refusals are there (none yet), spares as wanted.
    expect(after.text).toContain("\nwoma_admission_queue_depth 0\n");
    expect(after.text).toContain("\nwoma_boots_in_flight 0\n");
    expect(after.text).toContain("# TYPE woma_boots_killed_total counter");
    for (const bound of ["--max-runners", "--max-booting", "--admission-queue", "--max-tenant-runners", "--max-tenant-sessions", "--max-queue", "--max-pending-input", "--max-tenant-file-bytes"]) {
      expect(after.text).toContain(`\nwoma_refusals_total{bound="${bound}"} 0\n`);
    }
    for (const family of ["woma_spares", "woma_spares_target"]) expect(after.text).toContain(`# TYPE ${family} gauge`);
    expect(sampleSum(after.text, "woma_spares")).toBeLessThanOrEqual(sampleSum(after.text, "woma_spares_target"));
    for (const family of ["woma_run_duration_seconds", "woma_runner_boot_duration_seconds", "woma_broker_request_duration_seconds"]) expect(after.text).toContain(`# TYPE ${family} histogram`);
    expect(after.text).toContain('woma_build_info{version="0.1.0",server="rest",instance_id="rest-a"');
  });

  test("/metrics as OpenMetrics when the Accept header asks (as Prometheus does): the reference parser takes it", async () => {
    const open = await metrics("application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1");
    expect(open.type).toBe("application/openmetrics-text; version=1.0.0; charset=utf-8");
    expect(open.text.endsWith("# EOF\n")).toBe(true);
    const families = openMetricsFamilies(open.text);
    expect(families).toContain("woma_runs");
    expect(families).toContain("woma_runners");
    expect(open.text).toMatch(/\nwoma_runs_total \d+\n/);
  });
});

describe("woma serve starting up", () => {
  test("the port answers /ready 503 (and /health 200) until a runner is ready; after the first 200 a POST /python succeeds at once", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [join(REPO_ROOT, "cli", "main.ts"), "serve", "--port", String(port), "--pyodide-cache", testCacheDir()], { stdio: ["ignore", "ignore", "pipe"] });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    try {
      const seen: string[] = [];
      let healthWhileStarting: number | undefined;
      await waitFor(
        "/ready to answer 200",
        async () => {
          const answer = await fetch(`http://127.0.0.1:${port}/ready`).catch(() => undefined);
          if (answer === undefined) return false;
          const body = (await answer.json()) as { status: string };
          seen.push(`${answer.status} ${body.status}`);
          if (answer.status === 503) healthWhileStarting ??= (await fetch(`http://127.0.0.1:${port}/health`)).status;
          return answer.status === 200;
        },
        60_000,
      );
      const run = await send(`http://127.0.0.1:${port}/python`, { method: "POST", headers: JSON_TYPE, body: '{"code": "6 * 7"}' });
      expect(run.body).toMatchObject({ status: "success", result: "42" });
      // Booting a runner takes far longer than a probe: the probes saw it start.
      expect(seen.filter((s) => s !== "200 ready")).toContain("503 starting");
      expect(new Set(seen.filter((s) => s !== "200 ready"))).toEqual(new Set(["503 starting"]));
      expect(healthWhileStarting).toBe(200);
      // Its id, when none is given: the host name's first label and the port.
      expect((await fetch(`http://127.0.0.1:${port}/ready`)).headers.get("x-woma-instance")).toBe(`${hostname().split(".")[0]!.replace(/[^A-Za-z0-9_-]/g, "-")}-${port}`);
    } finally {
      child.kill("SIGTERM");
      await exited;
    }
  });
});

describe("SIGTERM drains woma serve", () => {
  test("/ready turns 503 within a second; new runs get 503 with Retry-After; the run in flight gets its answer; exit 0 with its runners gone", async () => {
    const server = await startServe(["--instance-id", "drain-a"]);
    try {
      const python = (body: Record<string, unknown>) => send(`${server.url}/python`, { method: "POST", headers: JSON_TYPE, body: JSON.stringify(body) });
      expect((await python({ code: "kept = 1", session: "old" })).body.status).toBe("success");
      const tree = server.tree();
      const long = python({ code: "import time\ntime.sleep(3)\nkept + 41", session: "old" });
      await waitFor("the run to be in flight", async () => sampleSum(await (await fetch(`${server.url}/metrics`)).text(), "woma_http_requests_in_flight") === 1, 10_000);
      const signalled = performance.now();
      server.process.kill("SIGTERM");
      await waitFor("/ready to answer 503", async () => (await fetch(`${server.url}/ready`)).status === 503, 5000);
      expect(performance.now() - signalled).toBeLessThan(1000);
      expect((await fetch(`${server.url}/health`)).status).toBe(200);
      for (const refused of [await python({ code: "1" }), await python({ code: "kept", session: "old" }), await python({ code: "1", session: "brand-new" })]) {
        expect(refused.status).toBe(503);
        expect(refused.headers.get("retry-after")).toBe("1");
        expect(refused.headers.get("x-woma-instance")).toBe("drain-a");
        expect(refused.body).toMatchObject({ status: "error", draining: true });
        expect(refused.body.error as string).toContain("draining");
      }
      const answer = await long;
      const answered = performance.now();
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ status: "success", result: "42" });
      // Nothing runs any more, and an idle keep-alive connection (this client's) does not hold it.
      expect(await server.exited).toBe(0);
      expect(performance.now() - answered).toBeLessThan(2000);
      expect(server.stderr()).toContain("woma: SIGTERM: stopping: draining 1 request(s) in flight");
      await waitFor("the server's runners to exit", () => tree.every((pid) => !alive(pid)), 5000);
    } finally {
      await server.stop();
    }
  });

  test("at --drain-timeout what still runs is interrupted, its client gets 503 naming the drain timeout, and the process exits within 2 s", async () => {
    const server = await startServe(["--drain-timeout", "1"]);
    try {
      const tree = server.tree();
      const stuck = send(`${server.url}/python`, { method: "POST", headers: JSON_TYPE, body: JSON.stringify({ code: "import time\ntime.sleep(60)" }) });
      await waitFor("the run to be in flight", async () => sampleSum(await (await fetch(`${server.url}/metrics`)).text(), "woma_http_requests_in_flight") === 1, 10_000);
      const signalled = performance.now();
      server.process.kill("SIGTERM");
      const answer = await stuck;
      expect(answer.status).toBe(503);
      expect(answer.body.status).toBe("error");
      expect(answer.body.error as string).toContain("drain timeout");
      expect(performance.now() - signalled).toBeGreaterThanOrEqual(950);
      expect(await server.exited).toBe(0);
      expect(performance.now() - signalled).toBeLessThan(1000 + 2000);
      await waitFor("the server's runners to exit", () => tree.every((pid) => !alive(pid)), 5000);
    } finally {
      await server.stop();
    }
  });

  test("even SIGKILL, which nothing can drain, takes the runners with it", async () => {
    const server = await startServe([]);
    try {
      const busy = send(`${server.url}/python`, { method: "POST", headers: JSON_TYPE, body: JSON.stringify({ code: "while True:\n    pass" }) }).catch(() => undefined);
      await waitFor("the run to be in flight", async () => sampleSum(await (await fetch(`${server.url}/metrics`)).text(), "woma_http_requests_in_flight") === 1, 10_000);
      const tree = server.tree();
      expect(tree.length).toBeGreaterThan(1);
      server.process.kill("SIGKILL");
      await busy;
      await waitFor("every runner to die with the server", () => tree.every((pid) => !alive(pid)), 10_000);
    } finally {
      await server.stop();
    }
  });

  test("a second SIGTERM stops within 2 s; the run still going is answered 503, not cut", async () => {
    const server = await startServe([]);
    try {
      const stuck = send(`${server.url}/python`, { method: "POST", headers: JSON_TYPE, body: JSON.stringify({ code: "while True:\n    pass" }) });
      await waitFor("the run to be in flight", async () => sampleSum(await (await fetch(`${server.url}/metrics`)).text(), "woma_http_requests_in_flight") === 1, 10_000);
      server.process.kill("SIGTERM");
      await waitFor("the drain to begin", async () => (await fetch(`${server.url}/ready`)).status === 503, 5000);
      const second = performance.now();
      server.process.kill("SIGTERM");
      const answer = await stuck;
      expect(answer.status).toBe(503);
      expect(answer.body.error as string).toContain("second SIGTERM");
      await server.exited;
      expect(performance.now() - second).toBeLessThan(2000);
    } finally {
      await server.stop();
    }
  });
});
