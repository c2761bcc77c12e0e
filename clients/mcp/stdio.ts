/** The MCP server on stdin/stdout: one connection for the life of the process. */
import type { DaemonClient } from "../shared/daemon-client.ts";
import type { McpOptions } from "./mcp-options.ts";
import { createMcpConnection } from "./server.ts";
import { BoundedStdioServerTransport } from "./stdio-transport.ts";

/** A running stdio MCP server. */
export interface StdioMcp {
  /** Resolves once the connection has ended (stdin closed, or {@link stop}) and its sessions are closed. */
  closed: Promise<void>;
  /** Ends the connection: interrupts running calls and closes its sessions. */
  stop(): Promise<void>;
}

/**
 * Serves MCP on this process's stdin and stdout. stdout carries only MCP messages; the
 * connection ends when stdin reaches its end or errors, or stdout breaks (the client went away).
 * A message over `options.maxMessageBytes` is answered with an error and the connection,
 * with its sessions, carries on.
 */
export async function serveStdio(client: DaemonClient, options: McpOptions): Promise<StdioMcp> {
  const connection = createMcpConnection(client, options);
  let ended!: () => void;
  const closed = new Promise<void>((resolve) => (ended = resolve));
  const stop = async () => {
    process.stdin.off("end", onEnd).off("close", onEnd);
    await connection.close();
    ended();
  };
  const onEnd = () => void stop();
  process.stdin.on("end", onEnd).on("close", onEnd);
  process.stdout.on("error", onEnd);
  connection.server.onclose = onEnd;
  await connection.server.connect(new BoundedStdioServerTransport(process.stdin, process.stdout, options.maxMessageBytes));
  return { closed, stop };
}
