/** Small statistics and table printing for the benchmark scripts. */
import { readFileSync } from "node:fs";

/** The 1-minute load average, as text ("?" where /proc/loadavg is missing): the machine is shared, so figures say how busy it was. */
export function loadAverage(): string {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ")[0]!;
  } catch {
    return "?";
  }
}

/** The q-quantile (0..1) of the values, by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

/** Median of the values. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

/** Rounds to a given number of decimals for display. */
export function round(value: number, decimals = 2): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** One figure of a benchmark: what it is, its value and unit, and the target it is held to (if any). */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: string;
  /** Whether the target is met, when there is one. */
  ok?: boolean;
  note?: string;
}

/** Prints figures as an aligned text table. */
export function printTable(title: string, figures: readonly Figure[]): void {
  const rows = figures.map((f) => [f.name, `${round(f.value)} ${f.unit}`, f.target ?? "", f.ok === undefined ? "" : f.ok ? "met" : "not met", f.note ?? ""]);
  const header = ["figure", "value", "target", "", "note"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

/** Prints a table of text cells: the first column left-aligned, the others right-aligned. */
export function printRows(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ").trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const row of rows) console.log(line(row));
}

/**
 * Times each case `runs` times in a row, one case after another (after 50 calls of warm-up):
 * what a client that calls one server again and again sees, with no other server's work
 * between its calls. Set beside {@link alternate}, which interleaves the cases.
 */
export async function backToBack(cases: Array<{ name: string; run: () => Promise<unknown> }>, runs: number): Promise<Map<string, number[]>> {
  const times = new Map(cases.map((c) => [c.name, [] as number[]]));
  for (const c of cases) {
    for (let i = 0; i < 50; i++) await c.run();
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await c.run();
      times.get(c.name)!.push(performance.now() - started);
    }
  }
  return times;
}

/** Times `runs` alternating calls of each named run (after 50 untimed rounds), so load on a shared machine falls on all alike; returns the times of each, in ms. */
export async function alternate(cases: Array<{ name: string; run: () => Promise<unknown> }>, runs: number): Promise<Map<string, number[]>> {
  const times = new Map(cases.map((c) => [c.name, [] as number[]]));
  for (let i = 0; i < 50; i++) for (const c of cases) await c.run();
  for (let i = 0; i < runs; i++) {
    for (const c of cases) {
      const started = performance.now();
      await c.run();
      times.get(c.name)!.push(performance.now() - started);
    }
  }
  return times;
}
