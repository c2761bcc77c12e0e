/** The one place the MCP server opens a TCP port (Bun.serve), so the rest stays plain `fetch` code. */
import { listenFailure } from "../shared/listen-error.ts";

/** A listening HTTP server. */
export interface HttpListener {
  /** The MCP endpoint's URL, with the port actually bound (useful with port 0). */
  url: string;
  /** Stops accepting connections and closes open ones. */
  stop(): Promise<void>;
}

/**
 * Listens on `host:port` (port 0 picks a free one) and answers with `fetch`. Bun's idle
 * timeout is raised to its maximum (255 s) because a tool call's SSE stream may stay quiet
 * for as long as a run lasts; the MCP transport sends keep-alive comments within that. The
 * handler answers a body whose Content-Length is over `maxBodyBytes` with a JSON-RPC error;
 * Bun refuses, with a bare 413, a body over twice that (a chunked one, which declares no
 * length). Throws when the port cannot be bound ("port P is in use" when another process listens there).
 */
export function listenHttp(fetch: (request: Request) => Promise<Response>, host: string, port: number, path: string, maxBodyBytes: number): HttpListener {
  let server: ReturnType<typeof Bun.serve>;
  try {
    // reusePort off, said outright: with SO_REUSEPORT a second server on the port would start too.
    server = Bun.serve({ hostname: host, port, reusePort: false, idleTimeout: 255, maxRequestBodySize: 2 * maxBodyBytes, fetch });
  } catch (error) {
    throw listenFailure(host, port, error);
  }
  const shownHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${server.port}${path}`,
    stop: () => server.stop(true),
  };
}
