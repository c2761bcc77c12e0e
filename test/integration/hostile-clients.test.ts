/**
 * Hostile and careless clients (issue 16): no message, half-close or disconnect may stall,
 * kill or bloat the daemon. Over stdio and the Unix socket:
 * - every `$/cancelRequest` shape vscode-jsonrpc used to throw on is dropped, and the
 *   request sent right after it is answered, while a bystander session keeps its variable;
 * - requests followed by a FIN get their answers, then the daemon closes its side;
 * - a client that disconnects during a long loop frees its runner at once, so a bystander
 *   connection of the same (named) tenant is not delayed;
 * - a malformed frame at the very end of stdin is answered before the daemon exits;
 * - a timeout_ms past the longest timer is an invalid-params error naming the bound.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { spawn } from "node:child_process";
import { createConnection, type Socket } from "node:net";
import { join } from "node:path";
import type { Message } from "vscode-jsonrpc";
import { DaemonClient } from "../../clients/shared/daemon-client.ts";
import { JsonRpcErrorCodes } from "../../protocol/error-codes.ts";
import { BoundedMessageReader } from "../../protocol/wire/bounded-message-reader.ts";
import { nodeStreamSource } from "../../protocol/wire/byte-sources.ts";
import { HOSTILE_NOTIFICATIONS } from "../harness/hostile-inputs.ts";
import { REPO_ROOT, testCacheDir, waitFor } from "../harness/paths.ts";
import { startDaemon, startRawStdioDaemon, type DaemonUnderTest, type RawPeer } from "../harness/start-daemon.ts";

type Answer = Record<string, unknown> & { id?: unknown; error?: { code: number; message: string }; result?: Record<string, unknown> };

/** Sends each hostile notification, then a request; every request must be answered. */
async function sendHostileNotifications(peer: RawPeer): Promise<void> {
  for (const [index, [name, message]] of HOSTILE_NOTIFICATIONS.entries()) {
    peer.frame(JSON.stringify(message));
    peer.frame(JSON.stringify({ jsonrpc: "2.0", id: 100 + index, method: "session/list", params: {} }));
    const answer = (await peer.next(`session/list sent right after ${name}`)) as Answer;
    expect(answer).toMatchObject({ id: 100 + index, result: { sessions: expect.any(Array) } });
  }
}

/** A raw socket that collects every message the daemon sends, and knows when the daemon closed. */
function rawSocket(path: string): Promise<{ socket: Socket; inbox: Answer[]; ended: () => boolean; frame(body: string): void }> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    const inbox: Answer[] = [];
    let ended = false;
    socket.once("error", reject);
    socket.once("connect", () => {
      const reader = new BoundedMessageReader(nodeStreamSource(socket), { maxMessageBytes: 1 << 30, onProblem: () => {} });
      reader.listen((message: Message) => inbox.push(message as unknown as Answer));
      socket.on("end", () => (ended = true));
      resolve({ socket, inbox, ended: () => ended, frame: (body) => void socket.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`) });
    });
  });
}

describe("over the Unix socket", () => {
  let daemon: DaemonUnderTest;
  let session: string;
  beforeAll(async () => {
    daemon = await startDaemon({ transport: "socket" });
    session = (await daemon.client.createSession()).session.session_id;
    await daemon.client.run({ code: "precious = [1, 2, 3]", session_id: session });
  });
  afterAll(async () => {
    await daemon?.stop();
  });

  test("each $/cancelRequest without a usable id is dropped; the request after it is answered; a bystander keeps its variable", async () => {
    const raw = await daemon.rawConnection();
    try {
      await sendHostileNotifications(raw);
    } finally {
      raw.close();
    }
    expect((await daemon.client.run({ code: "sum(precious)", session_id: session })).result).toBe("6");
    expect(daemon.process.exitCode).toBeNull();
  });

  test("hostile notifications and a request in one chunk: the request is answered without more bytes", async () => {
    const raw = await rawSocket(daemon.socketPath!);
    const bodies = [...HOSTILE_NOTIFICATIONS.map(([, m]) => JSON.stringify(m)), '{"jsonrpc":"2.0","id":1,"method":"session/list","params":{}}'];
    raw.socket.write(bodies.map((b) => `Content-Length: ${Buffer.byteLength(b)}\r\n\r\n${b}`).join(""));
    await waitFor("the answer to the request at the end of the chunk", () => raw.inbox.some((m) => m.id === 1), 10_000);
    raw.socket.destroy();
  });

  test("requests followed by a FIN get their answers, output included, then the daemon closes its side", async () => {
    const raw = await rawSocket(daemon.socketPath!);
    raw.frame('{"jsonrpc":"2.0","id":1,"method":"python/run","params":{"code":"import time\\nprint(\'before\', flush=True)\\ntime.sleep(0.5)\\nprint(\'after\')\\n6*7"}}');
    raw.frame('{"jsonrpc":"2.0","id":2,"method":"daemon/info","params":{}}');
    raw.socket.end();
    await waitFor("the daemon to answer both requests and close its side after the FIN", () => raw.ended(), 30_000);
    expect(raw.inbox.find((m) => m.id === 1)).toMatchObject({ result: { result: "42", stdout: "before\nafter\n" } });
    expect(raw.inbox.find((m) => m.id === 2)).toMatchObject({ result: { status: "healthy" } });
    raw.socket.destroy();
  });

  test("a bad frame right before the FIN is answered too", async () => {
    const raw = await rawSocket(daemon.socketPath!);
    raw.socket.end("Content-Length: 5\r\n\r\n{bad}");
    await waitFor("the daemon to answer the bad frame and close", () => raw.ended(), 10_000);
    expect(raw.inbox).toHaveLength(1);
    expect(raw.inbox[0]).toMatchObject({ id: null, error: { code: JsonRpcErrorCodes.ParseError } });
    raw.socket.destroy();
  });

  test("a client that disconnects during a long loop frees the runner at once: a bystander of the same tenant is not delayed", async () => {
    // Connections naming one tenant share its runner (one, with --workers 1), so the
    // bystander would wait for the whole loop if the orphan kept running.
    const tenant = `shared-${process.pid}`;
    const leaver = await DaemonClient.connect(daemon.socketPath!);
    const bystander = await DaemonClient.connect(daemon.socketPath!);
    try {
      await leaver.initialize("leaver", tenant);
      await bystander.initialize("bystander", tenant);
      await bystander.createSession({ session_id: "keep" });
      await bystander.run({ code: "kept = 'still here'", session_id: "keep" });
      let started = false;
      const loop = leaver.run(
        { code: "import time\nprint('looping', flush=True)\nend = time.time() + 60\nwhile time.time() < end: pass", timeout_ms: 120_000 },
        { onOutput: () => (started = true) },
      );
      loop.catch(() => {});
      await waitFor("the loop to start", () => started, 20_000);
      leaver.dispose();
      // If the loop were not cancelled, this would wait for the rest of its 60 s.
      const started2 = Date.now();
      const answer = await Promise.race([
        bystander.run({ code: "kept", session_id: "keep" }),
        Bun.sleep(15_000).then(() => {
          throw new Error("the bystander's run was not answered within 15 s: the orphaned loop still holds the runner");
        }),
      ]);
      expect(answer.result).toBe("'still here'");
      expect(Date.now() - started2).toBeLessThan(15_000);
    } finally {
      bystander.dispose();
    }
  });

  test("a timeout_ms past the longest timer is invalid params naming the bound", async () => {
    const raw = await daemon.rawConnection();
    try {
      raw.frame(`{"jsonrpc":"2.0","id":1,"method":"python/run","params":{"code":"1","timeout_ms":${2 ** 31}}}`);
      const answer = (await raw.next("a run with timeout_ms 2^31")) as Answer;
      expect(answer).toMatchObject({ id: 1, error: { code: JsonRpcErrorCodes.InvalidParams } });
      expect(answer.error?.message).toContain("params.timeout_ms must be at most 2147483647");
    } finally {
      raw.close();
    }
  });
});

describe("over stdio", () => {
  test("each $/cancelRequest without a usable id is dropped, the daemon lives, and a session keeps its variable", async () => {
    const daemon = startRawStdioDaemon();
    try {
      daemon.peer.frame('{"jsonrpc":"2.0","id":1,"method":"session/create","params":{"session_id":"keep"}}');
      // The first request waits for the runner to boot: slow on a loaded machine.
      await daemon.peer.next("session/create", 90_000);
      daemon.peer.frame('{"jsonrpc":"2.0","id":2,"method":"python/run","params":{"code":"precious = 41","session_id":"keep"}}');
      expect(await daemon.peer.next("the first run", 30_000)).toMatchObject({ id: 2, result: { status: "success" } });
      await sendHostileNotifications(daemon.peer);
      daemon.peer.frame('{"jsonrpc":"2.0","id":3,"method":"python/run","params":{"code":"precious + 1","session_id":"keep"}}');
      expect(await daemon.peer.next("the run after the hostile notifications", 30_000)).toMatchObject({ id: 3, result: { result: "42" } });
      expect(daemon.process.exitCode).toBeNull();
    } finally {
      daemon.peer.close();
    }
  });

  test("printf 'Content-Length: 5\\r\\n\\r\\n{bad}' | woma daemon --stdio prints a -32700 answer, then exits", async () => {
    const child = spawn(process.execPath, [join(REPO_ROOT, "cli", "main.ts"), "daemon", "--stdio", "--pyodide-cache", testCacheDir()], { stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    child.stdin!.end("Content-Length: 5\r\n\r\n{bad}");
    const code = await Promise.race([exited, Bun.sleep(30_000).then(() => "still running after 30 s")]);
    if (code === "still running after 30 s") child.kill("SIGKILL");
    expect(code).toBe(0);
    const body = stdout.slice(stdout.indexOf("\r\n\r\n") + 4);
    expect(JSON.parse(body)).toMatchObject({ jsonrpc: "2.0", id: null, error: { code: JsonRpcErrorCodes.ParseError } });
  });
});
