/**
 * The compiled binary, started as a user would: copied alone into an empty folder, run with
 * a fresh cache directory (its first run builds the snapshot) and no network. `npm test`
 * builds ./woma before the tests; run `bun run build` first when running this file alone.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { DaemonClient } from "../../clients/shared/daemon-client.ts";
import { REPO_ROOT, waitFor } from "../harness/paths.ts";
import { startInPty } from "../harness/pty.ts";
import { TestJupyterClient, zmtpPeer } from "../harness/zmtp-client.ts";

const BUILT = join(REPO_ROOT, "woma");
const folder = mkdtempSync(join(tmpdir(), "woma-binary-"));
const binary = join(folder, "woma");
const cache = join(folder, "cache");
/** Only the binary's own directory and the system: no node_modules, no repository, no PATH entries of ours. */
const env = { PATH: "/usr/local/bin:/usr/bin:/bin", HOME: folder, TERM: "xterm-256color" };

/** Runs the binary to completion with the given stdin. */
function runBinary(args: string[], input = "") {
  const result = spawnSync(binary, args, { cwd: folder, env, input, encoding: "utf8", timeout: 60_000 });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status };
}

/** Starts a long-running mode of the binary and waits for a line on stderr. */
async function startMode(args: string[], ready: RegExp): Promise<{ child: ChildProcess; match: RegExpMatchArray; stop(): Promise<void> }> {
  const child = spawn(binary, args, { cwd: folder, env, stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  await waitFor(`${ready} on the binary's stderr (it printed: ${stderr})`, () => ready.test(stderr) || child.exitCode !== null, 60_000);
  if (child.exitCode !== null) throw new Error(`./woma ${args.join(" ")} exited with ${child.exitCode}: ${stderr}`);
  return {
    child,
    match: stderr.match(ready)!,
    stop: async () => {
      child.kill("SIGTERM");
      if (child.exitCode === null) await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

beforeAll(() => {
  if (!existsSync(BUILT)) throw new Error("./woma is missing: `npm test` builds it; alone, run `bun run build` first");
  copyFileSync(BUILT, binary);
});

describe("the binary, alone in an empty folder", () => {
  test("--version and --help work", () => {
    expect(runBinary(["--version"]).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = runBinary(["--help"]).stdout;
    for (const command of ["woma daemon", "woma serve", "woma mcp"]) expect(help).toContain(command);
  });

  test("piped REPL input works with no network at all; the first run builds the snapshot in the cache", () => {
    const offline = spawnSync("unshare", ["-r", "-n", "true"]).status === 0;
    // In a network namespace of its own (no interfaces) when this machine allows it; plainly otherwise.
    const command = offline ? ["unshare", "-r", "-n", binary] : [binary];
    const result = spawnSync(command[0]!, [...command.slice(1), "--pyodide-cache", cache], { cwd: folder, env, input: "x=6\nprint(x*7)\n", encoding: "utf8", timeout: 60_000 });
    expect(result.stdout).toBe("42\n");
    expect(result.status).toBe(0);
    expect(readdirSync(join(cache, "snapshots")).some((f) => f.endsWith(".snapshot"))).toBe(true);
    // The Pyodide core embedded in the binary was written out next to the snapshot.
    const core = readdirSync(cache).find((d) => d.startsWith("pyodide-"))!;
    expect(readdirSync(join(cache, core))).toContain("pyodide.asm.wasm");
  });

  test("runners re-execute the binary with JavaScript code generation disabled", () => {
    const result = runBinary(["--pyodide-cache", cache], "from pyodide.ffi import to_js\nto_js({'a': 1}).constructor.constructor('return 1')()\n");
    expect(result.stderr).toContain("EvalError: Code generation from strings disallowed");
  });

  test("the REPL in a terminal: 1+1 prints 2", async () => {
    const repl = startInPty([binary, "--pyodide-cache", cache], env);
    try {
      await repl.waitForText(">>> ", 30_000);
      repl.type("1+1\r");
      await repl.waitForText("2\n>>> ", 15_000);
      repl.type("\x04");
      expect(await repl.process.exited).toBe(0);
    } finally {
      repl.close();
    }
  });

  test("serve: /health, then 1+1", async () => {
    const serve = await startMode(["serve", "--port", "0", "--pyodide-cache", cache], /listening on (http:\/\/\S+)/);
    try {
      const base = serve.match[1]!;
      const health = await fetch(`${base}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: "healthy" });
      const run = await fetch(`${base}/python`, { method: "POST", body: JSON.stringify({ code: "1+1" }), headers: { "content-type": "application/json" } });
      expect(await run.json()).toMatchObject({ status: "success", result: "2" });
    } finally {
      await serve.stop();
    }
  });

  test("mcp: tools/list, then a run", async () => {
    const transport = new StdioClientTransport({ command: binary, args: ["mcp", "--pyodide-cache", cache], cwd: folder, env, stderr: "pipe" });
    const client = new Client({ name: "binary-test", version: "1.0.0" });
    await client.connect(transport);
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toContain("run_python");
      const result = await client.callTool({ name: "run_python", arguments: { code: "6*7" } });
      expect(result.isError).toBeFalsy();
      expect(JSON.stringify(result.content)).toContain("42");
    } finally {
      await client.close();
    }
  });

  test("daemon over a socket", async () => {
    const socket = join(folder, "daemon.sock");
    const daemon = await startMode(["daemon", "--socket", socket, "--pyodide-cache", cache], /listening on/);
    try {
      const client = await DaemonClient.connect(socket);
      const session = (await client.createSession()).session.session_id;
      await client.run({ code: "x = 20", session_id: session });
      expect((await client.run({ code: "x + 22", session_id: session })).result).toBe("42");
      client.dispose();
    } finally {
      await daemon.stop();
    }
  });
});

describe("the binary as a Jupyter kernel", () => {
  test("its kernelspec starts the binary itself by absolute path, and a kernel from it runs a cell with HTML cleaned", async () => {
    expect(runBinary(["jupyter", "install", "--prefix", folder, "--", "--pyodide-cache", cache]).code).toBe(0);
    const spec = JSON.parse(readFileSync(join(folder, "share", "jupyter", "kernels", "woma", "kernel.json"), "utf8")) as { argv: string[] };
    expect(spec.argv.slice(0, 5)).toEqual([binary, "jupyter", "kernel", "-f", "{connection_file}"]);
    const file = join(folder, "kernel.json");
    const kernel = await startMode(["jupyter", "kernel", "-f", file, "--pyodide-cache", cache], /kernel listening/);
    try {
      const info = JSON.parse(readFileSync(file, "utf8")) as { key: string; shell_port: number; iopub_port: number };
      const client = new TestJupyterClient(info.key, await zmtpPeer(info.shell_port, "DEALER", { identity: "binary" }), await zmtpPeer(info.iopub_port, "SUB", { subscribe: "" }));
      const reply = await client.request("execute_request", { code: "from IPython.display import HTML, display\ndisplay(HTML('<b>ok</b><script>x</script>'))", silent: false });
      expect(reply.content.status).toBe("ok");
      let shown: Record<string, string> | undefined;
      while (shown === undefined) {
        const message = client.read(await client.iopub.next("the display_data"));
        if (message.header.msg_type === "display_data") shown = message.content.data as Record<string, string>;
      }
      expect(shown["text/html"]).toBe("<b>ok</b>");
    } finally {
      await kernel.stop();
    }
  });
});

afterAll(() => {
  // The folder holds a 120 MB copy of the binary and a snapshot; leave nothing behind.
  spawnSync("rm", ["-rf", folder]);
});
