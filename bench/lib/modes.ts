/** Starts each user-facing mode of woma as a user would, gets it to its first result, and measures the idle process tree. */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DaemonClient } from "../../clients/shared/daemon-client.ts";
import { childrenOf, cmdlineOf, treeMemory } from "./proc-memory.ts";
import { ROOT, WOMA_SCRIPT } from "./woma.ts";

/** A woma process started for a benchmark. */
export interface Started {
  child: ChildProcess;
  pid: number;
  stderr(): string;
  stdout(): string;
  /** SIGTERM, then SIGKILL after 10 s; resolves once it has exited. */
  stop(): Promise<void>;
}

/** Spawns `command ...args` with stdin a pipe and stdout/stderr captured. */
export function spawnWoma(args: string[], command: string[] = WOMA_SCRIPT, env: Record<string, string> = {}): Started {
  const child = spawn(command[0]!, [...command.slice(1), ...args], { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, WOMA_TOKEN: "", ...env } });
  let stderr = "";
  let stdout = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    pid: child.pid!,
    stderr: () => stderr,
    stdout: () => stdout,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Polls until `condition` holds; throws naming `what` after `timeoutMs`. */
export async function until(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`bench: timed out after ${timeoutMs} ms waiting for ${what}`);
    await Bun.sleep(20);
  }
}

/** A reference server of bench/lib/reference-server.ts (`floor` or `original`) on Pyodide at `indexURL`, once it listens. */
export async function startReference(kind: "floor" | "original", indexURL: string): Promise<{ url: string; pid: number; stop: () => Promise<void> }> {
  const started = spawnWoma([], [process.execPath, join(ROOT, "bench", "lib", "reference-server.ts"), kind, indexURL]);
  await until(`the ${kind} server (stderr: ${started.stderr()})`, () => /listening on \S+/.test(started.stdout()) || started.child.exitCode !== null, 120_000);
  const url = /listening on (\S+)/.exec(started.stdout())?.[1];
  if (!url) throw new Error(`the ${kind} server did not start: ${started.stderr()}`);
  return { url, pid: started.pid, stop: started.stop };
}

/** `woma serve --port 0 --workers 0` of the woma that `command` starts, on `cache`, once its runner is ready. */
export async function startServe(command: string[], cache: string): Promise<{ url: string; started: Started }> {
  const started = spawnWoma(["serve", "--port", "0", "--workers", "0", "--pyodide-cache", cache], command);
  return { url: await serveUrl(started), started };
}

/** Process ids of the runners `pid` started (its children running `__runner`, bubblewrap's included). */
export function runnerPids(pid: number): number[] {
  return childrenOf(pid).filter((child) => cmdlineOf(child).includes("__runner"));
}

/** One newline-delimited JSON-RPC message to `woma mcp` on stdio. */
export function mcpSend(started: Started, message: object): void {
  started.child.stdin!.write(`${JSON.stringify({ jsonrpc: "2.0", ...message })}\n`);
}

/** The MCP handshake and one `1+1` tool call over raw stdio; resolves once the result is in. */
export async function mcpFirstResult(started: Started): Promise<void> {
  mcpSend(started, { id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "bench", version: "1" } } });
  mcpSend(started, { method: "notifications/initialized" });
  mcpSend(started, { id: 2, method: "tools/call", params: { name: "run_python", arguments: { code: "1+1" } } });
  await until(`woma mcp's first result (stderr: ${started.stderr()})`, () => started.stdout().includes('"id":2'));
}

/** Waits for `woma serve`'s "listening on URL" line and returns the URL. */
export async function serveUrl(started: Started): Promise<string> {
  await until(`woma serve to listen (stderr: ${started.stderr()})`, () => /woma: listening on \S+/.test(started.stderr()) || started.child.exitCode !== null);
  const url = /woma: listening on (\S+)/.exec(started.stderr())?.[1];
  if (!url) throw new Error(`woma serve did not start: ${started.stderr()}`);
  return url;
}

/** POSTs `1+1` to a REST bridge and checks the answer. */
export async function restOnePlusOne(url: string): Promise<void> {
  const response = await fetch(`${url}/python`, { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"code":"1+1"}' });
  const answer = (await response.json()) as { result?: unknown };
  if (answer.result !== "2") throw new Error(`POST /python 1+1 answered ${JSON.stringify(answer)}`);
}

/** A mode as the memory figures name it. */
export type Mode = "repl" | "mcp" | "serve-workers-2" | "daemon-socket-2-tenants";

/** What a mode uses when idle: the whole tree, and each runner's own tree (bytes). */
export interface IdleTree {
  mode: Mode;
  rss: number;
  pss: number;
  /** RSS of each runner's tree (bubblewrap's processes included). */
  runners: number[];
  /** RSS of the woma process itself, without its runners. */
  main: number;
}

const SETTLE_MS = 3000;

/**
 * Starts `mode` on `cache`, brings it to its first result (and, where it applies, the state
 * the mode has when in use: two tenants, both REST runners), waits for the runners it keeps
 * and for things to settle, and measures its tree.
 */
export async function idleTree(mode: Mode, cache: string): Promise<IdleTree> {
  const flags = ["--pyodide-cache", cache];
  let started: Started;
  let expectedRunners: number;
  const cleanups: Array<() => void> = [];
  switch (mode) {
    case "repl":
      started = spawnWoma([...flags]);
      started.child.stdin!.write("1+1\n");
      await until("the REPL's first result", () => started.stdout().includes("2\n"));
      expectedRunners = 1;
      break;
    case "mcp":
      started = spawnWoma(["mcp", ...flags]);
      await mcpFirstResult(started);
      expectedRunners = 1;
      break;
    case "serve-workers-2": {
      started = spawnWoma(["serve", "--port", "0", "--workers", "2", ...flags]);
      const url = await serveUrl(started);
      // Eight at once, a few times: the bridge spreads them over both of its runners.
      for (let i = 0; i < 5; i++) await Promise.all(Array.from({ length: 8 }, () => restOnePlusOne(url)));
      expectedRunners = 2;
      break;
    }
    case "daemon-socket-2-tenants": {
      const socket = join(mkdtempSync(join(tmpdir(), "woma-bench-sock-")), "d.sock");
      started = spawnWoma(["daemon", "--socket", socket, "--workers", "1", ...flags]);
      await until("the daemon's socket", () => existsSync(socket));
      for (let i = 0; i < 2; i++) {
        const client = await DaemonClient.connect(socket);
        cleanups.push(() => client.dispose());
        // A tenant takes the ready spare, or boots its own runner; a new spare boots behind it.
        await client.run({ code: "1+1" });
      }
      expectedRunners = 3; // two tenants' runners and the spare
      break;
    }
  }
  try {
    await until(`${expectedRunners} runners of ${mode}`, () => runnerPids(started.pid).length >= expectedRunners);
    // A runner still booting is busy: wait until the tree stops growing, then let it settle.
    let last = 0;
    await until(`${mode} to settle`, async () => {
      const now = treeMemory(started.pid).rss;
      const steady = Math.abs(now - last) < 2 * 1048576;
      last = now;
      if (!steady) await Bun.sleep(500);
      return steady;
    });
    await Bun.sleep(SETTLE_MS);
    const tree = treeMemory(started.pid);
    const runners = runnerPids(started.pid).map((pid) => treeMemory(pid).rss);
    return { mode, rss: tree.rss, pss: tree.pss, runners, main: tree.rss - runners.reduce((a, b) => a + b, 0) };
  } finally {
    for (const cleanup of cleanups) cleanup();
    started.child.stdin!.end();
    await started.stop();
  }
}
