/** Runs the bare daemon (`woma daemon`): on stdio, or on a Unix socket for many clients, until told to stop. */
import type { Socket } from "node:net";
import { Daemon } from "./daemon.ts";
import type { DaemonOptions } from "./daemon-options.ts";
import { keepServingOnUncaughtErrors } from "./last-resort.ts";
import { log } from "./log.ts";
import { serveConnection } from "./server/serve-connection.ts";
import { stdioTransport } from "./transport/stdio.ts";
import { listenUnixSocket } from "./transport/unix-socket.ts";

/** Where the daemon listens. */
export type Listen = { kind: "stdio" } | { kind: "socket"; path: string };

/**
 * Starts a daemon and serves it until a shutdown request, SIGTERM or SIGINT, or (stdio)
 * the end of stdin. Resolves when everything has stopped.
 */
export async function serveDaemon(options: DaemonOptions, listen: Listen): Promise<void> {
  keepServingOnUncaughtErrors();
  const daemon = Daemon.start(options);
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  let closeListener: () => Promise<void> = async () => {};
  const stop = async (why: string) => {
    log("debug", `stopping: ${why}`);
    await closeListener();
    await daemon.shutdown();
    finished();
  };
  const hooks = { onShutdownRequested: () => void stop("shutdown requested") };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));

  if (listen.kind === "stdio") {
    const { reader, writer } = stdioTransport(options.maxMessageBytes);
    const served = serveConnection(daemon, reader, writer, hooks);
    // At the end of stdin, requests already sent still get their answers before the daemon stops.
    served.connection.onClose(() =>
      void served.idle().then(() => {
        served.end();
        return stop("stdin closed");
      }),
    );
  } else {
    const sockets = new Set<Socket>();
    const listener = await listenUnixSocket(listen.path, options.maxMessageBytes, ({ reader, writer }, socket) => {
      sockets.add(socket);
      const served = serveConnection(daemon, reader, writer, { ...hooks, probeAfterEndOfInput: true });
      // FIN (a half-close): answer what was asked (the reader closes once its own answers to
      // bad frames are written), then close our side.
      served.connection.onClose(() => void served.idle().then(() => socket.end()));
      // Gone for good (closed, reset, or after our own end): its runs in flight are cancelled.
      socket.on("close", () => {
        sockets.delete(socket);
        served.end();
        served.connection.dispose();
      });
    });
    log("info", `listening on ${listener.path} (isolation: ${daemon.isolationLevel})`);
    closeListener = async () => {
      for (const socket of sockets) socket.destroy();
      await listener.close();
    };
  }
  await done;
}
