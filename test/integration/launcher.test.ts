/**
 * The launchers get out of the way: `node_modules/.bin/woma` (as npm links it into a project
 * that depends on woma), `npx woma` and `npm start` leave Bun processes only, no Node process
 * of woma's, while the REPL waits at its prompt in a real terminal. `npx` and `npm start`
 * keep npm's own process as the parent of what they run; that one is npm's, not woma's.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT, testCacheDir } from "../harness/paths.ts";
import { processTree, startGroupInPty, type TreeProcess } from "../harness/process-group.ts";
import { WOMA_VERSION } from "../../protocol/version.ts";

const scratch = mkdtempSync(join(tmpdir(), "woma-launcher-"));
/** A project that depends on woma, as a user's would: `npm install /path/to/woma`. */
const project = join(scratch, "project");
/** npx's own cache, fresh, so a link npx made for an older checkout (to bin/woma.cjs) is not what runs. */
const npmCache = join(scratch, "npm-cache");
const started: Array<{ kill(): void }> = [];
/** What `npm install` of the checkout into the project printed on stderr. */
let installWarnings = "";

/** Executables that may make up woma's tree: Bun, and bubblewrap around runners under namespace isolation. */
const BUN_TREE = new Set(["bun", "bun.exe", "bwrap"]);

function npm(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync("npm", args, { cwd, encoding: "utf8", env: { ...process.env, npm_config_cache: npmCache, npm_config_update_notifier: "false" }, timeout: 120_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `argv` at the REPL prompt in a pty (a new session), returning its process tree once `>>>` shows. */
async function treeAtPrompt(argv: string[], cwd?: string): Promise<TreeProcess[]> {
  const env: Record<string, string> = { npm_config_cache: npmCache, npm_config_update_notifier: "false", HOME: scratch };
  const repl = startGroupInPty(cwd ? ["sh", "-c", `cd "$1" && shift && exec "$@"`, "sh", cwd, ...argv] : argv, env);
  started.push(repl);
  await repl.waitForText(">>> ", 90_000);
  const tree = processTree(repl.process.pid);
  repl.type("\x04");
  await repl.process.exited;
  return tree;
}

const describeTree = (tree: TreeProcess[]) => tree.map((p) => `${p.pid} ${p.exe}: ${p.args.slice(0, 120)}`).join("\n");

beforeAll(() => {
  mkdirSync(project, { recursive: true });
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "uses-woma", version: "1.0.0", private: true }));
  const installed = npm(["install", "--offline", "--no-audit", "--no-fund", REPO_ROOT], project);
  if (installed.status !== 0) throw new Error(`npm install of the checkout failed: ${installed.stderr}`);
  installWarnings = installed.stderr;
  testCacheDir();
}, 180_000);

afterEach(() => {
  for (const s of started.splice(0)) s.kill();
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("npm install", () => {
  test("warns about no dependency's engine (EBADENGINE) on the Node that runs npm, Node 20 included", () => {
    // As a dependency of a project, and in the checkout itself (a dry run of its own lock file).
    expect(installWarnings).not.toContain("EBADENGINE");
    const copy = join(scratch, "checkout-install");
    mkdirSync(copy, { recursive: true });
    for (const file of ["package.json", "package-lock.json"]) copyFileSync(join(REPO_ROOT, file), join(copy, file));
    const dry = npm(["install", "--dry-run", "--ignore-scripts", "--offline", "--no-audit", "--no-fund"], copy);
    expect(dry.status).toBe(0);
    expect(dry.stderr).not.toContain("EBADENGINE");
  });
});

describe("node_modules/.bin/woma", () => {
  test("prints the version and passes the exit status through", () => {
    const bin = join(project, "node_modules", ".bin", "woma");
    const version = spawnSync(bin, ["--version"], { encoding: "utf8" });
    expect(version.stdout.trim()).toBe(WOMA_VERSION);
    expect(version.status).toBe(0);
    const exit = spawnSync(bin, ["--pyodide-cache", testCacheDir()], { input: "raise SystemExit(3)\n", encoding: "utf8", timeout: 90_000 });
    expect(exit.status).toBe(3);
  }, 120_000);

  test("the REPL at its prompt is one tree of Bun processes: the launcher became Bun", async () => {
    const tree = await treeAtPrompt([join(project, "node_modules", ".bin", "woma"), "--pyodide-cache", testCacheDir()]);
    expect({ root: tree[0]?.exe, tree: describeTree(tree) }).toMatchObject({ root: expect.stringMatching(/^bun(\.exe)?$/) });
    expect({ foreign: tree.filter((p) => !BUN_TREE.has(p.exe)).map((p) => `${p.exe}: ${p.args}`) }).toEqual({ foreign: [] });
    // The runner is there too, as a child of the same Bun process.
    expect(tree.some((p) => p.args.includes("__runner"))).toBe(true);
  }, 120_000);

  test("without the bun package it says what to do and exits 1", () => {
    const lone = join(scratch, "lone", "bin");
    mkdirSync(lone, { recursive: true });
    copyFileSync(join(REPO_ROOT, "bin", "woma"), join(lone, "woma"));
    const result = spawnSync("sh", [join(lone, "woma"), "--version"], { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("the 'bun' package is missing; run 'npm install'");
  });
});

describe("the README's mcpServers entry", () => {
  test("bin/woma mcp, started as an MCP host starts it, answers and is Bun itself", async () => {
    // {"command": "/path/to/woma/bin/woma", "args": ["mcp"]}, from another directory.
    const transport = new StdioClientTransport({ command: join(REPO_ROOT, "bin", "woma"), args: ["mcp", "--pyodide-cache", testCacheDir()], cwd: scratch, stderr: "ignore" });
    const client = new Client({ name: "launcher-test", version: "1" });
    await client.connect(transport);
    try {
      const result = await client.callTool({ name: "run_python", arguments: { code: "6*7" } });
      expect((result.content as Array<{ text?: string }>)[0]?.text).toBe("[result]\n42");
      const tree = processTree(transport.pid!);
      expect(tree[0]?.exe).toMatch(/^bun(\.exe)?$/);
      expect(tree.filter((p) => !BUN_TREE.has(p.exe)).map((p) => p.exe)).toEqual([]);
    } finally {
      await client.close();
    }
  }, 120_000);
});

describe("npx woma and npm start, in the checkout", () => {
  test("npx woma --version", () => {
    const result = npm(["exec", "--offline", "--", "woma", "--version"], REPO_ROOT);
    expect(result.stdout.trim()).toBe(WOMA_VERSION);
    expect(result.status).toBe(0);
  }, 120_000);

  for (const [name, argv] of [
    ["npx woma", ["npx", "--offline", "woma", "--pyodide-cache", testCacheDir()]],
    ["npm start", ["npm", "start", "--", "--pyodide-cache", testCacheDir()]],
  ] as const) {
    test(`${name}: below npm's own process, only Bun (no Node process of woma's)`, async () => {
      const tree = await treeAtPrompt([...argv], REPO_ROOT);
      // The root is npm itself (Node); it runs the command through `sh -c`, which waits for it.
      const [npmProcess, ...below] = tree;
      expect(npmProcess?.exe).toBe("node");
      const foreign = below.filter((p) => !BUN_TREE.has(p.exe) && !(p.exe === "dash" || p.exe === "sh" || p.exe === "bash"));
      expect({ foreign: foreign.map((p) => `${p.exe}: ${p.args}`), tree: describeTree(tree) }).toMatchObject({ foreign: [] });
      expect(below.filter((p) => p.exe === "node")).toEqual([]);
      expect(below.some((p) => BUN_TREE.has(p.exe) && p.args.includes("cli/main.ts"))).toBe(true);
    }, 120_000);
  }
});
