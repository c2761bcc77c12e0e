/**
 * `bench/run`: the issue-14 figures in one run, side by side, each held to its target: idle
 * memory per mode and per runner, the launch forms, the round trip per transport, the boot
 * from a cached snapshot; then the pool figures. Prints text tables, then one JSON line (also
 * written to .bench-out/run.json).
 *
 *   bench/run [--rounds N] [--only memory,launchers,transports,boot,pool]
 *
 * The machine is shared: each figure is a median over rounds, and the load average is
 * printed with the results.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { measureLaunchers } from "./launchers.ts";
import { idleTree, type IdleTree, type Mode } from "./lib/modes.ts";
import { mib } from "./lib/proc-memory.ts";
import { loadAverage, median, printTable, round, type Figure } from "./lib/stats.ts";
import { benchCache, ROOT } from "./lib/woma.ts";
import { compareBoots, parallelSpeedup, sessionLatency } from "./pool.ts";
import { measureTransports } from "./transports.ts";
import { benchArgs } from "./lib/args.ts";

const USAGE = "bench/run [--rounds N] [--only memory,launchers,transports,boot,pool] [--calls N]";

const SECTIONS = ["memory", "launchers", "transports", "boot", "pool"] as const;
const { values } = benchArgs(USAGE, { rounds: { type: "string", default: "3" }, only: { type: "string", default: SECTIONS.join(",") }, calls: { type: "string", default: "500" } });
const rounds = Number(values.rounds);
const only = new Set(values.only.split(","));
const cache = benchCache();
const step = (what: string) => process.stderr.write(`bench: ${what}...\n`);
const loads: string[] = [loadAverage()];
const json: Record<string, unknown> = { machine: { cores: navigator.hardwareConcurrency, bun: Bun.version }, at: new Date().toISOString(), rounds };
const tables: Array<[string, Figure[]]> = [];
/** Keeps a section's table for the summary and prints it at once, so a run cut short still shows what it measured. */
const section = (title: string, figures: Figure[]) => {
  tables.push([title, figures]);
  printTable(`${title} [load ${loadAverage()}]`, figures);
};

/** Idle tree targets and the issue's figures before (whole tree, launcher included). */
const MODES: Array<{ mode: Mode; name: string; targetMiB?: number; before?: string }> = [
  { mode: "repl", name: "`woma` (REPL)", targetMiB: 220 },
  { mode: "mcp", name: "`woma mcp`", targetMiB: 220, before: "517 MiB with npx + node launcher (127 MiB)" },
  { mode: "serve-workers-2", name: "`woma serve --workers 2`", targetMiB: 380, before: "663 MiB with launcher" },
  { mode: "daemon-socket-2-tenants", name: "`woma daemon --socket`, 2 tenants, --workers 1" },
];

if (only.has("memory")) {
  const trees = new Map<Mode, IdleTree[]>();
  for (let i = 0; i < rounds; i++) {
    for (const { mode } of MODES) {
      step(`idle memory of ${mode}, round ${i + 1}/${rounds}`);
      trees.set(mode, [...(trees.get(mode) ?? []), await idleTree(mode, cache)]);
    }
    loads.push(loadAverage());
  }
  const figures: Figure[] = [];
  const allRunners: number[] = [];
  const out: Record<string, unknown> = {};
  for (const { mode, name, targetMiB, before } of MODES) {
    const measured = trees.get(mode)!;
    const rss = median(measured.map((t) => t.rss));
    const runners = measured.flatMap((t) => t.runners);
    allRunners.push(...runners);
    const main = median(measured.map((t) => t.main));
    const note = `${measured[0]!.runners.length} runner(s), ${round(mib(median(runners)), 0)} MiB each; main process ${round(mib(main), 0)} MiB; PSS ${round(mib(median(measured.map((t) => t.pss))), 0)} MiB${before ? `; before: ${before}` : ""}`;
    figures.push({ name: `idle tree RSS, ${name}`, value: mib(rss), unit: "MiB", ...(targetMiB ? { target: `<= ${targetMiB} MiB`, ok: mib(rss) <= targetMiB } : {}), note });
    out[mode] = { tree_rss_mib: round(mib(rss), 1), main_rss_mib: round(mib(main), 1), runner_rss_mib: round(mib(median(runners)), 1), runners: measured[0]!.runners.length };
  }
  const runner = median(allRunners);
  figures.push({
    name: "idle runner RSS (its tree), all modes",
    value: mib(runner),
    unit: "MiB",
    target: "<= 120 MiB",
    ok: mib(runner) <= 120,
    note: `${allRunners.length} runners, ${round(mib(Math.min(...allRunners)), 0)}-${round(mib(Math.max(...allRunners)), 0)} MiB; before: about 155 MiB`,
  });
  out.runner_rss_mib = round(mib(runner), 1);
  json.memory = out;
  section("idle memory per mode (RSS of the whole process tree, started as `bun cli/main.ts`: no launcher)", figures);
}

if (only.has("launchers")) {
  step("launch forms");
  const { figures, json: out } = await measureLaunchers(rounds, cache);
  loads.push(loadAverage());
  json.launchers = out;
  section("launch forms (before: npx + bin/woma.cjs kept 127 MiB of Node resident and added about 0.5 s)", figures);
}

if (only.has("transports")) {
  step("round trips per transport");
  const { figures, json: out } = await measureTransports(rounds, Number(values.calls), cache);
  loads.push(loadAverage());
  json.transports = out;
  section(`1+1 round trip per transport (${values.calls} calls per round)`, figures);
}

if (only.has("boot")) {
  step("snapshot boot against plain boot");
  const boots = await compareBoots(rounds);
  loads.push(loadAverage());
  section("start-up from a cached snapshot", [
      { name: "runner boot from snapshot (ready)", value: boots.snapshot, unit: "ms", target: "<= 600 ms", ok: boots.snapshot <= 600, note: "before: 800-1000 ms" },
      { name: "runner boot, plain loadPyodide", value: boots.plain, unit: "ms" },
      { name: "daemon spawn to first result, snapshot", value: boots.snapshotTotal, unit: "ms" },
      { name: "daemon spawn to first result, plain", value: boots.plainTotal, unit: "ms" },
  ]);
  json.boot_ms = { snapshot: round(boots.snapshot, 1), plain: round(boots.plain, 1), spawn_to_result_snapshot: round(boots.snapshotTotal, 1), spawn_to_result_plain: round(boots.plainTotal, 1) };
}

if (only.has("pool")) {
  step("new-session latency");
  const sessions = await sessionLatency();
  step("throughput against workers");
  const one = await parallelSpeedup(1);
  const two = await parallelSpeedup(2);
  loads.push(loadAverage());
  section("pool", [
      { name: "new session (shared runner), p50", value: sessions.sharedP50, unit: "ms", target: "<= 50 ms", ok: sessions.sharedP50 <= 50, note: `p99 ${round(sessions.sharedP99, 2)} ms` },
      { name: "fresh interpreter (warm spare) + 1+1, p50", value: sessions.freshP50, unit: "ms", target: "<= 50 ms", ok: sessions.freshP50 <= 50 },
      { name: "1 worker: one sum(range(10**7))", value: one.one, unit: "ms" },
      { name: "1 worker: two at once", value: one.two, unit: "ms", note: `${round(one.two / one.one, 2)}x one` },
      { name: "2 workers: one sum(range(10**7))", value: two.one, unit: "ms" },
      { name: "2 workers: two at once", value: two.two, unit: "ms", target: "about one", ok: two.two < two.one * 1.35, note: `${round(two.two / two.one, 2)}x one` },
  ]);
  json.new_session_ms = { shared_p50: round(sessions.sharedP50, 3), shared_p99: round(sessions.sharedP99, 3), fresh_interpreter_p50: round(sessions.freshP50, 2) };
  json.parallel_ms = { workers1: { one: round(one.one, 1), two: round(one.two, 1) }, workers2: { one: round(two.one, 1), two: round(two.two, 1) } };
}

json.load_average = loads;
console.log(`\n=== summary: woma benchmarks, ${navigator.hardwareConcurrency} cores, Bun ${Bun.version}, median of ${rounds} rounds; 1-minute load average during the run: ${loads.join(", ")}`);
for (const [title, figures] of tables) printTable(title, figures);
console.log(`\n${JSON.stringify(json)}`);
mkdirSync(join(ROOT, ".bench-out"), { recursive: true });
writeFileSync(join(ROOT, ".bench-out", "run.json"), `${JSON.stringify(json, null, 2)}\n`);
