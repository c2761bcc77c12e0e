/**
 * Benchmark of the REST bridge: requests per second and p50/p99 latency of `POST /python`
 * with `1+1`, for `woma serve --workers 0, 1 and 2`, with 8 concurrent keep-alive clients
 * for 10 s each, and the resident memory of the server's whole process tree idle and
 * under load.
 *
 *   bun bench/rest-throughput.ts [--workers 0,1,2] [--clients 8] [--seconds 10] [--pyodide-cache DIR]
 *
 * The server is started as a user would (`bun cli/main.ts serve --port 0`), one per
 * setting. The load comes from this process on the same machine, so on a small machine the
 * client's own CPU use is part of the figure. RSS adds up every process of the tree
 * (server, bubblewrap wrappers, runners); pages they share are counted once per process.
 */
import { spawn, spawnSync } from "node:child_process";
import { join, resolve } from "node:path";
import { benchArgs } from "./lib/args.ts";

const REPO_ROOT = resolve(import.meta.dir, "..");

const { values } = benchArgs("npx bun bench/rest-throughput.ts [--workers 0,1,2] [--clients 8] [--seconds 10] [--pyodide-cache DIR]", {
  workers: { type: "string", default: "0,1,2" },
  clients: { type: "string", default: "8" },
  seconds: { type: "string", default: "10" },
  "pyodide-cache": { type: "string", default: join(process.env.TMPDIR ?? "/tmp", "woma-test-cache") },
});
const settings = values.workers.split(",").map(Number);
const clients = Number(values.clients);
const seconds = Number(values.seconds);

interface Server {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

async function startServer(workers: number): Promise<Server> {
  const child = spawn(process.execPath, [join(REPO_ROOT, "cli", "main.ts"), "serve", "--port", "0", "--workers", String(workers), "--pyodide-cache", values["pyodide-cache"]], {
    stdio: ["ignore", "ignore", "pipe"],
    env: { ...process.env, WOMA_TOKEN: "" },
  });
  let stderr = "";
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    const url = /woma: listening on (http:\/\/\S+)/.exec(stderr)?.[1];
    if (url) return { url, pid: child.pid!, stop: async () => void (child.kill("SIGTERM"), await exited) };
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`woma serve --workers ${workers} did not start: ${stderr}`);
    await Bun.sleep(50);
  }
}

/** Resident memory of `pid` and all its descendants, in bytes. */
function treeRss(pid: number): number {
  const listing = spawnSync("ps", ["-e", "-o", "pid=,ppid=,rss="], { encoding: "utf8" }).stdout;
  const rows = listing
    .trim()
    .split("\n")
    .map((line) => line.trim().split(/\s+/).map(Number) as [number, number, number]);
  const inTree = new Set([pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [child, parent] of rows) {
      if (inTree.has(parent) && !inTree.has(child)) {
        inTree.add(child);
        grew = true;
      }
    }
  }
  return rows.filter(([child]) => inTree.has(child)).reduce((sum, [, , rss]) => sum + rss * 1024, 0);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const mib = (bytes: number) => (bytes / 1048576).toFixed(0);

interface Figures {
  workers: number;
  requests: number;
  errors: number;
  perSecond: number;
  p50: number;
  p99: number;
  idleRss: number;
  loadRss: number;
}

async function measure(workers: number): Promise<Figures> {
  const server = await startServer(workers);
  try {
    const body = JSON.stringify({ code: "1+1" });
    const post = () => fetch(`${server.url}/python`, { method: "POST", body, headers: { "Content-Type": "application/json" } });
    // Warm up: the first runs, and the spare runner booting behind the first, are not what is measured.
    for (let i = 0; i < 50; i++) await (await post()).text();
    await Bun.sleep(3000);
    const idleRss = treeRss(server.pid);

    const latencies: number[] = [];
    let errors = 0;
    let loadRss = 0;
    const sampler = setInterval(() => (loadRss = Math.max(loadRss, treeRss(server.pid))), 500);
    const started = performance.now();
    const end = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < end) {
          const t = performance.now();
          const response = await post();
          const answer = (await response.json()) as { result?: unknown };
          latencies.push(performance.now() - t);
          if (response.status !== 200 || answer.result !== "2") errors++;
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    clearInterval(sampler);
    loadRss = Math.max(loadRss, treeRss(server.pid));
    latencies.sort((a, b) => a - b);
    return { workers, requests: latencies.length, errors, perSecond: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99), idleRss, loadRss };
  } finally {
    await server.stop();
  }
}

console.log(`POST /python {"code": "1+1"}: ${clients} keep-alive clients, ${seconds} s per setting, Bun ${Bun.version}, ${navigator.hardwareConcurrency} CPUs`);
console.log("workers  requests  errors    req/s   p50 ms   p99 ms  RSS idle MiB  RSS load MiB");
for (const workers of settings) {
  const f = await measure(workers);
  console.log(
    `${String(f.workers).padStart(7)}  ${String(f.requests).padStart(8)}  ${String(f.errors).padStart(6)}  ${f.perSecond.toFixed(0).padStart(7)}  ${f.p50.toFixed(2).padStart(7)}  ${f.p99.toFixed(2).padStart(7)}  ${mib(f.idleRss).padStart(12)}  ${mib(f.loadRss).padStart(12)}`,
  );
}
