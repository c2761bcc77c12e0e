/**
 * Many tenants on one real daemon (issue 22): clients that vanish cost nothing, quotas name
 * their flags, a tenant waits for a busy pool and runs when a runner frees (or fails at the
 * deadline saying when to retry), a departing tenant's boot is killed at once, each tenant
 * sees only its own counters, a connection's queued requests are bounded in bytes, and
 * SIGTERM answers every request. Against the socket daemon, the REST bridge and MCP over HTTP
 * (both attached to the daemon with --connect, each a tenant of it).
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { mkdtempSync } from "node:fs";
import { createConnection, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { Client as McpClient } from "@modelcontextprotocol/sdk/client/index.js";
import { DaemonClient } from "../../clients/shared/daemon-client.ts";
import { WomaErrorCodes } from "../../protocol/error-codes.ts";
import type { TenantsResult } from "../../protocol/generated/types.ts";
import { rejection } from "../harness/expect-error.ts";
import { REPO_ROOT, testCacheDir, waitFor } from "../harness/paths.ts";
import { residentBytes, sampleResident } from "../harness/process-memory.ts";
import { runnerPids } from "../harness/runner-processes.ts";
import { startDaemon, type DaemonUnderTest } from "../harness/start-daemon.ts";
import { runPython, textOf } from "../harness/start-mcp.ts";
import { alive } from "../harness/start-serve.ts";

const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const runFrame = (id: number, code: string, extra: Record<string, unknown> = {}) => frame(JSON.stringify({ jsonrpc: "2.0", id, method: "python/run", params: { code, ...extra } }));
/** Python that prints, then runs until its client leaves (or 120 s pass). */
const LOOP = "import time\nprint('go', flush=True)\nt = time.time()\nwhile time.time() - t < 120: pass";

function connect(path: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    socket.once("connect", () => resolve(socket));
    socket.once("error", reject);
  });
}

/** The daemon's runner processes now. */
const runnerCount = (d: DaemonUnderTest) => runnerPids(d.process.pid!).length;

describe("many tenants on one socket daemon", () => {
  let daemon: DaemonUnderTest;
  let operator: DaemonClient;
  const operatorSocket = join(mkdtempSync(join(tmpdir(), "woma-ops-")), "ops.sock");
  const view = (): Promise<TenantsResult> => operator.tenants();
  /** Waits until the pool is as it was: every boot over, one spare ready, nobody waiting. */
  const settled = async () =>
    waitFor(
      "the pool to settle (no boot, one idle spare, nobody waiting)",
      async () => {
        const { pool } = await view();
        return pool.booting === 0 && pool.spares === 1 && pool.admission.waiting === 0;
      },
      60_000,
    );

  beforeAll(async () => {
    daemon = await startDaemon({
      transport: "socket",
      args: ["--max-runners", "3", "--max-tenant-runners", "2", "--max-tenant-sessions", "3", "--admission-timeout", "3", "--operator-socket", operatorSocket],
    });
    operator = await DaemonClient.connect(operatorSocket);
    // The bystander holds a runner throughout: one slot of three, the spare another.
    await daemon.client.createSession({ session_id: "keep" });
    await daemon.client.run({ code: "kept = 41", session_id: "keep" });
    await settled();
  });
  afterAll(async () => {
    operator?.dispose();
    await daemon?.stop();
  });

  test("100 connections that send a run and close at once cost nothing: the runner count stays at its baseline and a new client's 1+1 answers", async () => {
    const baseline = runnerCount(daemon);
    const storm = await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const socket = await connect(daemon.socketPath!);
        socket.on("error", () => {});
        socket.end(runFrame(1, `${i} + 1`));
        socket.destroy();
      }),
    );
    expect(storm).toHaveLength(100);
    await waitFor(`the runner count to be back at ${baseline} within 2 s of the last client`, () => runnerCount(daemon) <= baseline, 2000);
    const client = await DaemonClient.connect(daemon.socketPath!);
    try {
      const answer = await Promise.race([client.run({ code: "1+1" }), Bun.sleep(2000).then(() => "no answer within 2 s")]);
      expect(answer).toMatchObject({ result: "2" });
    } finally {
      client.dispose();
    }
    expect((await daemon.client.run({ code: "kept", session_id: "keep" })).result).toBe("41");
    await settled();
  });

  test("clients whose runs have started and that then vanish have their runners killed: back to the baseline within 2 s", async () => {
    const baseline = runnerCount(daemon);
    const sockets = await Promise.all([connect(daemon.socketPath!), connect(daemon.socketPath!)]);
    const started = sockets.map((socket) => {
      let seen = "";
      socket.on("error", () => {});
      socket.on("data", (chunk: Buffer) => (seen += chunk.toString()));
      socket.write(runFrame(1, LOOP));
      return () => seen.includes("go");
    });
    await waitFor("both loops to run", () => started.every((s) => s()), 60_000);
    expect(runnerCount(daemon)).toBeGreaterThan(baseline);
    for (const socket of sockets) socket.destroy();
    await waitFor(`the runner count to be back at ${baseline} within 2 s`, () => runnerCount(daemon) <= baseline, 2000);
    await settled();
  });

  test("a tenant cannot hold more than its quotas, and each refusal names its flag", async () => {
    const greedy = await DaemonClient.connect(daemon.socketPath!);
    const chatty = await DaemonClient.connect(daemon.socketPath!);
    try {
      // Runners: fresh interpreters take one each, up to --max-tenant-runners.
      await greedy.createSession({ fresh_interpreter: true });
      await greedy.createSession({ fresh_interpreter: true });
      const runners = await rejection(greedy.createSession({ fresh_interpreter: true }));
      expect(runners.code).toBe(WomaErrorCodes.PoolBusy);
      expect(runners.message).toContain("this client already holds 2 runners, the most one tenant may hold (--max-tenant-runners 2)");
      expect(runners.data).toMatchObject({ bound: "--max-tenant-runners", limit: 2 });
      greedy.dispose();
      // Sessions: up to --max-tenant-sessions, on one runner.
      for (let i = 0; i < 3; i++) await chatty.createSession();
      const sessions = await rejection(chatty.createSession());
      expect(sessions.code).toBe(WomaErrorCodes.PoolBusy);
      expect(sessions.message).toBe("this client already has 3 open sessions, the most one tenant may have (--max-tenant-sessions 3); close one first");
    } finally {
      greedy.dispose();
      chatty.dispose();
    }
    await settled();
  });

  test("with every runner busy a new tenant waits and runs when one frees, or fails at the deadline saying which bound and when to retry", async () => {
    // Two tenants take the two free slots (the spare and a boot) and keep them busy.
    const busy = await Promise.all([DaemonClient.connect(daemon.socketPath!), DaemonClient.connect(daemon.socketPath!)]);
    const going = busy.map(() => ({ seen: false }));
    const loops = busy.map((client, i) => client.run({ code: LOOP, timeout_ms: 120_000 }, { onOutput: () => (going[i]!.seen = true) }).catch(() => "stopped"));
    await waitFor("both loops to run", () => going.every((g) => g.seen), 60_000);
    const waiting = await DaemonClient.connect(daemon.socketPath!);
    try {
      const run = waiting.run({ code: "'ran after waiting'" });
      await waitFor("the new tenant to wait for a runner", async () => (await view()).pool.admission.waiting === 1, 5000);
      busy[0]!.dispose(); // its runner is killed, and the slot goes to the waiting tenant
      expect((await run).result).toBe("'ran after waiting'");
      const late = await DaemonClient.connect(daemon.socketPath!);
      try {
        const refused = await rejection(late.run({ code: "1" }));
        expect(refused.code).toBe(WomaErrorCodes.PoolBusy);
        expect(refused.message).toMatch(/^all 3 runners are held by clients \(--max-runners 3\); this request waited 3(\.\d)? s for one \(--admission-timeout 3 s\); retry in \d+(\.\d)? s$/);
        expect(refused.data).toMatchObject({ bound: "--max-runners", limit: 3, retry_after_ms: expect.any(Number) });
      } finally {
        late.dispose();
      }
    } finally {
      waiting.dispose();
      busy[1]!.dispose();
    }
    expect(await Promise.all(loops)).toEqual(["stopped", "stopped"]);
    await settled();
  });

  test("a departing tenant's boot is killed within 100 ms and its slot freed", async () => {
    const first = await DaemonClient.connect(daemon.socketPath!);
    const before = new Set(runnerPids(daemon.process.pid!));
    try {
      await first.run({ code: "1" }); // takes the spare: a new spare boots behind it, once that first run is over
      let boot: number | undefined;
      await waitFor("the spare's refill to start", () => (boot = runnerPids(daemon.process.pid!).find((pid) => !before.has(pid))) !== undefined, 10_000);
      const leaving = await connect(daemon.socketPath!);
      leaving.on("error", () => {});
      leaving.write(runFrame(1, "1"));
      await waitFor("the departing tenant to claim the boot", async () => (await view()).tenants.some((t) => t.booting === 1), 10_000);
      const cancelled = (await view()).pool.boots_cancelled;
      leaving.destroy();
      const t0 = performance.now();
      while (alive(boot!) && performance.now() - t0 < 100) await Bun.sleep(1);
      expect({ killedWithin100ms: !alive(boot!) }).toEqual({ killedWithin100ms: true });
      expect((await view()).pool.boots_cancelled).toBe(cancelled + 1);
    } finally {
      first.dispose();
    }
    await settled();
  });

  test("per-tenant counters show only that tenant; the operator view shows each", async () => {
    const a = await DaemonClient.connect(daemon.socketPath!);
    const b = await DaemonClient.connect(daemon.socketPath!);
    try {
      await a.initialize("a", "tenant-a");
      await b.initialize("b", "tenant-b");
      for (let i = 0; i < 3; i++) await a.run({ code: "1" });
      await b.run({ code: "1" });
      const [ia, ib] = [await a.info(), await b.info()];
      expect({ count: ia.execution_count, runs: ia.usage?.runs, runners: ia.usage?.runners }).toEqual({ count: 3, runs: 3, runners: 1 });
      expect({ count: ib.execution_count, runs: ib.usage?.runs, runners: ib.usage?.runners }).toEqual({ count: 1, runs: 1, runners: 1 });
      const own = (info: typeof ia) => info.runners.filter((r) => r.role !== "spare").map((r) => r.runner_id);
      expect(own(ia).some((id) => own(ib).includes(id))).toBe(false);
      expect(ia.usage!.rss_bytes).toBeGreaterThan(0);
      const tenants = (await view()).tenants;
      expect(tenants.find((t) => t.tenant === "tenant-a")).toMatchObject({ runs: 3, runners: 1 });
      expect(tenants.find((t) => t.tenant === "tenant-b")).toMatchObject({ runs: 1, runners: 1 });
      expect((await rejection(a.tenants())).message).toContain("daemon/tenants is the operator's view");
    } finally {
      a.dispose();
      b.dispose();
    }
    await settled();
  });

  test("a connection's queued requests are bounded in bytes: past --max-pending-input they are refused unread and the daemon does not grow", async () => {
    const client = await connect(daemon.socketPath!);
    type Answer = { id?: number | string; method?: string; result?: { size?: number; usage?: { queued: number } }; error?: { code: number; message: string; data?: unknown } };
    const answers = new Map<number | string, Answer>();
    let inputRequest: Answer | undefined;
    let buffer = Buffer.alloc(0);
    client.on("data", (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf("\r\n\r\n");
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString())![1]);
        if (buffer.length < end + 4 + length) return;
        const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString()) as Answer;
        buffer = buffer.subarray(end + 4 + length);
        if (message.method === "python/input") inputRequest = message;
        else if (message.id !== undefined && message.method === undefined) answers.set(message.id, message);
      }
    });
    const send = (id: number | string, method: string, params: object) => client.write(frame(JSON.stringify({ jsonrpc: "2.0", id, method, params })));
    const ask = async (id: string, method: string, params: object): Promise<Answer> => {
      send(id, method, params);
      await waitFor(`the answer to ${method}`, () => answers.has(id), 30_000);
      return answers.get(id)!;
    };
    try {
      await ask("create", "session/create", { session_id: "files" });
      // A run that waits for the client's input(): every write behind it waits, until the client answers.
      send(2, "python/run", { code: "input()", session_id: "files", allow_stdin: true, timeout_ms: 120_000 });
      await waitFor("the run to ask for input", () => inputRequest !== undefined, 60_000);
      const before = residentBytes(daemon.process.pid!)!;
      const sampler = sampleResident(daemon.process.pid!, 20);
      // Twelve writes of 10 MiB (13.3 MiB as base64): 160 MiB against the default 64 MiB.
      const content = Buffer.alloc(10 * 1024 * 1024, 7).toString("base64");
      for (let id = 10; id < 22; id++) send(id, "files/write", { session_id: "files", path: `f${id}.bin`, content, encoding: "base64" });
      const refusedNow = () => [...answers.values()].filter((a) => a.error?.code === WomaErrorCodes.PoolBusy).length;
      let probes = 0;
      await waitFor(
        "the daemon to have read all twelve writes (refused, or queued behind the run)",
        async () => refusedNow() + ((await ask(`info-${++probes}`, "daemon/info", {})).result?.usage?.queued ?? 0) === 12,
        60_000,
      );
      const peak = sampler.stop();
      client.write(frame(JSON.stringify({ jsonrpc: "2.0", id: inputRequest!.id, result: { value: "go" } })));
      await waitFor("every write to be answered", () => [...Array(12).keys()].every((i) => answers.has(10 + i)), 60_000);
      const writes = [...Array(12).keys()].map((i) => answers.get(10 + i)!);
      const refused = writes.filter((a) => a.error?.code === WomaErrorCodes.PoolBusy);
      const written = writes.filter((a) => a.result?.size === 10 * 1024 * 1024);
      expect({ refused: refused.length > 0, written: written.length > 0, all: refused.length + written.length }).toEqual({ refused: true, written: true, all: 12 });
      expect(refused[0]!.error!.message).toContain("(--max-pending-input)");
      expect(refused[0]!.error!.data).toMatchObject({ bound: "--max-pending-input", limit: 64 * 1024 * 1024 });
      // What the daemon held is what it was allowed to hold, not four times the 160 MiB sent.
      expect((peak - before) / 1048576).toBeLessThan(320);
    } finally {
      client.destroy();
    }
    await settled();
  });
});

describe("SIGTERM", () => {
  test("every request in flight or queued gets a JSON-RPC error saying the daemon is stopping before its connection closes", async () => {
    const d = await startDaemon({ transport: "socket", args: ["--max-runners", "4", "--admission-timeout", "60"] });
    const sockets: Socket[] = [];
    const answers: Array<{ id: number; code?: number; message?: string }> = [];
    const going = new Set<number>();
    let closed = 0;
    try {
      for (let c = 0; c < 4; c++) {
        const socket = await connect(d.socketPath!);
        sockets.push(socket);
        let text = "";
        socket.on("data", (chunk: Buffer) => {
          text += chunk.toString();
          if (text.includes('"text":"go')) going.add(c);
          for (const match of text.matchAll(/"id":(\d+),"error":\{"code":(-?\d+),"message":"([^"]*)"/g)) {
            if (!answers.some((a) => a.id === Number(match[1]))) answers.push({ id: Number(match[1]), code: Number(match[2]), message: match[3] });
          }
        });
        socket.on("close", () => closed++);
        socket.on("error", () => {});
        // One run going and five queued behind it, per connection: 24 requests.
        for (let r = 0; r < 6; r++) socket.write(runFrame(c * 100 + r, "import time\nprint('go', flush=True)\ntime.sleep(30)", { timeout_ms: 60_000 }));
      }
      await waitFor("every connection's first run to start", () => going.size === 4, 60_000);
      d.process.kill("SIGTERM");
      await waitFor("every connection to close", () => closed === 4, 30_000);
      expect(answers.length).toBe(24);
      expect(new Set(answers.map((a) => a.code))).toEqual(new Set([WomaErrorCodes.ShuttingDown]));
      expect(answers.every((a) => a.message!.startsWith("the daemon is shutting down"))).toBe(true);
    } finally {
      for (const socket of sockets) socket.destroy();
      await d.stop();
    }
  });
});

describe("the REST bridge and MCP over HTTP as tenants of one daemon", () => {
  let daemon: DaemonUnderTest;
  let operator: DaemonClient;
  const operatorSocket = join(mkdtempSync(join(tmpdir(), "woma-ops-")), "ops.sock");
  const bridges: Array<{ kill(): void; exited: Promise<unknown> }> = [];

  /** Starts `woma serve` or `woma mcp` on port 0 attached to the daemon, and waits for its URL. */
  const attach = async (command: "serve" | "mcp", extra: string[] = []): Promise<URL> => {
    const child = spawn(process.execPath, [join(REPO_ROOT, "cli", "main.ts"), command, "--port", "0", "--connect", daemon.socketPath!, "--pyodide-cache", testCacheDir(), ...extra], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    bridges.push({ kill: () => child.kill("SIGTERM"), exited: new Promise((resolve) => child.once("exit", resolve)) });
    const pattern = command === "serve" ? /listening on (http\S+)/ : /MCP on (http\S+)/;
    await waitFor(`woma ${command} to listen (stderr: ${stderr})`, () => pattern.test(stderr) || child.exitCode !== null, 60_000);
    return new URL(pattern.exec(stderr)![1]!);
  };
  /** Waits until no tenant holds a runner and one spare is ready: what a test before left is gone. */
  const quiet = async () =>
    waitFor(
      "no tenant to hold a runner, and a spare",
      async () => {
        const view = await operator.tenants();
        return view.pool.spares === 1 && view.pool.booting === 0 && view.tenants.every((t) => t.runners === 0) && view.pool.admission.waiting === 0;
      },
      60_000,
    );
  const mcpClient = async (url: URL, name: string): Promise<Client> => {
    const client = new McpClient({ name, version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(url));
    return client;
  };

  beforeAll(async () => {
    daemon = await startDaemon({ transport: "socket", args: ["--max-runners", "3", "--admission-timeout", "3", "--operator-socket", operatorSocket] });
    operator = await DaemonClient.connect(operatorSocket);
  });
  /** Stops every bridge started so far (each is a tenant holding what it took). */
  const detachAll = async () => {
    const started = bridges.splice(0);
    for (const bridge of started) bridge.kill();
    await Promise.all(started.map((b) => b.exited));
  };
  afterAll(async () => {
    await detachAll();
    operator?.dispose();
    await daemon?.stop();
  });

  test("MCP: clients that run one line and close are gone within 2 s of the last one, and a new client's 1+1 answers", async () => {
    const url = await attach("mcp");
    await quiet();
    const baseline = runnerCount(daemon);
    // One at a time: each takes the spare (or a boot) and closes without DELETE, as the SDK's close() does.
    for (let i = 0; i < 3; i++) {
      const client = await mcpClient(url, `vanishing-${i}`);
      expect(textOf(await runPython(client, { code: "1+1" }))).toContain("2");
      await client.close();
    }
    await waitFor(`the runner count to be back at ${baseline} within 2 s of the last client`, () => runnerCount(daemon) <= baseline, 2000);
    const fresh = await mcpClient(url, "newcomer");
    try {
      expect(textOf(await runPython(fresh, { code: "1+1" }))).toContain("2");
    } finally {
      await fresh.close();
      await detachAll();
    }
  });

  test("MCP and REST: with every runner busy the call waits and fails at the deadline as an isError result / a 503 with Retry-After, naming the bound; REST runs once a runner frees", async () => {
    await quiet();
    // Three tenants of the daemon keep every runner busy.
    const holders = await Promise.all([0, 1, 2].map(() => DaemonClient.connect(daemon.socketPath!)));
    const going = holders.map(() => ({ seen: false }));
    const loops = holders.map((client, i) => client.run({ code: LOOP, timeout_ms: 120_000 }, { onOutput: () => (going[i]!.seen = true) }).catch((error: Error) => `stopped: ${error.message}`));
    try {
      await waitFor("three loops to run", async () => going.every((g) => g.seen) || (await Promise.race([Promise.any(loops), Bun.sleep(1).then(() => undefined)])) !== undefined, 90_000);
      expect(going.map((g) => g.seen)).toEqual([true, true, true]);
      // Both bridges at once, and both calls at once: each waits out the same 3 s deadline.
      const [mcpUrl, restUrl] = await Promise.all([attach("mcp"), attach("serve")]);
      const python = (code: string) => fetch(new URL("/python", restUrl), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code }) });
      const client = await mcpClient(mcpUrl, "waiting");
      try {
        const [refused, response] = await Promise.all([runPython(client, { code: "1+1" }), python("1+1")]);
        expect(refused.isError).toBe(true);
        expect(textOf(refused)).toMatch(/woma is at capacity and did not run the code: all 3 runners are held by clients \(--max-runners 3\); this request waited 3(\.\d)? s for one \(--admission-timeout 3 s\); retry in \d+(\.\d)? s\. Call run_python again in about \d+ s\./);
        expect(response.status).toBe(503);
        expect(Number(response.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
        expect(await response.json()).toMatchObject({ status: "error", bound: "--max-runners", error: expect.stringContaining("(--max-runners 3)") });
      } finally {
        await client.close();
      }
      // One holder leaves: the bridge's next request waits for the freed runner and runs.
      const served = python("6*7");
      await waitFor("the bridge's request to wait for a runner", async () => (await operator.tenants()).pool.admission.waiting >= 1, 10_000);
      holders[0]!.dispose();
      const answer = await served;
      expect({ status: answer.status, body: await answer.json() }).toMatchObject({ status: 200, body: { status: "success", result: "42" } });
    } finally {
      for (const holder of holders) holder.dispose();
      await detachAll();
    }
    expect((await Promise.all(loops)).map((outcome) => typeof outcome === "string" && outcome.startsWith("stopped"))).toEqual([true, true, true]);
  });

  test("REST: 100 requests whose clients vanish leave the bridge's runner count as it was, and the next request answers", async () => {
    await quiet();
    const url = await attach("serve");
    const warm = await fetch(new URL("/python", url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: "1" }) });
    expect(warm.status).toBe(200);
    // The bridge took the spare; its refill starts once that first run is over. The baseline is the pool after it.
    await waitFor("the spare the bridge took to be replaced", async () => {
      const view = await operator.tenants();
      return view.pool.spares === 1 && view.pool.booting === 0;
    }, 60_000);
    const baseline = runnerCount(daemon);
    await Promise.all(
      Array.from({ length: 100 }, async () => {
        const abort = new AbortController();
        const request = fetch(new URL("/python", url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: "import time\ntime.sleep(5)" }), signal: abort.signal, keepalive: false }).catch(() => "aborted");
        await Bun.sleep(5);
        abort.abort();
        return request;
      }),
    );
    await waitFor(`the runner count to be back at ${baseline} within 2 s`, () => runnerCount(daemon) <= baseline, 2000);
    // A connection of its own: the test's HTTP client must not hand it a pooled connection that one of the aborts broke.
    const after = await fetch(new URL("/python", url), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: "1+1" }), keepalive: false });
    expect(await after.json()).toMatchObject({ status: "success", result: "2" });
  });

  test("REST's /health and MCP's list_sessions report to each client only its own runs, runners and memory", async () => {
    await detachAll();
    await quiet();
    const mcp = await attach("mcp");
    const [a, b] = [await mcpClient(mcp, "usage-a"), await mcpClient(mcp, "usage-b")];
    type Listed = { usage: { runs: number; runners: number; busy: number; memory_bytes: number; queued: number } };
    try {
      for (let i = 0; i < 3; i++) expect(textOf(await runPython(a, { code: "1+1", session: "s" }))).toContain("2");
      expect(textOf(await runPython(b, { code: "1+1" }))).toContain("2");
      const [la, lb] = [await a.callTool({ name: "list_sessions", arguments: {} }), await b.callTool({ name: "list_sessions", arguments: {} })];
      const [ua, ub] = [(la.structuredContent as Listed).usage, (lb.structuredContent as Listed).usage];
      expect({ runs: ua.runs, runners: ua.runners, queued: ua.queued }).toEqual({ runs: 3, runners: 1, queued: 0 });
      expect({ runs: ub.runs, runners: ub.runners, queued: ub.queued }).toEqual({ runs: 1, runners: 1, queued: 0 });
      expect(ua.memory_bytes).toBeGreaterThan(0);
      expect(textOf(la)).toContain("This connection: 3 runs so far, 1 Python process (");
    } finally {
      await a.close();
      await b.close();
      await detachAll();
    }
    await quiet();
    const rest = await attach("serve");
    for (let i = 0; i < 2; i++) expect((await (await fetch(new URL("/python", rest), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ code: "1" }) })).json()) as object).toMatchObject({ status: "success" });
    const health = (await (await fetch(new URL("/health", rest))).json()) as { usage: { runs: number; runners: number } | null };
    // The bridge's own two runs, not the MCP clients' four.
    expect(health.usage).toMatchObject({ runs: 2, runners: 1 });
    await detachAll();
  });
});
