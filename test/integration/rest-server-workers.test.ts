/** `woma serve --workers 2` over real HTTP, with a token from WOMA_TOKEN, restricted CORS and a 3 s maximum timeout: parallel runs, a runaway, sessions. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { fixture } from "../harness/fixtures.ts";
import { send } from "../harness/http.ts";
import { waitFor } from "../harness/paths.ts";
import { startServe, type ServeUnderTest } from "../harness/start-serve.ts";

const TOKEN = "test-token-4f9a";
const AUTH = { Authorization: `Bearer ${TOKEN}` };
const JSON_TYPE = { "Content-Type": "application/json" };

describe("woma serve --workers 2 --timeout 3 --cors-origin https://app.example, WOMA_TOKEN set", () => {
  let server: ServeUnderTest;
  const python = (body: unknown, headers: Record<string, string> = AUTH) => send(`${server.url}/python`, { method: "POST", body: JSON.stringify(body), headers: { ...JSON_TYPE, ...headers } });

  beforeAll(async () => {
    server = await startServe(["--workers", "2", "--timeout", "3", "--cors-origin", "https://app.example"], { WOMA_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await server?.stop();
  });

  test("without the token /python is 401, with a wrong one 401, with the right one 200", async () => {
    const missing = await python({ code: "1+1" }, {});
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({ status: "error", error: "missing token: this server needs the header Authorization: Bearer <token>" });
    expect((await python({ code: "1+1" }, { Authorization: "Bearer not-the-token" })).status).toBe(401);
    expect((await python({ code: "1+1" })).body).toMatchObject({ status: "success", result: "2" });
  });

  test("/health and CORS preflight need no token", async () => {
    expect((await send(`${server.url}/health`)).body).toMatchObject({ status: "healthy", pyodide_loaded: true, workers: 2 });
    const preflight = await fetch(`${server.url}/python`, { method: "OPTIONS", headers: { Origin: "https://app.example", "Access-Control-Request-Method": "POST" } });
    expect(preflight.status).toBe(204);
  });

  test("--cors-origin with a token: the allowed origin is echoed, another origin is refused (403, no Access-Control-Allow-Origin) even with the token", async () => {
    const allowed = await python({ code: "1" }, { ...AUTH, Origin: "https://app.example" });
    expect(allowed.headers.get("Access-Control-Allow-Origin")).toBe("https://app.example");
    const other = await python({ code: "1" }, { ...AUTH, Origin: "https://evil.example" });
    expect(other.status).toBe(403);
    expect(other.headers.get("Access-Control-Allow-Origin")).toBeNull();
    const preflight = await fetch(`${server.url}/python`, { method: "OPTIONS", headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "POST" } });
    expect(preflight.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  test("50 concurrent requests are all answered, each with its own result and output", async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => python({ code: `print(${i})\n${i} * 2` })));
    answers.forEach((answer, i) => {
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ status: "success", result: String(i * 2), stdout: `${i}\n` });
    });
  });

  test("without a session every run gets fresh globals; with one, state persists on its runner", async () => {
    await python({ code: "fresh = 1" });
    expect((await python({ code: "fresh" })).body.result).toBe("NameError: name 'fresh' is not defined");
    await python({ code: "notes = ['a']", session: "notebook" });
    const again = await python({ code: "notes.append('b'); notes", session: "notebook" });
    expect(again.body).toMatchObject({ status: "success", result: "['a', 'b']", session: "notebook" });
  });

  test("a runaway request does not stop /health (nor another run) from answering; it ends at the server's 3 s cap as a TimeoutError", async () => {
    const before = (await send(`${server.url}/health`)).body.execution_count as number;
    const runaway = python({ code: "while True: pass", timeout_ms: 60_000 });
    await waitFor("the runaway to start", async () => ((await send(`${server.url}/health`)).body.execution_count as number) > before, 10_000);
    // While it runs, /health and another run are answered (how fast is bench/rest-throughput.ts's business).
    for (let i = 0; i < 5; i++) expect((await send(`${server.url}/health`)).status).toBe(200);
    expect((await python({ code: "'other runner'" })).body.result).toBe("'other runner'");

    const { status, body } = await runaway;
    expect(status).toBe(200);
    expect(body.result).toBe("TimeoutError: the code ran longer than its timeout of 3000 ms and was stopped with KeyboardInterrupt");
    expect(body.warnings).toEqual(["timeout_ms 60000 is above this server's maximum, so 3000 ms applied (--timeout)"]);
  });

  test("a run without a session that kills its runner is a 500, and the next requests are served normally", async () => {
    const killed = await python({ code: fixture("stubborn_loop.py"), timeout_ms: 300 });
    expect(killed.status).toBe(500);
    expect(killed.body.error as string).toStartWith("Python runtime terminated: ");
    const next = await Promise.all([python({ code: "1 + 1" }), python({ code: "2 + 2" })]);
    expect(next.map((answer) => answer.body.result)).toEqual(["2", "4"]);
  });

  test("bad input gets 400 and the server stays up", async () => {
    expect((await python({ code: 5 })).status).toBe(400);
    expect((await send(`${server.url}/python`, { method: "POST", body: "[1, 2]", headers: { ...JSON_TYPE, ...AUTH } })).status).toBe(400);
    expect((await send(`${server.url}/health`)).status).toBe(200);
  });
});
