/**
 * Downloads from Python through the daemon's broker, this checkout against a baseline, side
 * by side in one run: the same loopback server, daemons started alike, downloads interleaved
 * round by round so a burst of outside load hits both. It prints MB/s (timed inside Python)
 * and the CPU the daemon and the runner spend per MB (from /proc, which outside load moves far
 * less than wall time). Only the standard library and pyfetch, so no package index is needed;
 * bench/python-http.ts covers requests and httpx.
 *
 *   bun bench/net-throughput.ts [--baseline REV] [--rounds N] [--mb N]
 *
 * `--baseline REV` (default HEAD) is checked out with `git worktree` under the temporary
 * directory and shares this checkout's node_modules. Nothing is asserted.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DaemonClient } from "../clients/shared/daemon-client.ts";
import { cpuMsOf } from "./lib/proc-cpu.ts";
import { treePids } from "./lib/proc-memory.ts";
import { loadAverage, median, round } from "./lib/stats.ts";
import { benchCache, ROOT, stdioDaemon } from "./lib/woma.ts";

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] !== undefined ? process.argv[at + 1]! : fallback;
};
const BASELINE = arg("baseline", "HEAD");
const ROUNDS = Number(arg("rounds", "4"));
const SIZE = Number(arg("mb", "20")) * 1000 * 1000;

/** A checkout of `rev` beside this one, sharing its node_modules. */
function baselineCheckout(rev: string): string {
  const commit = spawnSync("git", ["-C", ROOT, "rev-parse", "--short", rev], { encoding: "utf8" }).stdout.trim();
  if (!commit) throw new Error(`git cannot resolve ${rev}`);
  const dir = join(tmpdir(), `woma-baseline-${commit}`);
  if (!existsSync(join(dir, "cli", "main.ts"))) {
    const added = spawnSync("git", ["-C", ROOT, "worktree", "add", "--detach", "--force", dir, commit], { encoding: "utf8" });
    if (added.status !== 0) throw new Error(`git worktree add failed: ${added.stderr}`);
  }
  if (!existsSync(join(dir, "node_modules"))) symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"));
  return dir;
}

interface Daemon {
  name: string;
  client: DaemonClient;
  pid: number;
  session: string;
  stop(): Promise<void>;
}

async function startDaemon(name: string, root: string, port: number): Promise<Daemon> {
  const cache = process.env.WOMA_BENCH_PYODIDE_CACHE ?? benchCache(`woma-throughput-cache-${name}`);
  const args = ["--pyodide-cache", cache, "--allow-net", `127.0.0.1:${port}`, "--timeout", "900", "--log-level", "warn"];
  const daemon = await stdioDaemon(args, [process.execPath, join(root, "cli", "main.ts")]);
  return { name, ...daemon, session: (await daemon.client.createSession()).session.session_id };
}

/** CPU time of a process and of its descendants (the runners), in ms. */
function treeCpu(root: number): { own: number; descendants: number } {
  return { own: cpuMsOf([root]), descendants: cpuMsOf(treePids(root).slice(1)) };
}

const METHODS = {
  urllib: "len(urllib.request.urlopen(URL, timeout=600).read())",
  pyfetch: "len(await (await pyfetch(URL)).bytes())",
} as const;

async function main(): Promise<void> {
  const server = spawn(process.execPath, [import.meta.path, "--serve"], { stdio: ["ignore", "pipe", "inherit"] });
  const port = Number(await new Promise<string>((resolve) => server.stdout!.once("data", (chunk: Buffer) => resolve(chunk.toString().trim()))));
  const baseRoot = baselineCheckout(BASELINE);
  const head = spawnSync("git", ["-C", ROOT, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).stdout.trim();
  const dirty = spawnSync("git", ["-C", ROOT, "status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).stdout.trim() ? "+changes" : "";
  const daemons = [await startDaemon("this", ROOT, port), await startDaemon("baseline", baseRoot, port)];
  const labels = { this: `this checkout (${head}${dirty})`, baseline: `baseline (${BASELINE})` };
  const figures = new Map<string, { mbps: number[]; daemonCpu: number[]; runnerCpu: number[] }>();
  try {
    for (const d of daemons) {
      const setup = await d.client.run({ session_id: d.session, code: `import time, urllib.request\nfrom pyodide.http import pyfetch\nURL = "http://127.0.0.1:${port}/?n=${SIZE}"\nlen(urllib.request.urlopen("http://127.0.0.1:${port}/?n=1000").read())` });
      if (setup.status !== "success") throw new Error(`${d.name}: ${setup.error?.message}`);
    }
    console.log(`${navigator.hardwareConcurrency} cores, load average ${loadAverage()}, ${SIZE / 1e6} MB per download, ${ROUNDS} rounds`);
    for (let round_ = 0; round_ < ROUNDS; round_++) {
      for (const [method, expression] of Object.entries(METHODS)) {
        for (const d of round_ % 2 === 0 ? daemons : [...daemons].reverse()) {
          const before = treeCpu(d.pid);
          const result = await d.client.run({ session_id: d.session, timeout_ms: 900_000, code: `t = time.perf_counter()\nn = ${expression}\nassert n == ${SIZE}, n\ntime.perf_counter() - t` });
          if (result.status !== "success") throw new Error(`${d.name} ${method}: ${result.error?.message}`);
          const seconds = Number(result.result);
          const key = `${method}\t${d.name}`;
          const entry = figures.get(key) ?? { mbps: [], daemonCpu: [], runnerCpu: [] };
          const after = treeCpu(d.pid);
          entry.mbps.push(SIZE / 1e6 / seconds);
          entry.daemonCpu.push((after.own - before.own) / (SIZE / 1e6));
          entry.runnerCpu.push((after.descendants - before.descendants) / (SIZE / 1e6));
          figures.set(key, entry);
        }
      }
    }
    console.log(`\n${"method".padEnd(9)}${"woma".padEnd(36)}${"MB/s median (all)".padEnd(34)}CPU ms per MB, medians: daemon / runner`);
    for (const [key, { mbps, daemonCpu, runnerCpu }] of figures) {
      const [method, name] = key.split("\t") as [string, keyof typeof labels];
      console.log(`${method.padEnd(9)}${labels[name].padEnd(36)}${`${round(median(mbps), 1)} (${mbps.map((v) => round(v, 1)).join(", ")})`.padEnd(34)}${round(median(daemonCpu), 1)} / ${round(median(runnerCpu), 1)}`);
    }
    console.log(`load average at the end ${loadAverage()}`);
  } finally {
    for (const d of daemons) await d.stop();
    server.kill();
  }
}

// The server runs in its own process, so its work shares neither a daemon's nor this script's event loop.
if (process.argv[2] === "--serve") {
  const block = new Uint8Array(256 * 1024).fill(120);
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    idleTimeout: 120,
    fetch(req) {
      const size = Number(new URL(req.url).searchParams.get("n") ?? "0");
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= size) return controller.close();
          const part = size - sent >= block.length ? block : block.subarray(0, size - sent);
          controller.enqueue(part);
          sent += part.length;
        },
      });
      return new Response(body, { headers: { "content-length": String(size) } });
    },
  });
  process.stdout.write(`${server.port}\n`);
} else {
  await main();
}
