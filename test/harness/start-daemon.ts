/** Starts the real daemon as a subprocess (stdio or Unix socket) and hands back a typed client, for integration tests. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { createConnection, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StreamMessageWriter } from "vscode-jsonrpc/node";
import type { Message } from "vscode-jsonrpc";
import { DaemonClient } from "../../clients/shared/daemon-client.ts";
import { BoundedMessageReader } from "../../protocol/wire/bounded-message-reader.ts";
import { nodeStreamSource } from "../../protocol/wire/byte-sources.ts";
import { REPO_ROOT, testCacheDir, waitFor } from "./paths.ts";

/** How the test reaches the daemon. */
export type TransportKind = "stdio" | "socket";

/** A daemon subprocess and a client connected to it. */
export interface DaemonUnderTest {
  client: DaemonClient;
  process: ChildProcess;
  /** The socket path, for `socket` transport. */
  socketPath?: string;
  /** Everything the daemon printed on stderr so far. */
  stderr(): string;
  /** Opens another raw connection (socket transport only). */
  rawConnection(): Promise<RawPeer>;
  /** Opens another client connection (socket transport only): a tenant of its own unless it names one. */
  connect(): Promise<DaemonClient>;
  /** Stops the daemon (SIGTERM, then SIGKILL after 5 s) and waits for it to exit. */
  stop(): Promise<void>;
}

/** A byte-level peer, for sending what a well-behaved client never would. */
export interface RawPeer {
  /** Writes raw bytes as they are. */
  write(bytes: string | Uint8Array): void;
  /** Writes one framed message whose body is exactly `body`. */
  frame(body: string): void;
  /** Waits for the next message from the daemon. */
  next(what: string, timeoutMs?: number): Promise<Message & Record<string, unknown>>;
  close(): void;
}

/** Options of {@link startDaemon}. */
export interface StartOptions {
  transport: TransportKind;
  /** Extra command-line flags for `woma daemon`. */
  args?: string[];
  /** Cache directory (default: the suite's shared one, so the snapshot is built once). */
  cacheDir?: string;
  /** Wait until a runner is ready before returning (default true). */
  waitReady?: boolean;
  /**
   * Names the daemon resolves, to addresses of this machine only: the daemon runs in a user
   * and mount namespace of its own (`unshare -r -m`) where this file is /etc/hosts. See {@link hostsNamespaceWorks}.
   */
  hosts?: Record<string, string>;
  /** Extra environment for the daemon (WOMA_LOG=debug, say). */
  env?: Record<string, string>;
}

/** True when this machine lets a test give a process its own /etc/hosts (`unshare -r -m` and a bind mount). */
export function hostsNamespaceWorks(): boolean {
  return spawnSync("unshare", ["-r", "-m", "sh", "-c", "mount --bind /dev/null /etc/hosts"]).status === 0;
}

/** The command that runs `argv` with `hosts` as its /etc/hosts (plus localhost), in a namespace of its own. */
function inHostsNamespace(hosts: Record<string, string>, argv: string[]): string[] {
  for (const address of Object.values(hosts)) if (!/^127\.|^::1$/.test(address)) throw new Error(`test hosts may only map names to loopback, not ${address}`);
  const file = join(mkdtempSync(join(tmpdir(), "woma-hosts-")), "hosts");
  writeFileSync(file, ["127.0.0.1 localhost", "::1 localhost", ...Object.entries(hosts).map(([name, address]) => `${address} ${name}`), ""].join("\n"));
  return ["unshare", "-r", "-m", "sh", "-c", `mount --bind ${file} /etc/hosts && exec "$@"`, "sh", ...argv];
}

const BUN = process.execPath;
const ENTRY = join(REPO_ROOT, "cli", "main.ts");

function rawPeerOver(readable: NodeJS.ReadableStream, writable: NodeJS.WritableStream, close: () => void): RawPeer {
  const inbox: Array<Message & Record<string, unknown>> = [];
  const reader = new BoundedMessageReader(nodeStreamSource(readable), { maxMessageBytes: 1 << 30, onProblem: () => {} });
  reader.listen((message) => inbox.push(message as Message & Record<string, unknown>));
  return {
    write: (bytes) => void writable.write(bytes),
    frame: (body) => void writable.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`),
    next: async (what, timeoutMs = 10_000) => {
      await waitFor(`the daemon's answer to ${what}`, () => inbox.length > 0, timeoutMs);
      return inbox.shift()!;
    },
    close,
  };
}

function connectOnce(path: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = createConnection(path);
    socket.once("connect", () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Connects, retrying for a few seconds while the file exists but the daemon is not listening yet (bind comes before listen). */
async function connectSocket(path: string): Promise<Socket> {
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      return await connectOnce(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ECONNREFUSED" || Date.now() > deadline) throw error;
      await Bun.sleep(20);
    }
  }
}

/**
 * Starts `woma daemon` with the given transport. With `socket`, the socket lives in a
 * fresh temporary directory. The returned client has already been connected.
 */
export async function startDaemon(options: StartOptions): Promise<DaemonUnderTest> {
  const cacheDir = options.cacheDir ?? testCacheDir();
  const socketPath = options.transport === "socket" ? join(mkdtempSync(join(tmpdir(), "woma-sock-")), "daemon.sock") : undefined;
  const args = [ENTRY, "daemon", ...(socketPath ? ["--socket", socketPath] : ["--stdio"]), "--pyodide-cache", cacheDir, "--log-level", "info", ...(options.args ?? [])];
  const [command, ...argv] = options.hosts ? inHostsNamespace(options.hosts, [BUN, ...args]) : [BUN, ...args];
  const child = spawn(command!, argv, { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, WOMA_TEST_SECRET: "daemon-secret-value", ...options.env } });
  let stderr = "";
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  let client: DaemonClient;
  if (socketPath) {
    const { existsSync } = await import("node:fs");
    await waitFor(`daemon socket ${socketPath} (stderr: ${stderr})`, () => existsSync(socketPath) || child.exitCode !== null, 15_000);
    if (child.exitCode !== null) throw new Error(`daemon exited with ${child.exitCode}: ${stderr}`);
    const socket = await connectSocket(socketPath);
    client = DaemonClient.over(
      new BoundedMessageReader(nodeStreamSource(socket), { maxMessageBytes: 1 << 30, onProblem: () => {} }),
      new StreamMessageWriter(socket),
    );
  } else {
    client = DaemonClient.over(
      new BoundedMessageReader(nodeStreamSource(child.stdout!), { maxMessageBytes: 1 << 30, onProblem: () => {} }),
      new StreamMessageWriter(child.stdin!),
    );
  }
  if (options.waitReady !== false) {
    // daemon/info answers at once; wait until a runner has booted so timings in tests are not boot times.
    const ready = client;
    await waitFor("a runner to become ready", async () => (await ready.info()).pyodide_loaded, 60_000).catch((error: Error) => {
      throw new Error(`${error.message}; the daemon's stderr: ${stderr}`);
    });
  }
  return {
    client,
    process: child,
    socketPath,
    stderr: () => stderr,
    connect: async () => {
      if (!socketPath) throw new Error("more connections need the socket transport");
      return DaemonClient.connect(socketPath);
    },
    rawConnection: async () => {
      if (!socketPath) throw new Error("raw connections need the socket transport");
      const socket = await connectSocket(socketPath);
      return rawPeerOver(socket, socket, () => socket.destroy());
    },
    stop: async () => {
      client.dispose();
      if (child.exitCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Starts a stdio daemon and talks raw bytes to it (no client on top). */
export function startRawStdioDaemon(args: string[] = []): { peer: RawPeer; process: ChildProcess; stderr(): string } {
  const child = spawn(BUN, [ENTRY, "daemon", "--stdio", "--pyodide-cache", testCacheDir(), ...args], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.setEncoding("utf8");
  child.stderr!.on("data", (chunk: string) => (stderr += chunk));
  const peer = rawPeerOver(child.stdout!, child.stdin!, () => child.kill("SIGKILL"));
  // A missing answer says what the daemon printed, and whether it is still running.
  const next = peer.next;
  peer.next = (what, timeoutMs) =>
    next(what, timeoutMs).catch((error: Error) => {
      throw new Error(`${error.message} (daemon ${child.exitCode === null ? "still running" : `exited with ${child.exitCode}`}; its stderr: ${stderr.slice(-2000)})`);
    });
  return { peer, process: child, stderr: () => stderr };
}
