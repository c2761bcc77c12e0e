/** `woma mcp --port` as a service, with real servers and the real MCP SDK client: the probes, /metrics, session ids that start with the instance's id, and the drain on SIGTERM. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { rawHttp } from "../harness/http.ts";
import { waitFor } from "../harness/paths.ts";
import { alive, processTree } from "../harness/start-serve.ts";
import { runPython, startHttpMcp, textOf, type HttpMcp } from "../harness/start-mcp.ts";

const TOKEN = "mcp-service-token";
const AUTH = { Authorization: `Bearer ${TOKEN}` };

/** The body of an `initialize` request, as an MCP client sends it. */
const INITIALIZE = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "0" } } });
const MCP_HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream" };

/** The sum of a metric's samples in Prometheus text. */
function sampleSum(text: string, name: string): number {
  let sum = 0;
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (\S+)$/.exec(line);
    if (match && match[1] === name) sum += Number(match[3]);
  }
  return sum;
}

/**
 * Opens the standalone SSE stream of an MCP session over a plain socket (Bun's fetch holds
 * back an answer's head until its body starts, and this stream may stay quiet): resolves
 * with the answer's status once its head arrives, and `ended`, which resolves when the
 * server closes the stream.
 */
async function openEventStream(port: number, sessionId: string): Promise<{ status: number; ended: Promise<string> }> {
  const { connect } = await import("node:net");
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () =>
      socket.write(`GET /mcp HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\nMcp-Session-Id: ${sessionId}\r\nMcp-Protocol-Version: 2025-11-25\r\n\r\n`),
    );
    const ended = new Promise<string>((done) => socket.on("close", () => done("ended")));
    let head = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      if (head.includes("\r\n")) return;
      head += chunk;
      if (head.includes("\r\n")) resolve({ status: Number(head.split(" ")[1]), ended });
    });
    socket.on("error", reject);
  });
}

describe("woma mcp --port --instance-id mcp-a --token T", () => {
  let mcp: HttpMcp;
  const base = () => `${mcp.url.origin}`;
  beforeAll(async () => {
    mcp = await startHttpMcp(["--instance-id", "mcp-a", "--token", TOKEN]);
  });
  afterAll(async () => {
    await mcp?.stop();
  });

  test("/health and /ready answer as a balancer asks (HTTP/1.0, no Host, any Host, no token); /ready says 200 once a runner is ready", async () => {
    await waitFor("/ready to answer 200", async () => (await fetch(`${base()}/ready`)).status === 200, 30_000);
    for (const path of ["/health", "/ready"]) {
      const check = await rawHttp(Number(mcp.url.port), `GET ${path} HTTP/1.0\r\n\r\n`);
      expect({ path, status: check.status, instance: check.headers["x-woma-instance"] }).toEqual({ path, status: 200, instance: "mcp-a" });
      expect((await fetch(`${base()}${path}`, { headers: { Host: "lb.internal:80" } })).status).toBe(200);
    }
    expect(JSON.parse((await rawHttp(Number(mcp.url.port), "GET /health HTTP/1.0\r\n\r\n")).body)).toMatchObject({ status: "healthy", server: "mcp", instance_id: "mcp-a" });
  });

  test("MCP session ids start with the instance's id; every answer says the instance", async () => {
    const { client, transport } = await mcp.connect("ids", AUTH);
    try {
      expect(transport.sessionId).toMatch(/^mcp-a\.[0-9a-f-]{36}$/);
      expect(textOf(await runPython(client, { code: "1 + 1" }))).toContain("2");
    } finally {
      await client.close();
    }
    const refused = await fetch(mcp.url, { method: "POST", headers: MCP_HEADERS, body: INITIALIZE });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("x-woma-instance")).toBe("mcp-a");
  });

  test("/metrics needs the token; promtool accepts it; it counts MCP sessions and runs", async () => {
    expect((await fetch(`${base()}/metrics`)).status).toBe(401);
    const before = await (await fetch(`${base()}/metrics`, { headers: AUTH })).text();
    const { client } = await mcp.connect("metrics", AUTH);
    try {
      await runPython(client, { code: "x = 1", session: "m" });
      const text = await (await fetch(`${base()}/metrics`, { headers: AUTH })).text();
      const check = spawnSync("promtool", ["check", "metrics"], { input: text, encoding: "utf8" });
      expect({ code: check.status, output: `${check.stdout}${check.stderr}` }).toEqual({ code: 0, output: "" });
      expect(sampleSum(text, "woma_runs_total") - sampleSum(before, "woma_runs_total")).toBe(1);
      expect(sampleSum(text, "woma_mcp_sessions")).toBeGreaterThanOrEqual(1);
      expect(sampleSum(text, "woma_tenants")).toBeGreaterThanOrEqual(1);
      expect(text).toContain('server="mcp",instance_id="mcp-a"');
    } finally {
      await client.close();
    }
  });
});

describe("SIGTERM drains woma mcp --port", () => {
  test("a call in flight gets its result; new sessions and new runs get 503 with Retry-After; open sessions and SSE streams do not hold the exit", async () => {
    const mcp = await startHttpMcp(["--instance-id", "mcp-drain"]);
    const { client: busy } = await mcp.connect("busy");
    const { client: idle } = await mcp.connect("idle");
    try {
      expect(textOf(await runPython(busy, { code: "kept = 41", session: "s" }))).not.toContain("Error");
      // A session of a raw client with its standalone SSE stream open, as clients keep one for server messages.
      const opened = await fetch(mcp.url, { method: "POST", headers: MCP_HEADERS, body: INITIALIZE });
      const sessionId = opened.headers.get("mcp-session-id")!;
      await opened.text();
      const sessionHeaders = { "mcp-session-id": sessionId, "mcp-protocol-version": "2025-11-25" };
      await fetch(mcp.url, { method: "POST", headers: { ...MCP_HEADERS, ...sessionHeaders }, body: '{"jsonrpc":"2.0","method":"notifications/initialized"}' });
      const stream = await openEventStream(Number(mcp.url.port), sessionId);
      expect(stream.status).toBe(200);
      const tree = processTree(mcp.process.pid!);
      const call = runPython(busy, { code: "import time\ntime.sleep(3)\nkept + 1", session: "s" });
      await waitFor("the call to be in flight", async () => sampleSum(await (await fetch(`${mcp.url.origin}/metrics`)).text(), "woma_http_requests_in_flight") >= 1, 10_000);
      const signalled = performance.now();
      mcp.process.kill("SIGTERM");
      await waitFor("/ready to answer 503", async () => (await fetch(`${mcp.url.origin}/ready`)).status === 503, 5000);
      expect(performance.now() - signalled).toBeLessThan(1000);

      const initialize = await fetch(mcp.url, { method: "POST", headers: MCP_HEADERS, body: INITIALIZE });
      expect(initialize.status).toBe(503);
      expect(initialize.headers.get("retry-after")).toBe("1");
      const body = (await initialize.json()) as { error: { message: string } };
      expect(body.error.message).toContain("draining");
      // A new run on a session that is open: refused too (the instance is going away).
      const refused = await runPython(idle, { code: "1" }).then(
        () => "answered",
        (error: Error & { code?: number }) => `${error.code}: ${error.message}`,
      );
      expect(refused).toStartWith("503: ");
      expect(refused).toContain("draining");

      const result = await call;
      const answered = performance.now();
      expect(result.isError).toBeFalsy();
      expect(textOf(result)).toContain("42");
      expect(await mcp.exited).toBe(0);
      expect(performance.now() - answered).toBeLessThan(2000);
      // The open stream was ended, not left hanging.
      expect(await stream.ended).toBe("ended");
      await waitFor("the server's runners to exit", () => tree.every((pid) => !alive(pid)), 5000);
    } finally {
      await Promise.all([busy.close(), idle.close()]).catch(() => {});
      await mcp.stop();
    }
  });

  test("at --drain-timeout a call still running ends with a tool error naming the drain timeout, and the process exits within 2 s", async () => {
    const mcp = await startHttpMcp(["--drain-timeout", "1"]);
    const { client } = await mcp.connect("stuck");
    try {
      const call = runPython(client, { code: "import time\ntime.sleep(60)" });
      await waitFor("the call to be in flight", async () => sampleSum(await (await fetch(`${mcp.url.origin}/metrics`)).text(), "woma_http_requests_in_flight") >= 1, 10_000);
      const signalled = performance.now();
      mcp.process.kill("SIGTERM");
      const result = await call;
      expect(result.isError).toBe(true);
      expect(textOf(result)).toContain("drain timeout");
      expect(await mcp.exited).toBe(0);
      expect(performance.now() - signalled).toBeLessThan(1000 + 2000);
    } finally {
      await client.close().catch(() => {});
      await mcp.stop();
    }
  });
});
