/**
 * A binary built with packages embedded (`WOMA_PACKAGES=... bun run build`), copied alone into
 * an empty folder and run with a fresh cache and, where user namespaces allow, no network at
 * all: the embedded package and its dependency import; a package that was not embedded does not.
 */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { spawn, spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeStandardMirror } from "../harness/package-mirror.ts";
import { REPO_ROOT } from "../harness/paths.ts";

const work = mkdtempSync(join(tmpdir(), "woma-binary-packages-"));
const built = join(work, "woma-built");
const folder = mkdtempSync(join(tmpdir(), "woma-binary-alone-"));
const binary = join(folder, "woma");

/** Runs a command to its end without blocking the event loop; resolves with what it printed. */
function run(argv: string[], options: { cwd?: string; env?: Record<string, string>; input?: string; timeoutMs: number }): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(argv[0]!, argv.slice(1), { cwd: options.cwd, env: options.env, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin!.end(options.input ?? "");
  });
}

beforeAll(async () => {
  const mirror = join(work, "mirror");
  writeStandardMirror(mirror);
  const build = await run([process.execPath, join(REPO_ROOT, "build.ts")], {
    env: { ...(process.env as Record<string, string>), WOMA_PACKAGES: "woma-app", WOMA_PACKAGES_FROM: mirror, WOMA_PACKAGES_CACHE: join(work, "build-cache"), WOMA_OUTFILE: built },
    timeoutMs: 240_000,
  });
  if (build.code !== 0) throw new Error(`WOMA_PACKAGES=woma-app bun build.ts failed (${build.code}): ${build.stderr}`);
  expect(build.stderr).toContain("embedding woma-app, woma-base");
  copyFileSync(built, binary);
  rmSync(built);
}, 300_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(folder, { recursive: true, force: true });
});

test("the embedded package and its dependency import with no network and a fresh cache; one not embedded does not", async () => {
  const offline = spawnSync("unshare", ["-r", "-n", "true"]).status === 0;
  const env = { PATH: "/usr/local/bin:/usr/bin:/bin", HOME: folder, TERM: "xterm-256color" };
  const argv = [...(offline ? ["unshare", "-r", "-n"] : []), binary, "--pyodide-cache", join(folder, "cache")];
  const code = ["import woma_app, woma_base", "print(woma_app.NAME, woma_base.NAME)", "import woma_data", ""].join("\n");
  const result = await run(argv, { cwd: folder, env, input: code, timeoutMs: 180_000 });
  expect(result.stdout).toBe("woma-app woma-base\n");
  expect(result.stderr).toContain("ModuleNotFoundError: No module named 'woma_data'");
  if (!offline) process.stderr.write("binary-packages: unshare -r -n is not available here, so this ran with the network present\n");
}, 240_000);
