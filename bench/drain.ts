/**
 * What draining costs: the time from SIGTERM to the exit of `woma serve` and `woma mcp
 * --port`, with nothing in flight (an idle keep-alive connection or MCP session open), with a
 * 1 s run in flight (SIGTERM to its answer, its answer to the exit), and at a 1 s
 * --drain-timeout with a run that would take a minute (SIGTERM to its 503, to the exit).
 *
 *   bun bench/drain.ts [--cache DIR] [--rounds N]
 *
 * Each case starts a fresh server (a snapshot in the cache makes that about a second) and
 * prints medians, min and max over the rounds, then a JSON line.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { benchArgs } from "./lib/args.ts";
import { loadAverage, median, round } from "./lib/stats.ts";

const ROOT = resolve(import.meta.dir, "..");
const { values } = benchArgs("npx bun bench/drain.ts [--cache DIR] [--rounds N]", {
  cache: { type: "string", default: process.env.WOMA_TEST_CACHE ?? join(tmpdir(), "woma-test-cache") },
  rounds: { type: "string", default: "3" },
});
const CACHE = resolve(values.cache);
const ROUNDS = Number(values.rounds);

interface Server {
  base: string;
  child: ChildProcess;
  exited: Promise<number | null>;
}

/** Starts `woma serve` or `woma mcp --port 0` and waits until /ready says 200. */
async function start(command: "serve" | "mcp", extra: string[] = []): Promise<Server> {
  const child = spawn(process.execPath, [join(ROOT, "cli", "main.ts"), command, "--port", "0", "--pyodide-cache", CACHE, ...extra], { stdio: ["ignore", "ignore", "pipe"] });
  const exited = new Promise<number | null>((resolveExit) => child.once("exit", resolveExit));
  let stderr = "";
  const base = await new Promise<string>((resolveBase, reject) => {
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      const match = /woma: (?:listening on|MCP on) (http:\/\/[^/\s]+)/.exec(stderr);
      if (match) resolveBase(match[1]!);
    });
    void exited.then((code) => reject(new Error(`woma ${command} exited with ${code}: ${stderr}`)));
  });
  while ((await fetch(`${base}/ready`)).status !== 200) await Bun.sleep(20);
  return { base, child, exited };
}

/** Waits until the server counts `n` requests in flight. */
async function inFlight(base: string, n = 1): Promise<void> {
  for (;;) {
    const text = await (await fetch(`${base}/metrics`)).text();
    const match = /\nwoma_http_requests_in_flight (\d+)\n/.exec(text);
    if (match && Number(match[1]) >= n) return;
    await Bun.sleep(10);
  }
}

const python = (base: string, code: string) => fetch(`${base}/python`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ code }) });

type Sample = Record<string, number>;

async function serveIdle(): Promise<Sample> {
  const server = await start("serve");
  await (await fetch(`${server.base}/health`)).text(); // leaves a keep-alive connection open
  const t = performance.now();
  server.child.kill("SIGTERM");
  await server.exited;
  return { "SIGTERM to exit": performance.now() - t };
}

/** Starts `woma serve` with `flags`, sends a run of `code`, and SIGTERM once it is in flight: the times from the signal to the run's answer and to the exit. */
async function serveWithRun(flags: string[], code: string): Promise<{ toAnswer: number; toExit: number }> {
  const server = await start("serve", flags);
  const answer = python(server.base, code).then(async (response) => ((await response.text()), performance.now()));
  await inFlight(server.base);
  const t = performance.now();
  server.child.kill("SIGTERM");
  const answered = await answer;
  await server.exited;
  return { toAnswer: answered - t, toExit: performance.now() - t };
}

async function serveRunning(): Promise<Sample> {
  const { toAnswer, toExit } = await serveWithRun([], "import time\ntime.sleep(1)");
  return { "SIGTERM to the run's answer": toAnswer, "answer to exit": toExit - toAnswer, "SIGTERM to exit": toExit };
}

async function serveTimeout(): Promise<Sample> {
  const { toAnswer, toExit } = await serveWithRun(["--drain-timeout", "1"], "import time\ntime.sleep(60)");
  return { "SIGTERM to the 503": toAnswer, "SIGTERM to exit": toExit };
}

async function mcpCase(running: boolean): Promise<Sample> {
  const server = await start("mcp");
  const client = new Client({ name: "bench", version: "1" });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${server.base}/mcp`)));
  await client.callTool({ name: "run_python", arguments: { code: "1+1" } });
  const call = running ? client.callTool({ name: "run_python", arguments: { code: "import time\ntime.sleep(1)" } }).then(() => performance.now()) : undefined;
  if (call) await inFlight(server.base);
  const t = performance.now();
  server.child.kill("SIGTERM");
  const answered = call ? await call : undefined;
  await server.exited;
  const exited = performance.now();
  await client.close().catch(() => {});
  return answered === undefined ? { "SIGTERM to exit": exited - t } : { "SIGTERM to the call's result": answered - t, "result to exit": exited - answered, "SIGTERM to exit": exited - t };
}

const cases: Array<[string, () => Promise<Sample>]> = [
  ["serve, nothing in flight (a keep-alive connection open)", serveIdle],
  ["serve, a 1 s run in flight", serveRunning],
  ["serve, --drain-timeout 1 and a 60 s run", serveTimeout],
  ["mcp --port, nothing in flight (a session and its SSE stream open)", () => mcpCase(false)],
  ["mcp --port, a 1 s call in flight", () => mcpCase(true)],
];

console.log(`drain cost, Bun ${Bun.version}, ${navigator.hardwareConcurrency} CPUs, load ${loadAverage()}, ${ROUNDS} rounds, cache ${CACHE}`);
const results: Record<string, Record<string, { median: number; min: number; max: number }>> = {};
for (const [name, run] of cases) {
  const samples: Sample[] = [];
  for (let i = 0; i < ROUNDS; i++) samples.push(await run());
  results[name] = {};
  console.log(`\n${name}`);
  for (const key of Object.keys(samples[0]!)) {
    const values = samples.map((sample) => sample[key]!);
    results[name]![key] = { median: round(median(values), 1), min: round(Math.min(...values), 1), max: round(Math.max(...values), 1) };
    console.log(`  ${key.padEnd(30)} median ${round(median(values), 1)} ms (min ${round(Math.min(...values), 1)}, max ${round(Math.max(...values), 1)})`);
  }
}
console.log(`\nload ${loadAverage()} at the end`);
console.log(JSON.stringify({ bench: "drain", load: loadAverage(), rounds: ROUNDS, results }));
