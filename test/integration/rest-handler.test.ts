/** The REST handler called in-process (no port) over a real daemon subprocess: sessions, timeouts, lost runners and access rules. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createRestHandler, type RestHandler, type RestOptions } from "../../clients/rest/handler.ts";
import { webGuardFrom } from "../../clients/web/web-guard.ts";
import { waitFor } from "../harness/paths.ts";
import { startDaemon, type DaemonUnderTest } from "../harness/start-daemon.ts";

const fixture = (name: string) => readFileSync(join(import.meta.dir, "..", "fixtures", name), "utf8");

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

/** Calls the handler as a loopback client would; a body is sent as JSON unless `headers` say otherwise. */
async function call(handler: RestHandler, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const init: RequestInit = { method, headers: body === undefined ? headers : { "Content-Type": "application/json", ...headers } };
  if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
  const response = await handler(new Request(`http://localhost${path}`, init));
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text === "" ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

const python = (handler: RestHandler, body: unknown, headers?: Record<string, string>) => call(handler, "POST", "/python", body, headers);

async function handlerAnswer(handler: RestHandler, request: Request): Promise<Answer> {
  const response = await handler(request);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

describe("REST handler over a real daemon (one runner)", () => {
  let daemon: DaemonUnderTest;
  const handlers: RestHandler[] = [];
  const bridge = (options: Partial<RestOptions> = {}) => {
    const handler = createRestHandler(daemon.client, { workers: 1, maxTimeoutMs: 10_000, ...options });
    handlers.push(handler);
    return handler;
  };
  let main: RestHandler;

  beforeAll(async () => {
    daemon = await startDaemon({ transport: "stdio", args: ["--workers", "1"] });
    main = bridge();
  });
  afterAll(async () => {
    for (const handler of handlers) await handler.close();
    await daemon?.stop();
  });

  test("GET /health reports the contract's fields plus workers, isolation and versions", async () => {
    const { status, body } = await call(main, "GET", "/health");
    expect(status).toBe(200);
    expect(body).toMatchObject({ status: "healthy", pyodide_loaded: true, workers: 1, version: expect.any(String), pyodide_version: expect.any(String) });
    expect(typeof body.uptime_seconds).toBe("number");
    expect(typeof body.execution_count).toBe("number");
    expect(["namespace", "process"]).toContain(body.isolation as string);
    if (body.isolation === "process") expect(body.isolation_detail as string).toContain("defence in depth only");
    // Each runner with the memory it holds (the bridge's own runner once its default session exists).
    const runners = body.runners as Array<{ role: string; rss_bytes: number | null }>;
    expect(runners.length).toBeGreaterThan(0);
    for (const runner of runners) if (runner.role === "shared") expect(runner.rss_bytes).toBeGreaterThan(50 * 1024 * 1024);
  });

  test("runs without a session share the default session; reset_globals runs apart and leaves it untouched", async () => {
    expect((await python(main, { code: "counter = 1" })).body.result).toBeNull();
    expect((await python(main, { code: "counter += 1; counter" })).body.result).toBe("2");
    const apart = await python(main, { code: "counter", reset_globals: true });
    expect(apart.body.result).toBe("NameError: name 'counter' is not defined");
    expect((await python(main, { code: "counter" })).body.result).toBe("2");
  });

  test("--reset-globals makes fresh globals the default, and reset_globals: false still reaches the bridge's own session", async () => {
    const fresh = bridge({ resetGlobals: true });
    await python(fresh, { code: "kept = 'mine'" });
    expect((await python(fresh, { code: "kept" })).body.status).toBe("exception");
    await python(fresh, { code: "kept = 'mine'", reset_globals: false });
    expect((await python(fresh, { code: "kept", reset_globals: false })).body.result).toBe("'mine'");
    // Each bridge has its own default session: the first bridge does not see it.
    expect((await python(main, { code: "kept" })).body.status).toBe("exception");
  });

  test('"session" gives named sessions with their own state, echoed in the answer', async () => {
    await python(main, { code: "who = 'a'", session: "alpha" });
    await python(main, { code: "who = 'b'", session: "beta" });
    const alpha = await python(main, { code: "who", session: "alpha" });
    expect(alpha.body).toMatchObject({ status: "success", result: "'a'", session: "alpha" });
    expect((await python(main, { code: "who", session: "beta" })).body.result).toBe("'b'");
    expect((await python(main, { code: "who" })).body.status).toBe("exception");
  });

  test("two requests that first use the same session name at once both run, in one session", async () => {
    const [first, second] = await Promise.all([python(main, { code: "1", session: "race" }), python(main, { code: "2", session: "race" })]);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.body.result, second.body.result]).toEqual(["1", "2"]);
    const { sessions } = await daemon.client.listSessions();
    expect(sessions.filter((s) => s.session_id === "race")).toHaveLength(1);
  });

  test("a timeout the code stops on is a 200 TimeoutError with the output so far; the session keeps its variables", async () => {
    await python(main, { code: "before = 41" });
    const { status, body } = await python(main, { code: `print("started")\n${fixture("infinite_loop.py")}`, timeout_ms: 500 });
    expect(status).toBe(200);
    expect(body.status).toBe("exception");
    expect(body.result).toBe("TimeoutError: the code ran longer than its timeout of 500 ms and was stopped with KeyboardInterrupt; the session keeps the variables it had");
    expect(body.stdout).toBe("started\n");
    expect(body.error).toMatchObject({ type: "TimeoutError" });
    expect(body.execution_time_ms as number).toBeGreaterThanOrEqual(490);
    expect((await python(main, { code: "before + 1" })).body.result).toBe("42");
  });

  test("timeout_ms above the server's maximum is capped, and the answer says so", async () => {
    const strict = bridge({ maxTimeoutMs: 400 });
    const { body } = await python(strict, { code: fixture("infinite_loop.py"), timeout_ms: 60_000 });
    expect(body.result).toContain("timeout of 400 ms");
    expect(body.warnings).toEqual(["timeout_ms 60000 is above this server's maximum, so 400 ms applied (--timeout)"]);
  });

  test("a run that kills its runner is a 500; the next request is served in an empty default session, and a neighbour session is told it was reset", async () => {
    await python(main, { code: "doomed = 1" });
    await python(main, { code: "neighbour_state = 1", session: "neighbour" });
    const killed = await python(main, { code: `print("spinning")\n${fixture("stubborn_loop.py")}`, timeout_ms: 300 });
    expect(killed.status).toBe(500);
    expect(killed.body.status).toBe("error");
    expect(killed.body.error as string).toStartWith("Python runtime terminated: ");
    expect(killed.body.error as string).toContain("it is being reset, so the next request starts with empty globals");
    expect(killed.body.stdout).toBe("spinning\n");

    const next = await python(main, { code: "'doomed' in globals()" });
    expect(next.status).toBe(200);
    expect(next.body).toMatchObject({ status: "success", result: "False" });
    expect(next.body.warnings).toBeUndefined();

    // The neighbour lived on the same runner: its next request runs, in empty globals, with a warning.
    const neighbour = await python(main, { code: "'neighbour_state' in globals()", session: "neighbour" });
    expect(neighbour.status).toBe(200);
    expect(neighbour.body.result).toBe("False");
    expect((neighbour.body.warnings as string[])[0]).toStartWith('session "neighbour" had been lost');
  });

  test("a request whose client goes away is cancelled: its runner is free again long before the timeout", async () => {
    const client = new AbortController();
    const request = new Request("http://localhost/python", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ code: fixture("infinite_loop.py") }),
      signal: client.signal,
    });
    const answer = main(request);
    await waitFor("the runaway run to start", async () => (await daemon.client.info()).runners.some((r) => r.state === "busy"), 5000);
    client.abort();
    // The handler still answers (nobody reads it): the run was cancelled.
    expect((await answer).status).toBe(503);
    await waitFor("every runner to be idle again", async () => (await daemon.client.info()).runners.every((r) => r.state !== "busy"), 3000);
    expect((await python(main, { code: "'free'" })).body.result).toBe("'free'");
  });

  test("os._exit ends the run as SystemExit (200), not the runtime", async () => {
    const exited = await python(main, { code: "import os; os._exit(3)" });
    expect(exited.status).toBe(200);
    expect(exited.body).toMatchObject({ status: "exception", error: { type: "SystemExit", message: "3" } });
    expect((await python(main, { code: "6 * 7" })).body).toMatchObject({ status: "success", result: "42" });
  });

  test("a crashing runtime (a fatal interpreter error) is a 500 and the next request is served normally", async () => {
    const crashed = await python(main, { code: fixture("fatal_error.py") });
    expect(crashed.status).toBe(500);
    expect(crashed.body.error as string).toStartWith("Python runtime terminated: ");
    expect((await python(main, { code: "6 * 7" })).body).toMatchObject({ status: "success", result: "42" });
  });

  test("a named session that expired is created again, and the answer says its globals are new", async () => {
    const short = bridge({ sessionIdleTimeoutMs: 500 });
    await python(short, { code: "old = 1", session: "short-lived" });
    await waitFor("session short-lived to expire", async () => !(await daemon.client.listSessions()).sessions.some((s) => s.session_id === "short-lived"), 10_000);
    const { body } = await python(short, { code: "'old' in globals()", session: "short-lived" });
    expect(body.result).toBe("False");
    expect((body.warnings as string[])[0]).toContain("no longer existed");
  });

  test("close() closes the sessions the bridge created, so they do not outlive it in a shared daemon", async () => {
    const temporary = createRestHandler(daemon.client, { workers: 1 });
    await python(temporary, { code: "1", session: "temporary-one" });
    const ids = async () => (await daemon.client.listSessions()).sessions.map((s) => s.session_id);
    expect(await ids()).toContain("temporary-one");
    await temporary.close();
    expect(await ids()).not.toContain("temporary-one");
  });

  test("with a token: /python needs it (401 otherwise), /health and preflight do not, unknown paths are 401 before 404", async () => {
    const locked = bridge({ token: "s3cret" });
    const missing = await python(locked, { code: "1" });
    expect(missing.status).toBe(401);
    expect(missing.headers.get("WWW-Authenticate")).toBe('Bearer realm="woma"');
    expect((await python(locked, { code: "1" }, { Authorization: "Bearer wrong" })).status).toBe(401);
    expect((await python(locked, { code: "1" }, { Authorization: "Bearer s3cret" })).body.result).toBe("1");
    expect((await call(locked, "GET", "/health")).status).toBe(200);
    expect((await call(locked, "OPTIONS", "/python")).status).toBe(204);
    expect((await call(locked, "GET", "/admin")).status).toBe(401);
    expect((await call(locked, "GET", "/admin", undefined, { Authorization: "Bearer s3cret" })).status).toBe(404);
  });

  test("CORS off (--cors-origin none): no Access-Control headers even for a loopback page, and a foreign page is still refused", async () => {
    const closed = bridge({ guard: webGuardFrom({ listenHost: "127.0.0.1", corsOrigins: ["none"], tokenRequired: false }) });
    const answer = await python(closed, { code: "1" }, { Origin: "http://localhost:3000" });
    expect(answer.body.result).toBe("1");
    expect(answer.headers.get("Access-Control-Allow-Origin")).toBeNull();
    const preflight = await call(closed, "OPTIONS", "/python", undefined, { Origin: "http://localhost:3000" });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("Access-Control-Allow-Origin")).toBeNull();
    expect((await python(closed, { code: "1" }, { Origin: "https://a.example" })).status).toBe(403);
  });

  test("the default guard: a foreign Host or Origin is 403 and a text/plain body 415, before the token or the body is looked at", async () => {
    const foreignHost = await handlerAnswer(main, new Request("http://evil.example/python", { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"code": "1"}' }));
    expect(foreignHost.status).toBe(403);
    expect(foreignHost.body.error as string).toContain("--allow-host evil.example");
    const foreignOrigin = await python(main, { code: "1" }, { Origin: "https://evil.example" });
    expect(foreignOrigin.status).toBe(403);
    expect(foreignOrigin.headers.get("Access-Control-Allow-Origin")).toBeNull();
    const plain = await python(main, "not even JSON", { "Content-Type": "text/plain;charset=UTF-8" });
    expect(plain.status).toBe(415);
    expect(plain.body).toEqual({ status: "error", error: expect.stringMatching(/^Content-Type "text\/plain;charset=UTF-8": send the body as JSON/) });
    const local = await python(main, { code: "'ok'" }, { Origin: "http://127.0.0.1:5173" });
    expect(local.body.result).toBe("'ok'");
    expect(local.headers.get("Access-Control-Allow-Origin")).toBe("http://127.0.0.1:5173");
  });

  test("a body over the configured limit is a 413, as MCP and file uploads answer, and the next request runs", async () => {
    const small = bridge({ maxBodyBytes: 64 });
    const big = await python(small, { code: `"${"x".repeat(100)}"` });
    expect(big.status).toBe(413);
    expect(big.body.error as string).toStartWith("request body too large: the limit is 64 bytes (--max-body), got ");
    expect((await python(small, { code: "1+1" })).body.result).toBe("2");
  });
});
