/**
 * `woma jupyter kernel` at the wire, started by hand as a user would (it writes its own
 * connection file) and spoken to with the test's own ZMTP peers: what a front end sees, what
 * hostile peers get (nothing, and the kernel goes on), what sandboxed Python can put in front
 * of a browser, and how signals end or interrupt it.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { JupyterMessage } from "../../clients/jupyter/messages.ts";
import { DaemonClient } from "../../clients/shared/daemon-client.ts";
import { encodeGreeting } from "../../clients/jupyter/zmtp/codec.ts";
import { WOMA } from "../harness/process-group.ts";
import { runnerPids } from "../harness/runner-processes.ts";
import { testCacheDir, waitFor } from "../harness/paths.ts";
import { TestJupyterClient, zmtpPeer } from "../harness/zmtp-client.ts";

const MAX_MESSAGE_BYTES = 65_536;

interface Connection {
  key: string;
  shell_port: number;
  iopub_port: number;
  control_port: number;
  stdin_port: number;
  hb_port: number;
}

let dir: string;
let kernel: ChildProcess;
let kernelStderr: () => string = () => "";
let connection: Connection;
let client: TestJupyterClient;

/** Starts a kernel on a connection file it writes itself; resolves once the file is there. */
async function startKernel(file: string, extra: string[] = []): Promise<{ child: ChildProcess; info: Connection; stderr: () => string; exited: Promise<number | null> }> {
  const child = spawn(WOMA[0]!, [...WOMA.slice(1), "jupyter", "kernel", "-f", file, "--pyodide-cache", testCacheDir(), ...extra], { stdio: ["ignore", "ignore", "pipe"] });
  // Listened for from the start: a kernel may exit before the test awaits it (right after its shutdown reply).
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  let err = "";
  child.stderr!.on("data", (chunk: Buffer) => (err += chunk.toString()));
  await waitFor(`the kernel to write ${file} (stderr: ${err})`, () => existsSync(file) && err.includes("kernel listening"), 60_000);
  return { child, info: JSON.parse(readFileSync(file, "utf8")) as Connection, stderr: () => err, exited };
}

/** Iopub messages for a request, up to its idle status. */
async function iopubFor(request: JupyterMessage): Promise<Array<[string, Record<string, unknown>]>> {
  const seen: Array<[string, Record<string, unknown>]> = [];
  for (;;) {
    const message = client.read(await client.iopub.next("an iopub message", 30_000));
    if (message.parent_header.msg_id !== request.header.msg_id) continue;
    seen.push([message.header.msg_type, message.content]);
    if (message.header.msg_type === "status" && message.content.execution_state === "idle") return seen;
  }
}

/** Runs a cell through the test client: its reply and its iopub messages. */
async function execute(code: string, extra: Record<string, unknown> = {}) {
  const { frames, message } = client.frames("execute_request", { code, silent: false, store_history: true, user_expressions: {}, allow_stdin: false, stop_on_error: true, ...extra });
  client.shell.send(frames);
  let reply: JupyterMessage;
  for (;;) {
    reply = client.read(await client.shell.next("an execute_reply", 30_000));
    if (reply.parent_header.msg_id === message.header.msg_id) break;
  }
  return { reply: reply.content, iopub: await iopubFor(message) };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "woma-kernel-wire-"));
  const started = await startKernel(join(dir, "kernel.json"), ["--max-message-bytes", String(MAX_MESSAGE_BYTES)]);
  kernel = started.child;
  connection = started.info;
  kernelStderr = started.stderr;
  const shell = await zmtpPeer(connection.shell_port, "DEALER", { identity: "tester" });
  const iopub = await zmtpPeer(connection.iopub_port, "SUB", { subscribe: "" });
  client = new TestJupyterClient(connection.key, shell, iopub);
  // The kernel answers kernel_info once its interpreter is up.
  await client.request("kernel_info_request");
});
afterAll(async () => {
  kernel?.kill("SIGKILL");
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("a kernel started by hand", () => {
  test("writes an owner-only connection file with the ports it bound and a 256-bit key, and says how to connect", () => {
    expect(statSync(join(dir, "kernel.json")).mode & 0o777).toBe(0o600);
    expect(connection.key).toMatch(/^[0-9a-f]{64}$/);
    expect(new Set([connection.shell_port, connection.iopub_port, connection.stdin_port, connection.control_port, connection.hb_port]).size).toBe(5);
    expect(kernelStderr()).toContain(`jupyter console --existing ${join(dir, "kernel.json")}`);
  });

  test("answers a cell with the spec's sequence, signed with the key, over the test's own ZMTP", async () => {
    const { reply, iopub } = await execute("print('hi')\n6*7");
    expect(reply).toMatchObject({ status: "ok", payload: [], user_expressions: {} });
    expect(iopub.map(([type]) => type)).toEqual(["status", "execute_input", "stream", "execute_result", "status"]);
  });

  test("the heartbeat echoes what a REQ sends", async () => {
    const hb = await zmtpPeer(connection.hb_port, "REQ");
    hb.send([new Uint8Array(0), new TextEncoder().encode("ping")]);
    expect((await hb.next("the heartbeat's echo")).map((f) => new TextDecoder().decode(f))).toEqual(["", "ping"]);
    hb.close();
  });
});

describe("hostile peers get nothing, and the kernel goes on", () => {
  const stillAnswers = async () => expect((await client.request("kernel_info_request")).content.status).toBe("ok");

  test("a wrong signature and a replayed message are dropped unanswered; the next good request is answered first", async () => {
    const forged = new TestJupyterClient("0".repeat(64), client.shell, client.iopub).frames("execute_request", { code: "open('/tmp/forged', 'w')", silent: false });
    client.shell.send(forged.frames);
    const { frames, message } = client.frames("kernel_info_request", {});
    client.shell.send(frames);
    const first = client.read(await client.shell.next("the reply to the good request"));
    expect(first.parent_header.msg_id).toBe(message.header.msg_id);
    // The same frames again: a replay. The reply after it must be to a new request, not to the replay.
    client.shell.send(frames);
    const next = client.frames("kernel_info_request", {});
    client.shell.send(next.frames);
    expect(client.read(await client.shell.next("the reply after the replay")).parent_header.msg_id).toBe(next.message.header.msg_id);
    await waitFor("the kernel's log of both drops", () => kernelStderr().includes("dropped a message on shell: its signature"), 5000);
  });

  test("bytes that are not ZMTP, a frame over --max-message-bytes and a PUB socket on shell are each disconnected", async () => {
    const junk = await zmtpPeer(connection.shell_port, "DEALER", { handshake: false });
    junk.raw(new TextEncoder().encode("GET / HTTP/1.1\r\nHost: x\r\n\r\n"));
    await waitFor("the junk connection to be closed", () => junk.closed);
    const big = await zmtpPeer(connection.shell_port, "DEALER", { identity: "big" });
    big.send([new Uint8Array(MAX_MESSAGE_BYTES + 1)]);
    await waitFor("the oversized sender to be closed", () => big.closed);
    const wrongType = await zmtpPeer(connection.shell_port, "PUB");
    await waitFor("the PUB peer to be closed", () => wrongType.closed);
    const halfGreeting = await zmtpPeer(connection.control_port, "DEALER", { handshake: false });
    halfGreeting.raw(encodeGreeting().subarray(0, 10));
    await stillAnswers();
    halfGreeting.close();
  });
});

describe("red team: what sandboxed Python can put in front of a browser", () => {
  test("script in HTML, JavaScript and widget types never reach the front end; the user is told what was left out", async () => {
    const code = `from IPython.display import display, HTML, Javascript
display(HTML('<b>kept</b><script>fetch("/api/terminals", {method: "POST"})</script><img src=x onerror="alert(1)">'))
display(Javascript('alert(2)'))
display({'application/javascript': 'alert(3)', 'application/vnd.jupyter.widget-view+json': '{}', 'text/plain': 'raw'}, raw=True)
display({'text/markdown': '[x](javascript:alert(4))', 'text/plain': 'md'}, raw=True)`;
    const { iopub } = await execute(code);
    const shown = iopub.filter(([type]) => type === "display_data").map(([, content]) => content.data as Record<string, string>);
    expect(shown).toEqual([{ "text/html": '<b>kept</b><img src="x" />', "text/plain": "<IPython.core.display.HTML object>" }, { "text/plain": "alert(2)" }, { "text/plain": "raw" }, { "text/plain": "md" }]);
    const notes = iopub.filter(([type, content]) => type === "stream" && content.name === "stderr").map(([, content]) => content.text as string);
    expect(notes.join("")).toContain("left out application/javascript, application/vnd.jupyter.widget-view+json");
    expect(notes.join("")).toContain("left out text/markdown");
  });
});

describe("on a shared daemon (--connect)", () => {
  test("the kernel runs its cells in a session of the daemon, closes it at shutdown, and exits when the daemon goes", async () => {
    const socket = join(dir, "daemon.sock");
    const daemon = spawn(WOMA[0]!, [...WOMA.slice(1), "daemon", "--socket", socket, "--pyodide-cache", testCacheDir()], { stdio: ["ignore", "ignore", "pipe"] });
    let daemonErr = "";
    daemon.stderr!.on("data", (chunk: Buffer) => (daemonErr += chunk.toString()));
    await waitFor(`the daemon to listen (stderr: ${daemonErr})`, () => daemonErr.includes("listening on"), 60_000);
    const watcher = await DaemonClient.connect(socket);
    await watcher.initialize("watcher", "jupyter-watch");
    try {
      const first = await startKernel(join(dir, "connect-1.json"), ["--connect", socket]);
      const mine = new TestJupyterClient(first.info.key, await zmtpPeer(first.info.shell_port, "DEALER", { identity: "c" }), await zmtpPeer(first.info.iopub_port, "SUB", { subscribe: "" }));
      const ran = await mine.request("execute_request", { code: "x = 1", silent: false }).catch(async (error: Error) => {
        throw new Error(`${error.message}; the kernel said: ${first.stderr()}; the daemon said: ${daemonErr}; info: ${JSON.stringify(await watcher.info())}`);
      });
      expect(ran.content.status).toBe("ok");
      expect(runnerPids(first.child.pid!)).toEqual([]);
      const shutdown = await mine.request("shutdown_request", { restart: false });
      expect(shutdown.content).toEqual({ status: "ok", restart: false });
      expect(await first.exited).toBe(0);
      // A second kernel, then the daemon goes away under it: the kernel says so and exits.
      const second = await startKernel(join(dir, "connect-2.json"), ["--connect", socket]);
      const other = new TestJupyterClient(second.info.key, await zmtpPeer(second.info.shell_port, "DEALER", { identity: "d" }), await zmtpPeer(second.info.iopub_port, "SUB", { subscribe: "" }));
      const info = await other.request("kernel_info_request").catch(async (error: Error) => {
        throw new Error(`${error.message}; the kernel said: ${second.stderr()}; the daemon said: ${daemonErr}; info: ${JSON.stringify(await watcher.info())}`);
      });
      expect(info.content.status).toBe("ok");
      watcher.dispose();
      daemon.kill("SIGTERM");
      expect(await second.exited).toBe(1);
      expect(second.stderr()).toContain(`stopping: the connection to the daemon at ${socket} closed`);
      // Its session cannot be closed on a daemon that is gone; that is no error of its own.
      expect(second.stderr()).not.toContain("Connection is closed");
    } finally {
      watcher.dispose();
      daemon.kill("SIGKILL");
    }
  });
});

describe("signals", () => {
  test("SIGINT interrupts the running cell and keeps the variables; SIGTERM ends the kernel and its runners", async () => {
    const own = await startKernel(join(dir, "signals.json"));
    const shell = await zmtpPeer(own.info.shell_port, "DEALER", { identity: "sig" });
    const iopub = await zmtpPeer(own.info.iopub_port, "SUB", { subscribe: "" });
    const mine = new TestJupyterClient(own.info.key, shell, iopub);
    await mine.request("execute_request", { code: "kept = 7", silent: false });
    const { frames, message } = mine.frames("execute_request", { code: "print('looping', flush=True)\nwhile True: pass", silent: false });
    shell.send(frames);
    for (;;) {
      const seen = mine.read(await iopub.next("the loop's output", 30_000));
      if (seen.header.msg_type === "stream") break;
    }
    own.child.kill("SIGINT");
    let reply: JupyterMessage;
    do reply = mine.read(await shell.next("the interrupted cell's reply", 10_000));
    while (reply.parent_header.msg_id !== message.header.msg_id);
    expect(reply.content).toMatchObject({ status: "error", ename: "KeyboardInterrupt" });
    expect((await mine.request("execute_request", { code: "kept", silent: false })).content.status).toBe("ok");
    const runners = runnerPids(own.child.pid!);
    expect(runners.length).toBeGreaterThan(0);
    own.child.kill("SIGTERM");
    const code = await own.exited;
    expect(code).toBe(0);
    await waitFor("the runners to exit", () => runners.every((pid) => !existsSync(`/proc/${pid}`)), 5000);
    expect(own.stderr()).toContain("stopping: SIGTERM");
  });
});
