/** Round trip of `1+1` over stdio JSON-RPC: median and p99 over many sequential runs. */
import { benchCache, stdioDaemon } from "./lib/woma.ts";
import { printTable, quantile, round, type Figure } from "./lib/stats.ts";

/** Measures `runs` sequential `1+1` runs (after a warm-up) and returns p50 and p99 in ms. */
export async function measureRoundTrip(runs = 1000, args: string[] = []): Promise<{ p50: number; p99: number; mean: number }> {
  const daemon = await stdioDaemon(["--pyodide-cache", benchCache(), "--workers", "1", ...args]);
  try {
    for (let i = 0; i < 100; i++) await daemon.client.run({ code: "1+1" });
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      const result = await daemon.client.run({ code: "1+1" });
      times.push(performance.now() - started);
      if (result.result !== "2") throw new Error(`1+1 gave ${result.result}`);
    }
    return { p50: quantile(times, 0.5), p99: quantile(times, 0.99), mean: times.reduce((a, b) => a + b, 0) / times.length };
  } finally {
    await daemon.stop();
  }
}

if (import.meta.main) {
  const { p50, p99, mean } = await measureRoundTrip(Number(process.argv[2] ?? 1000));
  const figures: Figure[] = [
    { name: "1+1 round trip over stdio, p50", value: p50, unit: "ms", target: "<= 1 ms", ok: p50 <= 1 },
    { name: "1+1 round trip over stdio, p99", value: p99, unit: "ms" },
    { name: "1+1 round trip over stdio, mean", value: mean, unit: "ms" },
  ];
  printTable("stdio JSON-RPC round trip (1000 sequential runs)", figures);
  console.log(JSON.stringify({ roundtrip: { p50_ms: round(p50, 3), p99_ms: round(p99, 3) } }));
}
