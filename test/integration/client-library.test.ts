/** `woma/client` from another project, as docs/client-library.md shows it: a plain Node.js ES module drives a `woma daemon --stdio` child, and a TypeScript project type-checks against the declarations. */
import { beforeAll, describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { REPO_ROOT, testCacheDir } from "../harness/paths.ts";

/** A project of its own, with woma installed in its node_modules as `npm install /path/to/woma` would link it. */
const project = mkdtempSync(join(tmpdir(), "woma-client-user-"));

beforeAll(() => {
  // What `npm install` runs (prepare): the bundle and its declarations.
  const build = spawnSync(process.execPath, [join(REPO_ROOT, "build-client.ts")], { encoding: "utf8" });
  if (build.status !== 0) throw new Error(`build-client.ts failed: ${build.stderr}`);
  mkdirSync(join(project, "node_modules"));
  symlinkSync(REPO_ROOT, join(project, "node_modules", "woma"));
});

describe("woma/client", () => {
  test("a Node.js ES module spawns woma daemon --stdio, runs code in a session with streamed output, and shuts it down", () => {
    writeFileSync(
      join(project, "main.mjs"),
      `import { spawn } from "node:child_process";
import { DaemonClient, isTimedOut } from "woma/client";
const daemon = spawn(process.execPath, [${JSON.stringify(join(REPO_ROOT, "bin", "woma.cjs"))}, "daemon", "--stdio", "--pyodide-cache", ${JSON.stringify(testCacheDir())}], { stdio: ["pipe", "pipe", "inherit"] });
const client = DaemonClient.overStreams(daemon.stdout, daemon.stdin);
const hello = await client.initialize("library-test");
const { session } = await client.createSession();
const printed = [];
const result = await client.run({ code: "print('hi')\\n6 * 7", session_id: session.session_id }, { onOutput: (stream, text) => printed.push([stream, text]) });
const late = await client.run({ code: "while True: pass", timeout_ms: 200 }).catch((error) => error);
await client.shutdown();
client.dispose();
console.log(JSON.stringify({ isolation: hello.isolation.level, result: result.result, printed, timedOut: isTimedOut(late) }));
`,
    );
    const run = spawnSync("node", ["main.mjs"], { cwd: project, encoding: "utf8", timeout: 60_000 });
    expect(run.stderr).not.toContain("Error");
    expect(run.status).toBe(0);
    const answer = JSON.parse(run.stdout.trim().split("\n").pop()!);
    expect(answer).toMatchObject({ result: "42", printed: [["stdout", "hi\n"]], timedOut: true });
  });

  test("a TypeScript project type-checks against its declarations", () => {
    writeFileSync(
      join(project, "use.ts"),
      `import { DaemonClient, WomaErrorCodes, errorCode, type RunResult } from "woma/client";
export async function answer(client: DaemonClient): Promise<string | null> {
  try {
    const result: RunResult = await client.run({ code: "1+1" });
    return result.result;
  } catch (error) {
    if (errorCode(error) === WomaErrorCodes.PoolBusy) return null;
    throw error;
  }
}
`,
    );
    writeFileSync(
      join(project, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { strict: true, module: "nodenext", moduleResolution: "nodenext", target: "es2022", noEmit: true, skipLibCheck: true, types: ["node"], typeRoots: [join(REPO_ROOT, "node_modules", "@types")] }, files: ["use.ts"] }),
    );
    const check = spawnSync(join(REPO_ROOT, "node_modules", ".bin", "tsc"), ["-p", project], { encoding: "utf8" });
    expect(check.stdout + check.stderr).toBe("");
    expect(check.status).toBe(0);
  });
});
