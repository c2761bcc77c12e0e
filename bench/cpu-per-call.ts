/**
 * `bench/cpu-per-call.ts`: what one REST `1+1` costs in CPU, thread by thread, in woma and in
 * the floor (Pyodide in-process behind Bun.serve, bench/lib/reference-server.ts), called back to
 * back. On a machine with few cores a call back to back costs about the CPU of every thread it
 * keeps busy, so this says where a REST call's time goes when latency alone cannot (it is noisy,
 * and a few tens of microseconds do not show in it).
 *
 * For each server and round: `--warmup` calls first (the engines compile for the first few
 * thousand calls, and that compiling is not what a call costs), then `--calls` calls back to back while the
 * user and system time of every thread of the server's process tree is read from
 * /proc/PID/task/TID/stat before and after. Threads are grouped by process (the daemon, its
 * runner, bubblewrap) and name (the main thread, JITWorker, HeapHelper, ...). Rounds alternate
 * the servers; figures are medians over rounds. Linux only (it reads /proc).
 *
 *   bun bench/cpu-per-call.ts [--rounds N] [--calls N] [--warmup N] [--base DIR]
 *
 * `--base DIR` measures a second checkout beside this one.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pyodideIndexURL } from "../daemon/runtime/pyodide-core.ts";
import { benchArgs } from "./lib/args.ts";
import { restOnePlusOne, startReference, startServe } from "./lib/modes.ts";
import { cmdlineOf, treePids } from "./lib/proc-memory.ts";
import { loadAverage, median, printTable, quantile, round, type Figure } from "./lib/stats.ts";
import { benchCache, ROOT } from "./lib/woma.ts";

const USAGE = "npx bun bench/cpu-per-call.ts [--rounds N] [--calls N] [--warmup N] [--base DIR]";
const { values } = benchArgs(USAGE, {
  rounds: { type: "string", default: "3" },
  calls: { type: "string", default: "3000" },
  warmup: { type: "string", default: "3000" },
  base: { type: "string" },
});
const rounds = Number(values.rounds);
const calls = Number(values.calls);
const warmup = Number(values.warmup);
/** Clock ticks per second of /proc's stat times (USER_HZ; 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface Server {
  name: string;
  start(): Promise<{ url: string; pid: number; stop: () => Promise<void> }>;
}

const trees = [{ name: "woma", root: ROOT, cache: benchCache() }, ...(values.base ? [{ name: "woma (base)", root: values.base, cache: benchCache("woma-bench-cache-base") }] : [])];
const servers: Server[] = [
  { name: "floor", start: () => startReference("floor", pyodideIndexURL(benchCache())) },
  ...trees.map((tree) => ({
    name: tree.name,
    start: async () => {
      const { url, started } = await startServe([process.execPath, join(tree.root, "cli", "main.ts")], tree.cache);
      return { url, pid: started.pid, stop: started.stop };
    },
  })),
];

/** CPU ticks of every thread in `root`'s tree, keyed by "process role / thread name". */
function threadTicks(root: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of treePids(root)) {
    const command = cmdlineOf(pid);
    const role = pid === root ? "server" : command.includes("bwrap") ? "bubblewrap" : command.includes("__runner") ? "runner" : "child";
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      try {
        const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
        // Fields after the command (which may hold spaces) start at the last ")".
        const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        const ticks = Number(fields[11]) + Number(fields[12]);
        const name = Number(tid) === pid ? "main" : readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8").trim().replace(/\s*\d+$/, "");
        const key = `${role} / ${name}`;
        out.set(key, (out.get(key) ?? 0) + ticks);
      } catch {
        // The thread ended.
      }
    }
  }
  return out;
}

const perCall = new Map<string, Map<string, number[]>>();
const p50s = new Map<string, number[]>();
for (let r = 0; r < rounds; r++) {
  for (const server of servers) {
    process.stderr.write(`bench: ${server.name}, round ${r + 1}/${rounds} [load ${loadAverage()}]\n`);
    const running = await server.start();
    try {
      for (let i = 0; i < warmup; i++) await restOnePlusOne(running.url);
      const before = threadTicks(running.pid);
      const times: number[] = [];
      for (let i = 0; i < calls; i++) {
        const started = performance.now();
        await restOnePlusOne(running.url);
        times.push(performance.now() - started);
      }
      const after = threadTicks(running.pid);
      p50s.set(server.name, [...(p50s.get(server.name) ?? []), quantile(times, 0.5)]);
      const mine = perCall.get(server.name) ?? new Map<string, number[]>();
      perCall.set(server.name, mine);
      for (const [key, ticks] of after) {
        const us = ((ticks - (before.get(key) ?? 0)) / TICKS_PER_SECOND / calls) * 1e6;
        mine.set(key, [...(mine.get(key) ?? []), us]);
      }
    } finally {
      await running.stop();
    }
  }
}

const summary: Record<string, unknown> = { rounds, calls, warmup, load_average: loadAverage() };
for (const server of servers) {
  const threads = [...perCall.get(server.name)!].map(([key, values]) => [key, median(values)] as const).sort((a, b) => b[1] - a[1]);
  const total = threads.reduce((sum, [, us]) => sum + us, 0);
  const figures: Figure[] = [
    { name: "REST 1+1 p50, back to back", value: median(p50s.get(server.name)!), unit: "ms" },
    { name: "CPU per call, all threads", value: total, unit: "us" },
    ...threads.filter(([, us]) => us >= 5).map(([key, us]): Figure => ({ name: `CPU per call, ${key}`, value: us, unit: "us" })),
  ];
  printTable(`${server.name}: ${calls} REST 1+1 calls back to back after ${warmup}, median of ${rounds} rounds [load ${loadAverage()}]`, figures);
  summary[server.name] = { p50_ms: round(median(p50s.get(server.name)!), 3), cpu_us_per_call: round(total, 0), threads: Object.fromEntries(threads.map(([key, us]) => [key, round(us, 0)])) };
}
process.stdout.write(`${JSON.stringify(summary)}\n`);
