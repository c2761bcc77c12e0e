/** The command line as a newcomer meets it: help where help is due, each mistake named once with the way out, failures told apart from usage errors. No Python runs here. */
import { describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT } from "../harness/paths.ts";

const ENTRY = join(REPO_ROOT, "cli", "main.ts");

/** Runs `woma ARGS` and returns what it printed and its exit status. */
function woma(args: string[]): { stdout: string; stderr: string; code: number | null } {
  const result = spawnSync(process.execPath, [ENTRY, ...args], { encoding: "utf8", timeout: 30_000 });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

describe("help", () => {
  test("woma packages with no subcommand prints its help (the subcommands), not a complaint", () => {
    const { stdout, stderr, code } = woma(["packages"]);
    expect(code).toBe(0);
    expect(stderr).toBe("");
    for (const sub of ["woma packages list", "woma packages fetch", "woma packages mirror"]) expect(stdout).toContain(sub);
    expect(stdout).not.toContain("Not enough non-option arguments");
  });

  test("a command's --help shows its own flags first, then the shared ones in groups", () => {
    for (const [command, heading, own] of [
      ["serve", "REST bridge:", "--max-body"],
      ["mcp", "MCP server:", "--fresh-interpreter"],
      ["daemon", "Daemon:", "--socket"],
    ] as const) {
      const { stdout, code } = woma([command, "--help"]);
      expect(code).toBe(0);
      const at = (text: string) => stdout.indexOf(text);
      const headings = [heading, "Runners (flags every command takes):", "Many clients (docs/tenants.md):", "Limits:", "Network (docs/network.md):", "Packages (docs/packages.md):"];
      expect(headings.map(at).every((index) => index >= 0)).toBe(true);
      expect(headings.map(at)).toEqual(headings.map(at).toSorted((a, b) => a - b));
      expect(at(own)).toBeGreaterThan(at(heading));
      expect(at(own)).toBeLessThan(at("Runners (flags every command takes):"));
      // Shared flags sit in their groups: the general "Options:" block keeps only --help and --version.
      const general = stdout.slice(at("\nOptions:"));
      // A flag's line starts "      --name" (or "  -h, --name"); deeper lines continue a description.
      expect([...general.matchAll(/^ {2}(?:-\w, | {4})(--[\w-]+)/gm)].map((m) => m[1])).toEqual(["--version", "--help"]);
      expect(stdout.slice(at("Limits:"), at("Network (docs/network.md):"))).toContain("--max-message-bytes");
      expect(stdout.slice(at("Many clients (docs/tenants.md):"), at("Limits:"))).toContain("--admission-timeout");
    }
  });

  test("bench/run --help prints its usage, and a bad flag its usage with the problem, never a stack trace", () => {
    const help = spawnSync(join(REPO_ROOT, "bench", "run"), ["--help"], { encoding: "utf8", timeout: 30_000 });
    expect(help.status).toBe(0);
    expect(help.stdout).toStartWith("usage: bench/run [--rounds N]");
    const bad = spawnSync(join(REPO_ROOT, "bench", "run"), ["--bogus"], { encoding: "utf8", timeout: 30_000 });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("bench: Unknown option '--bogus'\nusage: bench/run [--rounds N] [--only memory,launchers,transports,boot,pool] [--calls N]\n");
  });
});

describe("mistakes", () => {
  test("an unknown flag is named once, with its dashes, and points at the command's own --help (exit 2)", () => {
    const { stderr, code } = woma(["serve", "--bogus-flag", "--other-thing=3"]);
    expect(code).toBe(2);
    expect(stderr).toBe("woma: unknown flags --bogus-flag, --other-thing\nRun 'woma serve --help' for usage.\n");
    expect(stderr).not.toContain("bogusFlag");
    expect(woma(["--bogus-flag"]).stderr).toBe("woma: unknown flag --bogus-flag\nRun 'woma --help' for usage.\n");
  });

  test("a bad flag value says what was expected and what arrived (exit 2)", () => {
    const { stderr, code } = woma(["serve", "--port", "70000"]);
    expect(code).toBe(2);
    expect(stderr).toBe("woma: --port must be at most 65535, got 70000\nRun 'woma serve --help' for usage.\n");
  });

  test("a failure that is not about usage is told as it is and exits 1, with no pointer to --help", () => {
    const { stderr, code } = woma(["--connect", "/nonexistent/woma.sock"]);
    expect(code).toBe(1);
    expect(stderr).toStartWith("woma: cannot connect to the daemon at /nonexistent/woma.sock: ");
    expect(stderr).not.toContain("--help");
  });
});

describe("the first start", () => {
  test("every command that starts a daemon says at once that it is building the Python snapshot", async () => {
    for (const command of [["daemon", "--stdio"], ["serve", "--port", "0"], ["mcp"]]) {
      const cache = mkdtempSync(join(tmpdir(), "woma-empty-cache-"));
      const child = Bun.spawn([process.execPath, ENTRY, ...command, "--pyodide-cache", cache], { stdin: "pipe", stdout: "pipe", stderr: "pipe" });
      let said = "";
      const reader = child.stderr.getReader();
      try {
        while (!said.includes("first start: building the Python snapshot")) {
          const { value, done } = await reader.read();
          if (done) throw new Error(`woma ${command[0]} ended without saying so; stderr: ${said}`);
          said += new TextDecoder().decode(value);
        }
        // Said before any runner is ready: no snapshot exists yet.
        expect(readdirSync(join(cache, "snapshots")).filter((name) => name.endsWith(".snapshot"))).toEqual([]);
      } finally {
        // Not worth waiting for the build: a runner whose daemon is gone ends when its input closes.
        child.kill("SIGKILL");
        await child.exited;
        rmSync(cache, { recursive: true, force: true });
      }
    }
  }, 60_000);
});
