/**
 * Packages benchmark (issue 10): first imports on a loopback mirror (cold, from the cache,
 * preloaded), start-up with `--preload` against a bare start, a fresh interpreter from a warm
 * spare with the packages ready, and a runner's memory once they are loaded.
 *
 * Everything runs against real `woma daemon --socket` subprocesses and a mirror this process
 * serves on 127.0.0.1 (test/harness/package-mirror.ts), with three pure-Python wheels of about
 * 0.2, 1 and 5 MB (the second depends on the first). The machine is shared and noisy: every
 * figure is a median with its sample count, the variants it is compared with are measured in
 * the same run, interleaved, and nothing is asserted.
 *
 * Usage: bun bench/packages.ts [--quick] [--rounds N] [--fresh N] [--cache DIR] [--keep]
 *   --quick      2 rounds and 4 fresh-interpreter samples (default 5 and 10)
 *   --rounds N   daemon starts per variant (cold, cached, preloaded, bare)
 *   --fresh N    fresh-interpreter sessions per variant
 *   --cache DIR  the warm cache whose snapshot each daemon copies (default $TMPDIR/woma-pkgbench-cache;
 *                built on first use, which takes a while)
 *   --keep       keep the per-run directories (caches, mirror) instead of removing them
 */
import { spawn, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DaemonClient } from "../clients/shared/daemon-client.ts";
import type { RunnerInfo, RunResult } from "../protocol/generated/types.ts";
import { buildWheel, MirrorServer, writeLockMirror, type BuiltWheel } from "../test/harness/package-mirror.ts";
import { ROOT } from "./lib/woma.ts";
import { median, round } from "./lib/stats.ts";

// ---------------------------------------------------------------------------------------------
// Options

const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string): string | undefined => {
  const at = argv.indexOf(`--${name}`);
  return at >= 0 ? argv[at + 1] : undefined;
};
const QUICK = flag("quick");
const ROUNDS = Number(option("rounds") ?? (QUICK ? 2 : 5));
const FRESH = Number(option("fresh") ?? (QUICK ? 4 : 10));
const WARM_CACHE = option("cache") ?? join(tmpdir(), "woma-pkgbench-cache");
const KEEP = flag("keep");

const BUN = process.execPath;
const ENTRY = join(ROOT, "cli", "main.ts");
const MB = 1024 * 1024;
const step = (what: string) => process.stderr.write(`bench: ${what}\n`);

// ---------------------------------------------------------------------------------------------
// The packages: three pure-Python wheels of realistic sizes, made of many small modules that
// `__init__` imports (as a real package's import touches its modules), topped up to the size
// with an uncompressed data file. Versions are stamped per run, so nothing is cached from an
// earlier run.

const STAMP = `${Date.now() % 1_000_000_000}`;

interface BenchPackage {
  /** Distribution name. */
  name: string;
  /** Import name. */
  module: string;
  targetBytes: number;
  wheel: BuiltWheel;
  depends: string[];
  modules: number;
}

/** A module of generated source: functions and a class, about 3 KB. */
function moduleSource(pkg: string, i: number): string {
  const lines = [`"""${pkg}, part ${i}: generated for woma's packages benchmark."""`, "import math", ""];
  for (let f = 0; f < 12; f++) {
    lines.push(`def f${f}_${i}(x, y=${f}):`, `    """Returns a value from x and y (${pkg}.m${i}.f${f})."""`, `    total = 0`, `    for k in range(${f + 3}):`, `        total += math.sqrt(abs(x * k - y + ${i}))`, `    return total`, "");
  }
  lines.push(`class Thing${i}:`, `    def __init__(self, value):`, `        self.value = value`, ``, `    def scaled(self, factor=${i + 1}):`, `        return self.value * factor`, "");
  lines.push(`CONSTANTS_${i} = {${Array.from({ length: 20 }, (_, k) => `"k${k}": ${k * i}`).join(", ")}}`, "");
  return lines.join("\n");
}

function makePackage(name: string, targetBytes: number, modules: number, depends: BenchPackage[] = []): BenchPackage {
  const module = name.replace(/-/g, "_");
  const files: Record<string, string> = {};
  for (let i = 0; i < modules; i++) files[`m${i}.py`] = moduleSource(name, i);
  const imports = Array.from({ length: modules }, (_, i) => `from . import m${i}`);
  files["__init__.py"] = [`"""${name}: a package for woma's packages benchmark."""`, ...depends.map((d) => `import ${d.module}`), ...imports, `NAME = ${JSON.stringify(name)}`, ""].join("\n");
  const spec = { name, version: `1.0.${STAMP}`, module, files, requires: depends.map((d) => `${d.name}>=1.0`) };
  const bare = buildWheel(spec);
  const padBytes = Math.max(0, targetBytes - bare.bytes.byteLength - 200);
  const wheel = buildWheel({ ...spec, padBytes });
  return { name, module, targetBytes, wheel, depends: depends.map((d) => d.name), modules };
}

const pkgA = makePackage("woma-bench-small", 0.2 * MB, 10);
const pkgB = makePackage("woma-bench-mid", 1 * MB, 40, [pkgA]);
const pkgC = makePackage("woma-bench-large", 5 * MB, 120);
const PACKAGES = [pkgA, pkgB, pkgC];
const IMPORT_ALL = `import ${PACKAGES.map((p) => p.module).join(", ")}`;
const PRELOAD = ["--preload", PACKAGES.map((p) => p.module).join(",")];
/**
 * The standard-library modules a runner compiles (from source: Pyodide's python_stdlib.zip
 * holds no .pyc) the first time it installs a wheel, which the memory snapshot does not hold:
 * importing them first shows what the first install costs without them.
 */
const STDLIB_WARM = "import importlib.metadata, tarfile, encodings.cp437";

// ---------------------------------------------------------------------------------------------
// Daemons

interface Daemon {
  client: DaemonClient;
  process: ChildProcess;
  /** ms from spawning the process to the socket accepting this client. */
  connectedMs: number;
  stderr(): string;
  stop(): Promise<void>;
}

const scratch = mkdtempSync(join(tmpdir(), "woma-pkgbench-"));
let daemonCount = 0;

async function connectWhenListening(path: string, child: ChildProcess, stderr: () => string): Promise<DaemonClient> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the daemon exited with ${child.exitCode}: ${stderr().slice(-2000)}`);
    if (existsSync(path)) {
      const ok = await new Promise<boolean>((resolve) => {
        const probe = createConnection(path);
        probe.once("connect", () => (probe.destroy(), resolve(true)));
        probe.once("error", () => resolve(false));
      });
      if (ok) return DaemonClient.connect(path);
    }
    if (Date.now() > deadline) throw new Error(`the daemon did not listen on ${path}: ${stderr().slice(-2000)}`);
    await Bun.sleep(5);
  }
}

/** Starts `woma daemon --socket` on `cache` and connects; the time starts at the spawn. */
async function startDaemon(cache: string, args: string[], started = performance.now()): Promise<Daemon> {
  const socket = join(scratch, `d${++daemonCount}.sock`);
  const child = spawn(BUN, [ENTRY, "daemon", "--socket", socket, "--pyodide-cache", cache, "--log-level", "warn", ...args], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const client = await connectWhenListening(socket, child, () => stderr);
  const connectedMs = performance.now() - started;
  return {
    client,
    process: child,
    connectedMs,
    stderr: () => stderr,
    stop: async () => {
      client.dispose();
      if (child.exitCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs code and fails loudly when it did not succeed (a benchmark of a failing import measures nothing). */
async function runOk(client: DaemonClient, code: string, sessionId?: string): Promise<{ ms: number; result: RunResult }> {
  const started = performance.now();
  const result = await client.run({ code, ...(sessionId ? { session_id: sessionId } : {}) });
  const ms = performance.now() - started;
  if (result.status !== "success") throw new Error(`${code} failed: ${JSON.stringify(result.error)} ${result.stderr}`);
  return { ms, result };
}

async function runnersOf(client: DaemonClient): Promise<RunnerInfo[]> {
  return (await client.info()).runners;
}

/** The tenant's shared runner (the one a run without a session uses). */
async function sharedRunner(client: DaemonClient): Promise<RunnerInfo> {
  const runner = (await runnersOf(client)).find((r) => r.role === "shared" && r.state !== "dead");
  if (!runner) throw new Error("no shared runner");
  return runner;
}

async function waitForIdleSpare(client: DaemonClient): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await runnersOf(client)).some((r) => r.role === "spare" && r.state === "idle")) {
    if (Date.now() > deadline) throw new Error("no spare became idle within 120 s");
    await Bun.sleep(20);
  }
}

// ---------------------------------------------------------------------------------------------
// Caches: one warm cache holds the sealed snapshot; each daemon gets a cache of its own with
// only the snapshot files in it (hard links), so package files are cold unless put there.

async function ensureWarmSnapshot(): Promise<void> {
  mkdirSync(WARM_CACHE, { recursive: true });
  const has = () => existsSync(join(WARM_CACHE, "snapshot-seal.key")) && existsSync(join(WARM_CACHE, "snapshots")) && readdirSync(join(WARM_CACHE, "snapshots")).some((n) => n.endsWith(".snapshot"));
  const daemon = await startDaemon(WARM_CACHE, ["--spares", "0"]);
  try {
    const deadline = Date.now() + 600_000;
    for (;;) {
      const info = await daemon.client.info();
      if (info.snapshot?.state === "ready" && has()) break;
      if (info.snapshot?.state === "unavailable") throw new Error(`no snapshot can be built: ${JSON.stringify(info.snapshot)}`);
      if (Date.now() > deadline) throw new Error("the snapshot was not built within 10 minutes");
      await Bun.sleep(200);
    }
  } finally {
    await daemon.stop();
  }
}

/** A new cache directory with the warm snapshot and its seal key, and nothing else. */
function coldCache(label: string): string {
  const dir = mkdtempSync(join(scratch, `cache-${label}-`));
  const put = (from: string, to: string) => {
    try {
      linkSync(from, to);
    } catch {
      copyFileSync(from, to);
    }
  };
  put(join(WARM_CACHE, "snapshot-seal.key"), join(dir, "snapshot-seal.key"));
  mkdirSync(join(dir, "snapshots"), { mode: 0o700 });
  for (const name of readdirSync(join(WARM_CACHE, "snapshots"))) {
    if (name.endsWith(".snapshot")) put(join(WARM_CACHE, "snapshots", name), join(dir, "snapshots", name));
  }
  return dir;
}

// ---------------------------------------------------------------------------------------------
// Memory: the daemon's rss_bytes (resident now, the runner's process tree), and the peak,
// summed VmHWM of the same tree from /proc.

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

function peakTreeBytes(pid: number): number | undefined {
  let total = 0;
  let any = false;
  const stack = [pid];
  while (stack.length > 0) {
    const p = stack.pop()!;
    try {
      const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (match) {
        total += Number(match[1]) * 1024;
        any = true;
      }
    } catch {
      // gone
    }
    stack.push(...childrenOf(p));
  }
  return any ? total : undefined;
}

async function memoryOf(client: DaemonClient): Promise<{ rss: number; peak: number }> {
  const runner = await sharedRunner(client);
  return { rss: runner.rss_bytes ?? Number.NaN, peak: peakTreeBytes(runner.pid) ?? Number.NaN };
}

// ---------------------------------------------------------------------------------------------
// Samples

type Samples = Map<string, number[]>;
const samples: Samples = new Map();
function add(key: string, value: number): void {
  const list = samples.get(key) ?? [];
  list.push(value);
  samples.set(key, list);
}
const get = (key: string) => samples.get(key) ?? [];

/** Imports each package in turn (small, mid, large: each loads one wheel; mid's dependency is already there) and records client and daemon-side times. */
async function importEach(client: DaemonClient, mode: "cold" | "cached" | "preloaded"): Promise<void> {
  for (const pkg of PACKAGES) {
    const { ms, result } = await runOk(client, `import ${pkg.module}`);
    add(`import.${mode}.${pkg.module}.client`, ms);
    add(`import.${mode}.${pkg.module}.exec`, result.execution_time_ms);
  }
}

/** Launch to the first result of `1+1`, then the imports, then memory. */
async function launchRound(cache: string, mode: "bare" | "cached" | "preload"): Promise<void> {
  const started = performance.now();
  const daemon = await startDaemon(cache, ["--spares", "0", "--packages-url", mirror.url, ...(mode === "preload" ? PRELOAD : [])], started);
  try {
    await runOk(daemon.client, "1+1");
    const launch = performance.now() - started;
    if (mode !== "bare") add(`launch.${mode === "preload" ? "preload" : "bare"}`, launch);
    add(`connect.${mode}`, daemon.connectedMs);
    const runner = await sharedRunner(daemon.client);
    if (runner.from_snapshot !== true) throw new Error(`the runner did not boot from the snapshot: ${JSON.stringify(runner)}`);
    if (runner.boot_ms !== undefined) add(`boot.${mode}`, runner.boot_ms);
    if (mode === "bare") {
      await Bun.sleep(1000); // lets the boot's garbage go (the worker collects 10 ms after boot)
      const bare = await memoryOf(daemon.client);
      add("rss.bare", bare.rss);
      add("peak.bare", bare.peak);
    }
    await importEach(daemon.client, mode === "bare" ? "cold" : mode === "cached" ? "cached" : "preloaded");
    await Bun.sleep(1000);
    const loaded = await memoryOf(daemon.client);
    add(`rss.${mode === "preload" ? "preload" : "loaded"}`, loaded.rss);
    add(`peak.${mode === "preload" ? "preload" : "loaded"}`, loaded.peak);
  } finally {
    await daemon.stop();
  }
}

/** Fresh-interpreter sessions from a warm spare: create + `code`, `count` times. */
async function freshSessions(cache: string, preload: boolean, count: number): Promise<void> {
  const daemon = await startDaemon(cache, ["--spares", "1", "--packages-url", mirror.url, ...(preload ? PRELOAD : [])]);
  const tag = preload ? "preload" : "bare";
  try {
    await runOk(daemon.client, "1+1");
    /** One fresh session from the idle spare: create + `code`, timed; with `before`, that runs first and only `code`'s run is timed. */
    const once = async (code: string, key: string, before?: string) => {
      await waitForIdleSpare(daemon.client);
      await Bun.sleep(300); // lets the spare's boot garbage go
      const started = performance.now();
      const { session } = await daemon.client.createSession({ fresh_interpreter: true });
      const created = performance.now() - started;
      let from = started;
      if (before) {
        add(`fresh.${tag}.${key}.before`, (await runOk(daemon.client, before, session.session_id)).ms);
        from = performance.now();
      }
      const { result } = await runOk(daemon.client, code, session.session_id);
      const total = performance.now() - from;
      add(`fresh.${tag}.${key}.total`, total);
      add(`fresh.${tag}.${key}.create`, created);
      add(`fresh.${tag}.${key}.exec`, result.execution_time_ms);
      await daemon.client.closeSession(session.session_id);
    };
    for (let i = 0; i < count; i++) {
      // Alternated, so machine noise hits all alike.
      await once(IMPORT_ALL, "import");
      await once("1+1", "one");
      if (!preload) await once(IMPORT_ALL, "import-warm", STDLIB_WARM);
    }
  } finally {
    await daemon.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Report

interface Row {
  figure: string;
  key: string;
  unit: "ms" | "MB";
  goal?: string;
  note?: string;
}

function fmt(values: number[], unit: "ms" | "MB"): { median: string; n: string; range: string } {
  const scale = unit === "MB" ? 1 / MB : 1;
  const ok = values.filter((v) => Number.isFinite(v)).map((v) => v * scale);
  if (ok.length === 0) return { median: "-", n: "0", range: "" };
  const d = unit === "MB" ? 1 : ok.some((v) => v < 10) ? 1 : 0;
  const sorted = [...ok].sort((a, b) => a - b);
  return { median: `${round(median(ok), d)} ${unit}`, n: String(ok.length), range: `${round(sorted[0]!, d)}..${round(sorted.at(-1)!, d)}` };
}

function printRows(title: string, rows: Row[]): void {
  const table = rows.map((r) => {
    const f = fmt(get(r.key), r.unit);
    return [r.figure, f.median, f.n, f.range, r.goal ?? "", r.note ?? ""];
  });
  const header = ["figure", "median", "n", "min..max", "goal", "note"];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ").trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of table) console.log(line(row));
}

const med = (key: string) => median(get(key));

// ---------------------------------------------------------------------------------------------
// Main

const mirrorDir = join(scratch, "mirror");
writeLockMirror(
  mirrorDir,
  PACKAGES.map((p) => ({ wheel: p.wheel, depends: p.depends })),
);
const mirror = MirrorServer.start({ mirrorDir });

const startedAll = performance.now();
try {
  step(`warm snapshot cache ${WARM_CACHE} (built once; slow the first time)`);
  await ensureWarmSnapshot();
  step(`packages: ${PACKAGES.map((p) => `${p.name} ${round(p.wheel.bytes.byteLength / MB, 2)} MB (${p.modules} modules${p.depends.length ? `, needs ${p.depends.join(", ")}` : ""})`).join("; ")}`);
  step(`mirror ${mirror.url}; ${ROUNDS} rounds, ${FRESH} fresh sessions per variant`);

  let cache = "";
  for (let round = 0; round < ROUNDS; round++) {
    step(`round ${round + 1}/${ROUNDS}: cold imports, then from the cache and preloaded`);
    if (cache && !KEEP) rmSync(cache, { recursive: true, force: true });
    cache = coldCache(`r${round}`);
    await launchRound(cache, "bare"); // a cache with no package: every import downloads
    // From then on the cache holds the wheels; bare and preload starts alternate which goes first.
    if (round % 2 === 0) {
      await launchRound(cache, "cached");
      await launchRound(cache, "preload");
    } else {
      await launchRound(cache, "preload");
      await launchRound(cache, "cached");
    }
  }

  step("fresh-interpreter sessions from a warm spare, bare and preloaded (the last round's cache: wheels cached)");
  await freshSessions(cache, false, FRESH);
  await freshSessions(cache, true, FRESH);
} finally {
  mirror.stop();
}

const mb = (n: number) => `${round(n / MB, 2)} MB`;
const firstImportRows: Row[] = [];
for (const pkg of PACKAGES) {
  const label = `${pkg.module} (${mb(pkg.wheel.bytes.byteLength)})`;
  for (const [mode, what] of [
    ["cold", "cold: download + verify + install + import"],
    ["cached", "from the cache (new daemon)"],
    ["preloaded", "preloaded (--preload)"],
  ] as const) {
    firstImportRows.push({ figure: `import ${label}, ${what}`, key: `import.${mode}.${pkg.module}.client`, unit: "ms", note: `runner side ${fmt(get(`import.${mode}.${pkg.module}.exec`), "ms").median}` });
  }
}
printRows("1. first import on the loopback mirror, in this order in one runner: run latency seen by the client (note: execution_time_ms in the runner)", firstImportRows);
console.log(`   The first row of each kind also pays the runner's first wheel install: it compiles ${STDLIB_WARM.slice(7)} (see 2b, "after").`);

const launchDelta = med("launch.preload") - med("launch.bare");
printRows("2a. launch `woma daemon --socket` to the first result of 1+1 (--spares 0, wheels cached, snapshot warm)", [
  { figure: "bare start", key: "launch.bare", unit: "ms", note: `runner boot ${fmt(get("boot.cached"), "ms").median}; socket up ${fmt(get("connect.cached"), "ms").median}` },
  { figure: `--preload ${PACKAGES.map((p) => p.module).join(",")}`, key: "launch.preload", unit: "ms", goal: "<= bare + 300 ms", note: `runner boot ${fmt(get("boot.preload"), "ms").median}; difference of medians ${round(launchDelta, 0)} ms: ${launchDelta <= 300 ? "within" : "OVER"} the goal` },
]);

printRows("2b. fresh-interpreter session from a warm spare (--spares 1): session/create + run, client-side", [
  { figure: `bare daemon: create + ${IMPORT_ALL} (loads from the cache)`, key: "fresh.bare.import.total", unit: "ms", note: `create ${fmt(get("fresh.bare.import.create"), "ms").median}, runner side ${fmt(get("fresh.bare.import.exec"), "ms").median}` },
  { figure: `bare daemon: ${IMPORT_ALL} after \`${STDLIB_WARM}\``, key: "fresh.bare.import-warm.total", unit: "ms", note: `run only; the stdlib import took ${fmt(get("fresh.bare.import-warm.before"), "ms").median}, runner side ${fmt(get("fresh.bare.import-warm.exec"), "ms").median}` },
  { figure: "bare daemon: create + 1+1", key: "fresh.bare.one.total", unit: "ms", note: `create ${fmt(get("fresh.bare.one.create"), "ms").median}` },
  { figure: `--preload: create + ${IMPORT_ALL}`, key: "fresh.preload.import.total", unit: "ms", goal: "<= 50 ms", note: `create ${fmt(get("fresh.preload.import.create"), "ms").median}, runner side ${fmt(get("fresh.preload.import.exec"), "ms").median}; ${med("fresh.preload.import.total") <= 50 ? "within" : "OVER"} the goal` },
  { figure: "--preload: create + 1+1", key: "fresh.preload.one.total", unit: "ms", note: `create ${fmt(get("fresh.preload.one.create"), "ms").median}` },
]);

printRows("3. runner memory (process tree): rss_bytes from daemon/info, and peak (summed VmHWM)", [
  { figure: "bare runner, RSS", key: "rss.bare", unit: "MB" },
  { figure: "after importing the three (cold), RSS", key: "rss.loaded", unit: "MB", note: `+${round((med("rss.loaded") - med("rss.bare")) / MB, 1)} MB over bare (medians); also from-cache runs` },
  { figure: "preloaded runner after the imports, RSS", key: "rss.preload", unit: "MB", note: `+${round((med("rss.preload") - med("rss.bare")) / MB, 1)} MB over bare` },
  { figure: "bare runner, peak", key: "peak.bare", unit: "MB" },
  { figure: "after importing the three, peak", key: "peak.loaded", unit: "MB", note: `+${round((med("peak.loaded") - med("peak.bare")) / MB, 1)} MB over bare` },
  { figure: "preloaded runner, peak", key: "peak.preload", unit: "MB", note: `+${round((med("peak.preload") - med("peak.bare")) / MB, 1)} MB over bare` },
]);

const json = {
  machine: { cores: navigator.hardwareConcurrency, bun: Bun.version },
  at: new Date().toISOString(),
  seconds: round((performance.now() - startedAll) / 1000, 1),
  rounds: ROUNDS,
  fresh: FRESH,
  wheels: Object.fromEntries(PACKAGES.map((p) => [p.module, p.wheel.bytes.byteLength])),
  medians: Object.fromEntries([...samples.keys()].sort().map((k) => [k, { median: round(med(k), 2), n: get(k).length }])),
};
console.log(`\n${JSON.stringify(json)}`);
mkdirSync(join(ROOT, ".bench-out"), { recursive: true });
writeFileSync(join(ROOT, ".bench-out", "packages.json"), `${JSON.stringify({ ...json, samples: Object.fromEntries(samples) }, null, 2)}\n`);
if (!KEEP) rmSync(scratch, { recursive: true, force: true });
else step(`kept ${scratch}`);
