/** The runner pool: refilling, the queue limit, pinned sessions, parallel runs and snapshot repair. */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { existsSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ResponseError } from "vscode-jsonrpc";
import type { InfoResult } from "../../protocol/generated/types.ts";
import { WomaErrorCodes } from "../../protocol/error-codes.ts";
import { rejection } from "../harness/expect-error.ts";
import { waitFor } from "../harness/paths.ts";
import { startDaemon, type DaemonUnderTest } from "../harness/start-daemon.ts";

const liveShared = (info: InfoResult) => info.runners.filter((r) => r.role === "shared" && (r.state === "idle" || r.state === "busy"));

describe("a pool of two workers per tenant", () => {
  let daemon: DaemonUnderTest;
  beforeAll(async () => {
    daemon = await startDaemon({ transport: "socket", args: ["--workers", "2", "--max-queue", "3"] });
  });
  afterAll(async () => {
    await daemon?.stop();
  });

  test("two sessions of one client go to different runners and their runs overlap in time", async () => {
    const { client } = daemon;
    const a = (await client.createSession()).session;
    const b = (await client.createSession()).session;
    expect(a.runner_id).not.toBe(b.runner_id);
    const spin = "import time\nstart = time.time()\nwhile time.time() - start < 1.0: pass\n(start, time.time())";
    const [ra, rb] = await Promise.all([client.run({ code: spin, session_id: a.session_id }), client.run({ code: spin, session_id: b.session_id })]);
    const [aStart, aEnd] = JSON.parse(ra.result!.replace(/[()]/g, (c) => (c === "(" ? "[" : "]"))) as [number, number];
    const [bStart, bEnd] = JSON.parse(rb.result!.replace(/[()]/g, (c) => (c === "(" ? "[" : "]"))) as [number, number];
    // Overlap: each started before the other ended.
    expect(aStart).toBeLessThan(bEnd);
    expect(bStart).toBeLessThan(aEnd);
    expect(Math.min(aEnd, bEnd) - Math.max(aStart, bStart)).toBeGreaterThan(0.5);
    expect(liveShared(await client.info())).toHaveLength(2);
  });

  test("a session stays on its runner whatever else runs", async () => {
    const { client } = daemon;
    const session = (await client.createSession()).session;
    // Tag the interpreter (not just the globals) the session lives in: a module it imported stays imported.
    await client.run({ code: `import sys, types; sys.modules['home_of_${session.session_id}'] = types.ModuleType('tag')`, session_id: session.session_id });
    const others = Array.from({ length: 2 }, () => client.run({ code: "import time; time.sleep(0.05)" }));
    for (let i = 0; i < 6; i++) {
      const seen = await client.run({ code: `import sys; 'home_of_${session.session_id}' in sys.modules`, session_id: session.session_id });
      expect(seen.result).toBe("True");
    }
    await Promise.all(others);
    const listed = (await client.listSessions()).sessions.find((s) => s.session_id === session.session_id)!;
    expect(listed.runner_id).toBe(session.runner_id);
  });

  test("past the tenant's queue limit a run is refused at once with a clear busy error", async () => {
    const { client } = daemon;
    await waitFor("the client's two runners", async () => liveShared(await client.info()).length === 2, 30_000);
    const holds = [0, 1].map(() => client.run({ code: "import time; time.sleep(1.5)" }));
    await waitFor("both runners busy", async () => (await client.info()).runners.filter((r) => r.state === "busy").length === 2, 5000);
    const queued = [0, 1, 2].map(() => client.run({ code: "'queued'" }));
    await waitFor("three runs queued", async () => (await client.info()).queued === 3, 5000);
    let refused: unknown;
    try {
      await client.run({ code: "'one too many'" });
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ResponseError);
    expect((refused as ResponseError<unknown>).code).toBe(WomaErrorCodes.PoolBusy);
    expect((refused as ResponseError<unknown>).message).toContain("3 runs are already waiting (limit 3, --max-queue)");
    await Promise.all(holds);
    expect((await Promise.all(queued)).map((r) => r.result)).toEqual(["'queued'", "'queued'", "'queued'"]);
  });

  test("a runner killed from outside (SIGKILL) loses its sessions, and the tenant's next run gets a new runner", async () => {
    const { client } = daemon;
    const session = (await client.createSession()).session;
    const victim = (await client.info()).runners.find((r) => r.runner_id === session.runner_id)!;
    process.kill(victim.pid, "SIGKILL");
    await waitFor("the session to be reported lost", async () => (await client.listSessions()).sessions.find((s) => s.session_id === session.session_id)?.state === "lost", 10_000);
    const lost = (await client.listSessions()).sessions.find((s) => s.session_id === session.session_id)!;
    expect(lost.lost_reason).toContain("SIGKILL");
    expect((await client.run({ code: "1+1" })).result).toBe("2");
    expect((await client.info()).runners.some((r) => r.runner_id === victim.runner_id)).toBe(false);
  });
});

describe("tenants", () => {
  let daemon: DaemonUnderTest;
  beforeAll(async () => {
    daemon = await startDaemon({ transport: "socket" });
  });
  afterAll(async () => {
    await daemon?.stop();
  });

  test("two connections never share an interpreter, and a leaving connection's runner is stopped, not handed on", async () => {
    const a = await daemon.connect();
    const b = await daemon.connect();
    await a.run({ code: "import sys, types; sys.modules['left_by_a'] = types.ModuleType('tag')" });
    const aRunner = (await a.info()).runners.find((r) => r.role === "shared")!;
    expect((await b.run({ code: "import sys; 'left_by_a' in sys.modules" })).result).toBe("False");
    const bRunner = (await b.info()).runners.find((r) => r.role === "shared")!;
    expect(bRunner.runner_id).not.toBe(aRunner.runner_id);
    // Neither sees the other's runner or sessions.
    await a.createSession({ session_id: "a-only" });
    expect((await b.listSessions()).sessions).toEqual([]);
    expect((await b.info()).runners.map((r) => r.runner_id)).not.toContain(aRunner.runner_id);

    a.dispose();
    await waitFor("a's runner process to exit", () => !existsSync(`/proc/${aRunner.pid}`) || readFileSync(`/proc/${aRunner.pid}/stat`, "utf8").includes(") Z"), 10_000);
    expect((await b.run({ code: "import sys; 'left_by_a' in sys.modules" })).result).toBe("False");
    b.dispose();
  });

  test("connections naming the same tenant share its sessions, which outlive them", async () => {
    const first = await daemon.connect();
    await first.initialize("first", "team-x");
    await first.createSession({ session_id: "kept" });
    await first.run({ code: "answer = 42", session_id: "kept" });
    first.dispose();
    const second = await daemon.connect();
    const hello = await second.initialize("second", "team-x");
    expect(hello.tenant).toEqual({ name: "team-x", shared: true });
    expect((await second.run({ code: "answer", session_id: "kept" })).result).toBe("42");
    const stranger = await daemon.connect();
    expect((await stranger.listSessions()).sessions).toEqual([]);
    const late = await rejection(stranger.initialize("late", "team-x"));
    expect(late.message).toContain("name the tenant in the first daemon/initialize");
    stranger.dispose();
    second.dispose();
  });
});

describe("the snapshot", () => {
  const cache = mkdtempSync(join(tmpdir(), "woma-snapcache-"));
  const snapshotFile = () => join(cache, "snapshots", readdirSync(join(cache, "snapshots")).find((f) => f.endsWith(".snapshot"))!);

  test("is built on first start by a runner that serves nothing, and every runner boots from it", async () => {
    expect(existsSync(join(cache, "snapshots"))).toBe(false);
    const first = await startDaemon({ transport: "stdio", cacheDir: cache, args: ["--workers", "0"] });
    const info = await first.client.info();
    await first.stop();
    expect(info.runners[0]!.from_snapshot).toBe(true);
    expect(info.snapshot?.state).toBe("ready");
    const second = await startDaemon({ transport: "stdio", cacheDir: cache, args: ["--workers", "0"] });
    expect((await second.client.info()).runners[0]!.from_snapshot).toBe(true);
    await second.stop();
  });

  test("a truncated snapshot gives a warning and a rebuild, never a failed start; older snapshots are removed", async () => {
    truncateSync(snapshotFile(), 1000);
    const stale = join(cache, "snapshots", "pyodide-0.0.1-woma-0.0.1-0123456789abcdef.snapshot");
    writeFileSync(stale, "an old woma's snapshot");
    const daemon = await startDaemon({ transport: "stdio", cacheDir: cache, args: ["--workers", "0"] });
    expect((await daemon.client.run({ code: "1+1" })).result).toBe("2");
    expect(daemon.stderr()).toContain("is unusable");
    expect(daemon.stderr()).toContain("truncated");
    expect((await daemon.client.info()).snapshot?.state).toBe("ready");
    expect(existsSync(stale)).toBe(false);
    await daemon.stop();
  });

  test("a tampered snapshot (one byte changed) breaks its seal, is refused and rebuilt", async () => {
    const path = snapshotFile();
    const bytes = readFileSync(path);
    bytes[bytes.length - 1000] = (bytes[bytes.length - 1000]! + 1) % 256;
    writeFileSync(path, bytes);
    const daemon = await startDaemon({ transport: "stdio", cacheDir: cache, args: ["--workers", "0"] });
    expect((await daemon.client.run({ code: "6*7" })).result).toBe("42");
    expect(daemon.stderr()).toContain("its seal does not match");
    await daemon.stop();
    const again = await startDaemon({ transport: "stdio", cacheDir: cache, args: ["--workers", "0"] });
    expect((await again.client.info()).runners[0]!.from_snapshot).toBe(true);
    await again.stop();
  });
});
