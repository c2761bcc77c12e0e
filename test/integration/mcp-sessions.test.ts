/**
 * Who owns which Python session: `woma mcp` servers attached (--connect) to one socket daemon.
 * Every MCP connection is a tenant of its own: other connections (this test's included) cannot
 * see its sessions, so the test watches what a user would, the runner processes, which end
 * with the connection that used them.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from "bun:test";
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DaemonClient } from "../../clients/shared/daemon-client.ts";
import { startDaemon, type DaemonUnderTest } from "../harness/start-daemon.ts";
import { waitFor } from "../harness/paths.ts";
import { runnerPids } from "../harness/runner-processes.ts";
import { mcpArgs, runPython, startHttpMcp, startStdioMcp, textOf } from "../harness/start-mcp.ts";

let daemon: DaemonUnderTest;
/** The daemon's operator connection: it sees every tenant, so a test can wait for an MCP connection's tenant to end. */
let operator: DaemonClient;
const operatorSocket = join(mkdtempSync(join(tmpdir(), "woma-ops-")), "ops.sock");
const tenantCount = async () => (await operator.tenants()).tenants.length;
/** Runner processes of the daemon now: its spare plus one per MCP connection that has run code. */
const runners = () => runnerPids(daemon.process.pid!).length;
/** The daemon's runners when no MCP connection holds one (its spares), measured before each test. */
let baseline = 0;
const sessionNames = async (client: { callTool(request: object): Promise<unknown> }) =>
  ((await client.callTool({ name: "list_sessions", arguments: {} })) as { structuredContent: { sessions: Array<{ name: string }> } }).structuredContent.sessions.map((s) => s.name);

beforeAll(async () => {
  daemon = await startDaemon({ transport: "socket", args: ["--operator-socket", operatorSocket] });
  operator = await DaemonClient.connect(operatorSocket);
  await waitFor("the daemon's spare runner", () => runners() >= 1, 30_000);
  baseline = runners();
});

/** Stops what a test started even when it fails half-way, so no server outlives the file. */
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => undefined);
});

afterAll(async () => {
  operator?.dispose();
  await daemon?.stop();
});

describe("two clients of one HTTP server", () => {
  test("see only their own sessions; DELETE and server stop close the leaver's sessions", async () => {
    const http = await startHttpMcp(["--connect", daemon.socketPath!]);
    cleanups.push(() => http.stop());
    const a = await http.connect("agent-a");
    const b = await http.connect("agent-b");

    await runPython(a.client, { code: "secret = 'only for a'", session: "main" });
    const peek = await runPython(b.client, { code: "secret", session: "main" });
    expect(peek.isError).toBe(true);
    expect(textOf(peek)).toContain("NameError: name 'secret' is not defined");
    // b resetting and closing "main" touches its own session only.
    await b.client.callTool({ name: "reset_session", arguments: { session: "main" } });
    expect(await b.client.callTool({ name: "close_session", arguments: { session: "main" } })).toMatchObject({ structuredContent: { closed: true } });
    expect(textOf(await runPython(a.client, { code: "secret", session: "main" }))).toBe("[result]\n'only for a'");
    await runPython(b.client, { code: "mine = 1", session: "b-only" });

    const listA = (await a.client.callTool({ name: "list_sessions", arguments: {} })).structuredContent as { sessions: Array<{ name: string }> };
    const listB = (await b.client.callTool({ name: "list_sessions", arguments: {} })).structuredContent as { sessions: Array<{ name: string }> };
    expect(listA.sessions.map((s) => s.name)).toEqual(["main"]);
    expect(listB.sessions.map((s) => s.name)).toEqual(["b-only"]);
    // Each MCP connection has a runner of its own (and the daemon its spare).
    await waitFor("two runners beside the spare", () => runners() === baseline + 2, 10_000);
    expect((await daemon.client.listSessions()).sessions).toEqual([]); // another tenant sees none of them

    await a.transport.terminateSession(); // DELETE with Mcp-Session-Id
    await waitFor("a's runner to stop after DELETE", () => runners() === baseline + 1, 5000);
    expect(await sessionNames(b.client)).toEqual(["b-only"]);
    // The deleted MCP session is gone: its id now gets 404 (the client would initialize again).
    const stale = await fetch(http.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-session-id": a.transport.sessionId ?? "deleted" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 9, method: "tools/list" }),
    });
    expect(stale.status).toBe(404);

    expect(await http.stop()).toBe(0);
    await waitFor("b's runner to stop with the server", () => runners() === baseline, 5000);
  });
});

describe("two stdio servers sharing one daemon", () => {
  test("cannot see each other's variables, and each closes only its own sessions when its client leaves", async () => {
    const one = await startStdioMcp(["--connect", daemon.socketPath!]);
    cleanups.push(() => one.client.close());
    const two = await startStdioMcp(["--connect", daemon.socketPath!]);
    cleanups.push(() => two.client.close());
    await runPython(one.client, { code: "value = 'one'", session: "shared-name" });
    await runPython(two.client, { code: "value = 'two'", session: "shared-name" });
    expect(textOf(await runPython(one.client, { code: "value", session: "shared-name" }))).toBe("[result]\n'one'");
    await waitFor("a runner for each server beside the spare", () => runners() === baseline + 2, 10_000);

    await one.client.close();
    await waitFor("the first server's runner to stop", () => runners() === baseline + 1, 5000);
    expect(textOf(await runPython(two.client, { code: "value", session: "shared-name" }))).toBe("[result]\n'two'");
    await two.client.close();
    await waitFor("the second server's runner to stop", () => runners() === baseline, 5000);
  });

  test("end of stdin alone makes the server close its sessions and exit 0", async () => {
    const child = spawn(process.execPath, mcpArgs(["--connect", daemon.socketPath!]), { stdio: ["pipe", "pipe", "pipe"] });
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    cleanups.push(async () => child.kill("SIGKILL"));
    let stdout = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    const send = (message: object) => child.stdin!.write(`${JSON.stringify(message)}\n`);
    send({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "0" } } });
    send({ jsonrpc: "2.0", method: "notifications/initialized" });
    send({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "run_python", arguments: { code: "x = 1", session: "eof" } } });
    await waitFor("the answer to tools/call on stdout", () => stdout.includes('"id":2'), 15_000);
    expect(runners()).toBe(baseline + 1);

    child.stdin!.end();
    expect(await exited).toBe(0);
    await waitFor("the server's runner to stop", () => runners() === baseline, 5000);
    // Every line on stdout was an MCP message.
    for (const line of stdout.trim().split("\n")) expect(JSON.parse(line)).toMatchObject({ jsonrpc: "2.0" });
  });
});

describe("idle expiry", () => {
  test("a session idle past --session-idle-timeout is closed; the next run recreates it and says so", async () => {
    const mcp = await startStdioMcp(["--connect", daemon.socketPath!, "--session-idle-timeout", "1"]);
    cleanups.push(() => mcp.client.close());
    await runPython(mcp.client, { code: "z = 1", session: "idle" });
    const listed = (await mcp.client.callTool({ name: "list_sessions", arguments: {} })).structuredContent as { sessions: Array<{ last_used_at: string; expires_at: string }> };
    expect(Date.parse(listed.sessions[0]!.expires_at) - Date.parse(listed.sessions[0]!.last_used_at)).toBe(1000);

    await waitFor("the daemon to expire the idle session", async () => (await sessionNames(mcp.client)).length === 0, 10_000);
    expect(textOf(await mcp.client.callTool({ name: "list_sessions", arguments: {} }))).toStartWith("No open sessions. run_python with `session` creates one.\n");
    const again = await runPython(mcp.client, { code: "z", session: "idle" });
    expect(again.isError).toBe(true);
    expect(textOf(again)).toStartWith('[note]\nSession "idle" no longer existed (expired after 1 s without a run, or was closed), so it was started again, empty');
    expect(textOf(again)).toContain("NameError: name 'z' is not defined");
    await mcp.client.close();
  });

  test("an HTTP MCP session idle past the timeout is ended: its id gets 404 and its Python sessions are closed", async () => {
    const http = await startHttpMcp(["--connect", daemon.socketPath!, "--session-idle-timeout", "1"]);
    cleanups.push(() => http.stop());
    const before = await tenantCount();
    const { client, transport } = await http.connect();
    await runPython(client, { code: "w = 1", session: "w" });
    const id = transport.sessionId!;
    expect(await tenantCount()).toBe(before + 1);
    // A request would count as activity, so watch the daemon instead: the server forgets the session's id before it closes its daemon connection, whose end ends its tenant.
    // (Its runner alone says nothing: the daemon closes the idle Python session too, and a tenant whose last session closed lets its runner go.)
    await waitFor("the idle MCP connection's tenant to end", async () => (await tenantCount()) === before, 10_000);
    await waitFor("its runner to stop", () => runners() === baseline, 5000);
    const response = await fetch(http.url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-session-id": id },
      body: JSON.stringify({ jsonrpc: "2.0", id: 5, method: "tools/list" }),
    });
    expect(response.status).toBe(404);
    expect(await response.text()).toContain(`MCP session ${id} is unknown, was closed, or expired after 1 s without requests; initialize a new one`);
    expect(await http.stop()).toBe(0);
  });
});

describe("the HTTP server refuses what a web page could forge", () => {
  test("a foreign Origin or a rebinding Host gets 403; a loopback Origin and no Origin pass", async () => {
    const http = await startHttpMcp(["--connect", daemon.socketPath!]);
    cleanups.push(() => http.stop());
    const init = (headers: Record<string, string>) =>
      fetch(http.url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "0" } } }),
      });
    const foreign = await init({ origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain('Origin \\"https://evil.example\\" refused');
    expect((await init({ host: `evil.example:${http.url.port}` })).status).toBe(403);
    const local = await init({ origin: `http://localhost:${http.url.port}` });
    expect(local.status).toBe(200);
    // The instance's id (here made from the host name and port), a dot, then a UUID (see service-mcp.test.ts).
    expect(local.headers.get("mcp-session-id")).toMatch(/^[A-Za-z0-9_-]+\.[0-9a-f-]{36}$/);
    expect((await init({})).status).toBe(200);
    expect(await http.stop()).toBe(0);
  });
});
