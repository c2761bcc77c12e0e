/** The one place the MCP server opens a TCP port (Bun.serve), so the rest stays plain `fetch` code. */
import { stopServer, withHeaders } from "../web/http-edge.ts";
import { listenFailure } from "../web/listen-error.ts";

/** A listening HTTP server. */
export interface HttpListener {
  /** The MCP endpoint's URL, with the port actually bound (useful with port 0). */
  url: string;
  /** The port actually bound. */
  port: number;
  /** Stops accepting connections; with `graceMs` above 0, answers in flight get that long to be sent; then every open connection is closed. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Listens on `host:port` (port 0 picks a free one) and answers with `fetch`. Bun's idle
 * timeout is raised to its maximum (255 s) because a tool call's SSE stream may stay quiet
 * for as long as a run lasts; the MCP transport sends keep-alive comments within that. The
 * handler answers a body whose Content-Length is over `maxBodyBytes` with a JSON-RPC error;
 * Bun refuses, with a bare 413, a body over twice that (a chunked one, which declares no
 * length). `responseHeaders` are added to every answer (`X-Woma-Instance`). Throws when the
 * port cannot be bound ("port P is in use" when another process listens there).
 */
export function listenHttp(
  fetch: (request: Request) => Promise<Response>,
  host: string,
  port: number,
  path: string,
  maxBodyBytes: number,
  responseHeaders?: () => Record<string, string>,
): HttpListener {
  let server: ReturnType<typeof Bun.serve>;
  try {
    // reusePort off, said outright: with SO_REUSEPORT a second server on the port would start too.
    server = Bun.serve({
      hostname: host,
      port,
      reusePort: false,
      idleTimeout: 255,
      maxRequestBodySize: 2 * maxBodyBytes,
      development: false,
      fetch: async (request) => withHeaders(await fetch(request), responseHeaders?.()),
      error: (error) => withHeaders(Response.json({ jsonrpc: "2.0", error: { code: -32603, message: `internal error in the MCP server: ${error.message}` }, id: null }, { status: 500 }), responseHeaders?.()),
    });
  } catch (error) {
    throw listenFailure(host, port, error);
  }
  const shownHost = host.includes(":") ? `[${host}]` : host;
  const bound = server.port ?? port;
  return {
    url: `http://${shownHost}:${bound}${path}`,
    port: bound,
    stop: (graceMs = 0) => stopServer(server, graceMs),
  };
}
