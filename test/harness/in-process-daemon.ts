/** A whole daemon in the test's process: `Daemon.create` over fake runners, served to `DaemonClient`s over linked pairs of in-memory streams. */
import { afterEach } from "bun:test";
import { DaemonClient } from "../../clients/shared/daemon-client.ts";
import { Daemon, type DaemonTiming } from "../../daemon/daemon.ts";
import { defaultDaemonOptions, type DaemonOptions } from "../../daemon/daemon-options.ts";
import { setLogLevel } from "../../daemon/log.ts";
import { serveConnection, type ServedConnection } from "../../daemon/server/serve-connection.ts";
import { createLinkedPair } from "../../protocol/wire/linked-pair.ts";
import { FakeLauncher, type FakeLauncherOptions } from "./fake-launcher.ts";

// The daemon's warnings about dying runners are what these tests provoke; WOMA_LOG=debug shows them.
setLogLevel("silent");

/** One client connection to an in-process daemon. */
export interface InProcessConnection {
  client: DaemonClient;
  served: ServedConnection;
  /** The client goes away, as a closed socket would: its runs stop and its own tenant ends. */
  close(): void;
}

/** A daemon over fake runners, and ways to reach it. */
export interface InProcessDaemon {
  daemon: Daemon;
  launcher: FakeLauncher;
  /** The first connection, opened at start. */
  client: DaemonClient;
  /** Opens another connection (a tenant of its own until it names one); `operator` makes it the operator's, as the connection a command embeds the daemon with. */
  connect(options?: { operator?: boolean }): InProcessConnection;
  /** Shuts the daemon down and closes every connection. */
  stop(): Promise<void>;
}

/** Options of {@link startInProcessDaemon}. */
export interface InProcessOptions {
  /** Daemon settings over the test defaults (1 worker, no spares, a 20 ms interrupt grace, no memory limit). */
  daemon?: Partial<DaemonOptions>;
  /** How the fake runners boot and behave. */
  runners?: FakeLauncherOptions;
  /** A launcher made beforehand (to hold or fail the first boots); overrides `runners`. */
  launcher?: FakeLauncher;
  /** Clocks over the test defaults (every few ms). */
  timing?: DaemonTiming;
}

/**
 * Starts a daemon whose runners are {@link FakeRunner}s, with its clocks shortened (idle
 * sweep, memory check and spare backoff every few ms), and connects one client. Nothing
 * touches the disk, the network or a subprocess.
 */
export function startInProcessDaemon(options: InProcessOptions = {}): InProcessDaemon {
  const launcher = options.launcher ?? new FakeLauncher(options.runners);
  const settings: DaemonOptions = { ...defaultDaemonOptions(), cacheDir: "/nonexistent/woma-fake", interruptGraceMs: 20, memoryLimitBytes: 0, snapshot: false, ...options.daemon };
  const daemon = Daemon.create(settings, {
    isolation: { info: { level: "process", detail: "fake runners in the test's process" } },
    launch: launcher.launch,
    snapshots: { path: "/nonexistent/woma-fake/snapshot", state: "unavailable", detail: "fake runners need none", bytes: () => undefined },
    timing: { sweepMs: 5, ...options.timing, pool: { memoryCheckMs: 5, spareBackoffMs: () => 5, ...options.timing?.pool } },
  });
  const connections = new Set<InProcessConnection>();
  const connect = (how: { operator?: boolean } = {}): InProcessConnection => {
    const [daemonEnd, clientEnd] = createLinkedPair();
    const served = serveConnection(daemon, daemonEnd.reader, daemonEnd.writer, { operator: how.operator === true });
    daemonEnd.reader.onClose(() => served.end());
    const client = DaemonClient.over(clientEnd.reader, clientEnd.writer);
    const connection: InProcessConnection = {
      client,
      served,
      close: () => {
        connections.delete(connection);
        client.dispose();
      },
    };
    connections.add(connection);
    return connection;
  };
  const first = connect();
  return {
    daemon,
    launcher,
    client: first.client,
    connect,
    stop: async () => {
      for (const connection of [...connections]) connection.close();
      await daemon.shutdown();
    },
  };
}

/**
 * Waits until `condition` holds, checking every millisecond; throws naming `what` after
 * `timeoutMs` (default 2 s, far above what an in-process test needs).
 */
/** For a test file: starts in-process daemons, each stopped after the test that started it. */
export function daemonPerTest(): (options?: InProcessOptions) => InProcessDaemon {
  const started: InProcessDaemon[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((d) => d.stop()));
  });
  return (options) => {
    const d = startInProcessDaemon(options);
    started.push(d);
    return d;
  };
}

/** The fake runner holding a session, once it exists. */
export async function runnerOf(d: InProcessDaemon, sessionId: string) {
  const session = (await d.client.listSessions()).sessions.find((s) => s.session_id === sessionId);
  if (!session) throw new Error(`no session ${sessionId}`);
  return d.launcher.runner(session.runner_id);
}

export async function waitUntil(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 2000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}
