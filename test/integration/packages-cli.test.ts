/** `woma packages fetch|list|mirror` as a person runs them, against a mirror on 127.0.0.1, then the result used offline. */
import { afterAll, beforeAll, expect, test } from "bun:test";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pyodidePackage from "pyodide/package.json" with { type: "json" };
import { PackageStore } from "../../daemon/packages/package-store.ts";
import { BUNDLED_LOCK, buildWheel, MirrorServer, writeStandardMirror, type StandardWheels } from "../harness/package-mirror.ts";
import { REPO_ROOT } from "../harness/paths.ts";

const ENTRY = join(REPO_ROOT, "cli", "main.ts");

let wheels: StandardWheels;
let server: MirrorServer;

beforeAll(() => {
  const mirrorDir = mkdtempSync(join(tmpdir(), "woma-mirror-"));
  wheels = writeStandardMirror(mirrorDir);
  server = MirrorServer.start({ mirrorDir });
});
afterAll(() => server?.stop());

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `woma ...args` with no terminal; fails naming the command if it runs longer than `timeoutMs`. */
function woma(args: string[], timeoutMs = 30_000): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [ENTRY, ...args], { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, WOMA_LOG: "warn" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`timed out after ${timeoutMs} ms waiting for woma ${args.join(" ")}\n${stderr}`));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function cacheRow(listing: string, name: string): string | undefined {
  return listing.split("\n").find((line) => line.startsWith(`${name} `));
}

test("woma packages fetch fills the cache, and list then shows it cached", async () => {
  const cache = mkdtempSync(join(tmpdir(), "woma-cli-cache-"));
  const flags = ["--packages-url", server.url, "--pyodide-cache", cache];
  const before = await woma(["packages", "list", ...flags]);
  expect(before.code).toBe(0);
  expect(cacheRow(before.stdout, "woma-app")).toMatch(/^woma-app\s+1\.2\.0\s+-\s+woma_app$/);

  const fetched = await woma(["packages", "fetch", "woma-app", "wrn", ...flags]);
  expect(fetched.code).toBe(0);
  // Not a terminal: plain lines, one per file downloaded, and a summary.
  expect(fetched.stderr).toContain(`downloaded ${wheels.app.fileName}`);
  expect(fetched.stderr).not.toContain("\r");
  expect(fetched.stdout).toContain("3 packages ready");
  expect(fetched.stdout).toContain("woma-base 1.0.0, woma-app 1.2.0, woma-renamed 2.0.0");

  const after = await woma(["packages", "list", ...flags]);
  expect(cacheRow(after.stdout, "woma-app")).toMatch(/^woma-app\s+1\.2\.0\s+yes\s+woma_app$/);
  expect(cacheRow(after.stdout, "woma-base")).toMatch(/\syes\s/);
  expect(cacheRow(after.stdout, "woma-data")).toMatch(/\s-\s/);
  const json = JSON.parse((await woma(["packages", "list", "--cached", "--json", ...flags])).stdout) as Array<{ name: string; cached: boolean }>;
  expect(json.map((row) => row.name)).toEqual(["woma-app", "woma-base", "woma-renamed"]);
});

test("woma packages fetch of an unknown package fails with close names", async () => {
  const cache = mkdtempSync(join(tmpdir(), "woma-cli-cache-"));
  const result = await woma(["packages", "fetch", "woma-dat", "--packages-url", server.url, "--pyodide-cache", cache]);
  expect(result.code).not.toBe(0);
  expect(result.stderr).toContain('no package "woma-dat"');
  expect(result.stderr).toContain("did you mean woma-data");
});

test("woma packages mirror writes a mirror that another store uses with the network gone", async () => {
  const cache = mkdtempSync(join(tmpdir(), "woma-cli-cache-"));
  const out = mkdtempSync(join(tmpdir(), "woma-cli-mirror-"));
  const result = await woma(["packages", "mirror", out, "woma-app", "woma-data", "--packages-url", server.url, "--pyodide-cache", cache]);
  expect(result.code).toBe(0);
  expect(result.stdout).toContain(`--packages-url ${out}`);
  expect(existsSync(join(out, wheels.app.fileName))).toBe(true);
  const lock = JSON.parse(readFileSync(join(out, "pyodide-lock.json"), "utf8")) as { info: { abi_version: string }; packages: Record<string, unknown> };
  expect(Object.keys(lock.packages)).toEqual(["woma-app", "woma-base", "woma-data"]);

  server.stop();
  try {
    const offline = await PackageStore.open({ cacheDir: mkdtempSync(join(tmpdir(), "woma-offline-")), pyodideVersion: pyodidePackage.version, lockPath: BUNDLED_LOCK, source: out });
    const ready = await offline.ensure(offline.packagesForImports(["woma_app", "woma_data"]));
    expect(ready.map((wheel) => `${wheel.name} ${wheel.sha256}`)).toEqual([`woma-base ${wheels.base.sha256}`, `woma-app ${wheels.app.sha256}`, `woma-data ${wheels.data.sha256}`]);
  } finally {
    server.restart();
  }
});

test("woma packages mirror --cached takes what the cache holds, with no download", async () => {
  const cache = mkdtempSync(join(tmpdir(), "woma-cli-cache-"));
  const flags = ["--packages-url", server.url, "--pyodide-cache", cache];
  expect((await woma(["packages", "fetch", "woma-renamed", ...flags])).code).toBe(0);
  const out = mkdtempSync(join(tmpdir(), "woma-cli-mirror-"));
  const requestsBefore = server.requests(wheels.renamed.fileName);
  const result = await woma(["packages", "mirror", out, "--cached", ...flags]);
  expect(result.code).toBe(0);
  expect(server.requests(wheels.renamed.fileName)).toBe(requestsBefore);
  expect(Object.keys(JSON.parse(readFileSync(join(out, "pyodide-lock.json"), "utf8")).packages)).toEqual(["woma-renamed"]);
});

test("woma packages mirror --wheels makes an offline mirror of a folder of pip download wheels, with the hashes the files really have", async () => {
  const folder = mkdtempSync(join(tmpdir(), "woma-pip-download-"));
  const lib = buildWheel({ name: "woma-pip-lib", version: "0.5" });
  const app = buildWheel({ name: "woma-pip-app", version: "2.1", requires: ["woma-pip-lib>=0.5", 'colorama; sys_platform == "win32"', "woma-not-downloaded"] });
  for (const wheel of [lib, app]) writeFileSync(join(folder, wheel.fileName), wheel.bytes);
  const out = mkdtempSync(join(tmpdir(), "woma-cli-mirror-"));
  const cache = mkdtempSync(join(tmpdir(), "woma-cli-cache-"));
  const result = await woma(["packages", "mirror", out, "--wheels", folder, "--packages-url", server.url, "--pyodide-cache", cache]);
  // A dependency pip did not download is said, and left out of the lock (colorama is for Windows only).
  expect(result.stderr.trim()).toBe("woma warn: woma_pip_app-2.1-py3-none-any.whl depends on woma-not-downloaded, which the mirror does not have; add their wheels to list them");
  expect(result.code).toBe(0);
  const lock = JSON.parse(readFileSync(join(out, "pyodide-lock.json"), "utf8")) as { packages: Record<string, { sha256: string; depends: string[]; imports: string[] }> };
  expect(lock.packages["woma-pip-app"]).toMatchObject({ sha256: app.sha256, depends: ["woma-pip-lib"], imports: ["woma_pip_app"] });
  expect(lock.packages["woma-pip-lib"]!.sha256).toBe(lib.sha256);
  const offline = await PackageStore.open({ cacheDir: mkdtempSync(join(tmpdir(), "woma-offline-")), pyodideVersion: pyodidePackage.version, lockPath: BUNDLED_LOCK, source: out });
  const ready = await offline.ensure(offline.packagesForImports(["woma_pip_app"]));
  expect(ready.map((wheel) => `${wheel.name} ${wheel.version}`)).toEqual(["woma-pip-lib 0.5", "woma-pip-app 2.1"]);
});
