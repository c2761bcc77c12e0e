/**
 * `woma mcp` through the real MCP SDK Client, once over stdio and once over Streamable HTTP,
 * each against one server with its embedded daemon and real Pyodide.
 *
 * The tool schemas are compared with test/fixtures/mcp-tools.json. After a deliberate change,
 * rewrite it with `WOMA_UPDATE_SNAPSHOTS=1 bun test test/integration/mcp-server.test.ts` and
 * review the diff.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { LoggingMessageNotificationSchema, McpError, type Progress } from "@modelcontextprotocol/sdk/types.js";
import { REPO_ROOT } from "../harness/paths.ts";
import { runPython, startHttpMcp, startStdioMcp, textOf, type HttpMcp, type McpTransportKind } from "../harness/start-mcp.ts";

const SNAPSHOT = join(REPO_ROOT, "test", "fixtures", "mcp-tools.json");
const fixture = (name: string) => readFileSync(join(REPO_ROOT, "test", "fixtures", name), "utf8");

/** Resolves with `promise`, or fails naming `what` when it takes longer than `timeoutMs`. */
function within<T>(timeoutMs: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

describe.each(["stdio", "http"] as McpTransportKind[])("woma mcp over %s", (kind) => {
  let client: Client;
    let http: HttpMcp | undefined;
  /** Errors the client saw outside any request: a non-MCP line on stdout, or an unexpected notification. */
  const clientErrors: string[] = [];

  beforeAll(async () => {
    if (kind === "stdio") {
      client = (await startStdioMcp()).client;
    } else {
      http = await startHttpMcp();
      client = (await http.connect()).client;
    }
    client.onerror = (error) => void clientErrors.push(String(error));
  });

  afterAll(async () => {
    await client?.close();
    if (http) expect(await http.stop()).toBe(0);
  });

  test("tools/list gives the seven tools with the schemas of the snapshot", async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(["run_python", "list_sessions", "reset_session", "close_session", "install_packages", "write_file", "read_file"]);
    if (process.env.WOMA_UPDATE_SNAPSHOTS === "1") writeFileSync(SNAPSHOT, `${JSON.stringify({ tools }, null, 2)}\n`);
    if (!existsSync(SNAPSHOT)) throw new Error(`${SNAPSHOT} is missing; write it with WOMA_UPDATE_SNAPSHOTS=1 and review it`);
    expect({ tools }).toEqual(JSON.parse(readFileSync(SNAPSHOT, "utf8")));
    const run = tools[0]!;
    expect(run.inputSchema.required).toEqual(["code"]);
    expect(run.description).toContain("load automatically the first time code imports them");
    expect(run.description).toContain("localhost, private-network and cloud-metadata addresses are refused");
    expect(run.description).toContain("at most 30 s");
  });

  test("a one-off run returns stdout and the last value, labelled, and structured", async () => {
    const result = await runPython(client, { code: "print('hello')\n6 * 7" });
    expect(result.isError).toBeUndefined();
    expect(textOf(result)).toBe("[stdout]\nhello\n[result]\n42");
    expect(result.structuredContent).toMatchObject({ status: "success", session: null, result: "42", stdout: "hello\n", stderr: "", error: null, truncated: null, notes: [] });
  });

  test("a session keeps variables across calls; one-off runs and other sessions do not see them", async () => {
    const first = await runPython(client, { code: "total = 40", session: "main" });
    expect(textOf(first)).toContain('Session "main" was created');
    expect(textOf(await runPython(client, { code: "total + 2", session: "main" }))).toBe("[result]\n42");
    const oneOff = await runPython(client, { code: "total" });
    expect(oneOff.isError).toBe(true);
    expect(textOf(oneOff)).toContain("NameError: name 'total' is not defined");
    expect((await runPython(client, { code: "total", session: "other" })).isError).toBe(true);
    const fresh = await runPython(client, { code: "'total' in globals()", session: "main", reset_globals: true });
    expect(textOf(fresh)).toBe("[result]\nFalse");
    expect(textOf(await runPython(client, { code: "total", session: "main" }))).toBe("[result]\n40");
  });

  test("a Python exception is a result with isError, the output so far and the traceback", async () => {
    const result = await runPython(client, { code: "print('before')\ndef f():\n    raise ValueError('bad value')\nf()" });
    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toStartWith("[stdout]\nbefore\n[error]\nTraceback (most recent call last):");
    expect(text).toContain('File "<exec>", line 3, in f');
    expect(text).toEndWith("ValueError: bad value");
    expect(result.structuredContent).toMatchObject({ status: "exception", error: { type: "ValueError", message: "bad value" } });
  });

  test("a timeout interrupts the code, is a result with isError, and the session keeps its variables", async () => {
    await runPython(client, { code: "kept = 'yes'", session: "slow" });
    const result = await runPython(client, { code: `print('spinning', flush=True)\n${fixture("infinite_loop.py")}`, session: "slow", timeout_seconds: 1 });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toMatchObject({ status: "timeout", stdout: "spinning\n", error: { type: "TimeoutError" } });
    expect(textOf(result)).toContain('ran past its 1 s limit and was interrupted with KeyboardInterrupt. Session "slow" keeps its variables.');
    expect(textOf(await runPython(client, { code: "kept", session: "slow" }))).toBe("[result]\n'yes'");
  });

  test("cancelling a call (notifications/cancelled) interrupts its run; the session stays usable at once", async () => {
    await runPython(client, { code: "before_cancel = 1", session: "cancel" });
    const call = client.callTool({ name: "run_python", arguments: { code: fixture("infinite_loop.py"), session: "cancel" } }, undefined, { signal: AbortSignal.timeout(500) });
    await expect(call).rejects.toThrow();
    // Without the interrupt this run would hold the session's runner until the 30 s timeout; the next run must not wait for that.
    const next = runPython(client, { code: "before_cancel", session: "cancel" });
    expect(textOf(await within(15_000, "the session's next run after the cancel", next))).toBe("[result]\n1");
  });

  test("a timeout above the server's limit is lowered to it, with a note", async () => {
    const result = await runPython(client, { code: "1", timeout_seconds: 3600 });
    expect(textOf(result)).toStartWith("[note]\ntimeout_seconds 3600 is above this server's limit, so 30 s was used.");
  });

  test("bad arguments give an isError result naming the argument, and the server keeps serving", async () => {
    // Per the MCP specification (2025-11-25), argument validation errors are tool results with isError, so a model can correct them.
    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, 'argument "code" is required'],
      [{ code: 42 }, 'argument "code" must be a string, got the number 42'],
      [{ code: "1", timeout_seconds: "5" }, 'argument "timeout_seconds" must be a number, got the string "5"'],
      [{ code: "1", timeout_seconds: 0 }, 'argument "timeout_seconds" must be more than 0'],
      [{ code: "1", session: "no spaces/allowed" }, "argument \"session\" must be 1 to 64 letters, digits, '.', '_' or '-'"],
      [{ code: "1", timeout: 5 }, 'unknown argument "timeout"; run_python takes "code", "session", "timeout_seconds", "reset_globals"'],
    ];
    for (const [args, message] of cases) {
      const result = await runPython(client, args);
      expect(result.isError).toBe(true);
      expect(textOf(result)).toContain(`Invalid arguments for run_python: ${message}`);
    }
    const closeResult = await client.callTool({ name: "close_session", arguments: {} });
    expect(textOf(closeResult)).toContain('Invalid arguments for close_session: argument "session" is required');
    expect(textOf(await runPython(client, { code: "'still serving'" }))).toBe("[result]\n'still serving'");
  });

  test("an unknown tool is a protocol error (-32602) naming the tools there are", async () => {
    const call = client.callTool({ name: "run_ruby", arguments: { code: "1" } });
    await expect(call).rejects.toThrow('unknown tool "run_ruby"; this server has run_python, list_sessions, reset_session, close_session');
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpError);
    expect((error as McpError).code).toBe(-32602);
  });

  test("output streams as log messages only after logging/setLevel, and as progress when a token is sent", async () => {
    const logs: Array<{ level: string; logger?: string; data: unknown }> = [];
    client.setNotificationHandler(LoggingMessageNotificationSchema, (note) => void logs.push(note.params));
    const code = "import sys, time\nprint('one', flush=True)\ntime.sleep(0.2)\nprint('two', file=sys.stderr, flush=True)\ntime.sleep(0.2)\nprint('three')";
    await runPython(client, { code });
    expect(logs).toEqual([]);

    await client.setLoggingLevel("info");
    const progress: Progress[] = [];
    const result = await client.callTool({ name: "run_python", arguments: { code } }, undefined, { onprogress: (p) => void progress.push(p) });
    expect(textOf(result)).toBe("[stdout]\none\nthree\n[stderr]\ntwo");
    expect(logs).toEqual([
      { level: "info", logger: "stdout", data: "one\n" },
      { level: "warning", logger: "stderr", data: "two\n" },
      { level: "info", logger: "stdout", data: "three\n" },
    ]);
    expect(progress.map((p) => p.message)).toEqual(["one\n", "two\n", "three\n"]);
    expect(progress.map((p) => p.progress)).toEqual([4, 8, 14]);

    await client.setLoggingLevel("warning");
    logs.length = 0;
    await runPython(client, { code });
    expect(logs).toEqual([{ level: "warning", logger: "stderr", data: "two\n" }]);
  });

  test("long output is cut in the middle of the text with a note; structuredContent keeps it all", async () => {
    const result = await runPython(client, { code: "print('\\n'.join(f'line {i}' for i in range(5000)))" });
    const text = textOf(result);
    expect(text.length).toBeLessThan(9000);
    expect(text).toStartWith("[stdout]\nline 0\nline 1\n");
    expect(text).toEndWith("line 4998\nline 4999");
    expect(text).toMatch(/\[\.\.\. [\d,]+ characters cut from the middle; 48,889 in all \.\.\.\]/);
    expect((result.structuredContent as { stdout: string }).stdout.length).toBe(48_890);
  });

  test("list_sessions, reset_session and close_session manage this connection's sessions", async () => {
    await runPython(client, { code: "1", session: "managed-neighbour" });
    await runPython(client, { code: "v = 1", session: "managed" });
    const listed = await client.callTool({ name: "list_sessions", arguments: {} });
    const names = (listed.structuredContent as { sessions: Array<{ name: string; state: string; expires_at: string | null }> }).sessions;
    expect(names.map((s) => s.name)).toEqual(expect.arrayContaining(["managed-neighbour", "managed"]));
    expect(names.find((s) => s.name === "managed")).toMatchObject({ state: "ready", expires_at: expect.any(String) });
    expect(textOf(listed)).toContain("- managed: ready, 1 run,");

    expect(textOf(await client.callTool({ name: "reset_session", arguments: { session: "managed" } }))).toBe('Session "managed" was reset: its globals are empty.');
    expect((await runPython(client, { code: "v", session: "managed" })).isError).toBe(true);

    const missing = await client.callTool({ name: "reset_session", arguments: { session: "nosuch" } });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toContain('no session "nosuch" is open in this connection (open: ');

    expect(await client.callTool({ name: "close_session", arguments: { session: "managed" } })).toMatchObject({ structuredContent: { session: "managed", closed: true } });
    expect(await client.callTool({ name: "close_session", arguments: { session: "managed" } })).toMatchObject({ structuredContent: { session: "managed", closed: false } });
    const after = await client.callTool({ name: "list_sessions", arguments: {} });
    expect((after.structuredContent as { sessions: Array<{ name: string }> }).sessions.map((s) => s.name)).not.toContain("managed");
  });

  test("code that ignores the interrupt is killed; the session is reset and the next call works", async () => {
    await runPython(client, { code: "neighbour_var = 1", session: "neighbour" });
    await runPython(client, { code: "lost_var = 1", session: "stubborn" });
    const result = await runPython(client, { code: fixture("stubborn_loop.py"), session: "stubborn", timeout_seconds: 1 });
    expect(result.isError).toBe(true);
    expect(result.structuredContent).toMatchObject({ status: "timeout" });
    expect(textOf(result)).toContain("ignored KeyboardInterrupt, so its Python process was killed");
    expect(textOf(result)).toContain('Session "stubborn" lost its Python process, so it was reset');
    const next = await runPython(client, { code: "'lost_var' in globals()", session: "stubborn" });
    expect(textOf(next)).toBe("[result]\nFalse");
    // "neighbour" lived on the same (only) runner, so it was lost too: the next run resets it first and says so.
    const other = await runPython(client, { code: "'neighbour_var' in globals()", session: "neighbour" });
    expect(textOf(other)).toStartWith('[note]\nSession "neighbour" had lost its Python process (');
    expect(textOf(other)).toEndWith("so it was reset before this run: earlier variables are gone.\n[result]\nFalse");
  });

  test("the client saw no stray output or protocol errors during the suite", () => {
    expect(clientErrors).toEqual([]);
  });
});
