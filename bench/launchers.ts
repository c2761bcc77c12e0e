/**
 * The launch forms of woma side by side: `npx woma`, `node_modules/.bin/woma` (in a project
 * that installed the checkout), `bun cli/main.ts`, the compiled `./woma`, and `node
 * bin/woma.cjs` (the Node launcher, kept for Windows; before, it was what npm's bin ran). For
 * each: `--version` wall time, time to the first `1+1` of the piped REPL, and the resident
 * memory of whatever is not Bun in the tree while woma runs (the launcher's cost).
 *
 *   bun bench/launchers.ts [--rounds N]
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exeOf, mib, rssOf, treePids } from "./lib/proc-memory.ts";
import { median, printTable, round, type Figure } from "./lib/stats.ts";
import { benchCache, ROOT, WOMA_SCRIPT } from "./lib/woma.ts";
import { benchArgs } from "./lib/args.ts";

const USAGE = "npx bun bench/launchers.ts [--rounds N]";

/** One way of starting woma. */
export interface LaunchForm {
  name: string;
  argv: string[];
  cwd: string;
}

/** npx's own cache for the bench, so a link npx made for an older checkout is not what runs. */
const NPM_ENV = { npm_config_cache: join(tmpdir(), "woma-bench-npm-cache"), npm_config_update_notifier: "false" };

/** A project that depends on the checkout (`npm install /path/to/woma`), made once, for the real node_modules/.bin/woma. */
function projectBin(): string | undefined {
  const project = join(tmpdir(), "woma-bench-project");
  const bin = join(project, "node_modules", ".bin", "woma");
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "uses-woma", version: "1.0.0", private: true }));
  const installed = spawnSync("npm", ["install", "--offline", "--no-audit", "--no-fund", ROOT], { cwd: project, encoding: "utf8", env: { ...process.env, ...NPM_ENV } });
  if (installed.status !== 0 || !existsSync(bin)) {
    process.stderr.write(`bench: could not install the checkout into ${project}: ${installed.stderr}\n`);
    return undefined;
  }
  return bin;
}

/** Every launch form available here. */
export function launchForms(): LaunchForm[] {
  const forms: LaunchForm[] = [{ name: "npx woma", argv: ["npx", "--offline", "woma"], cwd: ROOT }];
  const bin = projectBin();
  if (bin) forms.push({ name: "node_modules/.bin/woma", argv: [bin], cwd: tmpdir() });
  forms.push({ name: "bun cli/main.ts", argv: WOMA_SCRIPT, cwd: ROOT });
  const binary = join(ROOT, "woma");
  if (existsSync(binary)) forms.push({ name: "./woma (compiled)", argv: [binary], cwd: ROOT });
  forms.push({ name: "node bin/woma.cjs (Windows; before)", argv: ["node", join(ROOT, "bin", "woma.cjs")], cwd: ROOT });
  return forms;
}

function versionMs(form: LaunchForm): number {
  const started = performance.now();
  const result = spawnSync(form.argv[0]!, [...form.argv.slice(1), "--version"], { cwd: form.cwd, encoding: "utf8", env: { ...process.env, ...NPM_ENV } });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`${form.name} --version failed: ${result.stderr}`);
  return elapsed;
}

/** Launches the piped REPL, times the first `1+1`, and weighs the non-Bun processes of its tree right then. */
async function firstResult(form: LaunchForm, cache: string): Promise<{ ms: number; launcherRss: number; launcher: string[] }> {
  const started = performance.now();
  const child = spawn(form.argv[0]!, [...form.argv.slice(1), "--pyodide-cache", cache], { cwd: form.cwd, stdio: ["pipe", "pipe", "inherit"], env: { ...process.env, ...NPM_ENV } });
  child.stdin!.write("1+1\n");
  let seen = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
      seen += chunk;
      if (seen.includes("2\n")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`${form.name} ended (${code}) before printing 2: ${JSON.stringify(seen)}`)));
  });
  const ms = performance.now() - started;
  const others = treePids(child.pid!).filter((pid) => !/^(bun|bun\.exe|woma|bwrap)$/.test(exeOf(pid)));
  const launcherRss = others.reduce((sum, pid) => sum + rssOf(pid), 0);
  const launcher = others.map((pid) => exeOf(pid));
  child.stdin!.end();
  await new Promise((resolve) => child.once("exit", resolve));
  return { ms, launcherRss, launcher };
}

/** Figures of every launch form, medians over `rounds` interleaved rounds. */
export async function measureLaunchers(rounds = 3, cache = benchCache()): Promise<{ figures: Figure[]; json: Record<string, unknown> }> {
  const forms = launchForms();
  await firstResult(forms.find((f) => f.name === "bun cli/main.ts")!, cache); // the snapshot exists from here on
  const version = new Map<string, number[]>();
  const first = new Map<string, Array<Awaited<ReturnType<typeof firstResult>>>>();
  for (let i = 0; i < rounds; i++) {
    for (const form of forms) {
      version.set(form.name, [...(version.get(form.name) ?? []), versionMs(form)]);
      first.set(form.name, [...(first.get(form.name) ?? []), await firstResult(form, cache)]);
    }
  }
  const figures: Figure[] = [];
  const json: Record<string, unknown> = {};
  for (const form of forms) {
    const v = median(version.get(form.name)!);
    const f = first.get(form.name)!;
    const launcherRss = median(f.map((r) => r.launcherRss));
    const processes = [...new Set(f.flatMap((r) => r.launcher))].join("+") || "none";
    figures.push({ name: `${form.name}: --version`, value: v, unit: "ms" });
    figures.push({ name: `${form.name}: launch to first 1+1`, value: median(f.map((r) => r.ms)), unit: "ms" });
    figures.push({ name: `${form.name}: resident beside Bun`, value: mib(launcherRss), unit: "MiB", note: processes });
    json[form.name] = { version_ms: round(v, 1), first_result_ms: round(median(f.map((r) => r.ms)), 1), launcher_rss_mib: round(mib(launcherRss), 1), launcher_processes: processes };
  }
  return { figures, json };
}

if (import.meta.main) {
  const { values } = benchArgs(USAGE, { rounds: { type: "string", default: "3" } });
  const { figures, json } = await measureLaunchers(Number(values.rounds));
  printTable(`launch forms (median of ${values.rounds} rounds)`, figures);
  console.log(`\n${JSON.stringify({ launchers: json })}`);
}
