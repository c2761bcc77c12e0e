/** Why an HTTP server could not listen, said in words, for the REST bridge and the MCP server alike. */
import { errorMessage } from "../../protocol/describe.ts";

/**
 * The error to report when binding `host:port` failed: "port P is in use" (with what to do
 * about it) when another process listens there, else the system's reason. The original
 * error is kept as the cause.
 */
export function listenFailure(host: string, port: number, error: unknown): Error {
  const code = (error as { code?: unknown } | null)?.code;
  const where = `${host.includes(":") && !host.startsWith("[") ? `[${host}]` : host}:${port}`;
  const reason =
    code === "EADDRINUSE"
      ? `port ${port} is in use (another server listens on ${where}; stop it, or pick another port with --port)`
      : code === "EADDRNOTAVAIL"
        ? `${host} is not an address of this machine (--host)`
        : code === "EACCES"
          ? `permission denied (ports below 1024 need privileges; pick another with --port)`
          : errorMessage(error);
  return new Error(`cannot listen on ${where}: ${reason}`, { cause: error });
}
