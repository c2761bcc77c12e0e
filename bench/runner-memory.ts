/**
 * Where an idle runner's resident memory goes. Measured by elimination, each stage a fresh
 * process started the way a runner is (`bun --disallow-code-generation-from-strings`, an
 * empty environment), idle, measured from outside through /proc:
 *
 *   1. a bare Bun process;
 *   2. Bun and one worker thread that does nothing (a second JS VM: what a runner cost when
 *      Pyodide ran on a worker thread);
 *   2b. the same with Pyodide's wasm module compiled;
 *   3. Bun with the runner's interpreter booted in it from the snapshot (bench/lib/in-process-runner.ts),
 *      after `1+1`: the runner's own way, without its IPC;
 *   4. a real runner of `woma daemon`, idle after `1+1` (bubblewrap's processes included).
 *
 * For stage 3 and the real runner it also sorts the resident pages by mapping (the Bun
 * executable, WebAssembly linear memory, JIT code, other anonymous memory) and reads the
 * JSC heap (`bun:jsc` heapStats).
 *
 *   bun bench/runner-memory.ts [--rounds N] [--stages bare,worker,wasm-module,pyodide] [--env KEY=VALUE ...]
 *
 * `--env` sets an environment variable in the probe stages (not in the real runner), to try
 * an idea before building it: e.g. `--env BUN_JSC_useJIT=0` for JSC's options.
 */
import { spawn } from "node:child_process";
import { heapStats } from "bun:jsc";
import { pyodideIndexURL } from "../daemon/runtime/pyodide-core.ts";
import { bootInProcessRunner, runParams } from "./lib/in-process-runner.ts";
import { exeOf, mappingBreakdown, mib, pssOf, rssOf, treeMemory, treePids, type MappingBreakdown } from "./lib/proc-memory.ts";
import { loadAverage, median, printTable, round, type Figure } from "./lib/stats.ts";
import { benchCache, stdioDaemon } from "./lib/woma.ts";
import { benchArgs } from "./lib/args.ts";

const USAGE = "npx bun bench/runner-memory.ts [--rounds N] [--stages bare,worker,wasm-module,pyodide] [--env NAME=VALUE ...]";

/** The stages run in their own processes; this file is also the probe they run. */
type Stage = "bare" | "worker" | "wasm-module" | "pyodide";

/** What a probe reports of its own VM once it idles. */
interface ProbeReport {
  stage: Stage;
  mainHeap?: number;
  /** The JSC heap: objects, and extra memory (array buffers, wasm memory). */
  heap?: { heapSize: number; extraMemorySize: number };
  /** mimalloc's live small and medium allocations in the whole process (malloc_normal.current). */
  mallocLive?: number;
  bootMs?: number;
}

const SETTLE_MS = 2000;

async function probe(stage: Stage): Promise<void> {
  const report: ProbeReport = { stage };
  if (stage === "worker" || stage === "wasm-module") {
    const worker = new Worker(new URL("./lib/empty-worker.ts", import.meta.url).href);
    await new Promise<void>((resolve) => (worker.onmessage = () => resolve()));
  } else if (stage === "pyodide") {
    const { runner, bootMs } = await bootInProcessRunner(process.env.WOMA_BENCH_SNAPSHOT!, process.env.WOMA_BENCH_INDEX_URL!);
    report.bootMs = bootMs;
    await runner.run(runParams("1+1", 1));
    await Bun.sleep(SETTLE_MS);
    const stats = heapStats();
    report.heap = { heapSize: stats.heapSize, extraMemorySize: stats.extraMemorySize };
  }
  Bun.gc(true);
  const main = heapStats();
  report.mainHeap = main.heapSize;
  report.mallocLive = (main as unknown as { mimalloc?: { malloc_normal?: { current?: number } } }).mimalloc?.malloc_normal?.current;
  process.stdout.write(`${JSON.stringify(report)}\n`);
  // Idle until the parent has measured us and closes stdin.
  process.stdin.resume();
  process.stdin.on("end", () => process.exit(0));
}

interface Measured {
  rss: number;
  pss: number;
  breakdown?: MappingBreakdown;
  report?: ProbeReport;
}

/** Starts a probe stage as a runner would be started, waits until it idles, and measures it from outside. */
async function measureStage(stage: Stage, snapshot: string, indexURL: string, extraEnv: Record<string, string> = {}): Promise<Measured> {
  const args = stage === "bare" ? ["--disallow-code-generation-from-strings", "-e", "process.stdout.write('{}\\n'); process.stdin.resume(); process.stdin.on('end', () => process.exit(0))"] : ["--disallow-code-generation-from-strings", import.meta.path];
  const env: Record<string, string> = { WOMA_BENCH_PROBE: stage, WOMA_BENCH_SNAPSHOT: snapshot, WOMA_BENCH_INDEX_URL: indexURL, ...extraEnv };
  if (stage === "wasm-module") env.WOMA_BENCH_COMPILE = `${indexURL}pyodide.asm.wasm`;
  const child = spawn(process.execPath, args, { env, stdio: ["pipe", "pipe", "inherit"] });
  const line = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      out += chunk;
      if (out.includes("\n")) resolve(out.split("\n")[0]!);
    });
    child.once("exit", (code) => reject(new Error(`probe ${stage} exited with ${code} before reporting`)));
  });
  // Let the probe settle (a compile or a GC frees memory for a while after it reports).
  await Bun.sleep(SETTLE_MS);
  const pid = child.pid!;
  const measured: Measured = { rss: rssOf(pid), pss: pssOf(pid), breakdown: mappingBreakdown(pid), report: JSON.parse(line) as ProbeReport };
  child.stdin!.end();
  await new Promise((resolve) => child.once("exit", resolve));
  return measured;
}

/** The runner of a real `woma daemon --stdio --workers 1`, idle after `1+1`: its tree and its Bun process. */
async function measureRealRunner(cache: string): Promise<Measured & { tree: number; snapshot: string; bootMs: number }> {
  const daemon = await stdioDaemon(["--pyodide-cache", cache, "--workers", "1"]);
  try {
    await daemon.client.run({ code: "1+1" });
    await Bun.sleep(SETTLE_MS);
    const info = await daemon.client.info();
    const runner = info.runners.find((r) => r.pid > 0 && r.role === "shared") ?? info.runners.find((r) => r.pid > 0)!;
    const bunPid = treePids(runner.pid).find((pid) => exeOf(pid).startsWith("bun"))!;
    const snapshot = info.snapshot?.path;
    if (info.snapshot?.state !== "ready" || snapshot === undefined) throw new Error(`the snapshot is not ready: ${JSON.stringify(info.snapshot)}`);
    return {
      tree: treeMemory(runner.pid).rss,
      rss: rssOf(bunPid),
      pss: pssOf(bunPid),
      breakdown: mappingBreakdown(bunPid),
      snapshot,
      bootMs: runner.boot_ms ?? Number.NaN,
    };
  } finally {
    await daemon.stop();
  }
}

/** Median of a field over rounds. */
const med = <T>(rounds: T[], pick: (value: T) => number | undefined) => median(rounds.map(pick).filter((v): v is number => v !== undefined && !Number.isNaN(v)));

/** The columns of the breakdown, in order. */
const PARTS: Array<[label: string, key: Exclude<keyof MappingBreakdown, "total">]> = [
  ["Bun exe", "executable"],
  ["libs", "otherFiles"],
  ["wasm mem", "wasmMemory"],
  ["JIT", "jitCode"],
  ["stacks", "stacks"],
  ["other anon", "otherAnonymous"],
];

/** One row of the stage-by-stage table: RSS and its breakdown by mapping, medians over rounds (bytes). */
export interface StageRow {
  stage: string;
  rss: number;
  pss: number;
  parts: Record<(typeof PARTS)[number][1], number>;
}

/** Everything {@link runnerMemory} measured. */
export interface RunnerMemory {
  rows: StageRow[];
  /** The whole tree of a real runner (bubblewrap's processes included), bytes. */
  realTree: number;
  /** The JSC heap of the interpreter's VM (objects, and extra memory: array buffers, wasm memory). */
  heap: { heapSize: number; extraMemorySize: number };
  /** mimalloc's live small and medium allocations: stage 2 and stage 3. */
  mallocLive: { worker: number; pyodide: number };
  bootMs: { probe: number; real: number };
}

const STAGE_LABELS: Record<Stage, string> = {
  bare: "1 bare Bun",
  worker: "2 + idle worker thread",
  "wasm-module": "2b + Pyodide's wasm compiled",
  pyodide: "3 + the runner's interpreter from the snapshot, after 1+1",
};

/** Runs every stage `rounds` times, interleaved with a real runner, and returns the medians. */
export async function runnerMemory(rounds = 3, cache = benchCache(), stages: Stage[] = ["bare", "worker", "wasm-module", "pyodide"], probeEnv: Record<string, string> = {}): Promise<RunnerMemory> {
  const results = new Map<Stage, Measured[]>();
  const real: Array<Awaited<ReturnType<typeof measureRealRunner>>> = [];
  for (let round = 0; round < rounds; round++) {
    real.push(await measureRealRunner(cache));
    for (const stage of stages) {
      const measured = await measureStage(stage, real[0]!.snapshot, pyodideIndexURL(cache), probeEnv);
      results.set(stage, [...(results.get(stage) ?? []), measured]);
    }
  }
  const row = (stage: string, measured: Measured[]): StageRow => ({
    stage,
    rss: med(measured, (r) => r.rss),
    pss: med(measured, (r) => r.pss),
    parts: Object.fromEntries(PARTS.map(([, key]) => [key, med(measured, (r) => r.breakdown?.[key])])) as StageRow["parts"],
  });
  const m = (stage: Stage, pick: (value: Measured) => number | undefined) => med(results.get(stage) ?? [], pick);
  return {
    rows: [...stages.map((stage) => row(STAGE_LABELS[stage], results.get(stage)!)), row("4 real runner's Bun (IPC, seccomp; no --env)", real)],
    realTree: med(real, (r) => r.tree),
    heap: { heapSize: m("pyodide", (r) => r.report?.heap?.heapSize), extraMemorySize: m("pyodide", (r) => r.report?.heap?.extraMemorySize) },
    mallocLive: { worker: m("worker", (r) => r.report?.mallocLive), pyodide: m("pyodide", (r) => r.report?.mallocLive) },
    bootMs: { probe: m("pyodide", (r) => r.report?.bootMs), real: med(real, (r) => r.bootMs) },
  };
}

/** Prints the stage table, the VM figures and the largest heap cells. */
export function printRunnerMemory(result: RunnerMemory, title: string): void {
  const MB = (bytes: number) => round(mib(bytes), 1).toFixed(1);
  const header = ["stage", "RSS", "PSS", ...PARTS.map(([label]) => label)];
  const rows = result.rows.map((r) => [r.stage, MB(r.rss), MB(r.pss), ...PARTS.map(([, key]) => MB(r.parts[key]))]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log(`\n${title} (MiB)`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
  const realBun = result.rows[result.rows.length - 1]!.rss;
  const figures: Figure[] = [
    { name: "idle runner, whole tree (bubblewrap included)", value: mib(result.realTree), unit: "MiB", target: "<= 120 MiB", ok: result.realTree <= 120 * 1048576, note: `bwrap ${MB(result.realTree - realBun)} MiB` },
    { name: "the VM's JSC heap (objects)", value: mib(result.heap.heapSize), unit: "MiB", note: `extra memory (array buffers, wasm memory) ${MB(result.heap.extraMemorySize)} MiB` },
    { name: "malloc'd and live (mimalloc, process)", value: mib(result.mallocLive.pyodide), unit: "MiB", note: `stage 2: ${MB(result.mallocLive.worker)} MiB` },
    { name: "snapshot boot to ready", value: result.bootMs.real, unit: "ms", note: `probe: ${round(result.bootMs.probe, 0)} ms` },
  ];
  printTable("runner memory: the VM", figures);
}

/** The figures as JSON (MiB, one decimal). */
export function runnerMemoryJson(result: RunnerMemory): Record<string, unknown> {
  const MB = (bytes: number) => round(mib(bytes), 1);
  return {
    stages: result.rows.map((r) => ({ stage: r.stage, rss_mib: MB(r.rss), pss_mib: MB(r.pss), ...Object.fromEntries(PARTS.map(([, key]) => [`${key}_mib`, MB(r.parts[key])])) })),
    real_tree_mib: MB(result.realTree),
    jsc_heap_mib: MB(result.heap.heapSize),
    malloc_live_mib: MB(result.mallocLive.pyodide),
    boot_ms: round(result.bootMs.real, 0),
  };
}

if (process.env.WOMA_BENCH_PROBE) {
  await probe(process.env.WOMA_BENCH_PROBE as Stage);
} else if (import.meta.main) {
  const { values } = benchArgs(USAGE, { rounds: { type: "string", default: "3" }, stages: { type: "string" }, env: { type: "string", multiple: true, default: [] } });
  const stages = values.stages?.split(",") as Stage[] | undefined;
  const probeEnv = Object.fromEntries(values.env.map((pair) => [pair.slice(0, pair.indexOf("=")), pair.slice(pair.indexOf("=") + 1)]));
  const result = await runnerMemory(Number(values.rounds), benchCache(), stages, probeEnv);
  const tried = values.env.length > 0 ? `; probes with ${values.env.join(" ")}` : "";
  printRunnerMemory(result, `where an idle runner's memory goes, median of ${values.rounds} rounds (Bun ${Bun.version}, ${navigator.hardwareConcurrency} cores, load ${loadAverage()}${tried})`);
  console.log(`\n${JSON.stringify({ runner_memory: runnerMemoryJson(result) })}`);
}
