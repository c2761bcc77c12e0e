/** Time from launching `woma` (the REPL, with piped input) to the first result of `1+1`. */
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

/** Median over `runs` launches, after one launch that makes sure the snapshot exists. */
export async function measureColdStart(command: string[], runs = 5, cache = benchCache()): Promise<{ median: number; all: number[] }> {
  await timeToFirstResult(command, ["--pyodide-cache", cache]);
  const all: number[] = [];
  for (let i = 0; i < runs; i++) all.push(await timeToFirstResult(command, ["--pyodide-cache", cache]));
  return { median: median(all), all };
}

if (import.meta.main) {
  const { median: value, all } = await measureColdStart(WOMA_SCRIPT);
  const figures: Figure[] = [
    { name: "launch to first 1+1 (script, snapshot exists)", value, unit: "ms", target: "<= 1500 ms", ok: value <= 1500, note: `runs: ${all.map((v) => round(v, 0)).join(", ")}` },
  ];
  printTable("cold start", figures);
  console.log(JSON.stringify({ cold_start_ms: round(value, 1) }));
}
