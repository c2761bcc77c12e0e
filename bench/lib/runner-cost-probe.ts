/**
 * The runner's own cost of a run against Pyodide's: a runner's interpreter booted in this
 * process (as a runner boots it) and a plain Pyodide beside it, running the same code in
 * turn. Prints one JSON line: p50s in ms, and the runner's `execution_time_ms` p50.
 *
 *   bun --disallow-code-generation-from-strings bench/lib/runner-cost-probe.ts SNAPSHOT INDEX_URL RUNS [CODE]
 *
 * Run it in a process of its own: the runner's boot freezes this realm's built-ins.
 */
import { writeSync } from "node:fs";
import { loadPyodide } from "pyodide";
import { quantile } from "./stats.ts";
import { bootInProcessRunner, runParams } from "./in-process-runner.ts";

const [snapshot, indexURL, runsText, code = "1+1"] = process.argv.slice(2);
const runs = Number(runsText ?? 1000);
// The plain one first: the runner's boot locks the realm down, and loadPyodide is ordinary code.
const plain = await loadPyodide({ indexURL, stdout: () => {}, stderr: () => {} });
const { runner } = await bootInProcessRunner(snapshot!, indexURL!);
const own: number[] = [];
const reported: number[] = [];
const pyodide: number[] = [];
for (let i = 0; i < 200; i++) {
  await runner.run(runParams(code, i));
  await plain.runPythonAsync(code);
}
for (let i = 0; i < runs; i++) {
  let started = performance.now();
  const result = await runner.run(runParams(code, i));
  own.push(performance.now() - started);
  reported.push(result.executionTimeMs);
  started = performance.now();
  await plain.runPythonAsync(code);
  pyodide.push(performance.now() - started);
}
// Written at once: a write through process.stdout was lost to the exit below.
writeSync(1, `${JSON.stringify({ runner_p50: quantile(own, 0.5), execution_time_p50: quantile(reported, 0.5), run_python_async_p50: quantile(pyodide, 0.5) })}\n`);
process.exit(0);
