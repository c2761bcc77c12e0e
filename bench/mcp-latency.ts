/**
 * MCP latency of `woma mcp`, measured as an MCP host sees it through the SDK Client:
 * cold start (spawn to the first tool result) and the p50/p90/p99 of a `1+1` tool call,
 * over stdio and over Streamable HTTP.
 *
 *   bun bench/mcp-latency.ts [--cache DIR] [--calls N] [--starts N]
 *
 * The cache defaults to the test suite's ($WOMA_TEST_CACHE or /tmp/woma-test-cache); a first
 * start that has to build the Pyodide snapshot is done, and reported, before measuring.
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { benchArgs } from "./lib/args.ts";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const ROOT = resolve(import.meta.dir, "..");
const { values } = benchArgs("npx bun bench/mcp-latency.ts [--cache DIR] [--calls N] [--starts N]", {
  cache: { type: "string", default: process.env.WOMA_TEST_CACHE ?? join(tmpdir(), "woma-test-cache") },
  calls: { type: "string", default: "300" },
  starts: { type: "string", default: "5" },
});
const CACHE = resolve(values.cache);
const CALLS = Number(values.calls);
const STARTS = Number(values.starts);
const args = (extra: string[] = []) => [join(ROOT, "cli", "main.ts"), "mcp", "--pyodide-cache", CACHE, ...extra];

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

async function onePlusOne(client: Client): Promise<void> {
  const result = await client.callTool({ name: "run_python", arguments: { code: "1+1" } });
  const text = (result.content as Array<{ text?: string }>)[0]?.text;
  if (text !== "[result]\n2") throw new Error(`1+1 gave ${JSON.stringify(result)}`);
}

/** Spawns `woma mcp` on stdio; returns the client and the times to connected and to the first result. */
async function coldStart(): Promise<{ client: Client; connectedMs: number; firstResultMs: number }> {
  const start = performance.now();
  const client = new Client({ name: "bench", version: "1" });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: args(), stderr: "ignore" }));
  const connectedMs = performance.now() - start;
  await onePlusOne(client);
  return { client, connectedMs, firstResultMs: performance.now() - start };
}

async function callLatencies(client: Client): Promise<number[]> {
  for (let i = 0; i < 20; i++) await onePlusOne(client);
  const times: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now();
    await onePlusOne(client);
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b);
}

function report(label: string, sorted: number[]): void {
  console.log(`${label}: p50 ${ms(percentile(sorted, 50))}, p90 ${ms(percentile(sorted, 90))}, p99 ${ms(percentile(sorted, 99))} (${sorted.length} calls)`);
}

async function httpServer(): Promise<{ url: URL; stop(): void }> {
  const child = spawn(process.execPath, args(["--port", "0"]), { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.setEncoding("utf8");
  const url = await new Promise<URL>((resolveUrl, reject) => {
    child.stderr!.on("data", (chunk: string) => {
      stderr += chunk;
      const match = /woma: MCP on (\S+)/.exec(stderr);
      if (match) resolveUrl(new URL(match[1]!));
    });
    child.once("exit", (code) => reject(new Error(`woma mcp --port 0 exited with ${code}: ${stderr}`)));
  });
  return { url, stop: () => child.kill("SIGTERM") };
}

const hadSnapshot = existsSync(join(CACHE, "snapshots")) && readdirSync(join(CACHE, "snapshots")).length > 0;
if (!hadSnapshot) {
  const first = await coldStart();
  console.log(`first start, building the snapshot in ${CACHE}: ${ms(first.firstResultMs)} to the first result`);
  await first.client.close();
}

const starts: Array<{ connectedMs: number; firstResultMs: number }> = [];
let client: Client | undefined;
for (let i = 0; i < STARTS; i++) {
  const run = await coldStart();
  starts.push(run);
  if (i < STARTS - 1) await run.client.close();
  else client = run.client;
}
const firsts = starts.map((s) => s.firstResultMs).sort((a, b) => a - b);
const connects = starts.map((s) => s.connectedMs).sort((a, b) => a - b);
console.log(`woma mcp, Bun ${Bun.version}, ${navigator.hardwareConcurrency} CPUs, cache ${CACHE}`);
console.log(`cold start over stdio (spawn to first tool result): median ${ms(percentile(firsts, 50))}, min ${ms(firsts[0]!)}, max ${ms(firsts[firsts.length - 1]!)} (${STARTS} starts; initialize done after ${ms(percentile(connects, 50))})`);
report("run_python 1+1 over stdio", await callLatencies(client!));
await client!.close();

const http = await httpServer();
const httpClient = new Client({ name: "bench", version: "1" });
await httpClient.connect(new StreamableHTTPClientTransport(http.url));
report("run_python 1+1 over Streamable HTTP", await callLatencies(httpClient));
await httpClient.close();
http.stop();
