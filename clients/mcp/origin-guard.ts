/** Refuses HTTP requests a web page could forge against a local MCP server (DNS rebinding, cross-site requests). */

/** Which requests the HTTP server accepts. */
export interface OriginPolicy {
  /** Accept only a `Host` header naming a loopback address (set when the server listens on loopback). */
  loopbackHostOnly: boolean;
  /** Origins accepted besides loopback ones, exactly as a browser sends them (`https://app.example`); `*` accepts any. */
  allowedOrigins: string[];
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function hostnameOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

function forbidden(message: string): Response {
  return Response.json({ jsonrpc: "2.0", error: { code: -32000, message }, id: null }, { status: 403 });
}

/**
 * The MCP specification asks servers to validate `Origin` so a web page cannot drive a
 * local server through the user's browser. A request with an `Origin` that is neither a
 * loopback address nor allowed gets 403; without an `Origin` (any non-browser client) it
 * passes. On loopback the `Host` header must name loopback too, which defeats DNS rebinding
 * (a hostile name resolving to 127.0.0.1). Returns the refusal, or undefined to go on.
 */
export function refuseForeignRequest(request: Request, policy: OriginPolicy): Response | undefined {
  if (policy.loopbackHostOnly) {
    const host = request.headers.get("host");
    const name = host === null ? undefined : hostnameOf(`http://${host}`);
    if (name === undefined || !LOOPBACK.has(name)) {
      return forbidden(`Host ${JSON.stringify(host)} refused: this server listens on loopback and expects Host localhost, 127.0.0.1 or [::1]`);
    }
  }
  const origin = request.headers.get("origin");
  if (origin === null) return undefined;
  const name = hostnameOf(origin);
  if ((name !== undefined && LOOPBACK.has(name)) || policy.allowedOrigins.includes(origin) || policy.allowedOrigins.includes("*")) return undefined;
  return forbidden(`Origin ${JSON.stringify(origin)} refused: only loopback origins${policy.allowedOrigins.length > 0 ? ` and ${policy.allowedOrigins.join(", ")}` : ""} may call this server (woma mcp --allow-origin ORIGIN adds one)`);
}
