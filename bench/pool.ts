/** Pool figures: snapshot against plain boot, new-session latency, parallel speed-up, memory per runner and per tree. */
import { readFileSync } from "node:fs";
import type { DaemonClient } from "../clients/shared/daemon-client.ts";
import { benchCache, stdioDaemon } from "./lib/woma.ts";
import { median, quantile } from "./lib/stats.ts";

/** Time from spawning `woma daemon --stdio` to the first `1+1` result, with or without the snapshot. */
export async function bootToFirstRun(snapshot: boolean): Promise<{ totalMs: number; bootMs: number }> {
  const started = performance.now();
  const daemon = await stdioDaemon(["--pyodide-cache", benchCache(), "--workers", "0", ...(snapshot ? [] : ["--no-snapshot"])]);
  try {
    await daemon.client.run({ code: "1+1" });
    const totalMs = performance.now() - started;
    const runner = (await daemon.client.info()).runners.find((r) => r.role === "shared")!;
    if (runner.from_snapshot !== snapshot) throw new Error(`runner from_snapshot=${runner.from_snapshot}, expected ${snapshot}`);
    return { totalMs, bootMs: runner.boot_ms ?? Number.NaN };
  } finally {
    await daemon.stop();
  }
}

/** Snapshot boot and plain boot, alternated `rounds` times in the same run so machine noise hits both alike. */
export async function compareBoots(rounds = 3): Promise<{ snapshot: number; plain: number; snapshotTotal: number; plainTotal: number }> {
  await bootToFirstRun(true); // makes sure the snapshot exists
  const snap: number[] = [];
  const plain: number[] = [];
  const snapTotal: number[] = [];
  const plainTotal: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const p = await bootToFirstRun(false);
    plain.push(p.bootMs);
    plainTotal.push(p.totalMs);
    const s = await bootToFirstRun(true);
    snap.push(s.bootMs);
    snapTotal.push(s.totalMs);
  }
  return { snapshot: median(snap), plain: median(plain), snapshotTotal: median(snapTotal), plainTotal: median(plainTotal) };
}

async function waitForIdleSpare(client: DaemonClient): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (Date.now() > deadline) throw new Error("bench: no idle spare within 60 s");
    const info = await client.info();
    if (info.runners.some((r) => r.role === "spare" && r.state === "idle")) return;
    await Bun.sleep(20);
  }
}

/** p50 latency of `session/create` (shared runner) and of a fresh interpreter with the spare ready. */
export async function sessionLatency(sharedCount = 200, freshCount = 8): Promise<{ sharedP50: number; sharedP99: number; freshP50: number }> {
  // daemon --stdio keeps no spare by default; the fresh-interpreter figure is about taking one.
  const daemon = await stdioDaemon(["--pyodide-cache", benchCache(), "--workers", "1", "--spares", "1"]);
  try {
    const shared: number[] = [];
    for (let i = 0; i < sharedCount; i++) {
      const started = performance.now();
      const { session } = await daemon.client.createSession();
      shared.push(performance.now() - started);
      await daemon.client.closeSession(session.session_id);
    }
    const fresh: number[] = [];
    for (let i = 0; i < freshCount; i++) {
      await waitForIdleSpare(daemon.client);
      const started = performance.now();
      const { session } = await daemon.client.createSession({ fresh_interpreter: true });
      await daemon.client.run({ code: "1+1", session_id: session.session_id });
      fresh.push(performance.now() - started);
      await daemon.client.closeSession(session.session_id);
    }
    return { sharedP50: quantile(shared, 0.5), sharedP99: quantile(shared, 0.99), freshP50: median(fresh) };
  } finally {
    await daemon.stop();
  }
}

const HEAVY = "sum(range(10**7))";

/** Wall time of one heavy run, and of two at once, with the given number of workers. */
export async function parallelSpeedup(workers: number): Promise<{ one: number; two: number }> {
  const daemon = await stdioDaemon(["--pyodide-cache", benchCache(), "--workers", String(workers)]);
  try {
    await daemon.client.run({ code: HEAVY });
    await Promise.all([daemon.client.run({ code: HEAVY }), daemon.client.run({ code: HEAVY })]);
    const ones: number[] = [];
    const twos: number[] = [];
    // Five rounds, median: on a shared 2-core machine one round in a few is slowed by neighbours.
    for (let i = 0; i < 5; i++) {
      let started = performance.now();
      await daemon.client.run({ code: HEAVY });
      ones.push(performance.now() - started);
      started = performance.now();
      await Promise.all([daemon.client.run({ code: HEAVY }), daemon.client.run({ code: HEAVY })]);
      twos.push(performance.now() - started);
    }
    return { one: median(ones), two: median(twos) };
  } finally {
    await daemon.stop();
  }
}

function rssOf(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, "utf8").split(" ")[1]) * 4096;
  } catch {
    return 0;
  }
}

/** Resident memory: each idle runner (its process tree) and the whole tree, daemon included, with `workers`. */
export async function memory(workers: number): Promise<{ perRunner: number[]; tree: number; daemon: number }> {
  const daemon = await stdioDaemon(["--pyodide-cache", benchCache(), "--workers", String(workers)]);
  try {
    for (let i = 0; i < 20; i++) await daemon.client.run({ code: "1+1" });
    await Bun.sleep(1500); // let the runners settle after boot (garbage collection)
    const info = await daemon.client.info();
    const perRunner = info.runners.filter((r) => r.rss_bytes !== undefined).map((r) => r.rss_bytes!);
    const daemonRss = rssOf(daemon.pid);
    return { perRunner, tree: daemonRss + perRunner.reduce((a, b) => a + b, 0), daemon: daemonRss };
  } finally {
    await daemon.stop();
  }
}
