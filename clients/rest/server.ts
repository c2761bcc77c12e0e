/** The REST bridge's HTTP edge: the one place that calls `Bun.serve`, with the handler of handler.ts behind it. */
import { stopServer, withHeaders } from "../web/http-edge.ts";
import { listenFailure } from "../web/listen-error.ts";

/** Where and how to listen. */
export interface RestServerOptions {
  /** Interface to listen on (`--host`); `127.0.0.1` unless told otherwise. */
  host: string;
  /** TCP port (`--port`); 0 picks a free one. */
  port: number;
  /** Headers added to every answer, errors included (`X-Woma-Instance`); read at each answer, so they may be known only after the port is bound. */
  responseHeaders?: () => Record<string, string>;
}

/** A listening bridge. */
export interface RestServer {
  /** The base URL, e.g. `http://127.0.0.1:8000`. */
  url: string;
  /** The port actually bound (useful with port 0). */
  port: number;
  /**
   * Stops listening. With `graceMs` above 0, answers in flight get that long to be sent
   * (idle keep-alive connections are closed at once); then, or at once with 0, every open
   * connection is dropped and requests still in flight are abandoned (their runs cancelled).
   */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Starts listening. Bun's own body limit is set far above the handler's, so an oversized
 * body gets the handler's JSON 413, which names the limit, rather than Bun's bare one (the handler stops reading
 * at its limit, so nothing large is buffered). Throws when the address cannot be bound,
 * naming it and the reason ("port P is in use" when another process listens there).
 */
export function startRestServer(handler: (request: Request) => Promise<Response>, options: RestServerOptions): RestServer {
  let server: ReturnType<typeof Bun.serve>;
  try {
    server = Bun.serve({
      hostname: options.host,
      port: options.port,
      // Bun sets SO_REUSEPORT unless told not to (with development off): a second bridge on the
      // same port would then start too, and requests would alternate between two daemons.
      reusePort: false,
      maxRequestBodySize: Number.MAX_SAFE_INTEGER,
      development: false,
      async fetch(request, self) {
        // A run may take up to the server's --timeout; keep its connection open however long that is.
        if (request.method === "POST") self.timeout(request, 0);
        return withHeaders(await handler(request), options.responseHeaders?.());
      },
      error(error) {
        return withHeaders(Response.json({ status: "error", error: `internal error in the REST bridge: ${error.message}` }, { status: 500 }), options.responseHeaders?.());
      },
    });
  } catch (error) {
    throw listenFailure(options.host, options.port, error);
  }
  const port = server.port ?? options.port;
  const host = options.host.includes(":") && !options.host.startsWith("[") ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    stop: (graceMs = 0) => stopServer(server, graceMs),
  };
}
