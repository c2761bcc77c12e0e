/**
 * Where the time of an HTTP body goes between the daemon and Python, without Pyodide: a
 * micro-benchmark of the hops a body chunk takes today, and of the alternatives.
 *
 * Today a runner's worker asks for the next chunk (`runner/fetch-read`), its main thread
 * forwards the request on fd 3, the daemon answers on the runner's stdin with the chunk in
 * base64 inside a JSON-RPC message, and the main thread posts it to the worker, which decodes
 * it. One pull is in flight at a time, and a pull carries what the relay has read ahead
 * (512 KiB, at most 1 MiB). So a body moves one chunk per round trip.
 *
 *   1. CPU cost of each step for one chunk (base64, JSON, UTF-8, postMessage), in one process.
 *   2. The whole pull loop between two real processes (a "daemon" and a "runner" with a
 *      worker thread), over the same socketpairs the daemon uses, in several variants: chunk
 *      size, pulls in flight (a window, as credit-based push would give), binary frames
 *      instead of base64 JSON, and a pipe instead of a socketpair. Each variant runs with
 *      the machine as it is, and again with busy processes of our own on every core, which
 *      is what "under load" means on the shared 2-core machine.
 *
 * `bun bench/net-ipc.ts [--quick]`. Medians and p90s with sample counts; nothing asserted.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdtempSync, openSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable, Writable } from "node:stream";
import { createMessageConnection, StreamMessageWriter } from "vscode-jsonrpc/node";
import { BoundedMessageReader } from "../protocol/wire/bounded-message-reader.ts";
import { nodeStreamSource } from "../protocol/wire/byte-sources.ts";
import { printRows, quantile, round } from "./lib/stats.ts";

declare const self: Worker;

const KiB = 1024;
const MiB = 1024 * 1024;
const QUICK = process.argv.includes("--quick");

/** One configuration of the pull loop. */
interface Variant {
  name: string;
  /** `json`: today's JSON-RPC with base64 data; `binary`: length-prefixed frames, the bytes transferred to the worker. */
  encoding: "json" | "binary";
  chunk: number;
  /** Pulls in flight at once (today: 1). */
  window: number;
  /** What carries daemon → runner: the child's stdin socketpair (today) or a FIFO (a pipe). */
  channel: "socketpair" | "pipe";
}

/** What the runner side measured. */
interface LoopResult {
  /** Per pull, request to decoded bytes in the worker, ms. */
  worker: number[];
  /** Per pull, request sent on fd 3 to answer parsed, in the runner's main thread, ms. */
  main: number[];
  /** Per pull, the daemon's time to build the answer (read the buffer, base64, JSON), ms. */
  daemon: number[];
  bytes: number;
  seconds: number;
  /** CPU time (user + system, all threads) and minor page faults of each process over the loop. */
  runnerCpuMs: number;
  daemonCpuMs: number;
  runnerFaults: number;
  daemonFaults: number;
}

/** CPU time (ms, all threads) and minor page faults of this process so far. */
function usage(): { cpu: number; faults: number } {
  const u = process.cpuUsage();
  const stat = readFileSync("/proc/self/stat", "utf8");
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return { cpu: (u.user + u.system) / 1000, faults: Number(fields[7]) };
}

// ------------------------------------------------------------------------------------------
// The runner's worker thread: pulls `total` bytes, `window` at a time, decoding each chunk.
if (!Bun.isMainThread) {
  self.onmessage = (event: MessageEvent) => {
    const { total, chunk, window, encoding } = event.data as { total: number; chunk: number; window: number; encoding: Variant["encoding"] };
    const pulls = Math.ceil(total / chunk);
    const started = performance.now();
    const sentAt = new Map<number, number>();
    const times: number[] = [];
    let asked = 0;
    let received = 0;
    const ask = () => {
      const id = ++asked;
      sentAt.set(id, performance.now());
      self.postMessage({ op: "pull", id });
    };
    self.onmessage = (reply: MessageEvent) => {
      const { id, data } = reply.data as { id: number; data: string | ArrayBuffer };
      // What the worker does today: base64 → Uint8Array (Buffer.from, then a copy into a fresh Uint8Array).
      const bytes = encoding === "json" ? new Uint8Array(Buffer.from(data as string, "base64")) : new Uint8Array(data as ArrayBuffer);
      times.push(performance.now() - sentAt.get(id)!);
      sentAt.delete(id);
      received += bytes.length;
      if (asked < pulls) ask();
      else if (sentAt.size === 0) self.postMessage({ op: "done", times, bytes: received, seconds: (performance.now() - started) / 1000 });
    };
    for (let i = 0; i < Math.min(window, pulls); i++) ask();
  };
} else if (process.argv[2] === "--runner") {
  await runnerMain(JSON.parse(process.argv[3]!) as Variant & { total: number });
} else if (process.argv[2] === "--spin") {
  for (;;) {
    // a busy core
  }
} else {
  await main();
}

// ------------------------------------------------------------------------------------------
// The runner process: its main thread relays between the worker and the daemon, as runner-main.ts does.

async function runnerMain(variant: Variant & { total: number }): Promise<void> {
  const toDaemon = createWriteStream("", { fd: 3, autoClose: false });
  const worker = new Worker(import.meta.path);
  const mainTimes: number[] = [];
  const daemonTimes: number[] = [];
  // Counted from the first pull on, so the runner's start-up (modules, the worker) is left out.
  let before: { cpu: number; faults: number } | undefined;
  const finish = (result: { times: number[]; bytes: number; seconds: number }) => {
    const after = usage();
    const out: LoopResult = { worker: result.times, main: mainTimes, daemon: daemonTimes, bytes: result.bytes, seconds: result.seconds, runnerCpuMs: after.cpu - before!.cpu, runnerFaults: after.faults - before!.faults, daemonCpuMs: 0, daemonFaults: 0 };
    process.stdout.write(`${JSON.stringify(out)}\n`, () => process.exit(0));
  };
  if (variant.encoding === "json") {
    const connection = createMessageConnection(
      new BoundedMessageReader(nodeStreamSource(process.stdin), { maxMessageBytes: 64 * MiB, onProblem: (p) => console.error(p.message) }),
      new StreamMessageWriter(toDaemon),
    );
    connection.listen();
    worker.onmessage = (event: MessageEvent) => {
      const message = event.data as { op: string; id: number; times: number[]; bytes: number; seconds: number };
      if (message.op === "done") return finish(message);
      before ??= usage();
      const sent = performance.now();
      void connection.sendRequest("runner/fetch-read", { runId: "r1", requestId: 1 }).then((answer) => {
        const { data, ms } = answer as { done: false; data: string; ms: number };
        mainTimes.push(performance.now() - sent);
        daemonTimes.push(ms);
        worker.postMessage({ id: message.id, data });
      });
    };
  } else {
    // Frames: [u32 id][u32 length][f64 daemon ms][bytes].
    const sentAt = new Map<number, number>();
    let pending: Buffer[] = [];
    let pendingBytes = 0;
    let need = -1;
    let head: { id: number; ms: number } | undefined;
    process.stdin.on("data", (chunk: Buffer) => {
      pending.push(chunk);
      pendingBytes += chunk.length;
      for (;;) {
        if (need < 0) {
          if (pendingBytes < 16) return;
          const flat = Buffer.concat(pending, pendingBytes);
          head = { id: flat.readUInt32LE(0), ms: flat.readDoubleLE(8) };
          need = flat.readUInt32LE(4);
          pending = [flat.subarray(16)];
          pendingBytes -= 16;
        }
        if (pendingBytes < need) return;
        const flat = Buffer.concat(pending, pendingBytes);
        // One copy into an ArrayBuffer of its own, which is transferred (not copied) to the worker.
        const body = flat.buffer.slice(flat.byteOffset, flat.byteOffset + need);
        pending = [flat.subarray(need)];
        pendingBytes -= need;
        need = -1;
        mainTimes.push(performance.now() - sentAt.get(head!.id)!);
        daemonTimes.push(head!.ms);
        worker.postMessage({ id: head!.id, data: body }, [body]);
      }
    });
    worker.onmessage = (event: MessageEvent) => {
      const message = event.data as { op: string; id: number; times: number[]; bytes: number; seconds: number };
      if (message.op === "done") return finish(message);
      before ??= usage();
      sentAt.set(message.id, performance.now());
      const frame = Buffer.alloc(4);
      frame.writeUInt32LE(message.id);
      toDaemon.write(frame);
    };
  }
  worker.postMessage({ total: variant.total, chunk: variant.chunk, window: variant.window, encoding: variant.encoding });
}

// ------------------------------------------------------------------------------------------
// The daemon side: answers pulls from a buffer of 64 KiB pieces, as the fetch relay does.

async function runLoop(variant: Variant, total: number): Promise<LoopResult> {
  let fifoDir: string | undefined;
  let stdin: "pipe" | number = "pipe";
  let fifoFd: number | undefined;
  if (variant.channel === "pipe") {
    fifoDir = mkdtempSync(join(tmpdir(), "woma-ipc-"));
    const fifo = join(fifoDir, "to-runner");
    spawnSync("mkfifo", [fifo]);
    // O_RDWR: opening does not wait for the other end. The child gets it as its stdin (a pipe).
    fifoFd = openSync(fifo, "r+");
    stdin = fifoFd;
  }
  const child = spawn(process.execPath, [import.meta.path, "--runner", JSON.stringify({ ...variant, total })], { stdio: [stdin, "pipe", "inherit", "pipe"] });
  const fromRunner = child.stdio[3] as Readable;
  const toRunner: Writable = variant.channel === "pipe" ? createWriteStream("", { fd: fifoFd!, autoClose: false }) : child.stdin!;
  // The relay's buffer: 64 KiB pieces, as the broker's body yields them.
  const piece = new Uint8Array(64 * KiB).fill(97);
  // Counted from the first pull on.
  let before: { cpu: number; faults: number } | undefined;
  const take = (size: number) => {
    const parts: Uint8Array[] = [];
    for (let left = size; left > 0; left -= piece.length) parts.push(left >= piece.length ? piece : piece.subarray(0, left));
    return Buffer.concat(parts, size);
  };
  if (variant.encoding === "json") {
    const connection = createMessageConnection(
      new BoundedMessageReader(nodeStreamSource(fromRunner), { maxMessageBytes: MiB, onProblem: () => {} }),
      new StreamMessageWriter(toRunner),
    );
    connection.onRequest("runner/fetch-read", () => {
      before ??= usage();
      const t = performance.now();
      const data = take(variant.chunk).toString("base64");
      return { done: false, data, ms: performance.now() - t };
    });
    connection.listen();
  } else {
    let pending = Buffer.alloc(0);
    fromRunner.on("data", (chunk: Buffer) => {
      before ??= usage();
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 4) {
        const id = pending.readUInt32LE(0);
        pending = pending.subarray(4);
        const t = performance.now();
        const body = take(variant.chunk);
        const head = Buffer.alloc(16);
        head.writeUInt32LE(id, 0);
        head.writeUInt32LE(body.length, 4);
        head.writeDoubleLE(performance.now() - t, 8);
        toRunner.write(head);
        toRunner.write(body);
      }
    });
  }
  let text = "";
  child.stdout!.setEncoding("utf8");
  child.stdout!.on("data", (chunk: string) => (text += chunk));
  await new Promise((resolve) => child.once("exit", resolve));
  const after = usage();
  if (fifoDir) rmSync(fifoDir, { recursive: true, force: true });
  return { ...(JSON.parse(text) as LoopResult), daemonCpuMs: after.cpu - before!.cpu, daemonFaults: after.faults - before!.faults };
}

// ------------------------------------------------------------------------------------------
// CPU cost of one chunk's steps, in this process.

/** Median and minimum time of `fn`, ms (the minimum is the cost with no outside load in the way). */
function timeOf(fn: () => void, count: number): [number, number] {
  for (let i = 0; i < 3; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return [quantile(times, 0.5), Math.min(...times)];
}

async function postMessageRoundTrip(payload: () => unknown, transfer: boolean, count: number): Promise<[number, number]> {
  const echo = new Worker(URL.createObjectURL(new Blob(["self.onmessage = (e) => self.postMessage(e.data, e.data instanceof ArrayBuffer ? [e.data] : []);"], { type: "application/javascript" })));
  const once = () =>
    new Promise<number>((resolve) => {
      const value = payload();
      const t = performance.now();
      echo.onmessage = () => resolve(performance.now() - t);
      echo.postMessage(value, transfer ? [value as ArrayBuffer] : []);
    });
  for (let i = 0; i < 3; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(await once());
  echo.terminate();
  return [quantile(times, 0.5), Math.min(...times)];
}

async function cpuCosts(): Promise<string[][]> {
  const rows: string[][] = [];
  const count = QUICK ? 30 : 100;
  for (const size of [512 * KiB, MiB]) {
    const bytes = Buffer.alloc(size, 97);
    const b64 = bytes.toString("base64");
    const message = JSON.stringify({ jsonrpc: "2.0", id: 7, result: { done: false, data: b64 } });
    const encoded = Buffer.from(message, "utf8");
    const decoder = new TextDecoder("utf-8", { fatal: true });
    const label = size >= MiB ? `${size / MiB} MiB` : `${size / KiB} KiB`;
    const add = (what: string, [med, min]: [number, number]) => rows.push([what, label, round(med, 3).toFixed(3), round(min, 3).toFixed(3)]);
    add("daemon: Buffer.concat of 64 KiB pieces", timeOf(() => Buffer.concat(Array.from({ length: size / (64 * KiB) }, () => bytes.subarray(0, 64 * KiB))), count));
    add("daemon: base64 encode", timeOf(() => bytes.toString("base64"), count));
    add("daemon: JSON.stringify of the answer", timeOf(() => JSON.stringify({ jsonrpc: "2.0", id: 7, result: { done: false, data: b64 } }), count));
    add("daemon: UTF-8 encode (StreamMessageWriter)", timeOf(() => Buffer.from(message, "utf8"), count));
    add("runner: UTF-8 decode (BoundedMessageReader)", timeOf(() => decoder.decode(encoded), count));
    add("runner: JSON.parse", timeOf(() => JSON.parse(message), count));
    add("runner: postMessage of the base64 string, round trip", await postMessageRoundTrip(() => b64, false, count));
    add("runner: postMessage of an ArrayBuffer, transferred, round trip", await postMessageRoundTrip(() => new Uint8Array(size).buffer, true, count));
    add("worker: base64 decode to a Uint8Array", timeOf(() => new Uint8Array(Buffer.from(b64, "base64")), count));
  }
  return rows;
}

// ------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const say = (what: string) => process.stderr.write(`net-ipc: ${what}\n`);
  const loadavg = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  say(`${navigator.hardwareConcurrency} cores, Bun ${Bun.version}, load average ${loadavg()}`);
  say("CPU cost of each step");
  printRows("1. CPU cost of one chunk's steps, ms (one process, no I/O)", ["step", "chunk", "median", "min"], await cpuCosts());

  const total = QUICK ? 24 * MiB : 64 * MiB;
  const variants: Variant[] = [
    { name: "today: JSON+base64, 512 KiB, 1 in flight", encoding: "json", chunk: 512 * KiB, window: 1, channel: "socketpair" },
    { name: "JSON+base64, 1 MiB, 1 in flight", encoding: "json", chunk: MiB, window: 1, channel: "socketpair" },
    { name: "JSON+base64, 4 MiB, 1 in flight", encoding: "json", chunk: 4 * MiB, window: 1, channel: "socketpair" },
    { name: "JSON+base64, 512 KiB, 4 in flight", encoding: "json", chunk: 512 * KiB, window: 4, channel: "socketpair" },
    { name: "JSON+base64, 512 KiB, 1 in flight, pipe", encoding: "json", chunk: 512 * KiB, window: 1, channel: "pipe" },
    { name: "binary, 512 KiB, 1 in flight", encoding: "binary", chunk: 512 * KiB, window: 1, channel: "socketpair" },
    { name: "binary, 512 KiB, 4 in flight", encoding: "binary", chunk: 512 * KiB, window: 4, channel: "socketpair" },
    { name: "binary, 1 MiB, 4 in flight", encoding: "binary", chunk: MiB, window: 4, channel: "socketpair" },
    { name: "binary, 512 KiB, 1 in flight, pipe", encoding: "binary", chunk: 512 * KiB, window: 1, channel: "pipe" },
  ];
  const spinners: ChildProcess[] = [];
  const results = new Map<string, { quiet?: LoopResult; loaded?: LoopResult }>(variants.map((v) => [v.name, {}]));
  try {
    // Variants alternate between the quiet and the loaded machine, in rounds, so a burst of outside load hits them alike.
    const rounds = QUICK ? 1 : 2;
    for (let r = 0; r < rounds; r++) {
      for (const loaded of [false, true]) {
        if (loaded) for (let i = 0; i < navigator.hardwareConcurrency; i++) spinners.push(spawn(process.execPath, [import.meta.path, "--spin"], { stdio: "ignore" }));
        await Bun.sleep(200);
        for (const variant of variants) {
          say(`${variant.name}${loaded ? `, with ${spinners.length} busy processes` : ""} (load ${loadavg()})`);
          const result = await runLoop(variant, total);
          const slot = results.get(variant.name)!;
          const key = loaded ? "loaded" : "quiet";
          const prior = slot[key];
          slot[key] = prior
            ? {
                worker: [...prior.worker, ...result.worker],
                main: [...prior.main, ...result.main],
                daemon: [...prior.daemon, ...result.daemon],
                bytes: prior.bytes + result.bytes,
                seconds: prior.seconds + result.seconds,
                runnerCpuMs: prior.runnerCpuMs + result.runnerCpuMs,
                daemonCpuMs: prior.daemonCpuMs + result.daemonCpuMs,
                runnerFaults: prior.runnerFaults + result.runnerFaults,
                daemonFaults: prior.daemonFaults + result.daemonFaults,
              }
            : result;
        }
        for (const spinner of spinners.splice(0)) spinner.kill("SIGKILL");
      }
    }
  } finally {
    for (const spinner of spinners) spinner.kill("SIGKILL");
  }
  const fmt = (v: number, d = 2) => round(v, d).toFixed(d);
  for (const key of ["quiet", "loaded"] as const) {
    printRows(
      `2${key === "quiet" ? "a" : "b"}. pulling ${total / MiB} MiB between two processes, ${key === "quiet" ? "machine as it is" : `with ${navigator.hardwareConcurrency} busy processes of ours (one per core)`}: per pull, ms (worker = ask to decoded bytes; main = fd 3 request to parsed answer; daemon = building the answer)`,
      ["variant", "pulls", "MB/s", "worker p50", "worker p90", "main p50", "main p90", "daemon p50", "CPU ms/MB runner", "daemon", "faults/MB runner", "daemon"],
      variants.map((v) => {
        const r = results.get(v.name)![key]!;
        const mb = r.bytes / 1e6;
        return [
          v.name,
          String(r.worker.length),
          fmt(mb / r.seconds, 1),
          fmt(quantile(r.worker, 0.5)),
          fmt(quantile(r.worker, 0.9)),
          fmt(quantile(r.main, 0.5)),
          fmt(quantile(r.main, 0.9)),
          fmt(quantile(r.daemon, 0.5), 3),
          fmt(r.runnerCpuMs / mb),
          fmt(r.daemonCpuMs / mb),
          fmt(r.runnerFaults / mb, 0),
          fmt(r.daemonFaults / mb, 0),
        ];
      }),
    );
  }
  console.log(
    `\n${JSON.stringify({
      net_ipc: Object.fromEntries(
        variants.map((v) => {
          const r = results.get(v.name)!;
          const mbs = (x?: LoopResult) => (x ? round(x.bytes / 1e6 / x.seconds, 1) : null);
          const cpu = (x?: LoopResult) => (x ? round((x.runnerCpuMs + x.daemonCpuMs) / (x.bytes / 1e6), 2) : null);
          return [v.name, { quiet_mb_s: mbs(r.quiet), loaded_mb_s: mbs(r.loaded), quiet_cpu_ms_per_mb: cpu(r.quiet), loaded_cpu_ms_per_mb: cpu(r.loaded), quiet_worker_p50_ms: r.quiet ? round(quantile(r.quiet.worker, 0.5), 2) : null, loaded_worker_p50_ms: r.loaded ? round(quantile(r.loaded.worker, 0.5), 2) : null }];
        }),
      ),
    })}`,
  );
}
