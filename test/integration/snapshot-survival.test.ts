/**
 * The cached snapshot survives any stop: the whole process group of `woma daemon`, `woma mcp`,
 * `woma serve` or the REPL gets SIGTERM (as Ctrl+C, docker, systemd and MCP hosts stop a
 * server) at each moment of start-up, and the next start still boots from the same
 * snapshot, with no "rebuilding" warning; no runner is spawned once shutdown has begun, and
 * every runner is gone when the command is.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from "bun:test";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DaemonClient } from "../../clients/shared/daemon-client.ts";
import { waitFor } from "../harness/paths.ts";
import { startGroupInPty, startInGroup, WOMA, type GroupStop, type GroupUnderTest } from "../harness/process-group.ts";
import { startDaemon } from "../harness/start-daemon.ts";

/** Any sign that a snapshot was blamed, deleted or given up on. */
const SNAPSHOT_BLAMED = /rebuilding it|is unusable|could not use a Pyodide snapshot|could not restore/;

const scratch = mkdtempSync(join(tmpdir(), "woma-survival-"));
/** A cache whose snapshot every other cache copies, so each test starts from a known state. */
const seed = join(scratch, "seed");
let seedSnapshot = "";
const started: Array<{ kill(): void }> = [];

/** The one snapshot file of a cache and what identifies that very file. */
function snapshotFile(cache: string): { name: string; ino: number; mtimeMs: number; size: number } | undefined {
  const dir = join(cache, "snapshots");
  if (!existsSync(dir)) return undefined;
  const names = readdirSync(dir).filter((name) => name.endsWith(".snapshot"));
  if (names.length !== 1) return undefined;
  const stat = statSync(join(dir, names[0]!));
  return { name: names[0]!, ino: stat.ino, mtimeMs: stat.mtimeMs, size: stat.size };
}

/** A cache holding a copy of the seed's sealed snapshot and its seal key. */
function cachedCache(name: string): string {
  const cache = join(scratch, name);
  mkdirSync(join(cache, "snapshots"), { recursive: true, mode: 0o700 });
  copyFileSync(join(seed, "snapshot-seal.key"), join(cache, "snapshot-seal.key"));
  copyFileSync(join(seed, "snapshots", seedSnapshot), join(cache, "snapshots", seedSnapshot));
  return cache;
}

function freshCache(name: string): string {
  const cache = join(scratch, name);
  mkdirSync(cache, { recursive: true });
  return cache;
}

function group(args: string[]): GroupUnderTest {
  const g = startInGroup(args);
  started.push(g);
  return g;
}

/** What every stop must show: a clean exit, no runner spawned after the signal, no snapshot blamed. */
function expectCleanStop(stop: GroupStop, stderr: string, what: string): void {
  expect({ what, spawnedAfterStop: stop.spawnedAfterStop.map((r) => r.pid) }).toEqual({ what, spawnedAfterStop: [] });
  expect(stderr).not.toMatch(SNAPSHOT_BLAMED);
  expect(stop.signal).toBeNull();
}

/**
 * Starts `woma daemon --stdio` on the cache and checks that it is a snapshot start: every
 * booted runner restored the snapshot, the snapshot is ready, and nothing was blamed.
 */
async function expectSnapshotStart(cache: string): Promise<void> {
  const daemon = await startDaemon({ transport: "stdio", cacheDir: cache, args: ["--log-level", "debug"] });
  try {
    const result = await daemon.client.run({ code: "1+1" });
    expect(result.result).toBe("2");
    const info = await daemon.client.info();
    const booted = info.runners.filter((r) => r.boot_ms !== undefined);
    expect(booted.length).toBeGreaterThan(0);
    expect(booted.map((r) => r.from_snapshot)).toEqual(booted.map(() => true));
    expect(info.snapshot?.state).toBe("ready");
    expect(daemon.stderr()).not.toMatch(SNAPSHOT_BLAMED);
  } finally {
    await daemon.stop();
  }
}

/** Restarts on the cache and checks that it booted from the very file that was there before the stop. */
async function expectSameSnapshotAfter(cache: string, before: ReturnType<typeof snapshotFile>): Promise<void> {
  expect(before).toBeDefined();
  expect(snapshotFile(cache)).toEqual(before);
  await expectSnapshotStart(cache);
  expect(snapshotFile(cache)).toEqual(before);
}

async function waitForSocket(g: GroupUnderTest, path: string): Promise<DaemonClient> {
  await waitFor(`the daemon's socket (stderr: ${g.stderr()})`, () => existsSync(path) || g.process.exitCode !== null, 30_000);
  return DaemonClient.connect(path);
}

/** One newline-delimited JSON-RPC message to `woma mcp` on stdio. */
function mcpSend(g: GroupUnderTest, message: object): void {
  g.process.stdin!.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
}

function mcpHandshake(g: GroupUnderTest): void {
  mcpSend(g, { id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "survival-test", version: "1" } } });
  mcpSend(g, { method: "notifications/initialized" });
}

beforeAll(async () => {
  // The seed's snapshot is built once here, by a daemon that is stopped only once it is ready.
  const daemon = await startDaemon({ transport: "stdio", cacheDir: freshCache("seed") });
  await daemon.stop();
  seedSnapshot = snapshotFile(seed)!.name;
}, 120_000);

afterEach(() => {
  for (const g of started.splice(0)) g.kill();
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe("a group stop during start-up leaves the snapshot usable", () => {
  test("during the snapshot build on a fresh cache: the next start builds it once and boots from it", async () => {
    const cache = freshCache("during-build");
    const g = group(["daemon", "--socket", join(cache, "d.sock"), "--pyodide-cache", cache, "--log-level", "debug"]);
    // The builder is running once its build directory exists and its process does.
    await waitFor("the snapshot builder", () => {
      const dir = join(cache, "snapshots");
      return existsSync(dir) && readdirSync(dir).some((n) => n.startsWith("build-")) && g.runners.living().length > 0;
    }, 30_000);
    await Bun.sleep(300); // well inside the build (plain boot, several seconds)
    expect(snapshotFile(cache)).toBeUndefined();
    const stop = await g.stopGroup();
    expectCleanStop(stop, g.stderr(), "stop during the build");
    expect(stop.code).toBe(0);

    await expectSnapshotStart(cache);
    const built = snapshotFile(cache);
    // The start after that uses the file the previous one built: no second build.
    await expectSameSnapshotAfter(cache, built);
  }, 120_000);

  /**
   * A stop during the build exits the daemon before it can remove its build directory; the
   * directory's name carries the daemon's pid, so the next start deletes it (its owner is gone).
   */
  test("a stop during the build leaves no build directory behind once the next start has built the snapshot", async () => {
    const cache = freshCache("during-build-leftovers");
    const g = group(["daemon", "--socket", join(cache, "d.sock"), "--pyodide-cache", cache]);
    await waitFor("the snapshot builder", () => {
      const dir = join(cache, "snapshots");
      return existsSync(dir) && readdirSync(dir).some((n) => n.startsWith("build-")) && g.runners.living().length > 0;
    }, 30_000);
    await Bun.sleep(300);
    await g.stopGroup();
    await expectSnapshotStart(cache);
    expect(readdirSync(join(cache, "snapshots")).filter((n) => n.startsWith("build-"))).toEqual([]);
  }, 120_000);

  test("during the first runner's boot (woma daemon --socket)", async () => {
    const cache = cachedCache("first-boot-daemon");
    const before = snapshotFile(cache);
    const socket = join(cache, "d.sock");
    const g = group(["daemon", "--socket", socket, "--pyodide-cache", cache, "--log-level", "debug"]);
    const client = await waitForSocket(g, socket);
    await waitFor("a runner process", () => g.runners.living().length > 0, 30_000);
    await Bun.sleep(200);
    const info = await client.info();
    // Still booting: nothing has loaded Pyodide yet.
    expect(info.pyodide_loaded).toBe(false);
    expect(info.runners.map((r) => r.state)).toContain("booting");
    client.dispose();
    const stop = await g.stopGroup();
    expectCleanStop(stop, g.stderr(), "stop during the first boot");
    expect(stop.code).toBe(0);
    await expectSameSnapshotAfter(cache, before);
  }, 60_000);

  test("during the first runner's boot (woma mcp on stdio, its client waiting for the first result)", async () => {
    const cache = cachedCache("first-boot-mcp");
    const before = snapshotFile(cache);
    const g = group(["mcp", "--pyodide-cache", cache, "--log-level", "debug"]);
    mcpHandshake(g);
    mcpSend(g, { id: 2, method: "tools/call", params: { name: "run_python", arguments: { code: "1+1" } } });
    await waitFor("a runner process", () => g.runners.living().length > 0, 30_000);
    await Bun.sleep(300);
    expect(g.stdout()).not.toContain('"id":2');
    const stop = await g.stopGroup();
    expectCleanStop(stop, g.stderr(), "stop of woma mcp during the first boot");
    await expectSameSnapshotAfter(cache, before);
  }, 60_000);

  test("during a spare's boot (woma daemon --socket, two tenants holding runners)", async () => {
    const cache = cachedCache("spare-boot");
    const before = snapshotFile(cache);
    const socket = join(cache, "d.sock");
    const g = group(["daemon", "--socket", socket, "--pyodide-cache", cache, "--workers", "1", "--log-level", "debug"]);
    const first = await waitForSocket(g, socket);
    // The first tenant takes the runner booted at start; a spare boots behind it.
    expect((await first.run({ code: "1+1" })).result).toBe("2");
    await waitFor("the spare to be ready", async () => (await first.info()).runners.some((r) => r.role === "spare" && r.state === "idle"), 30_000);
    const second = await DaemonClient.connect(socket);
    // The second takes that spare once ready; another spare boots behind it: stop during that boot.
    expect((await second.run({ code: "2+2" })).result).toBe("4");
    const info = await second.info();
    expect(info.runners.filter((r) => r.role === "spare").map((r) => r.state)).toEqual(["booting"]);
    await Bun.sleep(200);
    first.dispose();
    second.dispose();
    const stop = await g.stopGroup();
    expectCleanStop(stop, g.stderr(), "stop during the spare's boot");
    expect(stop.code).toBe(0);
    expect(stop.runners.length).toBe(3);
    await expectSameSnapshotAfter(cache, before);
  }, 60_000);

  test("right after the first result (woma mcp on stdio)", async () => {
    const cache = cachedCache("first-result-mcp");
    const before = snapshotFile(cache);
    const g = group(["mcp", "--pyodide-cache", cache, "--log-level", "debug"]);
    mcpHandshake(g);
    mcpSend(g, { id: 2, method: "tools/call", params: { name: "run_python", arguments: { code: "1+1" } } });
    await waitFor(`the first tool result (stdout: ${g.stdout()})`, () => g.stdout().includes('"id":2'), 30_000);
    expect(g.stdout()).toContain("[result]\\n2");
    const stop = await g.stopGroup();
    expectCleanStop(stop, g.stderr(), "stop of woma mcp after the first result");
    expect(stop.code).toBe(0);
    await expectSameSnapshotAfter(cache, before);
  }, 60_000);

  test("right after the first result (woma mcp --port, which keeps a spare)", async () => {
    const cache = cachedCache("first-result-mcp-http");
    const before = snapshotFile(cache);
    const g = group(["mcp", "--port", "0", "--pyodide-cache", cache, "--log-level", "debug"]);
    await waitFor(`"MCP on" (stderr: ${g.stderr()})`, () => /woma: MCP on \S+/.test(g.stderr()), 30_000);
    const url = /woma: MCP on (\S+)/.exec(g.stderr())![1]!;
    const post = async (body: object, session?: string) => {
      const headers: Record<string, string> = { "Content-Type": "application/json", Accept: "application/json, text/event-stream" };
      if (session) headers["mcp-session-id"] = session;
      return fetch(url, { method: "POST", headers, body: JSON.stringify({ jsonrpc: "2.0", ...body }) });
    };
    const init = await post({ id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "survival-test", version: "1" } } });
    const session = init.headers.get("mcp-session-id") ?? undefined;
    await init.text();
    await (await post({ method: "notifications/initialized" }, session)).text();
    const call = await (await post({ id: 2, method: "tools/call", params: { name: "run_python", arguments: { code: "1+1" } } }, session)).text();
    expect(call).toContain("[result]\\n2");
    const stop = await g.stopGroup();
    expectCleanStop(stop, g.stderr(), "stop of woma mcp --port after the first result");
    expect(stop.code).toBe(0);
    await expectSameSnapshotAfter(cache, before);
  }, 60_000);

  test("right after the first result (woma serve --workers 2)", async () => {
    const cache = cachedCache("first-result-serve");
    const before = snapshotFile(cache);
    const g = group(["serve", "--port", "0", "--workers", "2", "--pyodide-cache", cache, "--log-level", "debug"]);
    await waitFor(`"listening on" (stderr: ${g.stderr()})`, () => /woma: listening on \S+/.test(g.stderr()), 30_000);
    const url = /woma: listening on (\S+)/.exec(g.stderr())![1]!;
    const answer = (await (await fetch(`${url}/python`, { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"code":"1+1"}' })).json()) as { result?: string };
    expect(answer.result).toBe("2");
    const stop = await g.stopGroup();
    expectCleanStop(stop, g.stderr(), "stop of woma serve after the first result");
    expect(stop.code).toBe(0);
    await expectSameSnapshotAfter(cache, before);
  }, 60_000);

  test("right after the first result (the REPL in a terminal)", async () => {
    const cache = cachedCache("first-result-repl");
    const before = snapshotFile(cache);
    const repl = startGroupInPty([...WOMA, "--pyodide-cache", cache]);
    started.push(repl);
    await repl.waitForText(">>> ", 30_000);
    const from = repl.screen().length;
    repl.type("1+1\r");
    await repl.waitForText("2", 15_000, from);
    const stop = await repl.stopGroup();
    // The REPL leaves SIGTERM's default action alone: it ends by the signal, and its runner follows.
    expect({ spawnedAfterStop: stop.spawnedAfterStop }).toEqual({ spawnedAfterStop: [] });
    expect(repl.screen()).not.toMatch(SNAPSHOT_BLAMED);
    await expectSameSnapshotAfter(cache, before);
  }, 60_000);
});
