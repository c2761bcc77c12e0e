/** Runs the bare daemon (`woma daemon`): on stdio, or on a Unix socket for many clients, until told to stop. */
import type { Socket } from "node:net";
import { Daemon } from "./daemon.ts";
import type { DaemonOptions } from "./daemon-options.ts";
import { keepServingOnUncaughtErrors } from "./last-resort.ts";
import { log } from "./log.ts";
import { serveConnection, type ServedConnection, type ServeHooks } from "./server/serve-connection.ts";
import { stdioTransport } from "./transport/stdio.ts";
import { listenUnixSocket, type SocketListener } from "./transport/unix-socket.ts";
import type { TransportEnd } from "../protocol/wire/linked-pair.ts";

/** Where the daemon listens; `operatorSocket`, a second socket whose connections may ask for the operator view (`daemon/tenants`). */
export type Listen = { kind: "stdio" } | { kind: "socket"; path: string; operatorSocket?: string };

/**
 * How long a stopping daemon waits for the requests in flight to be answered (the pool fails
 * them at once; this is for an answer still being written) before it answers the rest itself.
 */
const DRAIN_GRACE_MS = 2000;

/**
 * Starts a daemon and serves it until a shutdown request, SIGTERM or SIGINT, or (stdio)
 * the end of stdin. On the way out, every request in flight or queued is answered with a
 * ShuttingDown error before its connection closes. Resolves when everything has stopped.
 */
export async function serveDaemon(options: DaemonOptions, listen: Listen): Promise<void> {
  keepServingOnUncaughtErrors();
  const daemon = Daemon.start(options);
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  const served = new Set<ServedConnection>();
  const sockets = new Set<Socket>();
  const listeners: SocketListener[] = [];
  let stopping: Promise<void> | undefined;
  const stop = (why: string): Promise<void> =>
    (stopping ??= (async () => {
      log("debug", `stopping: ${why}`);
      // No new connections (a listener's close completes once its connections have ended, below).
      const closing = Promise.all(listeners.map((listener) => listener.close()));
      // Fails what waits or runs with ShuttingDown; each connection then writes those answers.
      const shutdown = daemon.shutdown();
      await Promise.all([...served].map((connection) => connection.drain(DRAIN_GRACE_MS)));
      for (const socket of sockets) socket.end();
      await shutdown;
      for (const socket of sockets) socket.destroy();
      await closing;
      finished();
    })());
  const hooks: ServeHooks = { onShutdownRequested: () => void stop("shutdown requested") };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));

  if (listen.kind === "stdio") {
    const { reader, writer } = stdioTransport(options.maxMessageBytes);
    // The stdio client started this daemon: it is its operator.
    const connection = serveConnection(daemon, reader, writer, { ...hooks, operator: true });
    served.add(connection);
    // At the end of stdin, requests already sent still get their answers before the daemon stops.
    connection.connection.onClose(() =>
      void connection.idle().then(() => {
        connection.end();
        return stop("stdin closed");
      }),
    );
  } else {
    const accept = (operator: boolean) => ({ reader, writer }: TransportEnd, socket: Socket) => {
      sockets.add(socket);
      const connection = serveConnection(daemon, reader, writer, { ...hooks, probeAfterEndOfInput: true, operator });
      served.add(connection);
      // FIN (a half-close): answer what was asked (the reader closes once its own answers to
      // bad frames are written), then close our side.
      connection.connection.onClose(() => void connection.idle().then(() => socket.end()));
      // Gone for good (closed, reset, or after our own end): its runs in flight are cancelled.
      socket.on("close", () => {
        sockets.delete(socket);
        served.delete(connection);
        connection.end();
        connection.connection.dispose();
      });
    };
    listeners.push(await listenUnixSocket(listen.path, options.maxMessageBytes, accept(false)));
    if (listen.operatorSocket) listeners.push(await listenUnixSocket(listen.operatorSocket, options.maxMessageBytes, accept(true)));
    log("info", `listening on ${listen.path}${listen.operatorSocket ? ` (operator view on ${listen.operatorSocket})` : ""} (isolation: ${daemon.isolationLevel})`);
  }
  await done;
}
