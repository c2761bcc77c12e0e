/** The Unix socket transport: one JSON-RPC connection per client on a socket file only its owner may use. */
import { chmodSync, existsSync, rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { FrameWriter } from "../../protocol/wire/frame-writer.ts";
import { BoundedMessageReader } from "../../protocol/wire/bounded-message-reader.ts";
import { nodeStreamSource } from "../../protocol/wire/byte-sources.ts";
import { respondToProblems } from "../../protocol/wire/problem-responder.ts";
import { unixSocketInUse } from "../../protocol/wire/socket-in-use.ts";
import type { TransportEnd } from "../../protocol/wire/linked-pair.ts";

/** A listening socket; `close` stops accepting and removes the file. */
export interface SocketListener {
  path: string;
  close(): Promise<void>;
}

/**
 * Listens on `path` (mode 0600: owner only). A stale socket file left by a dead daemon
 * is replaced; a live one is an error. Each client gets its own reader and writer.
 */
export async function listenUnixSocket(path: string, maxMessageBytes: number, onConnection: (end: TransportEnd, socket: Socket) => void): Promise<SocketListener> {
  if (existsSync(path)) {
    if (await unixSocketInUse(path)) throw new Error(`socket ${path} is in use by another process (is a daemon already running?)`);
    rmSync(path, { force: true });
  }
  // Half-open: a client may send its requests and FIN, and still read the answers.
  const server: Server = createServer({ allowHalfOpen: true }, (socket) => {
    const writer = new FrameWriter(socket);
    const reader = new BoundedMessageReader(nodeStreamSource(socket), { maxMessageBytes, onProblem: respondToProblems(writer) });
    socket.on("error", () => socket.destroy());
    onConnection({ reader, writer }, socket);
  });
  // The umask makes the file owner-only from the moment it exists, not just after chmod.
  const previous = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(path, () => resolve());
    });
  } finally {
    process.umask(previous);
  }
  chmodSync(path, 0o600);
  return {
    path,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        rmSync(path, { force: true });
      }),
  };
}
