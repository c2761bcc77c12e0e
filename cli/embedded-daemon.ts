/** Gives a client its daemon: an embedded one in this process by default, or a running one with `--connect`. */
import { DaemonClient } from "../clients/shared/daemon-client.ts";
import { Daemon } from "../daemon/daemon.ts";
import { keepServingOnUncaughtErrors } from "../daemon/last-resort.ts";
import type { DaemonOptions } from "../daemon/daemon-options.ts";
import { createLinkedPair } from "../protocol/wire/linked-pair.ts";

/** A client's daemon connection and how to let go of it. */
export interface DaemonHandle {
  client: DaemonClient;
  /** Opens another connection to the same daemon: another tenant, unless it names one (an MCP server opens one per MCP connection). */
  connect(): Promise<DaemonClient>;
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
    return { client, embedded: false, connect: () => DaemonClient.connect(connect), close: async () => client.dispose() };
  }
  keepServingOnUncaughtErrors();
  const daemon = Daemon.start(options);
  // Loaded after the start so the runner boots while the server's modules (and the schema validator) load.
  const { serveConnection } = await import("../daemon/server/serve-connection.ts");
  const link = (operator: boolean): DaemonClient => {
    const [daemonEnd, clientEnd] = createLinkedPair();
    const served = serveConnection(daemon, daemonEnd.reader, daemonEnd.writer, { operator });
    // The client let go (or the pair broke): its runs stop and its tenant ends.
    daemonEnd.reader.onClose(() => served.end());
    return DaemonClient.over(clientEnd.reader, clientEnd.writer);
  };
  // The command's own connection is the operator's (it may read every tenant's figures for /metrics); the ones it opens for its clients are tenants'.
  const client = link(true);
  return {
    client,
    connect: async () => link(false),
    embedded: true,
    close: async () => {
      client.dispose();
      await daemon.shutdown();
    },
  };
}
