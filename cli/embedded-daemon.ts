/** Gives a client its daemon: an embedded one in this process by default, or a running one with `--connect`. */
import { DaemonClient } from "../clients/shared/daemon-client.ts";
import { Daemon } from "../daemon/daemon.ts";
import type { DaemonOptions } from "../daemon/daemon-options.ts";
import { createLinkedPair } from "../protocol/wire/linked-pair.ts";

/** A client's daemon connection and how to let go of it. */
export interface DaemonHandle {
  client: DaemonClient;
  /** True when the daemon lives in this process. */
  embedded: boolean;
  /** Closes the connection; an embedded daemon is shut down with its runners. */
  close(): Promise<void>;
}

/**
 * Connects to the daemon at `connect` when given; otherwise starts one in this process
 * and joins it over an in-memory JSON-RPC pair, so the client speaks the same protocol
 * either way. Clients never import the daemon: this file is the one place that joins them.
 */
export async function openDaemon(options: DaemonOptions, connect: string | undefined): Promise<DaemonHandle> {
  if (connect !== undefined) {
    const client = await DaemonClient.connect(connect);
    return { client, embedded: false, close: async () => client.dispose() };
  }
  const daemon = Daemon.start(options);
  // Loaded after the start so the runner boots while the server's modules (and the schema validator) load.
  const { serveConnection } = await import("../daemon/server/serve-connection.ts");
  const [daemonEnd, clientEnd] = createLinkedPair();
  serveConnection(daemon, daemonEnd.reader, daemonEnd.writer);
  const client = DaemonClient.over(clientEnd.reader, clientEnd.writer);
  return {
    client,
    embedded: true,
    close: async () => {
      client.dispose();
      await daemon.shutdown();
    },
  };
}
