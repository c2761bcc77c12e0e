/** The daemon's run semantics and session methods, against the real daemon subprocess, once per transport. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { WomaErrorCodes } from "../../protocol/error-codes.ts";
import { rejection } from "../harness/expect-error.ts";
import { startDaemon, type DaemonUnderTest, type TransportKind } from "../harness/start-daemon.ts";

const INTERNAL_FRAMES = ["_pyodide", "/lib/python3", "python314.zip", "<woma>", "woma_runtime"];

describe.each(["stdio", "socket"] as TransportKind[])("daemon over %s", (transport) => {
  let daemon: DaemonUnderTest;
  beforeAll(async () => {
    daemon = await startDaemon({ transport });
  });
  afterAll(async () => {
    await daemon?.stop();
  });
  const run = (code: string, extra: Record<string, unknown> = {}) => daemon.client.run({ code, ...extra });

  test("the handshake gives the protocol version, the isolation level and the capabilities", async () => {
    const hello = await daemon.client.initialize("test");
    expect(hello.protocol_version).toBe("1.3");
    expect(["namespace", "process"]).toContain(hello.isolation.level);
    // The stdio client started the daemon and is its operator; a socket client is a tenant like any other.
    expect(hello.capabilities).toEqual({ streaming_output: true, cancellation: true, fresh_interpreter: true, check_complete: true, tenants: true, display_outputs: true, display_updates: true, stdin: true, completion: true, files: true, operator: transport === "stdio" });
    expect(hello.tenant).toEqual({ name: null, shared: false });
    expect(hello.server.pyodide).toMatch(/^\d+\.\d+\.\d+$/);
    const refused = await rejection(daemon.client.connection.sendRequest("daemon/initialize", { protocol_version: "2.0" }));
    expect(refused.code).toBe(WomaErrorCodes.UnsupportedProtocolVersion);
    expect(refused.message).toContain("this daemon speaks 1.3");
  });

  test("values, statements, printed output, shared indentation and a trailing semicolon", async () => {
    expect((await run("1+1")).result).toBe("2");
    expect((await run("x = 42")).result).toBeNull();
    const printed = await run('print("P1"); print("P2"); 2+2');
    expect(printed.stdout).toBe("P1\nP2\n");
    expect(printed.result).toBe("4");
    expect((await run("    a = 20\n    b = 22\n    a + b")).result).toBe("42");
    expect((await run("1+1;")).result).toBeNull();
    expect((await run("None")).result).toBeNull();
    const r = await run("'text'");
    expect(r).toMatchObject({ status: "success", result: "'text'", stderr: "" });
    expect(r.execution_time_ms).toBeGreaterThan(0);
  });

  test("state persists in a session, sessions are isolated, reset clears, fresh globals leave nothing", async () => {
    const { client } = daemon;
    const a = (await client.createSession()).session.session_id;
    const b = (await client.createSession({ session_id: `b-${transport}` })).session.session_id;
    await client.run({ code: "x = 'from a'", session_id: a });
    expect((await client.run({ code: "x", session_id: a })).result).toBe("'from a'");
    const inB = await client.run({ code: "x", session_id: b });
    expect(inB.status).toBe("exception");
    expect(inB.error?.type).toBe("NameError");

    await client.run({ code: "y = 1", session_id: a, reset_globals: true });
    expect((await client.run({ code: "'y' in globals()", session_id: a })).result).toBe("False");
    await client.run({ code: "z = 1" });
    expect((await client.run({ code: "'z' in globals()" })).result).toBe("False");

    await client.resetSession(a);
    const after = await client.run({ code: "x", session_id: a });
    expect(after.status).toBe("exception");
    expect(after.error?.type).toBe("NameError");
    expect(after.error?.traceback).toContain('File "<exec>", line 1, in <module>');
    expect(after.result).toBeNull();
  });

  test("exceptions are results that show only the user's frames", async () => {
    const boom = await run("raise ValueError('boom')");
    expect(boom.status).toBe("exception");
    expect(boom.error).toMatchObject({ type: "ValueError", message: "boom" });
    expect(boom.error?.traceback).toBe('Traceback (most recent call last):\n  File "<exec>", line 1, in <module>\nValueError: boom\n');

    const syntax = await run("x = (1,\ny = 2");
    expect(syntax.error?.type).toBe("SyntaxError");
    expect(syntax.error?.traceback).toContain('File "<exec>", line 1');

    const nested = await run("def inner():\n    return 1/0\ndef outer():\n    return inner()\nouter()");
    expect(nested.error?.type).toBe("ZeroDivisionError");
    const frames = nested.error!.traceback.split("\n").filter((line) => line.trim().startsWith("File"));
    expect(frames).toEqual(['  File "<exec>", line 5, in <module>', '  File "<exec>", line 4, in outer', '  File "<exec>", line 2, in inner']);
    for (const marker of INTERNAL_FRAMES) expect(nested.error!.traceback).not.toContain(marker);
  });

  test("sys.exit, SystemExit and KeyboardInterrupt from user code are clear results, and the session goes on", async () => {
    const session = (await daemon.client.createSession()).session.session_id;
    const go = (code: string) => daemon.client.run({ code, session_id: session });
    await go("kept = 'yes'");
    expect((await go("import sys; sys.exit()")).error).toMatchObject({ type: "SystemExit", message: "" });
    expect((await go("import sys; sys.exit(3)")).error).toMatchObject({ type: "SystemExit", message: "3" });
    expect((await go("raise SystemExit")).error?.type).toBe("SystemExit");
    expect((await go("raise KeyboardInterrupt")).error?.type).toBe("KeyboardInterrupt");
    expect((await go("kept")).result).toBe("'yes'");
  });

  test("output streams as notifications while the run is going, then arrives whole", async () => {
    const seen: Array<{ text: string; at: number }> = [];
    const started = performance.now();
    const result = await daemon.client.run(
      { code: "import time, sys\nprint('first', flush=True)\ntime.sleep(0.6)\nprint('to stderr', file=sys.stderr)\n'done'" },
      { onOutput: (_stream, text) => seen.push({ text, at: performance.now() - started }) },
    );
    const finished = performance.now() - started;
    expect(result.stdout).toBe("first\n");
    expect(result.stderr).toBe("to stderr\n");
    expect(seen.map((s) => s.text).join("")).toBe("first\nto stderr\n");
    // "first" was delivered while the code was still sleeping, not with the result.
    expect(finished - seen[0]!.at).toBeGreaterThan(300);
  });

  // A raw connection sees every notification the daemon sends it (the socket's raw peer).
  if (transport === "socket") {
    test("output_notifications: false sends a run's output once, in the result, and none as python/output", async () => {
      const raw = await daemon.rawConnection();
      try {
        const code = "import sys\nprint('out')\nprint('err', file=sys.stderr)\n7";
        const notes = async (id: number, extra: Record<string, unknown>) => {
          raw.frame(JSON.stringify({ jsonrpc: "2.0", id, method: "python/run", params: { code, run_id: `quiet-${id}`, ...extra } }));
          const outputs: string[] = [];
          for (;;) {
            const message = await raw.next(`the answer to run ${id}`);
            if (message.method === "python/output") outputs.push(String((message.params as { text: string }).text));
            if (message.id === id) return { outputs, result: message.result as { stdout: string; stderr: string; result: string } };
          }
        };
        // By default the output streams, then comes whole in the result.
        const loud = await notes(1, {});
        expect(loud.outputs.join("")).toContain("out\n");
        expect(loud.outputs.join("")).toContain("err\n");
        const quiet = await notes(2, { output_notifications: false });
        expect(quiet.outputs).toEqual([]);
        expect(quiet.result).toMatchObject({ stdout: "out\n", stderr: "err\n", result: "7" });
      } finally {
        raw.close();
      }
    });
  }

  test("top-level await runs", async () => {
    expect((await run("import asyncio\nawait asyncio.sleep(0.01)\n6*7")).result).toBe("42");
  });

  test("python/check follows the REPL's rule", async () => {
    expect((await daemon.client.check("1+1")).status).toBe("complete");
    expect((await daemon.client.check("def f():")).status).toBe("incomplete");
    expect((await daemon.client.check("def f():\n    return 1\n")).status).toBe("complete");
    expect((await daemon.client.check("x = )")).status).toBe("invalid");
  });

  test("sessions are listed, closed once, and named without clashes", async () => {
    const { client } = daemon;
    const name = `listed-${transport}`;
    await client.createSession({ session_id: name });
    expect((await client.listSessions()).sessions.map((s) => s.session_id)).toContain(name);
    const clash = await rejection(client.createSession({ session_id: name }));
    expect(clash.code).toBe(WomaErrorCodes.SessionExists);
    await client.closeSession(name);
    expect((await client.listSessions()).sessions.map((s) => s.session_id)).not.toContain(name);
    const gone = await rejection(client.run({ code: "1", session_id: name }));
    expect(gone.code).toBe(WomaErrorCodes.SessionNotFound);
    expect(gone.message).toContain(`session "${name}" not found: it was closed`);
  });

  test("a fresh interpreter shares no imported modules with other sessions", async () => {
    const { client } = daemon;
    const shared = (await client.createSession()).session.session_id;
    await client.run({ code: "import sys; sys.modules['marker_mod'] = sys", session_id: shared });
    const fresh = (await client.createSession({ fresh_interpreter: true })).session;
    expect(fresh.fresh_interpreter).toBe(true);
    expect((await client.run({ code: "import sys; 'marker_mod' in sys.modules", session_id: fresh.session_id })).result).toBe("False");
    expect((await client.run({ code: "import sys; 'marker_mod' in sys.modules", session_id: shared })).result).toBe("True");
    await client.closeSession(fresh.session_id);
  });

  test("output beyond the cap is cut and counted; a huge value is cut too", async () => {
    const flood = await run("print('x' * 3_000_000)");
    expect(flood.stdout.length).toBe(1024 * 1024);
    expect(flood.truncated?.stdout_bytes).toBe(3_000_001 - 1024 * 1024);
    const huge = await run("'y' * 2_000_000");
    expect(huge.result!.length).toBe(1024 * 1024);
    expect(huge.truncated?.result_chars).toBe(2_000_002 - 1024 * 1024);
  });

  test("daemon/info reports health, counts runs and lists runners", async () => {
    const before = (await daemon.client.info()).execution_count;
    await run("1");
    const info = await daemon.client.info();
    expect(info).toMatchObject({ status: "healthy", pyodide_loaded: true });
    expect(info.execution_count).toBe(before + 1);
    expect(info.uptime_seconds).toBeGreaterThan(0);
    expect(info.runners.some((r) => r.role === "shared" && r.state !== "dead")).toBe(true);
    expect(info.versions.python).toMatch(/^3\.\d+/);
  });
});
