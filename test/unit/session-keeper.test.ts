/** Session recovery shared by the REST bridge, the MCP server and the REPL, against a fake DaemonClient: create on first use, bring back, retry once, reset after a loss. */
import { describe, expect, test } from "bun:test";
import { ResponseError } from "vscode-jsonrpc";
import { SessionKeeper, type SessionClient } from "../../clients/shared/session-keeper.ts";
import { WomaErrorCodes } from "../../protocol/error-codes.ts";
import type { RunParams, RunResult, SessionCreateParams, SessionInfo } from "../../protocol/generated/types.ts";

/** A daemon's session bookkeeping in a few lines, recording every call, with runs that do what a test says. */
class FakeClient implements SessionClient {
  readonly calls: string[] = [];
  readonly sessions = new Map<string, SessionInfo>();
  /** What the next runs do, in order; a run with nothing scripted succeeds. */
  readonly script: Array<(params: RunParams) => RunResult> = [];
  /** Sessions created by "someone else" at the moment this client tries to create them. */
  readonly raceCreates = new Set<string>();

  private info(id: string, params: SessionCreateParams = {}): SessionInfo {
    const now = new Date().toISOString();
    return { session_id: id, state: "ready", fresh_interpreter: false, runner_id: "r1", created_at: now, last_used_at: now, run_count: 0, ...(params.idle_timeout_ms ? { idle_timeout_ms: params.idle_timeout_ms } : {}) };
  }

  async run(params: RunParams): Promise<RunResult> {
    this.calls.push(`run ${params.session_id} ${params.code}`);
    const session = this.sessions.get(params.session_id!);
    if (!session) throw new ResponseError(WomaErrorCodes.SessionNotFound, `session "${params.session_id}" not found (0 open)`);
    if (session.state === "lost") throw new ResponseError(WomaErrorCodes.SessionLost, `session "${params.session_id}" lost: ${session.lost_reason}`);
    const step = this.script.shift();
    if (step) return step(params);
    return { run_id: "r", session_id: params.session_id!, status: "success", result: params.code, stdout: "", stderr: "", execution_time_ms: 1 };
  }

  async createSession(params: SessionCreateParams = {}) {
    this.calls.push(`create ${params.session_id}${params.idle_timeout_ms ? ` idle=${params.idle_timeout_ms}` : ""}`);
    const id = params.session_id!;
    if (this.raceCreates.delete(id)) this.sessions.set(id, this.info(id));
    if (this.sessions.has(id)) throw new ResponseError(WomaErrorCodes.SessionExists, `session "${id}" already exists`);
    this.sessions.set(id, this.info(id, params));
    return { session: this.sessions.get(id)! };
  }

  async listSessions() {
    this.calls.push("list");
    return { sessions: [...this.sessions.values()] };
  }

  async resetSession(id: string) {
    this.calls.push(`reset ${id}`);
    const session = this.sessions.get(id);
    if (!session) throw new ResponseError(WomaErrorCodes.SessionNotFound, `session "${id}" not found`);
    session.state = "ready";
    delete session.lost_reason;
    return { session };
  }

  async closeSession(id: string) {
    this.calls.push(`close ${id}`);
    if (!this.sessions.delete(id)) throw new ResponseError(WomaErrorCodes.SessionNotFound, `session "${id}" not found`);
    return { session_id: id };
  }

  lose(id: string, reason = "runner r1 died (killed by SIGKILL)"): void {
    const session = this.sessions.get(id)!;
    session.state = "lost";
    session.lost_reason = reason;
  }
}

/** A run that takes its session's runner down with it. */
function killsRunner(client: FakeClient, id: string) {
  return (): RunResult => {
    client.lose(id, "runner r1 died (memory limit exceeded)");
    throw new ResponseError(WomaErrorCodes.RuntimeTerminated, `Python runtime terminated: memory limit exceeded; session "${id}" is lost`, { run_id: "r", stdout: "", stderr: "", execution_time_ms: 1, session_state: "lost", runner_killed: true });
  };
}

function keeper(client: FakeClient, idle = 0) {
  return new SessionKeeper(client, { createParams: () => (idle > 0 ? { idle_timeout_ms: idle } : {}) });
}

describe("SessionKeeper", () => {
  test("ensure creates a session on first use with the keeper's params, then asks nothing more", async () => {
    const client = new FakeClient();
    const k = keeper(client, 5000);
    expect(await k.ensure("main")).toEqual({ kind: "created" });
    expect(await k.ensure("main")).toEqual({ kind: "ready" });
    expect(client.calls).toEqual(["list", "create main idle=5000"]);
  });

  test("concurrent first uses create the session once", async () => {
    const client = new FakeClient();
    const k = keeper(client);
    const results = await Promise.all([k.ensure("a"), k.ensure("a"), k.ensure("a")]);
    expect(client.calls.filter((c) => c.startsWith("create"))).toEqual(["create a"]);
    expect(results.map((r) => r.kind)).toEqual(["created", "ready", "ready"]);
  });

  test("a session someone else made is used as it is, and not closed by closeAll", async () => {
    const client = new FakeClient();
    await client.createSession({ session_id: "theirs" });
    const k = keeper(client);
    expect(await k.ensure("theirs")).toEqual({ kind: "ready" });
    await k.closeAll();
    expect(client.sessions.has("theirs")).toBe(true);
  });

  test("a create that loses a race to another client counts as done", async () => {
    const client = new FakeClient();
    client.raceCreates.add("raced");
    const k = keeper(client);
    expect((await k.ensure("raced")).kind).toBe("created");
    expect((await k.run("raced", { code: "1" })).result.result).toBe("1");
  });

  test("a run refused because its session expired brings it back and runs once more", async () => {
    const client = new FakeClient();
    const k = keeper(client);
    await k.ensure("s");
    client.sessions.delete("s");
    const kept = await k.run("s", { code: "x" });
    expect(kept.result.result).toBe("x");
    expect(kept.refusal).toEqual({ cause: "missing", message: 'session "s" not found (0 open)' });
    expect(kept.recovery).toEqual({ kind: "recreated" });
    expect(client.calls.slice(2)).toEqual(["run s x", "list", "create s", "run s x"]);
  });

  test("a run refused because its session was lost resets it, says why it was lost, and runs once more", async () => {
    const client = new FakeClient();
    const k = keeper(client);
    await k.ensure("s");
    client.lose("s");
    const kept = await k.run("s", { code: "y" });
    expect(kept.refusal?.cause).toBe("lost");
    expect(kept.refusal?.message).toContain("killed by SIGKILL");
    expect(kept.recovery).toEqual({ kind: "reset", reason: "runner r1 died (killed by SIGKILL)" });
    expect(client.calls.slice(-4)).toEqual(["run s y", "list", "reset s", "run s y"]);
  });

  test("it retries once only", async () => {
    const client = new FakeClient();
    const k = keeper(client);
    await k.ensure("s");
    client.lose("s");
    client.resetSession = async (id: string) => {
      client.calls.push(`reset ${id} (fails to revive)`);
      return { session: client.sessions.get(id)! };
    };
    const error = await k.run("s", { code: "z" }).catch((e: unknown) => e);
    expect((error as ResponseError<unknown>).code).toBe(WomaErrorCodes.SessionLost);
    expect(client.calls.filter((c) => c.startsWith("run"))).toHaveLength(2);
  });

  test("other failures are the caller's: no recovery, no retry", async () => {
    const client = new FakeClient();
    const k = keeper(client);
    await k.ensure("s");
    client.script.push(() => {
      throw new ResponseError(WomaErrorCodes.RunTimedOut, "run r timed out", { run_id: "r", stdout: "", stderr: "", execution_time_ms: 1, session_state: "kept", runner_killed: false });
    });
    const error = await k.run("s", { code: "slow" }).catch((e: unknown) => e);
    expect((error as ResponseError<unknown>).code).toBe(WomaErrorCodes.RunTimedOut);
    expect(k.settled("s")).toBeUndefined();
    expect(client.calls.slice(2)).toEqual(["run s slow"]);
  });

  test("a run that takes the runner down starts a reset at once, and the next run waits for it", async () => {
    const client = new FakeClient();
    const k = keeper(client);
    await k.ensure("s");
    client.script.push(killsRunner(client, "s"));
    const error = await k.run("s", { code: "boom" }).catch((e: unknown) => e);
    expect((error as ResponseError<unknown>).code).toBe(WomaErrorCodes.RuntimeTerminated);
    expect(k.settled("s")).toBeDefined();
    const next = await k.run("s", { code: "after" });
    expect(next.refusal).toBeUndefined();
    expect(client.calls.slice(2)).toEqual(["run s boom", "list", "reset s", "run s after"]);
  });

  test("concurrent runs refused for one lost session reset it once", async () => {
    const client = new FakeClient();
    const k = keeper(client);
    await k.ensure("s");
    client.lose("s");
    const runs = await Promise.all([k.run("s", { code: "1" }), k.run("s", { code: "2" })]);
    expect(runs.map((r) => r.result.result)).toEqual(["1", "2"]);
    expect(client.calls.filter((c) => c.startsWith("reset"))).toEqual(["reset s"]);
    expect(runs.map((r) => r.recovery?.kind).sort()).toEqual(["ready", "reset"]);
  });

  test("close says whether there was a session; closeAll closes what the keeper created", async () => {
    const client = new FakeClient();
    const k = keeper(client);
    await k.ensure("a");
    await k.ensure("b");
    expect(await k.close("a")).toBe(true);
    expect(await k.close("a")).toBe(false);
    await k.closeAll();
    expect([...client.sessions.keys()]).toEqual([]);
    expect(client.calls.filter((c) => c.startsWith("close"))).toEqual(["close a", "close a", "close b"]);
  });
});
