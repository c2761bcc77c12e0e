/** Time from launching `woma` (the REPL, with piped input) to the first result of `1+1`, and on a first start how soon it says what it is doing. `npx bun bench/cold-start.ts` */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { benchCache, WOMA_SCRIPT } from "./lib/woma.ts";
import { median, printTable, round, type Figure } from "./lib/stats.ts";

/** Launches `command` with `1+1` on stdin and returns ms until "2" appears on stdout. */
export async function timeToFirstResult(command: string[], args: string[] = []): Promise<number> {
  const started = performance.now();
  const proc = Bun.spawn([...command, ...args], { stdin: "pipe", stdout: "pipe", stderr: "inherit" });
  proc.stdin.write("1+1\n");
  proc.stdin.flush();
  const reader = proc.stdout.getReader();
  let seen = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`woma ended before printing 2 (got ${JSON.stringify(seen)})`);
    seen += new TextDecoder().decode(value);
    if (seen.includes("2\n")) break;
  }
  const elapsed = performance.now() - started;
  proc.stdin.end();
  await proc.exited;
  return elapsed;
}

/**
 * The first start, with an empty cache: ms from launch until stderr says what is going on
 * (the notice that the snapshot is being built), and, unless `untilResult` is false, until
 * `1+1` answers. The cache is a new temporary directory, removed afterwards.
 */
export async function timeFirstStart(command: string[], untilResult: boolean): Promise<{ noticeMs: number; resultMs?: number }> {
  const cache = mkdtempSync(join(tmpdir(), "woma-bench-first-"));
  const started = performance.now();
  const proc = Bun.spawn([...command, "--pyodide-cache", cache], { stdin: "pipe", stdout: "pipe", stderr: "pipe" });
  try {
    proc.stdin.write("1+1\n");
    proc.stdin.flush();
    let noticeMs: number | undefined;
    const errors = proc.stderr.getReader();
    let said = "";
    while (noticeMs === undefined) {
      const { value, done } = await errors.read();
      if (done) throw new Error(`woma ended before saying what its first start does (stderr: ${JSON.stringify(said)})`);
      said += new TextDecoder().decode(value);
      if (said.includes("first start")) noticeMs = performance.now() - started;
    }
    if (!untilResult) return { noticeMs };
    const out = proc.stdout.getReader();
    let seen = "";
    while (!seen.includes("2\n")) {
      const { value, done } = await out.read();
      if (done) throw new Error(`woma ended before printing 2 (got ${JSON.stringify(seen)})`);
      seen += new TextDecoder().decode(value);
    }
    return { noticeMs, resultMs: performance.now() - started };
  } finally {
    proc.kill();
    await proc.exited;
    rmSync(cache, { recursive: true, force: true });
  }
}

/** Median over `runs` launches, after one launch that makes sure the snapshot exists. */
export async function measureColdStart(command: string[], runs = 5, cache = benchCache()): Promise<{ median: number; all: number[] }> {
  await timeToFirstResult(command, ["--pyodide-cache", cache]);
  const all: number[] = [];
  for (let i = 0; i < runs; i++) all.push(await timeToFirstResult(command, ["--pyodide-cache", cache]));
  return { median: median(all), all };
}

if (import.meta.main) {
  const { median: value, all } = await measureColdStart(WOMA_SCRIPT);
  // The first start, which builds the snapshot: how soon it says so (three launches stopped
  // once they have), then one that goes on to its first result.
  const notices: number[] = [];
  for (let i = 0; i < 3; i++) notices.push((await timeFirstStart(WOMA_SCRIPT, false)).noticeMs);
  const first = await timeFirstStart(WOMA_SCRIPT, true);
  const notice = median([...notices, first.noticeMs]);
  const figures: Figure[] = [
    { name: "launch to first 1+1 (script, snapshot exists)", value, unit: "ms", target: "<= 1500 ms", ok: value <= 1500, note: `runs: ${all.map((v) => round(v, 0)).join(", ")}` },
    { name: "first start (empty cache): launch to the notice on stderr", value: notice, unit: "ms", target: "<= 2000 ms", ok: notice <= 2000, note: `runs: ${[...notices, first.noticeMs].map((v) => round(v, 0)).join(", ")}` },
    { name: "first start (empty cache): launch to first 1+1", value: first.resultMs!, unit: "ms", note: "builds the snapshot" },
  ];
  printTable("cold start", figures);
  console.log(JSON.stringify({ cold_start_ms: round(value, 1), first_start_notice_ms: round(notice, 1), first_start_result_ms: round(first.resultMs!, 1) }));
}
