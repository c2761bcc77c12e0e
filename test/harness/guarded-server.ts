/** `woma serve` and `woma mcp --port` behind one interface, so the web-guard tests send each of them the same requests a web page could. */
import { startHttpMcp, type HttpMcp } from "./start-mcp.ts";
import { startServe, type ServeUnderTest } from "./start-serve.ts";

/** Which server is under test. */
export type GuardedKind = "woma serve" | "woma mcp --port";

/** What came back from a request: enough to tell a refusal from a run. */
export interface GuardedAnswer {
  status: number;
  /** The `Access-Control-Allow-Origin` header, or null. */
  allowOrigin: string | null;
  /** The repr of the run's value when the code ran (200), else undefined. */
  result?: string | null;
  /** The error message of a refusal, else "". */
  error: string;
}

/** A running server, reached as a page or as a trusted loopback client. */
export interface GuardedServer {
  kind: GuardedKind;
  /** The URL code is posted to: `<base>/python` or `<base>/mcp`. */
  endpoint: URL;
  /**
   * Posts `code` as a page would: with `headers` (Origin, Host, Authorization) and the
   * given Content-Type (default `application/json`), in the session the tests share.
   */
  attempt(code: string, headers?: Record<string, string>, contentType?: string): Promise<GuardedAnswer>;
  /** Sends a CORS preflight for a JSON POST from `origin`; returns its status and headers. */
  preflight(origin: string): Promise<{ status: number; headers: Headers }>;
  /** Runs `code` as a loopback client (no Origin, the token if there is one) in the same session, and returns its value's repr. */
  run(code: string): Promise<string | null>;
  stop(): Promise<unknown>;
}

/** Options of {@link startGuarded}. */
export interface GuardedOptions {
  /** Flags after the command (`--connect`, `--cors-origin`, `--host` ...). */
  args: string[];
  /** Sets WOMA_TOKEN for the server, and the trusted client sends it. */
  token?: string;
  /** A session name no other server of the same daemon uses (REST session names are the daemon's). */
  session: string;
}

async function answerOf(response: Response): Promise<GuardedAnswer> {
  const allowOrigin = response.headers.get("access-control-allow-origin");
  const text = await response.text();
  if (response.status !== 200) {
    const body = JSON.parse(text) as { error?: string | { message?: string } };
    return { status: response.status, allowOrigin, error: typeof body.error === "string" ? body.error : (body.error?.message ?? "") };
  }
  // REST answers JSON; MCP answers a tools/call on an SSE stream, its JSON-RPC response in a data line.
  const data = text.startsWith("{") ? text : (/^data: (.+)$/m.exec(text)?.[1] ?? "{}");
  const body = JSON.parse(data) as { result?: string | null | { structuredContent?: { result?: string | null } } };
  const result = typeof body.result === "object" && body.result !== null ? body.result.structuredContent?.result : body.result;
  return { status: 200, allowOrigin, result, error: "" };
}

async function startRest(options: GuardedOptions): Promise<GuardedServer> {
  const server: ServeUnderTest = await startServe(options.args, options.token === undefined ? {} : { WOMA_TOKEN: options.token });
  const endpoint = new URL("/python", server.url);
  const auth: Record<string, string> = options.token === undefined ? {} : { Authorization: `Bearer ${options.token}` };
  const post = (code: string, headers: Record<string, string>, contentType: string) =>
    fetch(endpoint, { method: "POST", headers: { "Content-Type": contentType, ...headers }, body: JSON.stringify({ code, session: options.session }) });
  return {
    kind: "woma serve",
    endpoint,
    attempt: async (code, headers = {}, contentType = "application/json") => answerOf(await post(code, headers, contentType)),
    preflight: async (origin) => {
      const response = await fetch(endpoint, { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" } });
      return { status: response.status, headers: response.headers };
    },
    run: async (code) => {
      const answer = await answerOf(await post(code, auth, "application/json"));
      if (answer.status !== 200) throw new Error(`the loopback run of ${JSON.stringify(code)} got ${answer.status}: ${answer.error}`);
      return answer.result ?? null;
    },
    stop: () => server.stop(),
  };
}

async function startMcp(options: GuardedOptions): Promise<GuardedServer> {
  const server: HttpMcp = await startHttpMcp(options.args, options.token === undefined ? {} : { WOMA_TOKEN: options.token });
  const auth: Record<string, string> = options.token === undefined ? {} : { Authorization: `Bearer ${options.token}` };
  // The trusted client's MCP session; a page's attempts name it too, the worst case (a leaked or guessed id).
  const { client, transport } = await server.connect("trusted", auth);
  const sessionId = transport.sessionId!;
  let nextId = 1;
  return {
    kind: "woma mcp --port",
    endpoint: server.url,
    attempt: async (code, headers = {}, contentType = "application/json") => {
      const call = { jsonrpc: "2.0", id: nextId++, method: "tools/call", params: { name: "run_python", arguments: { code, session: options.session } } };
      const response = await fetch(server.url, {
        method: "POST",
        headers: { "Content-Type": contentType, Accept: "application/json, text/event-stream", "Mcp-Session-Id": sessionId, ...headers },
        body: JSON.stringify(call),
      });
      return answerOf(response);
    },
    preflight: async (origin) => {
      const response = await fetch(server.url, {
        method: "OPTIONS",
        headers: { Origin: origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type, mcp-session-id" },
      });
      return { status: response.status, headers: response.headers };
    },
    run: async (code) => {
      const result = (await client.callTool({ name: "run_python", arguments: { code, session: options.session } })) as { structuredContent?: { result?: string | null } };
      return result.structuredContent?.result ?? null;
    },
    stop: async () => {
      await client.close().catch(() => undefined);
      return server.stop();
    },
  };
}

/** Starts the server of `kind` with `options` and connects its trusted loopback client. */
export function startGuarded(kind: GuardedKind, options: GuardedOptions): Promise<GuardedServer> {
  return kind === "woma serve" ? startRest(options) : startMcp(options);
}
