/**
 * `bench/fast-path.ts`: issue 26's goals in one run, each printed with its ratio against the
 * reference measured in the same run, side by side and interleaved:
 *
 * - latency: `1+1` sequential p50 over REST (`woma serve --workers 0`) against Pyodide
 *   in-process behind Bun.serve (the floor) and the original tool's shape
 *   (bench/lib/reference-server.ts); over stdio JSON-RPC; over MCP (stdio, the SDK client);
 * - concurrency: 8 keep-alive clients for a few seconds, req/s and p99, REST and MCP;
 * - runner: the runner's own cost of a run against `runPythonAsync` of the same code
 *   (bench/lib/runner-cost-probe.ts);
 * - memory: idle trees (REST `--workers 0` against the floor server, the REPL) and one idle
 *   runner, RSS and PSS;
 * - start: a runner's boot from the snapshot, and a new tenant's first run with a spare ready;
 * - http: a 1 KB pyfetch p50 and a 20 MB body's throughput through the broker, against the
 *   same Python in the floor's Pyodide (plain fetch, no policy);
 * - display: what a 1 MB PNG display adds to a run.
 *
 * mcp-run-python, the third reference of the issue, is not measured: it is not in the
 * package index this machine reaches, and it runs on Deno, whose dependencies come from a
 * registry that is not reachable either.
 *
 *   bun bench/fast-path.ts [--rounds N] [--calls N] [--seconds S] [--clients N] [--base DIR] [--only latency,concurrency,runner,memory,start,http,display]
 *
 * `--base DIR` measures a second checkout of woma (the tree before a change, `npm install`ed)
 * beside this one in the latency, concurrency and memory sections: before and after in one
 * run. Prints tables, then one JSON line (also written to .bench-out/fast-path.json).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { DaemonClient } from "../clients/shared/daemon-client.ts";
import { pyodideIndexURL } from "../daemon/runtime/pyodide-core.ts";
import { benchArgs } from "./lib/args.ts";
import { idleTree, restOnePlusOne, spawnWoma, startReference, startServe, until } from "./lib/modes.ts";
import { cmdlineOf, exeOf, mib, pssOf, rssOf, treeMemory, treePids } from "./lib/proc-memory.ts";
import { PNG_SETUP } from "./lib/png-setup.ts";
import { alternate, backToBack, loadAverage, median, printTable, quantile, round, type Figure } from "./lib/stats.ts";
import { benchCache, ROOT, stdioDaemon } from "./lib/woma.ts";

const SECTIONS = ["latency", "concurrency", "runner", "memory", "start", "http", "display"] as const;
const USAGE = `npx bun bench/fast-path.ts [--rounds N] [--calls N] [--seconds S] [--clients N] [--base DIR] [--only ${SECTIONS.join(",")}]`;
const { values } = benchArgs(USAGE, {
  rounds: { type: "string", default: "3" },
  calls: { type: "string", default: "400" },
  seconds: { type: "string", default: "4" },
  clients: { type: "string", default: "8" },
  base: { type: "string" },
  only: { type: "string", default: SECTIONS.join(",") },
});
const rounds = Number(values.rounds);
const calls = Number(values.calls);
const seconds = Number(values.seconds);
const clients = Number(values.clients);
const only = new Set(values.only.split(","));
const step = (what: string) => process.stderr.write(`bench: ${what} [load ${loadAverage()}]\n`);

/** A woma checkout to measure: this one, and the base when given. */
interface Tree {
  name: string;
  command: string[];
  cache: string;
}
const trees: Tree[] = [{ name: "woma", command: [process.execPath, join(ROOT, "cli", "main.ts")], cache: benchCache() }];
if (values.base) trees.push({ name: "woma (base)", command: [process.execPath, join(values.base, "cli", "main.ts")], cache: benchCache("woma-bench-cache-base") });
const indexURL = pyodideIndexURL(trees[0]!.cache);

const loads: string[] = [loadAverage()];
const json: Record<string, unknown> = { machine: { cores: navigator.hardwareConcurrency, bun: Bun.version }, at: new Date().toISOString(), rounds, calls, seconds, clients };
const tables: Array<[string, Figure[]]> = [];
const section = (title: string, figures: Figure[]) => {
  loads.push(loadAverage());
  tables.push([title, figures]);
  printTable(`${title} [load ${loadAverage()}]`, figures);
};
const ratio = (value: number, reference: number) => round(value / reference, 2);

// --- The servers ------------------------------------------------------------------------

/** A reference server (bench/lib/reference-server.ts) on this tree's Pyodide. */
const reference = (kind: "floor" | "original") => startReference(kind, indexURL);

/** `woma serve --port 0 --workers 0` of a tree, once its runner is ready. */
const womaServe = (tree: Tree) => startServe(tree.command, tree.cache);

/** `woma mcp` of a tree over stdio, through the MCP SDK's client, after its first result. */
async function womaMcp(tree: Tree): Promise<{ client: Client; pid: () => number; stop: () => Promise<void> }> {
  const client = new Client({ name: "bench", version: "1" });
  const transport = new StdioClientTransport({ command: tree.command[0]!, args: [...tree.command.slice(1), "mcp", "--pyodide-cache", tree.cache], stderr: "ignore" });
  await client.connect(transport);
  await mcpOnePlusOne(client);
  return { client, pid: () => transport.pid ?? -1, stop: () => client.close() };
}

async function mcpOnePlusOne(client: Client): Promise<void> {
  const result = (await client.callTool({ name: "run_python", arguments: { code: "1+1" } })) as { content?: Array<{ text?: string }>; isError?: boolean };
  if (result.isError || !result.content?.some((c) => c.text?.includes("2"))) throw new Error(`run_python 1+1 answered ${JSON.stringify(result)}`);
}

async function floorOnePlusOne(url: string): Promise<void> {
  const response = await fetch(`${url}/python`, { method: "POST", headers: { "Content-Type": "application/json" }, body: '{"code":"1+1"}' });
  const answer = (await response.json()) as { result?: unknown };
  if (answer.result !== "2") throw new Error(`the reference answered ${JSON.stringify(answer)}`);
}

// --- Measuring ------------------------------------------------------------------------

/** `clients` loops calling `once` for `seconds`: requests per second and p99 latency. */
async function load(once: () => Promise<unknown>): Promise<{ perSecond: number; p50: number; p99: number; errors: number }> {
  for (let i = 0; i < 30; i++) await once();
  const times: number[] = [];
  let errors = 0;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await once();
        } catch {
          errors++;
        }
        times.push(performance.now() - t);
      }
    }),
  );
  return { perSecond: times.length / ((performance.now() - started) / 1000), p50: quantile(times, 0.5), p99: quantile(times, 0.99), errors };
}

// --- Sections ------------------------------------------------------------------------

if (only.has("latency")) {
  const p50s = new Map<string, number[]>();
  const add = (name: string, value: number) => p50s.set(name, [...(p50s.get(name) ?? []), value]);
  for (let r = 0; r < rounds; r++) {
    step(`latency, round ${r + 1}/${rounds}`);
    const floor = await reference("floor");
    const original = await reference("original");
    const serves = await Promise.all(trees.map(womaServe));
    const stdios = await Promise.all(trees.map((tree) => stdioDaemon(["--pyodide-cache", tree.cache, "--workers", "1"], tree.command)));
    const mcps = await Promise.all(trees.map(womaMcp));
    try {
      const cases = [
        { name: "floor", run: () => floorOnePlusOne(floor.url) },
        { name: "original", run: () => floorOnePlusOne(original.url) },
        ...trees.map((tree, i) => ({ name: `${tree.name} REST`, run: () => restOnePlusOne(serves[i]!.url) })),
        ...trees.map((tree, i) => ({ name: `${tree.name} stdio`, run: () => stdios[i]!.client.run({ code: "1+1" }) })),
        ...trees.map((tree, i) => ({ name: `${tree.name} MCP`, run: () => mcpOnePlusOne(mcps[i]!.client) })),
      ];
      for (const [name, times] of await alternate(cases, calls)) add(name, quantile(times, 0.5));
      // The same REST calls back to back: no other server works between two calls to one.
      const restCases = cases.filter((c) => c.name === "floor" || c.name === "original" || c.name.endsWith(" REST"));
      for (const [name, times] of await backToBack(restCases, calls)) add(`${name} back to back`, quantile(times, 0.5));
    } finally {
      await Promise.all([floor.stop(), original.stop(), ...serves.map((s) => s.started.stop()), ...stdios.map((s) => s.stop()), ...mcps.map((m) => m.stop())]);
    }
  }
  const p = (name: string) => median(p50s.get(name)!);
  const figures: Figure[] = [
    { name: "REST 1+1 p50, Pyodide in-process behind Bun.serve (floor)", value: p("floor"), unit: "ms" },
    { name: "REST 1+1 p50, the original tool's shape", value: p("original"), unit: "ms", note: `${ratio(p("original"), p("floor"))}x the floor` },
  ];
  const out: Record<string, number> = { floor_p50_ms: round(p("floor"), 3), original_p50_ms: round(p("original"), 3) };
  for (const tree of trees) {
    const rest = p(`${tree.name} REST`);
    const stdio = p(`${tree.name} stdio`);
    const mcp = p(`${tree.name} MCP`);
    figures.push(
      { name: `REST 1+1 p50, ${tree.name} serve --workers 0`, value: rest, unit: "ms", target: "<= 1.5x floor, <= original", ok: rest <= 1.5 * p("floor") && rest <= p("original"), note: `${ratio(rest, p("floor"))}x the floor, ${ratio(rest, p("original"))}x the original` },
      { name: `stdio JSON-RPC 1+1 p50, ${tree.name}`, value: stdio, unit: "ms", target: "<= 0.6 ms", ok: stdio <= 0.6, note: `${ratio(stdio, p("floor"))}x the REST floor` },
      { name: `MCP run_python 1+1 p50, ${tree.name}`, value: mcp, unit: "ms", target: "<= mcp-run-python (not measured)", note: `${ratio(mcp, p("floor"))}x the REST floor` },
    );
    const key = tree === trees[0] ? "woma" : "base";
    out[`${key}_rest_p50_ms`] = round(rest, 3);
    out[`${key}_stdio_p50_ms`] = round(stdio, 3);
    out[`${key}_mcp_p50_ms`] = round(mcp, 3);
  }
  const b = (name: string) => p(`${name} back to back`);
  figures.push({ name: "REST 1+1 p50 back to back, floor", value: b("floor"), unit: "ms", note: "each server called again and again, no other server between two calls" });
  figures.push({ name: "REST 1+1 p50 back to back, original", value: b("original"), unit: "ms", note: `${ratio(b("original"), b("floor"))}x the floor` });
  out.floor_back_to_back_p50_ms = round(b("floor"), 3);
  for (const tree of trees) {
    const rest = b(`${tree.name} REST`);
    figures.push({ name: `REST 1+1 p50 back to back, ${tree.name}`, value: rest, unit: "ms", target: "<= 1.5x floor", ok: rest <= 1.5 * b("floor"), note: `${ratio(rest, b("floor"))}x the floor, ${ratio(rest, b("original"))}x the original` });
    out[`${tree === trees[0] ? "woma" : "base"}_rest_back_to_back_p50_ms`] = round(rest, 3);
  }
  json.latency = out;
  section(`1+1 sequential, ${calls} calls per case and round (interleaved, then back to back), median of ${rounds} rounds' p50`, figures);
}

if (only.has("concurrency")) {
  const results = new Map<string, Array<Awaited<ReturnType<typeof load>>>>();
  for (let r = 0; r < rounds; r++) {
    step(`concurrency, round ${r + 1}/${rounds}`);
    const floor = await reference("floor");
    const original = await reference("original");
    const serves = await Promise.all(trees.map(womaServe));
    const mcps = await Promise.all(trees.map(womaMcp));
    try {
      const cases: Array<[string, () => Promise<unknown>]> = [
        ["floor", () => floorOnePlusOne(floor.url)],
        ["original", () => floorOnePlusOne(original.url)],
        ...trees.map((tree, i): [string, () => Promise<unknown>] => [`${tree.name} REST`, () => restOnePlusOne(serves[i]!.url)]),
        ...trees.map((tree, i): [string, () => Promise<unknown>] => [`${tree.name} MCP`, () => mcpOnePlusOne(mcps[i]!.client)]),
      ];
      // A different order each round, so no case always follows the same one.
      for (let i = 0; i < cases.length; i++) {
        const [name, once] = cases[(i + r) % cases.length]!;
        results.set(name, [...(results.get(name) ?? []), await load(once)]);
      }
    } finally {
      await Promise.all([floor.stop(), original.stop(), ...serves.map((s) => s.started.stop()), ...mcps.map((m) => m.stop())]);
    }
  }
  const m = (name: string, pick: (value: Awaited<ReturnType<typeof load>>) => number) => median(results.get(name)!.map(pick));
  const original = m("original", (x) => x.perSecond);
  const figures: Figure[] = [
    { name: `${clients} clients REST, floor`, value: m("floor", (x) => x.perSecond), unit: "req/s", note: `p99 ${round(m("floor", (x) => x.p99), 1)} ms` },
    { name: `${clients} clients REST, the original tool's shape`, value: original, unit: "req/s", note: `p99 ${round(m("original", (x) => x.p99), 1)} ms` },
  ];
  const out: Record<string, number> = { floor_rps: round(m("floor", (x) => x.perSecond), 0), original_rps: round(original, 0), original_p99_ms: round(m("original", (x) => x.p99), 1) };
  for (const tree of trees) {
    const rest = m(`${tree.name} REST`, (x) => x.perSecond);
    const restP99 = m(`${tree.name} REST`, (x) => x.p99);
    const mcp = m(`${tree.name} MCP`, (x) => x.perSecond);
    const mcpP99 = m(`${tree.name} MCP`, (x) => x.p99);
    const errors = [...results.entries()].filter(([name]) => name.startsWith(tree.name)).flatMap(([, r]) => r).reduce((sum, r) => sum + r.errors, 0);
    figures.push(
      { name: `${clients} clients REST, ${tree.name} serve --workers 0`, value: rest, unit: "req/s", target: ">= 2x original, p99 <= 20 ms", ok: rest >= 2 * original && restP99 <= 20, note: `${ratio(rest, original)}x the original; p99 ${round(restP99, 1)} ms; ${errors} errors` },
      { name: `${clients} calls at once MCP, ${tree.name}`, value: mcp, unit: "req/s", target: ">= mcp-run-python (not measured), p99 <= 15 ms", ok: mcpP99 <= 15, note: `${ratio(mcp, original)}x the original's REST; p99 ${round(mcpP99, 1)} ms` },
    );
    const key = tree === trees[0] ? "woma" : "base";
    Object.assign(out, { [`${key}_rest_rps`]: round(rest, 0), [`${key}_rest_p99_ms`]: round(restP99, 1), [`${key}_mcp_rps`]: round(mcp, 0), [`${key}_mcp_p99_ms`]: round(mcpP99, 1) });
  }
  json.concurrency = out;
  section(`${clients} concurrent clients, ${seconds} s each, median of ${rounds} rounds`, figures);
}

/** The snapshot a tree's cache holds (the latency or start section made it). */
function snapshotOf(cache: string): string {
  const dir = join(cache, "snapshots");
  const file = readdirSync(dir).find((name) => name.endsWith(".snapshot"));
  if (!file) throw new Error(`no snapshot in ${dir}: run woma once with --pyodide-cache ${cache}`);
  return join(dir, file);
}

if (only.has("runner")) {
  // A daemon run makes sure the snapshot exists and matches this checkout.
  const warm = await stdioDaemon(["--pyodide-cache", trees[0]!.cache, "--workers", "1"], trees[0]!.command);
  await warm.client.run({ code: "1+1" });
  await warm.stop();
  const probes: Array<{ runner_p50: number; execution_time_p50: number; run_python_async_p50: number }> = [];
  for (let r = 0; r < rounds; r++) {
    step(`the runner's own cost, round ${r + 1}/${rounds}`);
    const child = spawn(process.execPath, ["--disallow-code-generation-from-strings", join(ROOT, "bench", "lib", "runner-cost-probe.ts"), snapshotOf(trees[0]!.cache), indexURL, String(calls * 2)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (out += chunk));
    await new Promise((resolve) => child.once("exit", resolve));
    probes.push(JSON.parse(out.trim()));
  }
  const own = median(probes.map((p) => p.runner_p50));
  const pyodide = median(probes.map((p) => p.run_python_async_p50));
  section(`the runner's own cost of a 1+1 (in-process probe, ${calls * 2} interleaved runs, median of ${rounds})`, [
    { name: "runPythonAsync('1+1'), plain Pyodide, p50", value: pyodide, unit: "ms" },
    { name: "the runner's run of 1+1 (PythonRunner.run), p50", value: own, unit: "ms", target: "<= runPythonAsync + 0.2 ms", ok: own <= pyodide + 0.2, note: `${round((own - pyodide) * 1000, 0)} us above; ${ratio(own, pyodide)}x; execution_time_ms p50 ${round(median(probes.map((p) => p.execution_time_p50)), 3)} ms` },
  ]);
  json.runner = { runner_p50_ms: round(own, 3), run_python_async_p50_ms: round(pyodide, 3) };
}

if (only.has("memory")) {
  const rows = new Map<string, number[]>();
  const add = (name: string, value: number) => rows.set(name, [...(rows.get(name) ?? []), value]);
  for (let r = 0; r < rounds; r++) {
    step(`idle memory, round ${r + 1}/${rounds}`);
    const floor = await reference("floor");
    await floorOnePlusOne(floor.url);
    for (const tree of trees) {
      const { url, started } = await womaServe(tree);
      try {
        for (let i = 0; i < 50; i++) await restOnePlusOne(url);
        await Bun.sleep(3000);
        const tree_ = treeMemory(started.pid);
        add(`${tree.name} serve rss`, tree_.rss);
        add(`${tree.name} serve pss`, tree_.pss);
        const runner = treePids(started.pid).filter((pid) => pid !== started.pid && cmdlineOf(pid).includes("__runner") && exeOf(pid).startsWith("bun"));
        for (const pid of runner) {
          add(`${tree.name} runner rss`, rssOf(pid));
          add(`${tree.name} runner pss`, pssOf(pid));
        }
      } finally {
        await started.stop();
      }
      const repl = await idleTree("repl", tree.cache);
      add(`${tree.name} repl rss`, repl.rss);
    }
    await Bun.sleep(1000);
    add("floor rss", rssOf(floor.pid));
    add("floor pss", pssOf(floor.pid));
    await floor.stop();
  }
  const m = (name: string) => mib(median(rows.get(name) ?? [Number.NaN]));
  const figures: Figure[] = [{ name: "idle RSS, Pyodide in-process behind Bun.serve (floor)", value: m("floor rss"), unit: "MiB", note: `PSS ${round(m("floor pss"), 0)} MiB` }];
  const out: Record<string, number> = { floor_rss_mib: round(m("floor rss"), 1) };
  for (const tree of trees) {
    const serve = m(`${tree.name} serve rss`);
    const runnerRss = m(`${tree.name} runner rss`);
    const runnerPss = m(`${tree.name} runner pss`);
    const repl = m(`${tree.name} repl rss`);
    figures.push(
      { name: `idle tree RSS, ${tree.name} serve --workers 0`, value: serve, unit: "MiB", target: "<= 1.3x floor", ok: serve <= 1.3 * m("floor rss"), note: `${ratio(serve, m("floor rss"))}x the floor; PSS ${round(m(`${tree.name} serve pss`), 0)} MiB` },
      { name: `idle runner (its Bun process), ${tree.name}`, value: runnerRss, unit: "MiB RSS", target: "<= 120 RSS, PSS <= 100", ok: runnerRss <= 120 && runnerPss <= 100, note: `PSS ${round(runnerPss, 0)} MiB; ${ratio(runnerRss, m("floor rss"))}x the floor` },
      { name: `idle tree RSS, ${tree.name} REPL`, value: repl, unit: "MiB", target: "<= 200 MiB", ok: repl <= 200, note: `${ratio(repl, m("floor rss"))}x the floor` },
    );
    const key = tree === trees[0] ? "woma" : "base";
    Object.assign(out, { [`${key}_serve_rss_mib`]: round(serve, 1), [`${key}_runner_rss_mib`]: round(runnerRss, 1), [`${key}_runner_pss_mib`]: round(runnerPss, 1), [`${key}_repl_rss_mib`]: round(repl, 1) });
  }
  json.memory = out;
  section(`idle memory after 50 runs, median of ${rounds} rounds`, figures);
}

if (only.has("start")) {
  const boots: number[] = [];
  const firsts: number[] = [];
  const warmRuns: number[] = [];
  const floorStarts: number[] = [];
  for (let r = 0; r < rounds; r++) {
    step(`start-up, round ${r + 1}/${rounds}`);
    const dir = mkdtempSync(join(tmpdir(), "woma-bench-socket-"));
    const socket = join(dir, "daemon.sock");
    const daemon = spawnWoma(["daemon", "--socket", socket, "--pyodide-cache", trees[0]!.cache, "--spares", "1"], trees[0]!.command);
    try {
      await until(`the daemon's socket (stderr: ${daemon.stderr()})`, () => existsSync(socket), 120_000);
      const first = await DaemonClient.connect(socket);
      await first.initialize("bench-a");
      await first.run({ code: "1+1" });
      // A spare ready: the runner the next tenant will get.
      await until("a ready spare", async () => (await first.info()).runners.some((runner) => runner.role === "spare" && runner.state === "idle"), 120_000);
      const info = await first.info();
      boots.push(...info.runners.map((runner) => runner.boot_ms).filter((ms): ms is number => typeof ms === "number"));
      const started = performance.now();
      const second = await DaemonClient.connect(socket);
      await second.initialize("bench-b");
      await second.run({ code: "1+1" });
      firsts.push(performance.now() - started);
      const again = performance.now();
      await second.run({ code: "1+1" });
      warmRuns.push(performance.now() - again);
      first.dispose();
      second.dispose();
    } finally {
      await daemon.stop();
    }
    const floorStarted = performance.now();
    const floor = await reference("floor");
    floorStarts.push(performance.now() - floorStarted);
    await floor.stop();
  }
  const boot = median(boots);
  const first = median(firsts);
  section(`start-up, median of ${rounds} rounds`, [
    { name: "the floor server: spawn to listening (plain loadPyodide)", value: median(floorStarts), unit: "ms" },
    { name: "runner boot from the snapshot (boot_ms)", value: boot, unit: "ms", target: "<= 800 ms", ok: boot <= 800, note: `${ratio(boot, median(floorStarts))}x the floor's start` },
    { name: "a new tenant's first run, spare ready (connect, initialize, 1+1)", value: first, unit: "ms", target: "<= 100 ms", ok: first <= 100, note: `its next 1+1 ${round(median(warmRuns), 2)} ms` },
  ]);
  json.start = { boot_ms: round(boot, 0), new_tenant_first_run_ms: round(first, 1), floor_start_ms: round(median(floorStarts), 0) };
}

if (only.has("http")) {
  const big = new Uint8Array(20_000_000);
  const server = Bun.serve({ hostname: "127.0.0.1", port: 0, fetch: (request) => new Response(new URL(request.url).pathname === "/big" ? big : "x".repeat(1024)) });
  const base = `http://127.0.0.1:${server.port}`;
  const python = (count: number) => `
from pyodide.http import pyfetch
import time
times = []
for i in range(${count}):
    t = time.perf_counter()
    r = await pyfetch("${base}/small")
    body = await r.bytes()
    times.append(time.perf_counter() - t)
times.sort()
t = time.perf_counter()
r = await pyfetch("${base}/big")
body = await r.bytes()
f"{times[len(times) // 2] * 1000} {len(body) / (time.perf_counter() - t) / 1e6}"
`;
  const woma: Array<[number, number]> = [];
  const floorFigures: Array<[number, number]> = [];
  step("HTTP from Python");
  const daemon = await stdioDaemon(["--pyodide-cache", trees[0]!.cache, "--workers", "1", "--allow-net", `127.0.0.1:${server.port}`], trees[0]!.command);
  const floor = await reference("floor");
  try {
    for (let r = 0; r < rounds; r++) {
      const ours = await daemon.client.run({ code: python(200), timeout_ms: 120_000 });
      if (ours.status !== "success") throw new Error(`the pyfetch run failed: ${ours.error?.traceback}`);
      woma.push(String(ours.result).replace(/'/g, "").split(" ").map(Number) as [number, number]);
      const response = await fetch(`${floor.url}/python`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ code: python(200) }) });
      const answer = (await response.json()) as { result: string };
      floorFigures.push(answer.result.split(" ").map(Number) as [number, number]);
    }
  } finally {
    await daemon.stop();
    await floor.stop();
    server.stop(true);
  }
  const small = median(woma.map((w) => w[0]));
  const rate = median(woma.map((w) => w[1]));
  const smallFloor = median(floorFigures.map((w) => w[0]));
  const rateFloor = median(floorFigures.map((w) => w[1]));
  section(`HTTP from Python (pyfetch, timed inside Python), median of ${rounds} rounds`, [
    { name: "1 KB pyfetch p50, plain Pyodide (no policy)", value: smallFloor, unit: "ms" },
    { name: "1 KB pyfetch p50, through woma's broker", value: small, unit: "ms", target: "<= 1.5 ms", ok: small <= 1.5, note: `${ratio(small, smallFloor)}x plain Pyodide` },
    { name: "20 MB body, plain Pyodide", value: rateFloor, unit: "MB/s" },
    { name: "20 MB body, through woma's broker", value: rate, unit: "MB/s", target: ">= 300 MB/s", ok: rate >= 300, note: `${ratio(rate, rateFloor)}x plain Pyodide` },
  ]);
  json.http = { small_p50_ms: round(small, 3), big_mb_s: round(rate, 0), floor_small_p50_ms: round(smallFloor, 3), floor_big_mb_s: round(rateFloor, 0) };
}

if (only.has("display")) {
  step("a 1 MB PNG display");
  const daemon = await stdioDaemon(["--pyodide-cache", trees[0]!.cache, "--workers", "1"], trees[0]!.command);
  try {
    const session = (await daemon.client.createSession()).session.session_id;
    await daemon.client.run({ session_id: session, code: PNG_SETUP });
    const times = await alternate(
      [
        { name: "without", run: () => daemon.client.run({ code: "Picture();", session_id: session }) },
        {
          name: "with",
          run: async () => {
            const result = await daemon.client.run({ code: "display(Picture())", session_id: session });
            if (!result.outputs?.[0]?.data["image/png"]) throw new Error("the PNG did not arrive");
          },
        },
      ],
      Math.max(20, Math.round(calls / 10)),
    );
    const without = quantile(times.get("without")!, 0.5);
    const added = quantile(times.get("with")!, 0.5) - without;
    section("a 1 MB PNG display over stdio JSON-RPC", [
      { name: "the same run without the display, p50", value: without, unit: "ms" },
      { name: "what displaying a 1 MB PNG adds, p50", value: added, unit: "ms", target: "<= 20 ms", ok: added <= 20, note: `${ratio(added + without, without)}x the run without it` },
    ]);
    json.display = { without_p50_ms: round(without, 2), added_p50_ms: round(added, 2) };
  } finally {
    await daemon.stop();
  }
}

json.load_average = loads;
console.log(`\n=== summary: issue 26's goals, ${navigator.hardwareConcurrency} cores, Bun ${Bun.version}; 1-minute load average during the run: ${loads.join(", ")}`);
for (const [title, figures] of tables) printTable(title, figures);
console.log(`\n${JSON.stringify(json)}`);
mkdirSync(join(ROOT, ".bench-out"), { recursive: true });
writeFileSync(join(ROOT, ".bench-out", "fast-path.json"), `${JSON.stringify(json, null, 2)}\n`);
