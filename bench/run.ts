/** `bench/run`: every pool and start-up figure in one run, side by side, as a text table and as JSON. */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { measureColdStart } from "./cold-start.ts";
import { ROOT, WOMA_SCRIPT } from "./lib/woma.ts";
import { printTable, round, type Figure } from "./lib/stats.ts";
import { compareBoots, memory, parallelSpeedup, sessionLatency } from "./pool.ts";
import { measureRoundTrip } from "./roundtrip.ts";

const MB = 1024 * 1024;
const figures: Figure[] = [];
const json: Record<string, unknown> = { machine: { cores: navigator.hardwareConcurrency, bun: Bun.version }, at: new Date().toISOString() };
const step = (what: string) => process.stderr.write(`bench: ${what}...\n`);

step("cold start (script)");
const cold = await measureColdStart(WOMA_SCRIPT);
figures.push({ name: "launch `woma` to first 1+1 (script)", value: cold.median, unit: "ms", target: "<= 1500 ms", ok: cold.median <= 1500, note: `median of ${cold.all.map((v) => round(v, 0)).join(", ")}` });
json.cold_start_ms = { script: round(cold.median, 1) };

const binary = join(ROOT, "woma");
if (existsSync(binary)) {
  step("cold start (binary)");
  const coldBinary = await measureColdStart([binary]);
  figures.push({ name: "launch `./woma` to first 1+1 (binary)", value: coldBinary.median, unit: "ms", note: `median of ${coldBinary.all.map((v) => round(v, 0)).join(", ")}` });
  (json.cold_start_ms as Record<string, number>).binary = round(coldBinary.median, 1);
}

step("snapshot boot against plain boot");
const boots = await compareBoots();
figures.push({ name: "runner boot from snapshot", value: boots.snapshot, unit: "ms", target: "< half of plain", ok: boots.snapshot < boots.plain / 2 });
figures.push({ name: "runner boot, plain loadPyodide", value: boots.plain, unit: "ms" });
figures.push({ name: "daemon spawn to first result, snapshot", value: boots.snapshotTotal, unit: "ms" });
figures.push({ name: "daemon spawn to first result, plain", value: boots.plainTotal, unit: "ms" });
json.boot_ms = { snapshot: round(boots.snapshot, 1), plain: round(boots.plain, 1), spawn_to_result_snapshot: round(boots.snapshotTotal, 1), spawn_to_result_plain: round(boots.plainTotal, 1) };

step("new-session latency");
const sessions = await sessionLatency();
figures.push({ name: "new session (shared runner), p50", value: sessions.sharedP50, unit: "ms", target: "<= 50 ms", ok: sessions.sharedP50 <= 50, note: `p99 ${round(sessions.sharedP99, 2)} ms` });
figures.push({ name: "fresh interpreter (warm spare) + 1+1, p50", value: sessions.freshP50, unit: "ms", target: "<= 50 ms", ok: sessions.freshP50 <= 50 });
json.new_session_ms = { shared_p50: round(sessions.sharedP50, 3), shared_p99: round(sessions.sharedP99, 3), fresh_interpreter_p50: round(sessions.freshP50, 2) };

step("round trip over stdio");
const trip = await measureRoundTrip(1000);
figures.push({ name: "1+1 round trip over stdio, p50", value: trip.p50, unit: "ms", target: "<= 1 ms", ok: trip.p50 <= 1 });
figures.push({ name: "1+1 round trip over stdio, p99", value: trip.p99, unit: "ms" });
json.roundtrip_ms = { p50: round(trip.p50, 3), p99: round(trip.p99, 3) };

step("throughput against workers");
const one = await parallelSpeedup(1);
const two = await parallelSpeedup(2);
figures.push({ name: "1 worker: one sum(range(10**7))", value: one.one, unit: "ms" });
figures.push({ name: "1 worker: two at once", value: one.two, unit: "ms", note: `${round(one.two / one.one, 2)}x one` });
figures.push({ name: "2 workers: one sum(range(10**7))", value: two.one, unit: "ms" });
figures.push({ name: "2 workers: two at once", value: two.two, unit: "ms", target: "about one", ok: two.two < two.one * 1.35, note: `${round(two.two / two.one, 2)}x one` });
json.parallel_ms = { workers1: { one: round(one.one, 1), two: round(one.two, 1) }, workers2: { one: round(two.one, 1), two: round(two.two, 1) } };

step("memory");
const mem1 = await memory(1);
const mem2 = await memory(2);
const idleRunner = Math.max(...mem1.perRunner);
figures.push({ name: "idle runner RSS (largest, --workers 1)", value: idleRunner / MB, unit: "MB", target: "<= 150 MB", ok: idleRunner <= 150 * MB, note: `runners: ${mem1.perRunner.map((b) => round(b / MB, 1)).join(", ")} MB (shared + spare)` });
figures.push({ name: "whole tree RSS, --workers 1", value: mem1.tree / MB, unit: "MB", note: `daemon ${round(mem1.daemon / MB, 1)} MB` });
figures.push({ name: "whole tree RSS, --workers 2", value: mem2.tree / MB, unit: "MB", note: `runners: ${mem2.perRunner.map((b) => round(b / MB, 1)).join(", ")} MB` });
json.rss_mb = { idle_runner: round(idleRunner / MB, 1), tree_workers1: round(mem1.tree / MB, 1), tree_workers2: round(mem2.tree / MB, 1), daemon: round(mem1.daemon / MB, 1) };

printTable(`woma benchmarks (${navigator.hardwareConcurrency} cores, Bun ${Bun.version})`, figures);
console.log(`\n${JSON.stringify(json)}`);
mkdirSync(join(ROOT, ".bench-out"), { recursive: true });
writeFileSync(join(ROOT, ".bench-out", "run.json"), `${JSON.stringify(json, null, 2)}\n`);
