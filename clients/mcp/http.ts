/** MCP over Streamable HTTP as a plain `fetch(Request)` handler: one stateful connection per `Mcp-Session-Id`. */
import { randomUUID } from "node:crypto";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import type { DaemonClient } from "../shared/daemon-client.ts";
import { describeDuration, type McpOptions } from "./mcp-options.ts";
import { refuseForeignRequest, type OriginPolicy } from "./origin-guard.ts";
import { createMcpConnection, type McpConnection } from "./server.ts";

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
  lastSeen: number;
}

function jsonRpcError(status: number, code: number, message: string): Response {
  return Response.json({ jsonrpc: "2.0", error: { code, message }, id: null }, { status });
}

/**
 * Serves MCP at {@link MCP_PATH}. A POST without `Mcp-Session-Id` may initialize a new
 * connection, whose id the response carries; later requests name it, and an unknown or
 * expired id gets 404 so the client initializes again. DELETE ends a connection. A
 * connection idle for `options.sessionIdleMs` with no call running is ended too, so a client
 * that vanished without DELETE does not keep its Python sessions forever.
 */
export function createMcpHttpHandler(client: DaemonClient, options: McpOptions, policy: OriginPolicy): McpHttpHandler {
  const entries = new Map<string, Entry>();

  const end = async (id: string) => {
    const entry = entries.get(id);
    if (!entry) return;
    entries.delete(id);
    await entry.connection.close();
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
    const connection = createMcpConnection(client, options);
    const transport: WebStandardStreamableHTTPServerTransport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => void entries.set(id, { transport, connection, lastSeen: Date.now() }),
      onsessionclosed: (id) => end(id),
    });
    connection.server.onclose = () => {
      if (transport.sessionId !== undefined) void end(transport.sessionId);
    };
    await connection.server.connect(transport);
    const response = await transport.handleRequest(request);
    // Not an initialize request: the transport has refused it, and nothing is kept.
    if (transport.sessionId === undefined) await connection.close();
    return response;
  };

  return {
    fetch: async (request) => {
      if (new URL(request.url).pathname !== MCP_PATH) return new Response(`woma serves MCP at ${MCP_PATH}\n`, { status: 404 });
      const refusal = refuseForeignRequest(request, policy);
      if (refusal) return refusal;
      const id = request.headers.get("mcp-session-id");
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
      return entry.transport.handleRequest(request);
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
