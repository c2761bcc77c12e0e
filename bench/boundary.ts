/**
 * What the runner boundary's second pass (issue 21) costs a `1+1` run, side by side with
 * another checkout (`WOMA_BASE`, e.g. main's tree) in one run:
 *  - the whole round trip, 1+1 in a session over stdio, at `process` and (where bubblewrap
 *    works) `namespace` isolation: every check together (the daemon's guard, the worker's run
 *    scope and proxy stamps, the longer seccomp filter, the per-tenant counters);
 *  - the daemon's guard alone, per message of a 1+1 run (its request, its result, an output
 *    notification) and per display output with metadata, in this process;
 *  - the seccomp filter alone, per system call (the runner pays it on every one).
 * Runs of the two sides alternate, so load on a shared machine falls on both alike. Prints
 * figures (and a JSON line, also in .bench-out/boundary.json); asserts nothing.
 *
 *   WOMA_BASE=/tmp/woma-main bun bench/boundary.ts [--runs 400] [--only round-trip,guard,filter]
 */
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DataCallback, Message, MessageReader, MessageWriter } from "vscode-jsonrpc";
import type { DaemonClient } from "../clients/shared/daemon-client.ts";
import { isolationLevels } from "../test/harness/isolation-levels.ts";
import { alternate, loadAverage, printTable, quantile, round, type Figure } from "./lib/stats.ts";
import { benchCache, ROOT, stdioDaemon } from "./lib/woma.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "400" }, only: { type: "string", default: "round-trip,guard,filter" } } });
const RUNS = Number(values.runs);
const only = new Set(values.only.split(","));
const base = process.env.WOMA_BASE;
const json: Record<string, unknown> = { machine: { cores: navigator.hardwareConcurrency, bun: Bun.version }, at: new Date().toISOString(), runs: RUNS, base: base ?? null };
const step = (what: string) => process.stderr.write(`bench: ${what}...\n`);
const stats = (values: number[]) => ({ p50: quantile(values, 0.5), p90: quantile(values, 0.9), mean: values.reduce((a, b) => a + b, 0) / values.length });
const pct = (mine: number, theirs: number) => `${round((mine / theirs - 1) * 100, 1)} %`;

async function sessionRun(client: DaemonClient): Promise<() => Promise<unknown>> {
  const id = (await client.createSession()).session.session_id;
  return () => client.run({ code: "1+1", session_id: id });
}

// 1. The round trip, every check together.
const roundTrip: Figure[] = [];
json.round_trip_ms = {};
for (const level of only.has("round-trip") ? isolationLevels("bench") : []) {
  step(`1+1 at ${level} isolation, ${RUNS} runs a side`);
  const flags = ["--workers", "1", "--isolation", level];
  const mine = await stdioDaemon(["--pyodide-cache", benchCache(), ...flags]);
  const theirs = base ? await stdioDaemon(["--pyodide-cache", benchCache("woma-bench-cache-base"), ...flags], [process.execPath, join(base, "cli", "main.ts")]) : undefined;
  try {
    const sides = [{ name: "this", run: await sessionRun(mine.client) }];
    if (theirs) sides.push({ name: "base", run: await sessionRun(theirs.client) });
    const times = await alternate(sides, RUNS);
    const now = stats(times.get("this")!);
    const out: Record<string, unknown> = { this: { p50: round(now.p50, 3), p90: round(now.p90, 3), mean: round(now.mean, 3) } };
    roundTrip.push({ name: `${level}: 1+1 in a session, this checkout, p50`, value: now.p50, unit: "ms", note: `p90 ${round(now.p90, 3)}, mean ${round(now.mean, 3)}` });
    if (theirs) {
      const before = stats(times.get("base")!);
      out.base = { p50: round(before.p50, 3), p90: round(before.p90, 3), mean: round(before.mean, 3) };
      roundTrip.push({ name: `${level}: 1+1 in a session, WOMA_BASE, p50`, value: before.p50, unit: "ms", note: `p90 ${round(before.p90, 3)}, mean ${round(before.mean, 3)}` });
      roundTrip.push({ name: `${level}: added by this checkout, p50`, value: now.p50 - before.p50, unit: "ms", target: "within noise", note: `${pct(now.p50, before.p50)} (mean ${round(now.mean - before.mean, 3)} ms)` });
    }
    (json.round_trip_ms as Record<string, unknown>)[level] = out;
  } finally {
    await mine.stop();
    await theirs?.stop();
  }
}
if (only.has("round-trip")) printTable(`1+1 round trip [load ${loadAverage()}]`, roundTrip);

// 2. The daemon's guard alone.
interface Guard {
  writer(inner: MessageWriter): MessageWriter;
  reader(inner: MessageReader): MessageReader;
}
type GuardClass = new (hooks: Record<string, unknown>) => Guard;

/** Feeds a guard the messages of `rounds` 1+1 runs (request, output, result) and display outputs; returns µs per message of each kind. */
function timeGuard(Guard: GuardClass, rounds: number): { run: number; display: number } {
  let runId = "";
  let violations = 0;
  const params = { maxOutputBytes: 1048576, maxResultChars: 1048576, maxDisplayBytes: 4194304, maxDisplays: 1_000_000_000 };
  const guard = new Guard({ currentRunId: () => runId, onViolation: (what: string) => { violations++; process.stderr.write(`violation: ${what}\n`); }, displayCaps: () => ({ maxDisplays: params.maxDisplays, maxDisplayBytes: params.maxDisplayBytes }) });
  let deliver!: DataCallback;
  const reader = guard.reader({ listen: (callback: DataCallback) => ((deliver = callback), { dispose() {} }) } as unknown as MessageReader);
  reader.listen(() => {});
  const writer = guard.writer({ write: () => Promise.resolve() } as unknown as MessageWriter);
  const result = { status: "success", result: "2", resultCharsCut: 0, error: null, messageCharsCut: 0, tracebackCharsCut: 0, displaysDropped: 0, stdout: "", stderr: "", stdoutBytesCut: 0, stderrBytesCut: 0, executionTimeMs: 0.5, interrupted: false };
  const display = { output_type: "display_data", data: { "text/plain": "<Figure>", "image/png": "iVBORw0KGgoA".repeat(100) }, metadata: { "image/png": { width: 640, height: 480 } } };
  const runMessages = (i: number): Message[] => {
    runId = `run-${i}`;
    void writer.write({ jsonrpc: "2.0", id: i, method: "runner/run", params: { runId, sessionId: "s", fresh: false, code: "1+1", ...params } } as Message);
    return [{ jsonrpc: "2.0", method: "runner/output", params: { runId, stream: "stdout", text: "2\n" } } as Message, { jsonrpc: "2.0", id: i, result } as Message];
  };
  for (let i = 1; i <= 2000; i++) for (const m of runMessages(i)) deliver(m);
  let started = Bun.nanoseconds();
  for (let i = 2001; i <= 2000 + rounds; i++) for (const m of runMessages(i)) deliver(m);
  const run = (Bun.nanoseconds() - started) / 1000 / (rounds * 3);
  runMessages(0);
  started = Bun.nanoseconds();
  for (let i = 0; i < rounds; i++) deliver({ jsonrpc: "2.0", method: "runner/display", params: { runId, output: display } } as Message);
  const shown = (Bun.nanoseconds() - started) / 1000 / rounds;
  if (violations > 0) throw new Error(`the guard saw ${violations} violations in honest messages`);
  return { run, display: shown };
}

const guards: Array<[string, GuardClass]> = [["this", (await import(join(ROOT, "daemon", "pool", "runner-guard.ts"))).RunnerGuard as GuardClass]];
if (base) guards.push(["base", (await import(join(base, "daemon", "pool", "runner-guard.ts"))).RunnerGuard as GuardClass]);
const guardTimes = new Map<string, Array<{ run: number; display: number }>>(guards.map(([name]) => [name, []]));
if (only.has("guard")) step("the daemon's guard, per message");
for (let i = 0; only.has("guard") && i < 5; i++) for (const [name, Guard] of guards) guardTimes.get(name)!.push(timeGuard(Guard, 20_000));
const guardFigures: Figure[] = [];
const guardJson: Record<string, unknown> = {};
for (const [name] of only.has("guard") ? guards : []) {
  const times = guardTimes.get(name)!;
  const run = quantile(times.map((t) => t.run), 0.5);
  const display = quantile(times.map((t) => t.display), 0.5);
  guardJson[name] = { run_message_us: round(run, 3), display_us: round(display, 3) };
  guardFigures.push({ name: `guard, ${name}: a message of a 1+1 run (request, output, result)`, value: run, unit: "µs" });
  guardFigures.push({ name: `guard, ${name}: a display output with metadata`, value: display, unit: "µs" });
}
if (base && only.has("guard")) {
  const [mine, theirs] = [guardJson.this as { run_message_us: number; display_us: number }, guardJson.base as { run_message_us: number; display_us: number }];
  guardFigures.push({ name: "guard: added per 1+1 run (3 messages)", value: 3 * (mine.run_message_us - theirs.run_message_us), unit: "µs", target: "within noise" });
}
json.guard = guardJson;
if (only.has("guard")) printTable(`the daemon's guard [load ${loadAverage()}]`, guardFigures);

// 3. The seccomp filter alone.
const filterSides: Array<[string, string]> = [["no filter", "none"], ["this filter", ROOT], ...(base ? ([["WOMA_BASE's filter", base]] as Array<[string, string]>) : [])];
const syscall = new Map<string, number[]>(filterSides.map(([name]) => [name, []]));
let rules: Record<string, number | undefined> = {};
if (only.has("filter")) step("a system call under each filter");
for (let i = 0; only.has("filter") && i < 5; i++) {
  for (const [name, which] of filterSides) {
    const child = spawnSync(process.execPath, [join(ROOT, "bench", "lib", "syscall-cost.ts"), which], { encoding: "utf8" });
    const line = JSON.parse(child.stdout) as { ns: number; rules?: number };
    syscall.get(name)!.push(line.ns);
    rules = { ...rules, [name]: line.rules };
  }
}
const filterFigures: Figure[] = (only.has("filter") ? filterSides : []).map(([name]) => ({ name: `getppid, ${name}`, value: quantile(syscall.get(name)!, 0.5), unit: "ns", note: rules[name] ? `${rules[name]} instructions` : "" }));
json.syscall_ns = Object.fromEntries(filterFigures.map((f) => [f.name, round(f.value, 1)]));
if (only.has("filter")) printTable(`the seccomp filter, per system call [load ${loadAverage()}]`, filterFigures);

mkdirSync(join(ROOT, ".bench-out"), { recursive: true });
writeFileSync(join(ROOT, ".bench-out", "boundary.json"), `${JSON.stringify(json)}\n`);
console.log(JSON.stringify(json));
