/**
 * Round trip of `1+1` per transport, p50 and p99: JSON-RPC over stdio and over the Unix
 * socket, REST sequential at --workers 0, 1 and 2, MCP over stdio sequential and with 8
 * calls at once. Each figure is the median over rounds (a fresh server per round).
 *
 *   bun bench/transports.ts [--rounds N] [--calls N]
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { DaemonClient } from "../clients/shared/daemon-client.ts";
import { restOnePlusOne, serveUrl, spawnWoma, until } from "./lib/modes.ts";
import { median, printTable, quantile, round, type Figure } from "./lib/stats.ts";
import { benchCache, ROOT, stdioDaemon } from "./lib/woma.ts";
import { benchArgs } from "./lib/args.ts";

const USAGE = "npx bun bench/transports.ts [--rounds N] [--calls N]";

/** p50 and p99 of one round, in ms. */
interface Percentiles {
  p50: number;
  p99: number;
}

const WARM_UP = 50;

/** Times `calls` sequential calls of `once` after a warm-up. */
async function sequential(once: () => Promise<void>, calls: number): Promise<Percentiles> {
  for (let i = 0; i < WARM_UP; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await once();
    times.push(performance.now() - started);
  }
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
}

/** `clients` loops calling `once` at the same time, `calls` calls in all. */
async function concurrent(once: () => Promise<void>, calls: number, clients: number): Promise<Percentiles> {
  for (let i = 0; i < WARM_UP; i++) await once();
  const times: number[] = [];
  let left = calls;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (left-- > 0) {
        const started = performance.now();
        await once();
        times.push(performance.now() - started);
      }
    }),
  );
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
}

async function stdioRound(cache: string, calls: number): Promise<Percentiles> {
  const daemon = await stdioDaemon(["--pyodide-cache", cache, "--workers", "1"]);
  try {
    return await sequential(async () => void (await daemon.client.run({ code: "1+1" })), calls);
  } finally {
    await daemon.stop();
  }
}

async function socketRound(cache: string, calls: number): Promise<Percentiles> {
  const socket = join(mkdtempSync(join(tmpdir(), "woma-bench-sock-")), "d.sock");
  const daemon = spawnWoma(["daemon", "--socket", socket, "--workers", "1", "--pyodide-cache", cache]);
  try {
    await until("the daemon's socket", () => existsSync(socket));
    const client = await DaemonClient.connect(socket);
    try {
      return await sequential(async () => void (await client.run({ code: "1+1" })), calls);
    } finally {
      client.dispose();
    }
  } finally {
    await daemon.stop();
  }
}

async function restRound(cache: string, calls: number, workers: number): Promise<Percentiles> {
  const serve = spawnWoma(["serve", "--port", "0", "--workers", String(workers), "--pyodide-cache", cache]);
  try {
    const url = await serveUrl(serve);
    return await sequential(() => restOnePlusOne(url), calls);
  } finally {
    await serve.stop();
  }
}

async function mcpRound(cache: string, calls: number, clients: number): Promise<Percentiles> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [join(ROOT, "cli", "main.ts"), "mcp", "--pyodide-cache", cache], stderr: "ignore" });
  const client = new Client({ name: "bench", version: "1" });
  await client.connect(transport);
  try {
    const once = async () => {
      const result = await client.callTool({ name: "run_python", arguments: { code: "1+1" } });
      if ((result.content as Array<{ text?: string }>)[0]?.text !== "[result]\n2") throw new Error(`1+1 gave ${JSON.stringify(result)}`);
    };
    return clients === 1 ? await sequential(once, calls) : await concurrent(once, calls, clients);
  } finally {
    await client.close();
  }
}

/** One transport's figure: how to measure a round, its target (on p50 or p99), and the issue's figure before. */
interface Case {
  name: string;
  round: (cache: string, calls: number) => Promise<Percentiles>;
  target?: { on: "p50" | "p99"; ms: number };
  before?: string;
}

const CASES: Case[] = [
  { name: "JSON-RPC stdio", round: stdioRound, target: { on: "p50", ms: 0.4 }, before: "p50 0.73-0.86 ms" },
  { name: "JSON-RPC Unix socket", round: socketRound },
  { name: "REST sequential, --workers 0", round: (cache, calls) => restRound(cache, calls, 0), target: { on: "p50", ms: 1.0 }, before: "p50 1.54 ms" },
  { name: "REST sequential, --workers 1", round: (cache, calls) => restRound(cache, calls, 1), target: { on: "p50", ms: 1.0 } },
  { name: "REST sequential, --workers 2", round: (cache, calls) => restRound(cache, calls, 2), target: { on: "p50", ms: 1.0 } },
  { name: "MCP stdio sequential", round: (cache, calls) => mcpRound(cache, calls, 1), before: "p50 1.8 ms" },
  { name: "MCP stdio, 8 calls at once", round: (cache, calls) => mcpRound(cache, calls, 8), target: { on: "p99", ms: 10 } },
];

/** Every transport's p50 and p99, medians over `rounds` rounds of `calls` calls. */
export async function measureTransports(rounds = 3, calls = 500, cache = benchCache()): Promise<{ figures: Figure[]; json: Record<string, unknown> }> {
  const results = new Map<string, Percentiles[]>();
  for (let i = 0; i < rounds; i++) {
    for (const c of CASES) {
      process.stderr.write(`bench: ${c.name}, round ${i + 1}/${rounds}\n`);
      results.set(c.name, [...(results.get(c.name) ?? []), await c.round(cache, calls)]);
    }
  }
  const figures: Figure[] = [];
  const json: Record<string, unknown> = {};
  for (const c of CASES) {
    const all = results.get(c.name)!;
    const p50 = median(all.map((r) => r.p50));
    const p99 = median(all.map((r) => r.p99));
    const rounds50 = all.map((r) => round(r.p50, 2)).join("/");
    for (const [which, value] of [["p50", p50], ["p99", p99]] as const) {
      const target = c.target?.on === which ? c.target : undefined;
      figures.push({
        name: `${c.name}, ${which}`,
        value,
        unit: "ms",
        ...(target ? { target: `<= ${target.ms} ms`, ok: value <= target.ms } : {}),
        note: which === "p50" ? `rounds ${rounds50}${c.before ? `; before: ${c.before}` : ""}` : "",
      });
    }
    json[c.name] = { p50_ms: round(p50, 3), p99_ms: round(p99, 3) };
  }
  return { figures, json };
}

if (import.meta.main) {
  const { values } = benchArgs(USAGE, { rounds: { type: "string", default: "3" }, calls: { type: "string", default: "500" } });
  const { figures, json } = await measureTransports(Number(values.rounds), Number(values.calls));
  printTable(`1+1 round trip per transport (median of ${values.rounds} rounds of ${values.calls} calls)`, figures);
  console.log(`\n${JSON.stringify({ transports: json })}`);
}
