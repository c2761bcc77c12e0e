/** Starting woma from the benchmarks: the script entry, a scratch cache, and a stdio daemon client. */
import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { StreamMessageWriter } from "vscode-jsonrpc/node";
import { DaemonClient } from "../../clients/shared/daemon-client.ts";
import { BoundedMessageReader } from "../../protocol/wire/bounded-message-reader.ts";
import { nodeStreamSource } from "../../protocol/wire/byte-sources.ts";

/** The repository root. */
export const ROOT = resolve(import.meta.dir, "..", "..");
/** `bun cli/main.ts`: woma run as a script. */
export const WOMA_SCRIPT = [process.execPath, join(ROOT, "cli", "main.ts")];

/**
 * A cache directory for benchmarks (kept between runs so the snapshot exists: "once the
 * snapshot exists"). `WOMA_BENCH_CACHE_PREFIX` names where they go instead of the temporary
 * directory: a snapshot cache keeps one tree's snapshot and deletes others', so checkouts
 * benchmarked on one machine at once each need their own.
 */
export function benchCache(name = "woma-bench-cache"): string {
  const prefix = process.env.WOMA_BENCH_CACHE_PREFIX;
  const dir = prefix ? `${prefix}-${name}` : join(tmpdir(), name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Starts `woma daemon --stdio` and returns a client, once a runner is ready. */
export async function stdioDaemon(args: string[], command = WOMA_SCRIPT): Promise<{ client: DaemonClient; pid: number; stop: () => Promise<void> }> {
  const child = spawn(command[0]!, [...command.slice(1), "daemon", "--stdio", ...args], { stdio: ["pipe", "pipe", "inherit"] });
  const client = DaemonClient.over(
    new BoundedMessageReader(nodeStreamSource(child.stdout!), { maxMessageBytes: 1 << 30, onProblem: () => {} }),
    new StreamMessageWriter(child.stdin!),
  );
  for (;;) {
    const info = await client.info();
    if (info.pyodide_loaded && info.runners.every((r) => r.state !== "booting")) break;
    await Bun.sleep(50);
  }
  return {
    client,
    pid: child.pid!,
    stop: async () => {
      client.dispose();
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}
