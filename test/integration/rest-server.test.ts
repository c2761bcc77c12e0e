/** `woma serve` over real HTTP, started as a user would: each line of the REST contract, with the default one runner and with --reset-globals. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import { fixture } from "../harness/fixtures.ts";
import { send } from "../harness/http.ts";
import { REPO_ROOT, testCacheDir, waitFor } from "../harness/paths.ts";
import { runnerPids } from "../harness/runner-processes.ts";
import { startDaemon, type DaemonUnderTest } from "../harness/start-daemon.ts";
import { alive, startServe, type ServeUnderTest } from "../harness/start-serve.ts";

const ENTRY = join(REPO_ROOT, "cli", "main.ts");

/** The header every POST /python needs (a web page cannot send it cross-origin without a preflight). */
const JSON_TYPE = { "Content-Type": "application/json" };

describe("woma serve (defaults: one runner, state persists)", () => {
  let server: ServeUnderTest;
  const python = (body: unknown) => send(`${server.url}/python`, { method: "POST", headers: JSON_TYPE, body: typeof body === "string" ? body : JSON.stringify(body) });

  beforeAll(async () => {
    server = await startServe([]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  test("it listens on 127.0.0.1 by default and says so on stderr", () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.stderr()).not.toContain("warning");
  });

  test("a second woma serve (or woma mcp) on the same port fails at start with \"port P is in use\" and exits non-zero; the first keeps its state", async () => {
    await python({ code: "kept_by_first = 'first'" });
    const port = new URL(server.url).port;
    for (const command of [["serve"], ["mcp"]]) {
      const second = Bun.spawn([process.execPath, ENTRY, ...command, "--port", port, "--pyodide-cache", testCacheDir()], { stdout: "pipe", stderr: "pipe" });
      const [stderr, code] = await Promise.all([new Response(second.stderr).text(), second.exited]);
      expect({ command: command[0], code: code === 0 ? 0 : "non-zero" }).toEqual({ command: command[0], code: "non-zero" });
      expect(stderr).toContain(`cannot listen on 127.0.0.1:${port}: port ${port} is in use`);
      expect(stderr).not.toContain("listening on");
    }
    // Every request still reaches the first server, with its state (with SO_REUSEPORT they would alternate).
    for (let i = 0; i < 6; i++) expect((await python({ code: "kept_by_first" })).body.result).toBe("'first'");
  });

  test("GET /health: 200 with status, pyodide_loaded, uptime_seconds, execution_count (and extras)", async () => {
    const { status, body } = await send(`${server.url}/health`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "healthy", pyodide_loaded: true, uptime_seconds: expect.any(Number), execution_count: expect.any(Number), workers: 1 });
  });

  test("execution_count counts the runs since start", async () => {
    const before = (await send(`${server.url}/health`)).body.execution_count as number;
    await python({ code: "1" });
    await python({ code: "2" });
    expect((await send(`${server.url}/health`)).body.execution_count).toBe(before + 2);
  });

  test("a value: 200 with result, execution_time_ms, stdout, stderr and (empty) outputs", async () => {
    const { status, body } = await python({ code: "x = 2; x" });
    expect(status).toBe(200);
    expect(body).toEqual({ status: "success", result: "2", execution_time_ms: expect.any(Number), stdout: "", stderr: "", outputs: [] });
  });

  test("a statement: result null", async () => {
    expect((await python({ code: "x = 2" })).body).toEqual({ status: "success", result: null, execution_time_ms: expect.any(Number), stdout: "", stderr: "", outputs: [] });
  });

  test("a Python exception: 200, status exception, result 'Type: message', and error {type, message, traceback}", async () => {
    const { status, body } = await python({ code: "print('before')\nundefined_name" });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "exception", result: "NameError: name 'undefined_name' is not defined", stdout: "before\n", stderr: "" });
    expect(body.error).toEqual({
      type: "NameError",
      message: "name 'undefined_name' is not defined",
      traceback: expect.stringContaining("NameError: name 'undefined_name' is not defined"),
    });
    expect((body.error as { traceback: string }).traceback).toContain('File "<exec>", line 2');
  });

  test("stdout and stderr come back separately", async () => {
    const { body } = await python({ code: "import sys\nprint('to out')\nprint('to err', file=sys.stderr)" });
    expect(body).toMatchObject({ status: "success", result: null, stdout: "to out\n", stderr: "to err\n" });
  });

  test("state persists between requests; reset_globals: true runs in fresh globals", async () => {
    await python({ code: "total = 10" });
    expect((await python({ code: "total += 5; total" })).body.result).toBe("15");
    expect((await python({ code: "total", reset_globals: true })).body.result).toBe("NameError: name 'total' is not defined");
    expect((await python({ code: "total" })).body.result).toBe("15");
  });

  describe("bad requests get 400 (413 when too big) {status: error, error} and change nothing", () => {
    const cases: Array<[string, RequestInit, string, number?]> = [
      ["no code", { body: "{}" }, 'missing "code"'],
      ["code as a number (killed the original tool)", { body: '{"code": 5}' }, '"code" must be a string'],
      ["a body that is not JSON", { body: "print(1)" }, "not valid JSON"],
      ["invalid UTF-8", { body: new Uint8Array([0x7b, 0x22, 0x63, 0x6f, 0x64, 0x65, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d]) }, "not valid UTF-8"],
      ["a JSON array", { body: '[{"code": "1"}]' }, "got an array"],
      ["an empty body", { body: "" }, "request body is empty"],
      ["a body over 1 MiB", { body: JSON.stringify({ code: `"${"a".repeat(1024 * 1024)}"` }) }, "the limit is 1048576 bytes", 413],
      [
        "a chunked body over 1 MiB",
        {
          body: new ReadableStream<Uint8Array>({
            start(controller) {
              for (let i = 0; i < 20; i++) controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
              controller.close();
            },
          }),
        },
        "more than 1048576 bytes",
        413,
      ],
    ];
    test.each(cases)("%s", async (_what, init, message, expected = 400) => {
      const { status, headers, body } = await send(`${server.url}/python`, { method: "POST", headers: JSON_TYPE, ...init });
      expect(status).toBe(expected);
      expect(headers.get("Content-Type")).toStartWith("application/json");
      expect(body.status).toBe("error");
      expect(body.error as string).toContain(message);
    });

    test("after all of them the server still runs code and keeps its state", async () => {
      await python({ code: "before_bad = 15" });
      for (const [, init, , expected = 400] of cases.filter(([what]) => !what.startsWith("a chunked"))) {
        expect((await send(`${server.url}/python`, { method: "POST", headers: JSON_TYPE, ...init })).status).toBe(expected);
      }
      expect((await python({ code: "before_bad" })).body.result).toBe("15");
      expect(server.process.exitCode).toBeNull();
    });
  });

  test("unknown paths get 404, wrong methods 405 with Allow", async () => {
    const missing = await send(`${server.url}/run`, { method: "POST", headers: JSON_TYPE, body: '{"code": "1"}' });
    expect(missing.status).toBe(404);
    expect(missing.body.error as string).toContain("no such path: /run");
    const wrong = await send(`${server.url}/python`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("Allow")).toBe("POST, OPTIONS");
    expect((await send(`${server.url}/health`, { method: "DELETE" })).status).toBe(405);
  });

  test("CORS is on by default for loopback pages: their Origin is echoed and their preflight is 204 with the headers", async () => {
    const page = `http://localhost:5173`;
    const answer = await send(`${server.url}/python`, { method: "POST", headers: { ...JSON_TYPE, Origin: page }, body: '{"code": "1"}' });
    expect(answer.body.result).toBe("1");
    expect(answer.headers.get("Access-Control-Allow-Origin")).toBe(page);
    expect(answer.headers.get("Vary")).toBe("Origin");
    const preflight = await fetch(`${server.url}/python`, {
      method: "OPTIONS",
      headers: { Origin: page, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("Access-Control-Allow-Origin")).toBe(page);
    expect(preflight.headers.get("Access-Control-Allow-Methods")).toContain("POST");
    expect(preflight.headers.get("Access-Control-Allow-Headers")).toContain("Content-Type");
  });

  test("a page on another origin gets 403 and no CORS header, on its preflight and on its request", async () => {
    const headers = { Origin: "https://site.example", "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" };
    const preflight = await fetch(`${server.url}/python`, { method: "OPTIONS", headers });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get("Access-Control-Allow-Origin")).toBeNull();
    const answer = await send(`${server.url}/python`, { method: "POST", headers: { ...JSON_TYPE, Origin: "https://site.example" }, body: '{"code": "1"}' });
    expect(answer.status).toBe(403);
    expect(answer.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect(answer.body.error as string).toContain("--cors-origin https://site.example");
  });

  test("a timeout the code stops on: 200 TimeoutError, and the session keeps its state", async () => {
    await python({ code: "total = 15" });
    const { status, body } = await python({ code: fixture("infinite_loop.py"), timeout_ms: 300 });
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "exception", error: { type: "TimeoutError" } });
    expect(body.result as string).toStartWith("TimeoutError: the code ran longer than its timeout of 300 ms");
    expect((await python({ code: "total" })).body.result).toBe("15");
  });

  test("a run that killed its runner: 500 'Python runtime terminated: ...', and the next request is served normally", async () => {
    await python({ code: "doomed = 1" });
    const { status, body } = await python({ code: fixture("stubborn_loop.py"), timeout_ms: 300 });
    expect(status).toBe(500);
    expect(body.status).toBe("error");
    expect(body.error as string).toStartWith("Python runtime terminated: ");
    const next = await python({ code: "'doomed' in globals(), 1 + 1" });
    expect(next.status).toBe(200);
    expect(next.body.result).toBe("(False, 2)");
  });

  test("SIGTERM stops the server, its runners and its sandboxes, with exit code 0", async () => {
    const tree = server.tree();
    expect(tree.length).toBeGreaterThan(1);
    expect(await server.stop()).toBe(0);
    expect(server.stderr()).toContain("woma: SIGTERM: stopping");
    await waitFor("every process of the server to exit", () => tree.every((pid) => !alive(pid)), 5000);
  });
});

describe("woma serve --workers 0 --reset-globals --max-body 2000 --host 0.0.0.0 (no token)", () => {
  let server: ServeUnderTest;
  const python = (body: unknown) => send(`${server.url.replace("0.0.0.0", "127.0.0.1")}/python`, { method: "POST", headers: JSON_TYPE, body: JSON.stringify(body) });

  // Listening on every interface is what the warning is about; the server lives only for these few tests.
  beforeAll(async () => {
    server = await startServe(["--workers", "0", "--reset-globals", "--max-body", "2000", "--host", "0.0.0.0"]);
  });
  afterAll(async () => {
    await server?.stop();
  });

  test("listening beyond loopback without a token prints a warning at start, and says which Host names are answered", () => {
    expect(server.stderr()).toContain("woma: warning: listening on 0.0.0.0 without a token");
    expect(server.stderr()).toContain("woma: listening on 0.0.0.0, but requests must name this server localhost, 127.0.0.1 or [::1]; add the names clients use with --allow-host NAME.");
  });

  test("--reset-globals is the default of reset_globals; reset_globals: false keeps state", async () => {
    await python({ code: "y = 1" });
    expect((await python({ code: "y" })).body.result).toBe("NameError: name 'y' is not defined");
    await python({ code: "y = 1", reset_globals: false });
    expect((await python({ code: "y", reset_globals: false })).body.result).toBe("1");
  });

  test("--max-body sets the body limit; a body past it is a 413 naming the limit", async () => {
    const big = await python({ code: `"${"b".repeat(2000)}"` });
    expect(big.status).toBe(413);
    expect(big.body.error as string).toContain("the limit is 2000 bytes");
    expect((await python({ code: `len("${"b".repeat(1900)}")` })).body.result).toBe("1900");
  });
});

describe("woma serve --connect SOCKET (a daemon that runs on its own)", () => {
  let daemon: DaemonUnderTest;
  let server: ServeUnderTest;

  beforeAll(async () => {
    daemon = await startDaemon({ transport: "socket", args: ["--workers", "1"] });
    server = await startServe(["--connect", daemon.socketPath!]);
  });
  afterAll(async () => {
    await server?.stop();
    await daemon?.stop();
  });

  test("runs go to the running daemon, in a tenant of the bridge's own; when the bridge stops, its runner stops and the daemon goes on", async () => {
    const run = await send(`${server.url}/python`, { method: "POST", headers: JSON_TYPE, body: JSON.stringify({ code: "import os; os.getpid() > 0", session: "via-bridge" }) });
    expect(run.body).toMatchObject({ status: "success", result: "True", session: "via-bridge" });
    // The bridge is a tenant: another client of the daemon sees none of its sessions.
    expect((await daemon.client.listSessions()).sessions).toEqual([]);
    // The daemon keeps one spare (--spares 1 on a socket); the bridge took a runner of its own.
    const spares = 1;
    await waitFor("the bridge's runner beside the daemon's spare", () => runnerPids(daemon.process.pid!).length === spares + 1, 30_000);
    expect(await server.stop()).toBe(0);
    await waitFor("the bridge's runner to stop with it", () => runnerPids(daemon.process.pid!).length === spares, 10_000);
    expect((await daemon.client.run({ code: "1 + 1" })).result).toBe("2");
  });

  test("when the daemon goes away, the bridge says so and exits 1", async () => {
    const again = await startServe(["--connect", daemon.socketPath!]);
    await daemon.stop();
    await waitFor("the bridge to exit", () => again.process.exitCode !== null, 10_000);
    expect(again.process.exitCode).toBe(1);
    expect(again.stderr()).toContain(`woma: lost the connection to the daemon at ${daemon.socketPath}; stopping`);
  });
});
