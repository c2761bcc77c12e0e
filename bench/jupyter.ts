/**
 * woma as a Jupyter kernel against ipykernel, side by side in one run through jupyter_client
 * (Debian's /usr/bin/python3): kernel start to ready, and the `1+1` round trip a front end sees
 * (execute_request to execute_reply and idle). Usage: bun bench/jupyter.ts [RUNS] [STARTS].
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadAverage, printRows, round } from "./lib/stats.ts";
import { benchCache, ROOT, WOMA_SCRIPT } from "./lib/woma.ts";

const PYTHON = "/usr/bin/python3";
const runs = Number(process.argv[2] ?? 300);
const starts = Number(process.argv[3] ?? 5);

interface KernelFigures {
  start_s_median: number;
  start_s_all: number[];
  p50_ms: number;
  p90_ms: number;
  p99_ms: number;
  mean_ms: number;
}

const prefix = mkdtempSync(join(tmpdir(), "woma-bench-jupyter-"));
try {
  const install = Bun.spawnSync([...WOMA_SCRIPT, "jupyter", "install", "--prefix", prefix, "--name", "woma-bench", "--", "--pyodide-cache", benchCache()]);
  if (install.exitCode !== 0) throw new Error(`woma jupyter install failed: ${install.stderr.toString()}`);
  const kernels = ["woma-bench", ...(existsSync("/usr/share/jupyter/kernels/python3") ? ["python3"] : [])];
  if (kernels.length === 1) console.error("bench: Debian's python3-ipykernel is not installed; woma is measured alone");
  const load = loadAverage();
  const timing = Bun.spawnSync([PYTHON, join(ROOT, "bench", "jupyter_timing.py"), String(runs), String(starts), ...kernels], {
    env: { ...process.env, JUPYTER_PATH: join(prefix, "share", "jupyter"), PYDEVD_DISABLE_FILE_VALIDATION: "1" },
    stderr: "inherit",
  });
  if (timing.exitCode !== 0) throw new Error("bench/jupyter_timing.py failed");
  const figures = JSON.parse(timing.stdout.toString()) as Record<string, KernelFigures>;
  const label = (name: string) => (name === "python3" ? "ipykernel (Debian)" : "woma");
  printRows(
    `Jupyter kernels through jupyter_client: ${runs} sequential 1+1 after 20 warm-up, ${starts} starts each (load ${load} at the start)`,
    ["kernel", "start to ready (median)", "1+1 p50", "p90", "p99", "mean"],
    Object.entries(figures).map(([name, f]) => [label(name), `${round(f.start_s_median, 2)} s`, `${round(f.p50_ms, 2)} ms`, `${round(f.p90_ms, 2)} ms`, `${round(f.p99_ms, 2)} ms`, `${round(f.mean_ms, 2)} ms`]),
  );
  console.log(JSON.stringify({ jupyter: Object.fromEntries(Object.entries(figures).map(([name, f]) => [label(name), { start_s: round(f.start_s_median, 3), p50_ms: round(f.p50_ms, 3), p99_ms: round(f.p99_ms, 3) }])), load }));
} finally {
  rmSync(prefix, { recursive: true, force: true });
}
