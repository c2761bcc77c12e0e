/** MCP over Streamable HTTP as a plain `fetch(Request)` handler: one stateful connection per `Mcp-Session-Id`. */
import { randomUUID } from "node:crypto";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import { checkBearerToken } from "../web/bearer-token.ts";
import { drainingHeaders, drainingMessage, type Drain } from "../web/drain.ts";
import type { DaemonClient } from "../shared/daemon-client.ts";
import { requestPath } from "../web/service-front.ts";
import { corsHeaders, preflightHeaders, refuseContentType, refuseHost, refuseOrigin, type CorsAllowance, type Refusal, type WebGuard } from "../web/web-guard.ts";
import { describeDuration, type McpOptions } from "./mcp-options.ts";
import { createMcpConnection, type McpConnection } from "./server.ts";
import { tooLargeMessage } from "./stdio-transport.ts";

/** The path MCP is served at. */
export const MCP_PATH = "/mcp";

/** The HTTP side of the MCP server, with no listener: `fetch` can be driven in-process. */
export interface McpHttpHandler {
  /** Answers one HTTP request. */
  fetch(request: Request): Promise<Response>;
  /** MCP sessions (connections) open now. */
  readonly sessionCount: number;
  /** Ends every connection, closing their Python sessions. */
  close(): Promise<void>;
}

interface Entry {
  transport: WebStandardStreamableHTTPServerTransport;
  connection: McpConnection;
  /** The daemon connection this MCP connection's tenant lives on. */
  client: DaemonClient;
  lastSeen: number;
  /** Its event streams (GET) open now. */
  streams: number;
}

/**
 * How long a connection whose event stream (GET) has dropped may stay silent before it
 * counts as gone: longer than the MCP SDK client's first reconnection delay (1 s), so a
 * client whose network blinked opens a new stream in time.
 */
export const STREAM_GONE_GRACE_MS = 1500;

/** Who may reach the HTTP server: the shared web guard, and the bearer token when one is set. */
export interface McpHttpAccess {
  /** Host names and browser origins accepted (`--host`, `--allow-host`, `--cors-origin`). */
  guard: WebGuard;
  /** When set, every request but CORS preflight needs `Authorization: Bearer <token>` (`--token`). */
  token?: string;
}

/** How the HTTP server takes part in a deployment of several instances. */
export interface McpService {
  /** The instance's id (`--instance-id`): every MCP session id it assigns starts with `ID.`, so a balancer can route by the prefix. */
  instanceId(): string;
  /**
   * The server's drain: once it has begun, a new MCP session (`initialize`) and a new
   * `run_python` or `install_packages` call get 503 with Retry-After; every POST's answer is
   * counted in flight until it is sent; a call still running when the drain is interrupted
   * ends with a tool error giving the drain's reason.
   */
  drain?: Drain;
}

/** Tool calls a draining instance refuses: new work. The others (listing, reading, closing) still answer. */
const NEW_WORK_TOOLS = new Set(["run_python", "install_packages"]);

/** What browsers are told the MCP endpoint takes (Streamable HTTP's methods and headers), and may read back. */
const CORS: CorsAllowance = {
  methods: "GET, POST, DELETE, OPTIONS",
  requestHeaders: "Content-Type, Accept, Authorization, Mcp-Session-Id, Mcp-Protocol-Version, Last-Event-ID",
  exposedHeaders: "Mcp-Session-Id, Mcp-Protocol-Version, X-Woma-Instance",
};

function jsonRpcError(status: number, code: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ jsonrpc: "2.0", error: { code, message }, id: null }, { status, headers });
}

function refusalResponse(refusal: Refusal): Response {
  return jsonRpcError(refusal.status, -32000, refusal.message, refusal.headers);
}

/** The same answer with the CORS headers added (a fresh Response, since the transport's headers may be immutable). */
function withHeaders(response: Response, headers: Record<string, string>): Response {
  if (Object.keys(headers).length === 0) return response;
  const merged = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) if (!merged.has(name)) merged.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: merged });
}

/**
 * A POST that a draining instance must refuse (a new session, a new run), answered 503 with
 * Retry-After and a JSON-RPC error saying the instance drains; or the same request, its
 * body read, to serve as usual.
 */
async function refusedWhileDraining(request: Request, newSession: boolean): Promise<Response | Request> {
  const text = await request.text();
  let messages: unknown[] = [];
  try {
    const parsed: unknown = JSON.parse(text);
    messages = Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    // Not JSON: the transport answers it with its parse error.
  }
  const isNewWork = (message: unknown) => {
    const { method, params } = (message ?? {}) as { method?: unknown; params?: { name?: unknown } };
    return method === "initialize" || (method === "tools/call" && typeof params?.name === "string" && NEW_WORK_TOOLS.has(params.name));
  };
  const refused = messages.find(isNewWork);
  if (refused !== undefined || newSession) {
    const id = (refused as { id?: unknown } | undefined)?.id;
    const what = newSession ? "MCP sessions" : "runs";
    return Response.json({ jsonrpc: "2.0", error: { code: -32000, message: drainingMessage(what), data: { draining: true } }, id: typeof id === "string" || typeof id === "number" ? id : null }, { status: 503, headers: drainingHeaders() });
  }
  return new Request(request.url, { method: request.method, headers: request.headers, body: text });
}

/**
 * Serves MCP at {@link MCP_PATH}. A POST without `Mcp-Session-Id` may initialize a new
 * connection, whose id the response carries; later requests name it, and an unknown or
 * expired id gets 404 so the client initializes again. DELETE ends a connection. A
 * connection idle for `options.sessionIdleMs` with no call running is ended too, so a client
 * that vanished without DELETE does not keep its Python sessions forever; and one that had
 * an event stream (GET) open, lost it, and then sent nothing for {@link STREAM_GONE_GRACE_MS}
 * with no call running is ended at once: a client that closes (the SDK's `close()` sends no
 * DELETE) would otherwise hold a runner until the idle timeout, and a few dozen such clients
 * would hold every runner the daemon has. Every request
 * passes the shared web guard first, in the REST bridge's order: a foreign Host is 403, a
 * POST that is not `application/json` 415, a foreign Origin 403, a missing or wrong token
 * 401; `OPTIONS` is answered as a CORS preflight.
 */
export function createMcpHttpHandler(connect: () => Promise<DaemonClient>, options: McpOptions, access: McpHttpAccess, service?: McpService): McpHttpHandler {
  const { guard, token } = access;
  const drain = service?.drain;
  const newSessionId = service ? () => `${service.instanceId()}.${randomUUID()}` : () => randomUUID();
  const entries = new Map<string, Entry>();

  const end = async (id: string) => {
    const entry = entries.get(id);
    if (!entry) return;
    entries.delete(id);
    await entry.connection.close();
    entry.client.dispose();
  };

  const sweep =
    options.sessionIdleMs > 0
      ? setInterval(
          () => {
            const now = Date.now();
            for (const [id, entry] of entries) if (entry.connection.activeCalls === 0 && now - entry.lastSeen > options.sessionIdleMs) void end(id);
          },
          Math.max(1000, Math.min(60_000, options.sessionIdleMs / 4)),
        )
      : undefined;
  sweep?.unref();

  const open = async (request: Request): Promise<Response> => {
    // Each MCP connection is a tenant: a daemon connection of its own, so its Python never
    // shares an interpreter with another MCP connection's.
    const client = await connect();
    const connection = createMcpConnection(client, options, drain);
    const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: newSessionId,
      onsessioninitialized: (id) => void entries.set(id, { transport, connection, client, lastSeen: Date.now(), streams: 0 }),
      onsessionclosed: (id) => end(id),
    });
    connection.server.onclose = () => {
      if (transport.sessionId !== undefined) void end(transport.sessionId);
    };
    await connection.server.connect(transport);
    const response = await transport.handleRequest(request);
    // Not an initialize request: the transport has refused it, and nothing is kept.
    if (transport.sessionId === undefined) {
      await connection.close();
      client.dispose();
    }
    return response;
  };

  const serve = async (request: Request): Promise<Response> => {
    const id = request.headers.get("mcp-session-id");
    if (drain?.draining && request.method === "POST") {
      const refused = await refusedWhileDraining(request, id === null);
      if (refused instanceof Response) return refused;
      request = refused;
    }
    if (id === null) {
      if (request.method !== "POST") return jsonRpcError(400, -32000, "Bad Request: Mcp-Session-Id header is required; initialize a session with a POST first");
      return open(request);
    }
    const entry = entries.get(id);
    if (!entry) {
      const idle = options.sessionIdleMs > 0 ? `, or expired after ${describeDuration(options.sessionIdleMs)} without requests` : "";
      return jsonRpcError(404, -32001, `Session not found: MCP session ${id} is unknown, was closed${idle}; initialize a new one`);
    }
    entry.lastSeen = Date.now();
    if (request.method === "GET") watchStream(id, entry, request.signal);
    return entry.transport.handleRequest(request);
  };

  /** Counts an event stream while it is open; once the last one has dropped, checks that the client comes back. */
  const watchStream = (id: string, entry: Entry, signal: AbortSignal) => {
    entry.streams++;
    signal.addEventListener(
      "abort",
      () => {
        entry.streams--;
        entry.lastSeen = Date.now();
        if (entry.streams === 0) setTimeout(() => checkGone(id, entry), STREAM_GONE_GRACE_MS).unref?.();
      },
      { once: true },
    );
  };
  const checkGone = (id: string, entry: Entry) => {
    if (entries.get(id) !== entry || entry.streams > 0 || Date.now() - entry.lastSeen < STREAM_GONE_GRACE_MS) return;
    // A call still running keeps the connection; it is looked at again once that may be over.
    if (entry.connection.activeCalls > 0) {
      setTimeout(() => checkGone(id, entry), STREAM_GONE_GRACE_MS).unref?.();
      return;
    }
    void end(id);
  };

  return {
    fetch: async (request) => {
      const host = refuseHost(guard, request);
      if (host) return refusalResponse(host);
      if (requestPath(request) !== MCP_PATH) return new Response(`woma serves MCP at ${MCP_PATH}\n`, { status: 404 });
      if (request.method === "OPTIONS") {
        const origin = refuseOrigin(guard, request);
        if (origin) return refusalResponse(origin);
        return new Response(null, { status: 204, headers: { ...preflightHeaders(guard, request, CORS), Allow: CORS.methods } });
      }
      const refusal = (request.method === "POST" ? refuseContentType(request) : undefined) ?? refuseOrigin(guard, request) ?? checkBearerToken(token, request);
      if (refusal) return withHeaders(refusalResponse(refusal), corsHeaders(guard, request, CORS));
      const length = Number(request.headers.get("content-length") ?? 0);
      if (length > options.maxMessageBytes) {
        return withHeaders(jsonRpcError(413, ErrorCode.InvalidRequest, tooLargeMessage(length, options.maxMessageBytes)), corsHeaders(guard, request, CORS));
      }
      // A POST's answer (a call's SSE stream) holds the drain until it is sent; the standalone GET stream does not.
      const answer = withHeaders(await serve(request), corsHeaders(guard, request, CORS));
      return drain && request.method === "POST" ? drain.holdUntilSent(answer) : answer;
    },
    get sessionCount() {
      return entries.size;
    },
    close: async () => {
      clearInterval(sweep);
      await Promise.all([...entries.keys()].map(end));
    },
  };
}
