/** The MCP server's SessionScope against an in-process daemon with fake runners: private names, creation on first use, and notes that tell the model what happened to its variables. */
import { describe, expect, test } from "bun:test";
import { SessionScope } from "../../clients/mcp/session-scope.ts";
import { isSessionLost } from "../../clients/shared/run-errors.ts";
import { daemonPerTest, waitUntil } from "../harness/in-process-daemon.ts";

const daemon = daemonPerTest();

describe("SessionScope", () => {
  test("a name becomes a daemon id behind the connection's prefix, and daemon messages are cleaned back", () => {
    const scope = new SessionScope(daemon().client, { sessionIdleMs: 0, freshInterpreter: false });
    expect(scope.daemonId("main")).toBe(`${scope.prefix}main`);
    expect(scope.prefix).toMatch(/^mcp-[0-9a-f]{12}:$/);
    expect(scope.clean(`session "${scope.prefix}main" is lost`)).toBe('session "main" is lost');
  });

  test("open creates a session once, with a note the first time; concurrent opens create it once", async () => {
    const d = daemon();
    const scope = new SessionScope(d.client, { sessionIdleMs: 60_000, freshInterpreter: false });
    const notes = await Promise.all([scope.open("main"), scope.open("main")]);
    expect(notes.flat()).toEqual(['Session "main" was created (new and empty).']);
    expect(await scope.open("main")).toEqual([]);
    const listed = (await d.client.listSessions()).sessions;
    expect(listed).toHaveLength(1);
    expect(listed[0]!.idle_timeout_ms).toBe(60_000);
  });

  test("two connections on one daemon tenant never see each other's sessions", async () => {
    const d = daemon();
    const mine = new SessionScope(d.client, { sessionIdleMs: 0, freshInterpreter: false });
    const theirs = new SessionScope(d.client, { sessionIdleMs: 0, freshInterpreter: false });
    await mine.open("main");
    await theirs.open("other");
    expect((await mine.list()).map((s) => s.name)).toEqual(["main"]);
    expect(await mine.close("other")).toBe(false);
    const error = await mine.reset("other").catch((e: Error) => e);
    expect((error as Error).message).toBe('no session "other" is open in this connection (open: "main"); run_python with session "other" creates it');
  });

  test("a run in a session that expired is run again in a new one, with a note saying how long the idle limit is", async () => {
    const d = daemon();
    const scope = new SessionScope(d.client, { sessionIdleMs: 10, freshInterpreter: false });
    await scope.open("idle");
    await scope.run("idle", { code: "x = 1" }, {});
    await waitUntil("the session to expire", async () => (await scope.list()).length === 0);
    const { result, notes } = await scope.run("idle", { code: "x" }, {});
    expect(result.error?.type).toBe("NameError");
    expect(notes).toEqual(['Session "idle" no longer existed (expired after 0 s without a run, or was closed), so it was started again, empty: earlier variables are gone.']);
  });

  test("a session lost earlier is reset before the run, with a note naming why, in the model's names", async () => {
    const d = daemon();
    const scope = new SessionScope(d.client, { sessionIdleMs: 0, freshInterpreter: false });
    await scope.open("main");
    const runnerId = (await d.client.listSessions()).sessions[0]!.runner_id;
    d.launcher.runner(runnerId).die("runner was killed by SIGKILL");
    await waitUntil("the session to be lost", async () => (await scope.list())[0]?.state === "lost");
    expect((await scope.list())[0]!.lost_reason).toContain("SIGKILL");
    const { notes } = await scope.run("main", { code: "1" }, {});
    expect(notes).toHaveLength(1);
    expect(notes[0]).toStartWith('Session "main" had lost its Python process (session "main" lost: runner');
    expect(notes[0]).not.toContain(scope.prefix);
  });

  test("after a run that killed the runner, afterLoss waits for the reset and says the variables are gone", async () => {
    const d = daemon();
    const scope = new SessionScope(d.client, { sessionIdleMs: 0, freshInterpreter: false });
    await scope.open("main");
    const error = await scope.run("main", { code: "crash()" }, {}).catch((e: unknown) => e);
    expect(isSessionLost(error)).toBe(true);
    expect(await scope.afterLoss("main")).toBe('Session "main" lost its Python process, so it was reset: its variables are gone, and the next run starts empty.');
    expect((await scope.list())[0]!.state).toBe("ready");
  });

  test("fresh interpreters: each session gets a runner of its own", async () => {
    const d = daemon();
    const scope = new SessionScope(d.client, { sessionIdleMs: 0, freshInterpreter: true });
    await scope.open("a");
    await scope.open("b");
    const [a, b] = (await d.client.listSessions()).sessions;
    expect(a!.fresh_interpreter).toBe(true);
    expect(a!.runner_id).not.toBe(b!.runner_id);
  });

  test("closeAll closes every session of the connection", async () => {
    const d = daemon();
    const scope = new SessionScope(d.client, { sessionIdleMs: 0, freshInterpreter: false });
    await scope.open("a");
    await scope.open("b");
    await scope.closeAll();
    expect((await d.client.listSessions()).sessions).toEqual([]);
  });
});
