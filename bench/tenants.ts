/**
 * Many tenants on one `woma daemon --socket` (issue 22), side by side with another checkout
 * (`WOMA_BASE`, e.g. main's tree) in one run:
 *  - first run of a new tenant: a client connects while a spare is ready and runs `1+1`;
 *    the time from connecting to the answer, and the part the runner spent in Python;
 *  - a burst of 50 new tenants: 50 clients connect at once, each runs `1+1` and leaves once
 *    answered; a client refused with -31006 tries again after the time the refusal advises
 *    (1 s when it says none). The time until all 50 have their answer, how many refusals
 *    that took, and the peak RSS of the daemon's whole process tree meanwhile;
 *  - a storm: 100 clients that send a run and close at once, then the time until a new
 *    client's `1+1` answers.
 * The sides alternate round by round, so load on a shared machine falls on both alike.
 * Prints figures (and a JSON line, also in .bench-out/tenants.json); asserts nothing.
 *
 *   WOMA_BASE=/tmp/woma-main npx bun bench/tenants.ts [--rounds 3] [--first 8] [--burst 50] [--only first,burst,storm] [-- extra daemon flags]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { ResponseError } from "vscode-jsonrpc";
import { DaemonClient } from "../clients/shared/daemon-client.ts";
import { WomaErrorCodes } from "../protocol/error-codes.ts";
import { loadAverage, median, printTable, quantile, round, type Figure } from "./lib/stats.ts";
import { mib, treeMemory } from "./lib/proc-memory.ts";
import { benchCache, ROOT } from "./lib/woma.ts";

const { values, positionals } = parseArgs({
  options: { rounds: { type: "string", default: "3" }, first: { type: "string", default: "8" }, burst: { type: "string", default: "50" }, only: { type: "string", default: "first,burst,storm" } },
  allowPositionals: true,
});
const ROUNDS = Number(values.rounds);
const FIRST = Number(values.first);
const BURST = Number(values.burst);
const only = new Set(values.only.split(","));
const base = process.env.WOMA_BASE;
const step = (what: string) => process.stderr.write(`bench: ${what}...\n`);

/** One checkout's daemon on a socket. */
interface Side {
  name: string;
  root: string;
  cache: string;
}

interface Running {
  socket: string;
  child: ChildProcess;
  client: DaemonClient;
  stop(): Promise<void>;
}

async function startSocketDaemon(side: Side): Promise<Running> {
  const socket = join(mkdtempSync(join(tmpdir(), "woma-bench-")), "daemon.sock");
  const child = spawn(process.execPath, [join(side.root, "cli", "main.ts"), "daemon", "--socket", socket, "--pyodide-cache", side.cache, "--log-level", "error", ...positionals], { stdio: ["ignore", "ignore", "inherit"] });
  for (let i = 0; !existsSync(socket); i++) {
    if (child.exitCode !== null || i > 600) throw new Error(`${side.name}: the daemon did not start`);
    await Bun.sleep(50);
  }
  const client = await DaemonClient.connect(socket);
  await untilSpareReady(client);
  return {
    socket,
    child,
    client,
    stop: async () => {
      client.dispose();
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

/** Waits until a spare is idle and nothing boots: the state a new tenant finds on a quiet daemon. */
async function untilSpareReady(client: DaemonClient): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    const info = await client.info();
    if (info.runners.some((r) => r.role === "spare" && r.state === "idle") && !info.runners.some((r) => r.state === "booting")) return;
    await Bun.sleep(50);
  }
  throw new Error("no idle spare within 60 s");
}

/** A new tenant's first `1+1`, from connecting to the answer; and the Python part of it. */
async function firstRun(daemon: Running): Promise<{ totalMs: number; pythonMs: number; warmMs: number }> {
  await untilSpareReady(daemon.client);
  await Bun.sleep(300);
  const started = performance.now();
  const client = await DaemonClient.connect(daemon.socket);
  try {
    const result = await client.run({ code: "1+1" });
    const totalMs = performance.now() - started;
    const warm = await client.run({ code: "1+1" });
    return { totalMs, pythonMs: result.execution_time_ms, warmMs: warm.execution_time_ms };
  } finally {
    client.dispose();
  }
}

/** `count` new tenants at once, each running 1+1 until answered (retrying as refusals advise), then leaving. */
async function burst(daemon: Running, count: number): Promise<{ ms: number; refusals: number; peakRss: number }> {
  await untilSpareReady(daemon.client);
  let peakRss = treeMemory(daemon.child.pid!).rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, treeMemory(daemon.child.pid!).rss)), 50);
  let refusals = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: count }, async () => {
      for (;;) {
        const client = await DaemonClient.connect(daemon.socket);
        try {
          await client.run({ code: "1+1" });
          return;
        } catch (error) {
          if (!(error instanceof ResponseError) || error.code !== WomaErrorCodes.PoolBusy) throw error;
          refusals++;
          const advice = (error.data as { retry_after_ms?: number } | undefined)?.retry_after_ms;
          await Bun.sleep(advice ?? 1000);
        } finally {
          client.dispose();
        }
      }
    }),
  );
  const ms = performance.now() - started;
  clearInterval(sampler);
  return { ms, refusals, peakRss };
}

/** 100 clients that send a run and close at once; then how long a new client's 1+1 takes. */
async function storm(daemon: Running): Promise<number> {
  await untilSpareReady(daemon.client);
  const frame = (body: string) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  await Promise.all(
    Array.from(
      { length: 100 },
      (_, i) =>
        new Promise<void>((resolve) => {
          const socket = createConnection(daemon.socket);
          socket.on("error", () => resolve());
          socket.on("connect", () => {
            socket.end(frame(JSON.stringify({ jsonrpc: "2.0", id: 1, method: "python/run", params: { code: `${i}+1` } })));
            socket.destroy();
            resolve();
          });
        }),
    ),
  );
  const started = performance.now();
  for (;;) {
    const client = await DaemonClient.connect(daemon.socket);
    try {
      await client.run({ code: "1+1" });
      return performance.now() - started;
    } catch (error) {
      if (!(error instanceof ResponseError) || error.code !== WomaErrorCodes.PoolBusy) throw error;
      await Bun.sleep(100);
    } finally {
      client.dispose();
    }
  }
}

const sides: Side[] = [{ name: "this", root: ROOT, cache: benchCache() }];
if (base) sides.push({ name: "base", root: base, cache: benchCache("woma-bench-cache-base") });
const results = new Map(sides.map((s) => [s.name, { first: [] as number[], python: [] as number[], warm: [] as number[], burstMs: [] as number[], refusals: [] as number[], peak: [] as number[], storm: [] as number[] }]));

for (let round = 0; round < ROUNDS; round++) {
  for (const side of sides) {
    step(`round ${round + 1}/${ROUNDS}, ${side.name}`);
    const daemon = await startSocketDaemon(side);
    const r = results.get(side.name)!;
    try {
      if (only.has("first")) {
        for (let i = 0; i < FIRST; i++) {
          const f = await firstRun(daemon);
          r.first.push(f.totalMs);
          r.python.push(f.pythonMs);
          r.warm.push(f.warmMs);
        }
      }
      if (only.has("burst")) {
        const b = await burst(daemon, BURST);
        r.burstMs.push(b.ms);
        r.refusals.push(b.refusals);
        r.peak.push(b.peakRss);
      }
      if (only.has("storm")) r.storm.push(await storm(daemon));
    } finally {
      await daemon.stop();
    }
  }
}

const figures: Figure[] = [];
const json: Record<string, unknown> = { machine: { cores: navigator.hardwareConcurrency, bun: Bun.version }, at: new Date().toISOString(), rounds: ROUNDS, base: base ?? null, flags: positionals, load: loadAverage() };
for (const side of sides) {
  const r = results.get(side.name)!;
  const label = side.name === "this" ? "this checkout" : "WOMA_BASE";
  const out: Record<string, unknown> = {};
  if (r.first.length > 0) {
    figures.push({ name: `${label}: new tenant's first 1+1, connect to answer, p50`, value: median(r.first), unit: "ms", target: "< 100 ms", ok: median(r.first) < 100, note: `p90 ${round(quantile(r.first, 0.9), 1)} ms over ${r.first.length}` });
    figures.push({ name: `${label}: of which Python in the runner (first run / a warm run), p50`, value: median(r.python), unit: "ms", note: `warm ${round(median(r.warm), 2)} ms` });
    out.first_run_ms = { p50: round(median(r.first), 1), p90: round(quantile(r.first, 0.9), 1), python_p50: round(median(r.python), 2), warm_python_p50: round(median(r.warm), 2) };
  }
  if (r.burstMs.length > 0) {
    figures.push({ name: `${label}: ${BURST} new tenants at once, all answered, median`, value: median(r.burstMs) / 1000, unit: "s", note: `${median(r.refusals)} refusals (-31006) retried as advised` });
    figures.push({ name: `${label}: peak RSS of the whole tree during the burst, median`, value: mib(median(r.peak)), unit: "MiB" });
    out.burst = { clients: BURST, seconds: round(median(r.burstMs) / 1000, 2), refusals: median(r.refusals), peak_rss_mib: round(mib(median(r.peak)), 0) };
  }
  if (r.storm.length > 0) {
    figures.push({ name: `${label}: after 100 clients that sent a run and left, a new client's 1+1, median`, value: median(r.storm), unit: "ms" });
    out.after_storm_ms = round(median(r.storm), 1);
  }
  json[side.name] = out;
}
printTable(`Many tenants on woma daemon --socket${positionals.length ? ` ${positionals.join(" ")}` : ""} [load ${loadAverage()}]`, figures);
const line = JSON.stringify(json);
console.log(line);
mkdirSync(join(ROOT, ".bench-out"), { recursive: true });
writeFileSync(join(ROOT, ".bench-out", "tenants.json"), `${line}\n`);
