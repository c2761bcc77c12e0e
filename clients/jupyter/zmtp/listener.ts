/** Binds a ZMTP endpoint, `tcp` (an address and port) or `ipc` (a Unix socket path), and hands each connection over as a byte stream. */
import { chmodSync, lstatSync, unlinkSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { unixSocketInUse } from "../../../protocol/wire/socket-in-use.ts";
import type { ByteDuplex } from "./peer.ts";

/** Where to listen, as a Jupyter connection file gives it. */
export type Endpoint = { transport: "tcp"; host: string; port: number } | { transport: "ipc"; path: string };

/** A bound endpoint. */
export interface Listener {
  /** The port bound (for tcp; the one the system chose when 0 was asked), or the path's number for ipc. */
  port: number;
  /** Stops listening, sends what is queued on every connection (up to half a second), closes them, and removes an ipc socket file. */
  close(): Promise<void>;
}

function duplexOf(socket: Socket, remote: string): ByteDuplex & { finish(graceMs: number): Promise<void> } {
  let listener: (chunk: Uint8Array | null) => void = () => {};
  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    listener(null);
  };
  socket.on("data", (chunk: Buffer) => listener(chunk));
  socket.on("end", end);
  socket.on("close", end);
  // An error (a reset peer) ends the stream; "close" follows.
  socket.on("error", () => {});
  socket.setNoDelay?.(true);
  return {
    remote,
    write: (chunks) => {
      if (socket.destroyed) return;
      // cork/uncork hands a message's frames to the system as one write.
      socket.cork();
      for (const chunk of chunks) socket.write(chunk);
      socket.uncork();
    },
    pendingBytes: () => socket.writableLength,
    close: () => {
      socket.end();
      // A peer that never reads its end would keep the socket half-open: give it a moment.
      setTimeout(() => socket.destroy(), 1000).unref?.();
    },
    onData: (next) => {
      listener = next;
    },
    finish: (graceMs) =>
      new Promise<void>((done) => {
        if (socket.destroyed) return done();
        const timer = setTimeout(() => socket.destroy(), graceMs);
        socket.once("close", () => {
          clearTimeout(timer);
          done();
        });
        // What is queued goes out first, then the peer is told the stream ended.
        socket.end();
      }),
  };
}

/** Removes a Unix socket file; never a file of another kind. */
function removeSocketFile(path: string): void {
  try {
    if (lstatSync(path).isSocket()) unlinkSync(path);
  } catch {
    // Nothing there.
  }
}

/**
 * Listens on `endpoint` and calls `accept` with each connection. An ipc socket file is made
 * owner-only (the connection file's key guards it too). Rejects naming the endpoint when it
 * cannot be bound.
 */
export function listen(endpoint: Endpoint, accept: (stream: ByteDuplex) => void): Promise<Listener> {
  const open = new Set<ReturnType<typeof duplexOf>>();
  const server: Server = createServer((socket) => {
    const remote = endpoint.transport === "tcp" ? `${socket.remoteAddress}:${socket.remotePort}` : `ipc peer on ${endpoint.path}`;
    const stream = duplexOf(socket, remote);
    open.add(stream);
    socket.on("close", () => open.delete(stream));
    accept(stream);
  });
  const where = endpoint.transport === "tcp" ? `tcp://${endpoint.host}:${endpoint.port}` : `ipc://${endpoint.path}`;
  return new Promise((resolve, reject) => {
    let retried = false;
    server.on("error", (error: NodeJS.ErrnoException) => {
      // A socket file left by a kernel that is gone is replaced; one a live process listens on is not.
      if (endpoint.transport === "ipc" && error.code === "EADDRINUSE" && !retried) {
        retried = true;
        void unixSocketInUse(endpoint.path).then((alive) => {
          if (alive) return reject(new Error(`cannot listen on ${where}: another process is listening there`));
          removeSocketFile(endpoint.path);
          server.listen(endpoint.path, listening);
        });
        return;
      }
      reject(new Error(`cannot listen on ${where}: ${error.message}`));
    });
    const listening = () => {
      let port = 0;
      if (endpoint.transport === "tcp") {
        const address = server.address();
        port = typeof address === "object" && address !== null ? address.port : endpoint.port;
      } else {
        chmodSync(endpoint.path, 0o600);
      }
      resolve({
        port,
        close: async () => {
          const closed = new Promise<void>((done) => server.close(() => done()));
          await Promise.all([...open].map((stream) => stream.finish(500)));
          await closed;
          if (endpoint.transport === "ipc") removeSocketFile(endpoint.path);
        },
      });
    };
    if (endpoint.transport === "tcp") {
      server.listen({ host: endpoint.host, port: endpoint.port, exclusive: true }, listening);
    } else {
      server.listen(endpoint.path, listening);
    }
  });
}
