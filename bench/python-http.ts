/**
 * HTTP from Python through a real daemon's broker, against a direct Bun fetch of the same
 * loopback server, in one run (issue 11's benchmarks):
 *
 *   1. a small GET through urllib, requests, httpx and pyfetch (timed inside Python, so the
 *      cost of a run is left out), and a whole run that makes one request, end to end;
 *   2. a 20 MB download's throughput;
 *   3. daemon and runner RSS while 8 large downloads stream at once, read slowly.
 *
 * `bun bench/python-http.ts [--quick]`. The machine is shared and noisy: methods are
 * interleaved round by round, medians and p90s are printed with their sample counts, and
 * nothing is asserted on time.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DaemonClient } from "../clients/shared/daemon-client.ts";
import { buildWheel, downloadRealWheels, MirrorServer, writeLockMirror } from "../test/harness/package-mirror.ts";
import { cpuMsOf } from "./lib/proc-cpu.ts";
import { rssOf, treePids } from "./lib/proc-memory.ts";
import { printRows, quantile, round } from "./lib/stats.ts";
import { ROOT } from "./lib/woma.ts";

const MB = 1024 * 1024;
const QUICK = process.argv.includes("--quick");
// httpx's client gets timeout=300: woma applies a library's timeout to the whole request, and
// httpx's default (5 s, meant between reads) ends a 20 MB download that takes longer on a loaded machine.
/** Rounds: each method gets one batch per round, methods in turn, so a burst of load hits them all alike. */
const ROUNDS = QUICK ? 3 : 6;
const GETS_PER_ROUND = QUICK ? 40 : 150;
const GET_WARMUP = QUICK ? 30 : 100;
const RUNS_PER_ROUND = QUICK ? 10 : 40;
const DOWNLOAD_BYTES = 20 * 1000 * 1000;
const DOWNLOAD_ROUNDS = QUICK ? 2 : 4;
const PARALLEL = 8;
/** Two body sizes: memory that is bounded does not grow with the size of the bodies. */
const PARALLEL_SIZES = QUICK ? [8 * MB, 20 * MB] : [20 * MB, 50 * MB];
const SMALL_BODY = "hello from the bench server\n";

// --- The server: its own process, so its work shares neither the daemon's nor the bench's event loop.
if (process.argv[2] === "--serve") {
  const block = new Uint8Array(256 * 1024).fill(120);
  const server = Bun.serve({
    hostname: "127.0.0.1",
    port: 0,
    idleTimeout: 120,
    fetch(req) {
      const url = new URL(req.url);
      if (url.pathname === "/small") return new Response(SMALL_BODY, { headers: { "content-type": "text/plain" } });
      const size = Number(url.searchParams.get("n") ?? "0");
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= size) return controller.close();
          const part = size - sent >= block.length ? block : block.subarray(0, size - sent);
          controller.enqueue(part);
          sent += part.length;
        },
      });
      return new Response(body, { headers: { "content-length": String(size), "content-type": "application/octet-stream" } });
    },
  });
  process.stdout.write(`${server.port}\n`);
}

// --- Helpers ------------------------------------------------------------------------------

const say = (what: string) => process.stderr.write(`python-http: ${what}\n`);

const p = (s: number[], q: number) => quantile(s, q);

async function startServer(): Promise<{ port: number; child: ChildProcess }> {
  const child = spawn(process.execPath, [import.meta.path, "--serve"], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((resolve, reject) => {
    let text = "";
    child.stdout!.setEncoding("utf8");
    child.stdout!.on("data", (chunk: string) => {
      text += chunk;
      if (text.includes("\n")) resolve(Number(text.trim()));
    });
    child.once("exit", () => reject(new Error("the bench server exited before printing its port")));
  });
  return { port, child };
}

/** The real wheels of requests and httpx from pip's index, served to the daemon by the test mirror; or why not. */
function prepareMirror(): { mirror: MirrorServer; ok: true } | { ok: false; reason: string } {
  const names = ["requests", "urllib3", "certifi", "idna", "httpx", "httpcore", "anyio", "h11", "sniffio", "typing-extensions"];
  const downloads = [...downloadRealWheels(names, 60_000).values()];
  const failed = downloads.find((d) => !d.ok);
  if (failed && !failed.ok) return { ok: false, reason: failed.reason };
  const mirrorDir = mkdtempSync(join(tmpdir(), "woma-netbench-mirror-"));
  writeLockMirror(mirrorDir, []);
  // charset-normalizer has no pure wheel: requests only needs it to import.
  const standIn = buildWheel({ name: "charset-normalizer", version: "3.4.0", module: "charset_normalizer", files: { "api.py": "" } });
  const mirror = MirrorServer.start({ mirrorDir, index: { "charset-normalizer": [standIn] }, extraIndexFiles: downloads.flatMap((d) => (d.ok ? [d.path] : [])) });
  return { mirror, ok: true };
}

interface Daemon {
  client: DaemonClient;
  child: ChildProcess;
  logPath: string;
  stop(): Promise<void>;
}

async function startDaemon(args: string[]): Promise<Daemon> {
  const dir = mkdtempSync(join(tmpdir(), "woma-netbench-"));
  const socket = join(dir, "daemon.sock");
  const logPath = join(dir, "daemon.log");
  // The daemon's default log level (info) writes an audit line per request: kept, into a file.
  const child = spawn(process.execPath, [join(ROOT, "cli", "main.ts"), "daemon", "--socket", socket, ...args], { stdio: ["ignore", "ignore", openSync(logPath, "w")] });
  const deadline = Date.now() + 120_000;
  while (!existsSync(socket)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`the daemon did not start: ${readFileSync(logPath, "utf8").slice(-2000)}`);
    await Bun.sleep(50);
  }
  const client = await DaemonClient.connect(socket);
  for (;;) {
    const info = await client.info();
    if (info.pyodide_loaded && info.runners.every((r) => r.state !== "booting")) break;
    if (Date.now() > deadline) throw new Error(`no runner became ready: ${readFileSync(logPath, "utf8").slice(-2000)}`);
    await Bun.sleep(100);
  }
  return {
    client,
    child,
    logPath,
    stop: async () => {
      client.dispose();
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** CPU used by each party while `work` runs, in ms: this process (the client, and Bun's direct fetch), the daemon, the runner, the server. */
interface Cpu {
  self: number;
  daemon: number;
  runner: number;
  server: number;
}
const noCpu = (): Cpu => ({ self: 0, daemon: 0, runner: 0, server: 0 });

// --- The benchmark ------------------------------------------------------------------------

const fmt = (v: number, d = 2) => (Number.isFinite(v) ? round(v, d).toFixed(d) : "-");

async function main(): Promise<void> {
  const started = performance.now();
  const cache = process.env.WOMA_BENCH_PYODIDE_CACHE ?? join(tmpdir(), "woma-netbench-pyodide-cache");
  mkdirSync(cache, { recursive: true });
  say(`${navigator.hardwareConcurrency} cores, Bun ${Bun.version}, load average ${readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ")}${QUICK ? ", --quick" : ""}`);
  const server = await startServer();
  const base = `http://127.0.0.1:${server.port}`;
  say("fetching the requests and httpx wheels with pip");
  const prepared = prepareMirror();
  if (!prepared.ok) say(`pip's index cannot be reached, so requests and httpx are left out: ${prepared.reason}`);
  const mirror = prepared.ok ? prepared.mirror : undefined;
  say("starting the daemon");
  const daemon = await startDaemon([
    "--pyodide-cache", cache,
    "--allow-net", `127.0.0.1:${server.port}`,
    "--timeout", "900",
    ...(mirror ? ["--packages-url", mirror.url, "--pypi-index", mirror.indexUrl] : []),
  ]);
  const { client } = daemon;
  try {
    const session_id = (await client.createSession()).session.session_id;
    const run = async (code: string) => {
      const result = await client.run({ code, session_id, timeout_ms: 900_000 });
      if (result.status !== "success") throw new Error(`python failed: ${result.error?.type}: ${result.error?.message}\n${result.error?.traceback ?? ""}`);
      return { result, stdout: result.stdout };
    };
    const libs = mirror !== undefined;
    if (libs) {
      say("installing requests and httpx");
      await client.installPackages({ requirements: ["requests", "httpx"], session_id });
    }
    await run(`
import time, json, asyncio, urllib.request
from pyodide.http import pyfetch
${libs ? "import requests, httpx\n_hx = httpx.Client(timeout=300)\n_rs = requests.Session()" : ""}
URL = "${base}/small"
def _urllib():
    with urllib.request.urlopen(URL) as r:
        return r.read()
def _requests():
    return requests.get(URL).content
def _requests_session():
    return _rs.get(URL).content
def _httpx():
    return _hx.get(URL).content
async def _pyfetch():
    return await (await pyfetch(URL)).bytes()
def _time_sync(fn, n):
    out = []
    for _ in range(n):
        t = time.perf_counter()
        body = fn()
        out.append((time.perf_counter() - t) * 1000)
    assert body == ${JSON.stringify(SMALL_BODY)}.encode(), body
    return out
async def _split_pyfetch(n):
    heads, bodies = [], []
    for _ in range(n):
        t = time.perf_counter()
        r = await pyfetch(URL)
        t1 = time.perf_counter()
        await r.bytes()
        heads.append((t1 - t) * 1000)
        bodies.append((time.perf_counter() - t1) * 1000)
    return {"head": heads, "body": bodies}
async def _time_async(fn, n):
    out = []
    for _ in range(n):
        t = time.perf_counter()
        body = await fn()
        out.append((time.perf_counter() - t) * 1000)
    assert body == ${JSON.stringify(SMALL_BODY)}.encode(), body
    return out
`);

    // The session's runner (under namespace isolation, a sandbox wrapper with the runner below it), for CPU and RSS.
    const info = await client.info();
    const runnerPid = info.runners.find((r) => r.role !== "spare" && r.sessions > 0)?.pid ?? info.runners.find((r) => r.role !== "spare")!.pid;
    const runnerTree = treePids(runnerPid);
    const daemonPid = daemon.child.pid!;
    const snapshot = (): Cpu => {
      const own = process.cpuUsage();
      return { self: (own.user + own.system) / 1000, daemon: cpuMsOf([daemonPid]), runner: cpuMsOf(runnerTree), server: cpuMsOf([server.child.pid!]) };
    };
    /** Runs `work` and adds the CPU each party used meanwhile to `into`. */
    const metered = async <T>(into: Cpu, work: () => Promise<T>): Promise<T> => {
      const before = snapshot();
      const result = await work();
      const after = snapshot();
      for (const k of ["self", "daemon", "runner", "server"] as const) into[k] += after[k] - before[k];
      return result;
    };

    // 1. Small GETs, timed inside Python; Bun's direct fetch timed here.
    const methods: { name: string; python?: string; bun?: () => Promise<void> }[] = [
      { name: "Bun fetch, direct", bun: async () => void (await (await fetch(`${base}/small`)).text()) },
      { name: "urllib.request.urlopen", python: "_time_sync(_urllib, N)" },
      ...(libs
        ? [
            { name: "requests.get", python: "_time_sync(_requests, N)" },
            { name: "requests.Session().get", python: "_time_sync(_requests_session, N)" },
            { name: "httpx.Client().get", python: "_time_sync(_httpx, N)" },
          ]
        : []),
      { name: "pyodide.http.pyfetch", python: "await _time_async(_pyfetch, N)" },
    ];
    const times = new Map<string, number[]>(methods.map((m) => [m.name, []]));
    const getCpu = new Map<string, Cpu>(methods.map((m) => [m.name, noCpu()]));
    const timeBatch = async (m: (typeof methods)[number], n: number): Promise<number[]> => {
      if (m.bun) {
        const out: number[] = [];
        for (let i = 0; i < n; i++) {
          const t = performance.now();
          await m.bun();
          out.push(performance.now() - t);
        }
        return out;
      }
      const { stdout } = await run(`N = ${n}\nprint(json.dumps(${m.python}))`);
      return JSON.parse(stdout) as number[];
    };
    say(`small GETs: ${ROUNDS} rounds of ${GETS_PER_ROUND} per method`);
    for (const m of methods) await timeBatch(m, GET_WARMUP);
    for (let round = 0; round < ROUNDS; round++) {
      for (const m of methods) times.get(m.name)!.push(...(await metered(getCpu.get(m.name)!, () => timeBatch(m, GETS_PER_ROUND))));
    }

    // 1c. pyfetch's request in its two halves: the head (runner/fetch) and the body (runner/fetch-read), one round trip each.
    const split = { head: [] as number[], body: [] as number[] };
    for (let round = 0; round < ROUNDS; round++) {
      const { stdout } = await run(`print(json.dumps(await _split_pyfetch(${GETS_PER_ROUND})))`);
      const part = JSON.parse(stdout) as { head: number[]; body: number[] };
      split.head.push(...part.head);
      split.body.push(...part.body);
    }

    // 1b. A whole run with one request, end to end (client → daemon → runner → broker → back), against a run without one.
    say(`one-request runs: ${ROUNDS} rounds of ${RUNS_PER_ROUND}`);
    const runKinds = [
      { name: "run: `None` (no request)", code: "None" },
      { name: "run: one urllib GET", code: "_urllib()" },
      { name: "run: one pyfetch GET", code: "await _pyfetch()" },
      ...(libs ? [{ name: "run: one requests.get", code: "_requests()" }] : []),
    ];
    const runTimes = new Map<string, number[]>(runKinds.map((k) => [k.name, []]));
    for (const k of runKinds) for (let i = 0; i < 5; i++) await run(k.code);
    for (let round = 0; round < ROUNDS; round++) {
      for (const k of runKinds) {
        for (let i = 0; i < RUNS_PER_ROUND; i++) {
          const t = performance.now();
          await client.run({ code: k.code, session_id });
          runTimes.get(k.name)!.push(performance.now() - t);
        }
      }
    }

    // 2. Throughput of a 20 MB download, timed inside Python (Bun's here), interleaved.
    say(`20 MB downloads: ${DOWNLOAD_ROUNDS} rounds`);
    await run(`
BIG = "${base}/bytes?n=${DOWNLOAD_BYTES}"
def _dl(fn):
    t = time.perf_counter()
    size = len(fn())
    assert size == ${DOWNLOAD_BYTES}, size
    return ${DOWNLOAD_BYTES} / 1e6 / (time.perf_counter() - t)
async def _dl_async(fn):
    t = time.perf_counter()
    size = len(await fn())
    assert size == ${DOWNLOAD_BYTES}, size
    return ${DOWNLOAD_BYTES} / 1e6 / (time.perf_counter() - t)
async def _pyfetch_big():
    return await (await pyfetch(BIG)).bytes()
`);
    const downloads: { name: string; python?: string; bun?: () => Promise<number> }[] = [
      {
        name: "Bun fetch, direct (stream read)",
        bun: async () => {
          const t = performance.now();
          let size = 0;
          for await (const chunk of (await fetch(`${base}/bytes?n=${DOWNLOAD_BYTES}`)).body as unknown as AsyncIterable<Uint8Array>) size += chunk.length;
          if (size !== DOWNLOAD_BYTES) throw new Error(`direct download gave ${size} bytes`);
          return DOWNLOAD_BYTES / 1e6 / ((performance.now() - t) / 1000);
        },
      },
      {
        name: "Bun fetch, direct (arrayBuffer)",
        bun: async () => {
          const t = performance.now();
          const size = (await (await fetch(`${base}/bytes?n=${DOWNLOAD_BYTES}`)).arrayBuffer()).byteLength;
          if (size !== DOWNLOAD_BYTES) throw new Error(`direct download gave ${size} bytes`);
          return DOWNLOAD_BYTES / 1e6 / ((performance.now() - t) / 1000);
        },
      },
      { name: "urllib.request.urlopen().read()", python: "_dl(lambda: urllib.request.urlopen(BIG).read())" },
      ...(libs
        ? [
            { name: "requests.get().content", python: "_dl(lambda: requests.get(BIG).content)" },
            { name: "httpx.Client().get().content", python: "_dl(lambda: _hx.get(BIG).content)" },
          ]
        : []),
      { name: "pyfetch().bytes()", python: "await _dl_async(_pyfetch_big)" },
    ];
    const rates = new Map<string, number[]>(downloads.map((d) => [d.name, []]));
    const downloadCpu = new Map<string, Cpu>(downloads.map((d) => [d.name, noCpu()]));
    const download = async (d: (typeof downloads)[number]) => (d.bun ? d.bun() : Number((await run(`print(${d.python})`)).stdout));
    for (const d of downloads) await download(d);
    for (let round = 0; round < DOWNLOAD_ROUNDS; round++) for (const d of downloads) rates.get(d.name)!.push(await metered(downloadCpu.get(d.name)!, () => download(d)));

    // 2b. Where a download's time goes inside the runner: each read of the JS body reader, timed in Python,
    // without copying the chunk into Python (only its length is read), and with the copy every library makes.
    say("per-read latency of a 20 MB body, from Python");
    const { stdout: readsOut } = await run(`
async def _reads(copy):
    r = await pyfetch(BIG)
    reader = r.js_response.body.getReader()
    waits, copies, sizes = [], [], []
    t0 = time.perf_counter()
    while True:
        t = time.perf_counter()
        step = await reader.read()
        waits.append((time.perf_counter() - t) * 1000)
        if step.done:
            break
        sizes.append(step.value.byteLength)
        if copy:
            t = time.perf_counter()
            data = step.value.to_bytes()
            copies.append((time.perf_counter() - t) * 1000)
    return {"waits": waits, "copies": copies, "sizes": sizes, "seconds": time.perf_counter() - t0}
_out = {}
for _round in range(${DOWNLOAD_ROUNDS}):
    for _copy in (False, True):
        _r = await _reads(_copy)
        _k = "copy" if _copy else "nocopy"
        _prev = _out.get(_k, {"waits": [], "copies": [], "sizes": [], "seconds": 0.0})
        _out[_k] = {k: _prev[k] + _r[k] for k in _prev}
print(json.dumps(_out))
`);
    const reads = JSON.parse(readsOut) as Record<"copy" | "nocopy", { waits: number[]; copies: number[]; sizes: number[]; seconds: number }>;

    // 3. Memory: 8 large downloads at once through pyfetch, each read chunk by chunk with a pause, so the server outruns Python;
    // once with smaller bodies and once with larger ones.
    await run(`
async def _slow(url):
    r = await pyfetch(url)
    reader = r.js_response.body.getReader()
    size = 0
    chunks = 0
    while True:
        step = await reader.read()
        if step.done:
            break
        size += step.value.byteLength
        chunks += 1
        await asyncio.sleep(0.01)
    return size, chunks
`);
    const treeRss = () => runnerTree.reduce((sum, pid) => sum + rssOf(pid), 0);
    const memoryTest = async (bytes: number) => {
      say(`memory: ${PARALLEL} x ${bytes / MB} MiB at once, read slowly`);
      await Bun.sleep(500);
      const idle = { daemon: rssOf(daemonPid), runner: treeRss() };
      const peak = { ...idle };
      const sampler = setInterval(() => {
        peak.daemon = Math.max(peak.daemon, rssOf(daemonPid));
        peak.runner = Math.max(peak.runner, treeRss());
      }, 20);
      const { stdout } = await run(`
_t = time.perf_counter()
_got = await asyncio.gather(*[_slow("${base}/bytes?n=${bytes}&i=" + str(i)) for i in range(${PARALLEL})])
assert all(s == ${bytes} for s, _ in _got), _got
print(json.dumps({"seconds": time.perf_counter() - _t, "chunks": [c for _, c in _got]}))
`);
      clearInterval(sampler);
      await Bun.sleep(500);
      const after = { daemon: rssOf(daemonPid), runner: treeRss() };
      return { bytes, idle, peak, after, ...(JSON.parse(stdout) as { seconds: number; chunks: number[] }) };
    };
    const memory: Awaited<ReturnType<typeof memoryTest>>[] = [];
    for (const size of PARALLEL_SIZES) memory.push(await memoryTest(size));

    // --- Report
    const direct = times.get("Bun fetch, direct")!;
    const directP50 = p(direct, 0.5);
    printRows(
      `1. loopback GET of ${SMALL_BODY.length} bytes, per request (ms), timed inside Python; ${ROUNDS} interleaved rounds of ${GETS_PER_ROUND}; CPU time of each process per request (from /proc, robust to outside load)`,
      ["route", "n", "p50", "p90", "p99", "p50 over Bun", "goal <= 2 ms", "CPU ms/req: client", "daemon", "runner", "server"],
      methods.map((m) => {
        const s = times.get(m.name)!;
        const over = p(s, 0.5) - directP50;
        const c = getCpu.get(m.name)!;
        const per = (v: number) => fmt(v / s.length, 2);
        return [m.name, String(s.length), fmt(p(s, 0.5), 3), fmt(p(s, 0.9), 3), fmt(p(s, 0.99), 3), m.bun ? "" : fmt(over, 3), m.bun ? "" : over <= 2 ? "met" : "MISSED", per(c.self), per(c.daemon), per(c.runner), per(c.server)];
      }),
    );
    printRows(
      `1c. pyfetch's two halves (ms): the head is one runner/fetch round trip, the body one runner/fetch-read; ${ROUNDS} rounds of ${GETS_PER_ROUND}`,
      ["half", "n", "p50", "p90"],
      [
        ["await pyfetch(url)  (head)", String(split.head.length), fmt(p(split.head, 0.5), 3), fmt(p(split.head, 0.9), 3)],
        ["await r.bytes()     (body)", String(split.body.length), fmt(p(split.body, 0.5), 3), fmt(p(split.body, 0.9), 3)],
      ],
    );
    const baseRun = runTimes.get(runKinds[0]!.name)!;
    printRows(
      `1b. a whole run, client → daemon → runner and back (ms), socket transport; ${ROUNDS} interleaved rounds of ${RUNS_PER_ROUND}`,
      ["run", "n", "p50", "p90", "p50 over `None`"],
      runKinds.map((k, i) => {
        const s = runTimes.get(k.name)!;
        return [k.name, String(s.length), fmt(p(s, 0.5), 3), fmt(p(s, 0.9), 3), i === 0 ? "" : fmt(p(s, 0.5) - p(baseRun, 0.5), 3)];
      }),
    );
    printRows(
      `2. ${DOWNLOAD_BYTES / 1e6} MB download (MB/s, 10^6 bytes), timed inside Python; ${DOWNLOAD_ROUNDS} interleaved rounds after a warm-up; CPU time of each process per MB`,
      ["route", "n", "median", "min", "max", "goal >= 100", "CPU ms/MB: client", "daemon", "runner", "server"],
      downloads.map((d) => {
        const s = rates.get(d.name)!;
        const c = downloadCpu.get(d.name)!;
        const per = (v: number) => fmt(v / ((s.length * DOWNLOAD_BYTES) / 1e6), 1);
        return [d.name, String(s.length), fmt(p(s, 0.5), 1), fmt(Math.min(...s), 1), fmt(Math.max(...s), 1), d.bun ? "" : p(s, 0.5) >= 100 ? "met" : "MISSED", per(c.self), per(c.daemon), per(c.runner), per(c.server)];
      }),
    );
    printRows(
      `2b. inside the runner: each await reader.read() of a ${DOWNLOAD_BYTES / 1e6} MB pyfetch body, timed in Python (ms); ${DOWNLOAD_ROUNDS} bodies each way`,
      ["reading", "reads", "KiB/read p50", "read p50", "read p90", "to_bytes p50", "MB/s"],
      (["nocopy", "copy"] as const).map((k) => {
        const r = reads[k];
        return [
          k === "copy" ? "and value.to_bytes() (a copy into Python)" : "length only (no copy into Python)",
          String(r.sizes.length),
          fmt(p(r.sizes, 0.5) / 1024, 0),
          fmt(p(r.waits, 0.5)),
          fmt(p(r.waits, 0.9)),
          k === "copy" ? fmt(p(r.copies, 0.5), 3) : "",
          fmt((DOWNLOAD_ROUNDS * DOWNLOAD_BYTES) / 1e6 / r.seconds, 1),
        ];
      }),
    );
    const mib = (b: number) => fmt(b / MB, 1);
    printRows(
      `3. RSS while ${PARALLEL} downloads stream at once through pyfetch, each read in chunks with a 10 ms pause (MiB; sampled every 20 ms; runner = pid ${runnerPid}${runnerTree.length > 1 ? ` and the ${runnerTree.length - 1} processes below it` : ""})`,
      ["bodies", "process", "idle", "peak", "peak - idle", "after", "seconds", "MiB/s together", "KiB/chunk"],
      memory.flatMap((m) => {
        const total = (PARALLEL * m.bytes) / MB;
        const chunk = fmt(((m.bytes / 1024) * m.chunks.length) / m.chunks.reduce((a, b) => a + b, 0), 0);
        return [
          [`${PARALLEL} x ${m.bytes / MB} MiB`, "daemon", mib(m.idle.daemon), mib(m.peak.daemon), mib(m.peak.daemon - m.idle.daemon), mib(m.after.daemon), fmt(m.seconds, 1), fmt(total / m.seconds, 1), chunk],
          ["", "runner", mib(m.idle.runner), mib(m.peak.runner), mib(m.peak.runner - m.idle.runner), mib(m.after.runner), "", "", ""],
        ];
      }),
    );
    const growth = (m: (typeof memory)[number]) => m.peak.daemon - m.idle.daemon + (m.peak.runner - m.idle.runner);
    const [small, large] = [memory[0]!, memory[memory.length - 1]!];
    const moreBodies = PARALLEL * (large.bytes - small.bytes);
    // Bounded: less than half of the extra bodies shows up as extra growth (GC timing alone moves growth by tens of MiB).
    const bounded = growth(large) - growth(small) < moreBodies / 2;

    // The summary against issue 11's goals.
    const worstOver = Math.max(...methods.filter((m) => !m.bun).map((m) => p(times.get(m.name)!, 0.5) - directP50));
    const bestOver = Math.min(...methods.filter((m) => !m.bun).map((m) => p(times.get(m.name)!, 0.5) - directP50));
    const pyRates = downloads.filter((d) => !d.bun).map((d) => p(rates.get(d.name)!, 0.5));
    const pyGetCpu = methods.filter((m) => !m.bun).map((m) => (getCpu.get(m.name)!.daemon + getCpu.get(m.name)!.runner) / times.get(m.name)!.length);
    const mbOf = (name: string) => (rates.get(name)!.length * DOWNLOAD_BYTES) / 1e6;
    const pyMbCpu = downloads.filter((d) => !d.bun).map((d) => (downloadCpu.get(d.name)!.daemon + downloadCpu.get(d.name)!.runner) / mbOf(d.name));
    const directMbCpu = downloadCpu.get(downloads[0]!.name)!.self / mbOf(downloads[0]!.name);
    printRows(
      `summary (${navigator.hardwareConcurrency} cores, Bun ${Bun.version}, ${fmt((performance.now() - started) / 1000, 0)} s${QUICK ? ", --quick" : ""}${libs ? "" : "; requests and httpx left out: pip's index unreachable"})`,
      ["goal", "figure", "met"],
      [
        ["GET overhead over Bun fetch, p50 <= 2 ms", `${fmt(bestOver, 3)} to ${fmt(worstOver, 3)} ms`, worstOver <= 2 ? "yes" : bestOver <= 2 ? "some" : "no"],
        ["20 MB download >= 100 MB/s", `${fmt(Math.min(...pyRates), 1)} to ${fmt(Math.max(...pyRates), 1)} MB/s`, Math.min(...pyRates) >= 100 ? "yes" : Math.max(...pyRates) >= 100 ? "some" : "no"],
        [
          "CPU per small GET (daemon + runner; Bun: client)",
          `${fmt(Math.min(...pyGetCpu), 2)} to ${fmt(Math.max(...pyGetCpu), 2)} ms (Bun ${fmt(getCpu.get("Bun fetch, direct")!.self / direct.length, 2)} ms)`,
          "",
        ],
        [
          "CPU per MB downloaded (daemon + runner; Bun: client)",
          `${fmt(Math.min(...pyMbCpu), 1)} to ${fmt(Math.max(...pyMbCpu), 1)} ms (Bun ${fmt(directMbCpu, 1)} ms)`,
          "",
        ],
        [
          `memory bounded: ${PARALLEL} at once, growth not with body size`,
          `daemon + runner +${mib(growth(small))} MiB (${PARALLEL} x ${small.bytes / MB}), +${mib(growth(large))} MiB (${PARALLEL} x ${large.bytes / MB})`,
          bounded ? "yes" : "no",
        ],
      ],
    );
    console.log(
      `\n${JSON.stringify({
        python_http: {
          quick: QUICK,
          get_ms: Object.fromEntries(methods.map((m) => [m.name, { n: times.get(m.name)!.length, p50: round(p(times.get(m.name)!, 0.5), 3), p90: round(p(times.get(m.name)!, 0.9), 3) }])),
          pyfetch_split_ms: { head_p50: round(p(split.head, 0.5), 3), body_p50: round(p(split.body, 0.5), 3) },
          run_ms: Object.fromEntries(runKinds.map((k) => [k.name, { n: runTimes.get(k.name)!.length, p50: round(p(runTimes.get(k.name)!, 0.5), 3), p90: round(p(runTimes.get(k.name)!, 0.9), 3) }])),
          download_mb_s: Object.fromEntries(downloads.map((d) => [d.name, round(p(rates.get(d.name)!, 0.5), 1)])),
          get_cpu_ms_per_request: Object.fromEntries(methods.map((m) => [m.name, Object.fromEntries(Object.entries(getCpu.get(m.name)!).map(([k, v]) => [k, round(v / times.get(m.name)!.length, 3)]))])),
          download_cpu_ms_per_mb: Object.fromEntries(downloads.map((d) => [d.name, Object.fromEntries(Object.entries(downloadCpu.get(d.name)!).map(([k, v]) => [k, round(v / ((rates.get(d.name)!.length * DOWNLOAD_BYTES) / 1e6), 2)]))])),
          rss_mib: Object.fromEntries(
            memory.map((m) => [`${PARALLEL}x${m.bytes / MB}MiB`, { daemon: { idle: round(m.idle.daemon / MB, 1), peak: round(m.peak.daemon / MB, 1) }, runner: { idle: round(m.idle.runner / MB, 1), peak: round(m.peak.runner / MB, 1) } }]),
          ),
        },
      })}`,
    );
  } finally {
    await daemon.stop();
    mirror?.stop();
    server.child.kill();
  }
}

if (process.argv[2] !== "--serve") await main();
