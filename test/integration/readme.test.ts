/** The README says what is true: its editor quickstart, pasted as printed, answers 2, and the flags it calls common are taken by every command. */
import { describe, expect, test } from "bun:test";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SHARED_FLAGS } from "../../cli/daemon-flags.ts";
import { REPO_ROOT, testCacheDir } from "../harness/paths.ts";

const readme = readFileSync(join(REPO_ROOT, "README.md"), "utf8");

/** The text of a README section, from its `## ` heading to the next one. */
function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}`);
  if (start < 0) throw new Error(`README.md has no section "## ${heading}"`);
  const end = readme.indexOf("\n## ", start + 4);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** Runs a shell command line as a user's shell would, from the checkout, and resolves with what it printed. */
function shell(command: string, env: Record<string, string>, timeoutMs: number): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn("sh", ["-c", command], { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`timed out after ${timeoutMs} ms waiting for the README's command to finish; it printed ${JSON.stringify(stdout)} and on stderr ${JSON.stringify(stderr.slice(-2000))}`));
    }, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
  });
}

describe("README.md", () => {
  test("the editor quickstart, run verbatim, prints a framed answer whose result is 2", async () => {
    const block = /```sh\n([^]*?)\n```/.exec(section("For editors"));
    expect(block).not.toBeNull();
    const command = block![1]!;
    expect(command).toContain("npx woma daemon --stdio");
    // Its own home, whose ~/.pyodide-env is the suite's cache, so the command runs as printed without building a snapshot.
    const home = mkdtempSync(join(tmpdir(), "woma-readme-home-"));
    symlinkSync(testCacheDir(), join(home, ".pyodide-env"));
    const { stdout, stderr, code } = await shell(command, { HOME: home, NPM_CONFIG_UPDATE_NOTIFIER: "false" }, 60_000);
    expect({ code, stderr: code === 0 ? "" : stderr }).toEqual({ code: 0, stderr: "" });
    const framed = /^Content-Length: (\d+)\r\n\r\n([^]*)$/.exec(stdout);
    expect(framed).not.toBeNull();
    expect(Buffer.byteLength(framed![2]!)).toBe(Number(framed![1]));
    expect(JSON.parse(framed![2]!)).toMatchObject({ jsonrpc: "2.0", id: 1, result: { status: "success", result: "2" } });
  });

  test("every flag it lists as common is taken by each command, every shared flag is listed, and --reset-globals only where it says", () => {
    const paragraph = /\nFlags every command above takes[^]*?\n\n/.exec(section("Commands"))![0];
    const [common, rest] = paragraph.split("`--reset-globals`");
    const flags = [...new Set([...common!.matchAll(/`(--[a-z-]+)/g)].map((m) => m[1]!.replace(/^--no-/, "--")))];
    expect(flags.length).toBeGreaterThan(15);
    // The other way round too: no flag every command takes is missing from the list.
    expect(SHARED_FLAGS.filter((flag) => !flags.includes(`--${flag}`))).toEqual([]);
    expect(rest!.replace(/\s+/g, " ")).toContain("belongs to `woma` and `woma serve` only");
    const help = (args: string[]) => spawnSync(process.execPath, [join(REPO_ROOT, "cli", "main.ts"), ...args, "--help"], { encoding: "utf8" }).stdout;
    const missing: string[] = [];
    for (const [name, args] of [["woma", []], ["daemon", ["daemon"]], ["serve", ["serve"]], ["mcp", ["mcp"]]] as const) {
      const text = help([...args]);
      for (const flag of flags) if (!new RegExp(`${flag}\\b`).test(text)) missing.push(`${name} ${flag}`);
      expect(text.includes("--reset-globals")).toBe(name === "woma" || name === "serve");
    }
    expect(missing).toEqual([]);
  });

  test("every command the docs show runs as written after npm install: Bun as npx bun, node_modules/.bin/bun or an npm script, never a bare bun (npm does not put it on PATH)", () => {
    const pages = ["README.md", "CONTRIBUTING.md", "SECURITY.md", ...readdirSync(join(REPO_ROOT, "docs")).filter((name) => name.endsWith(".md")).map((name) => `docs/${name}`)];
    const bare: string[] = [];
    for (const page of pages) {
      const text = readFileSync(join(REPO_ROOT, page), "utf8");
      // Commands as the docs show them: code spans, and the lines of code blocks.
      const commands = [...text.matchAll(/```[a-z]*\n([^]*?)```/g)].flatMap((m) => m[1]!.split("\n")).concat([...text.replace(/```[^]*?```/g, "").matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!));
      for (const command of commands) if (/^\s*(?:[A-Z_]+=\S*\s+)*bun\s/.test(command)) bare.push(`${page}: ${command.trim()}`);
    }
    expect(bare).toEqual([]);
  });

  test("the npm scripts the docs name exist", () => {
    const scripts = Object.keys((JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts);
    const named = new Set<string>();
    for (const page of ["README.md", "CONTRIBUTING.md", ...readdirSync(join(REPO_ROOT, "docs")).filter((name) => name.endsWith(".md")).map((name) => `docs/${name}`)]) {
      for (const m of readFileSync(join(REPO_ROOT, page), "utf8").matchAll(/npm run ([a-z:]+)/g)) named.add(m[1]!);
    }
    expect([...named].filter((name) => !scripts.includes(name))).toEqual([]);
  });
});
