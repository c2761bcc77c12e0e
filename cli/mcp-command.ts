/** The `woma mcp` command: the MCP server, on stdio by default or on Streamable HTTP with --port. */
import { DEFAULTS, seconds } from "../protocol/defaults.ts";
import type { Argv, CommandModule } from "yargs";
import type { McpHttpAccess } from "../clients/mcp/http.ts";
import { defaultMcpOptions, type McpOptions } from "../clients/mcp/mcp-options.ts";
import type { DaemonOptions } from "../daemon/daemon-options.ts";
import { daemonFlags, daemonOptionsFrom, exitAfterFlush, ownFlags, TENANT_IDLE_SECONDS, timerFlagMs } from "./daemon-flags.ts";
import { drainOnSignals } from "./drain-on-signal.ts";
import type { DaemonHandle } from "./embedded-daemon.ts";
import { drainTimeoutMs, instanceIdFlag, instanceIdFor, SERVICE_FLAGS, serviceFlags } from "./service-flags.ts";
import { tokenFrom } from "./token-flag.ts";
import { UsageError } from "./usage-error.ts";

function mcpFlags<T>(y: Argv<T>) {
  return daemonFlags(serviceFlags(ownFlags(y, "MCP server:", ["port", "host", "allow-host", "cors-origin", "token", ...SERVICE_FLAGS, "session-idle-timeout", "fresh-interpreter", "connect", "max-image-bytes", "max-image-pixels"]), " (with --port)"))
    .option("port", { type: "number", describe: "Serve MCP over Streamable HTTP on this port (0 picks a free one) instead of stdio" })
    .option("host", { type: "string", default: "127.0.0.1", describe: "Address the HTTP server listens on (with --port)" })
    .option("allow-host", {
      type: "string",
      array: true,
      default: [] as string[],
      describe: "Another name the HTTP server may be called by in the Host header, besides localhost, 127.0.0.1, [::1] and --host (repeatable; '*' turns the DNS-rebinding check off)",
    })
    .option("cors-origin", {
      alias: "allow-origin",
      type: "string",
      array: true,
      default: [] as string[],
      describe:
        "A web origin allowed to call the HTTP server besides loopback ones (repeatable; 'none': no CORS headers). '*' allows every origin; it is not the default because any web page you visit could then run code here. With --token every origin is allowed anyway",
    })
    .option("token", { type: "string", describe: "With --port: require 'Authorization: Bearer <token>' on every request but GET /health, GET /ready and preflight (or set WOMA_TOKEN); any web origin may then call with it" })
    .option("session-idle-timeout", { type: "number", default: seconds(DEFAULTS.mcpSessionIdleMs), describe: "Seconds without a run after which a Python session (and an idle HTTP MCP session) is closed (0: never; at most 2147483, about 24.8 days)" })
    .option("fresh-interpreter", { type: "boolean", default: false, describe: "Give every Python session a runner process of its own, sharing no imported module or file (one process per session)" })
    .option("connect", { type: "string", describe: "Use the daemon listening on this Unix socket instead of starting one" })
    .option("max-image-bytes", { type: "number", default: defaultMcpOptions().maxImageBytes, describe: "Most bytes of one image given to the model; a bigger PNG is scaled down, other images are left out with a note" })
    .option("max-image-pixels", { type: "number", default: defaultMcpOptions().maxImagePixels, describe: "Most pixels of one image given to the model; a bigger PNG is scaled down, keeping its aspect ratio" });
}

/** The parsed flags of `woma mcp`. */
type McpArgs = ReturnType<typeof mcpFlags<object>> extends Argv<infer U> ? U : never;

function positive(name: string, value: number): number {
  if (!(Number.isInteger(value) && value >= 1)) throw new UsageError(`--${name} must be a whole number of at least 1, got ${value}`);
  return value;
}

function mcpOptionsFrom(args: McpArgs): McpOptions {
  return {
    ...defaultMcpOptions(),
    maxTimeoutMs: timerFlagMs("timeout", args.timeout ?? seconds(DEFAULTS.bridgeTimeoutMs)),
    sessionIdleMs: timerFlagMs("session-idle-timeout", args["session-idle-timeout"]),
    freshInterpreter: args["fresh-interpreter"],
    maxImageBytes: positive("max-image-bytes", args["max-image-bytes"]),
    maxImagePixels: positive("max-image-pixels", args["max-image-pixels"]),
  };
}

/** What the HTTP server is set up from. */
interface HttpSetup {
  port: number;
  access: McpHttpAccess;
  /** `--instance-id`, when given. */
  instanceId: string | undefined;
  drainTimeoutMs: number;
}

/** The HTTP server's port, guard, token and service flags; undefined on stdio, where --token, the web flags and the service flags mean nothing. */
async function httpFrom(args: McpArgs): Promise<HttpSetup | undefined> {
  const token = tokenFrom(args.token);
  if (args.port === undefined) {
    if (args.token !== undefined) throw new UsageError("--token needs --port: on stdio the MCP client that started the server is the only one that can reach it");
    for (const flag of SERVICE_FLAGS) {
      if (args[flag as keyof McpArgs] !== undefined) throw new UsageError(`--${flag} needs --port: on stdio there is no balancer, and the server stops when its client closes stdin`);
    }
    return undefined;
  }
  const { webGuardFrom } = await import("../clients/web/web-guard.ts");
  const guard = webGuardFrom({ listenHost: args.host, allowHosts: args["allow-host"], corsOrigins: args["cors-origin"], tokenRequired: token !== undefined });
  return { port: args.port, access: token === undefined ? { guard } : { guard, token }, instanceId: instanceIdFlag(args["instance-id"]), drainTimeoutMs: drainTimeoutMs(args["drain-timeout"]) };
}

/**
 * `woma mcp --port N`: the daemon, then the listener with the probes and `/metrics` in front
 * of MCP. SIGTERM or SIGINT drains (see drain-on-signal.ts): `/ready` says 503, new MCP
 * sessions and new runs get 503, calls in flight finish; open sessions and their SSE
 * streams do not hold it. Then the sessions, the listener and the daemon close.
 */
async function runMcpHttp(args: McpArgs, http: HttpSetup, daemonOptions: DaemonOptions, options: McpOptions): Promise<void> {
  const [{ openDaemon }, { createMcpHttpHandler, MCP_PATH }, { listenHttp }, { guardNotes }, { Drain }, { ServiceProbes }, { MetricsEndpoint }, { serviceFront }] = await Promise.all([
    import("./embedded-daemon.ts"),
    import("../clients/mcp/http.ts"),
    import("../clients/mcp/http-listener.ts"),
    import("../clients/web/web-guard.ts"),
    import("../clients/web/drain.ts"),
    import("../clients/web/service-probes.ts"),
    import("../clients/web/metrics-endpoint.ts"),
    import("../clients/web/service-front.ts"),
  ]);
  const drain = new Drain();
  let instanceId = http.instanceId ?? "";
  let daemon: DaemonHandle | undefined;
  let handler: ReturnType<typeof createMcpHttpHandler> | undefined;
  let listener: ReturnType<typeof listenHttp> | undefined;
  let isolation: string | undefined;
  let stopping = false;
  // The MCP sessions end first, so their SSE streams do not hold the listener's graceful stop.
  const release = async (graceMs: number) => {
    stopping = true;
    await handler?.close();
    await listener?.stop(graceMs);
    await daemon?.close();
  };
  // From the moment runners may start, a signal stops them cleanly.
  const stopWithout = drainOnSignals({ drain, drainTimeoutMs: http.drainTimeoutMs, finish: release, say: (line) => process.stderr.write(`${line}\n`) });
  try {
    daemon = await openDaemon(daemonOptions, args.connect);
    const init = await daemon.client.initialize("woma-mcp");
    isolation = init.isolation.level;
    // The tool descriptions tell the model what Python can load and reach here.
    options.environment = { network: init.network, packages: init.packages };
    if (stopping) return;
    const opened = daemon;
    handler = createMcpHttpHandler(() => opened.connect(), options, http.access, { instanceId: () => instanceId, drain });
    const probes = new ServiceProbes({ server: "mcp", instanceId: () => instanceId, drain, client: () => opened.client });
    const sessions = handler;
    const metrics = new MetricsEndpoint({
      server: "mcp",
      instanceId: () => instanceId,
      client: () => opened.client,
      isolation: () => isolation,
      levels: async () => ({ ready: (await probes.readiness()).ready, draining: drain.draining, inFlight: drain.inFlight, mcpSessions: sessions.sessionCount }),
    });
    const front = serviceFront(handler.fetch, { probes, metrics, guard: http.access.guard, ...(http.access.token === undefined ? {} : { token: http.access.token }) });
    listener = listenHttp(front, args.host, http.port, MCP_PATH, options.maxMessageBytes, () => ({ "X-Woma-Instance": instanceId }));
    instanceId = instanceIdFor(http.instanceId, listener.port);
    opened.client.connection.onClose(() => {
      if (!stopping) stopWithout(`the connection to the daemon${args.connect ? ` at ${args.connect}` : ""} closed`, 1);
    });
    for (const line of guardNotes(http.access.guard, args.host)) process.stderr.write(`woma: ${line}\n`);
    process.stderr.write(`woma: MCP server: isolation: ${isolation}; instance ${instanceId}\n`);
    process.stderr.write(`woma: MCP on ${listener.url}\n`);
  } catch (error) {
    if (stopping) return;
    await release(0);
    throw error;
  }
}

async function runMcp(args: McpArgs): Promise<void> {
  if (args.port !== undefined && !(Number.isInteger(args.port) && args.port >= 0 && args.port <= 65535)) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, got ${args.port}`);
  }
  // Loaded here, not at the top, so that starting the REPL does not pay for the MCP SDK.
  const { openDaemon } = await import("./embedded-daemon.ts");
  // Checked before the daemon starts, so a bad flag costs no runner boot.
  const daemonOptions = daemonOptionsFrom(args, { timeoutSeconds: seconds(DEFAULTS.bridgeTimeoutMs), spares: args.port === undefined ? 0 : 1, tenantIdleTimeoutSeconds: args.port === undefined ? 0 : TENANT_IDLE_SECONDS });
  const options = { ...mcpOptionsFrom(args), maxMessageBytes: daemonOptions.maxMessageBytes };
  const http = await httpFrom(args);
  if (http !== undefined) return runMcpHttp(args, http, daemonOptions, options);
  // On stdio, from the moment runners may start, a signal stops them cleanly: one that comes
  // while the server is still starting (an MCP host giving up, Ctrl+C) is kept until it is
  // up; a second one exits at once.
  let pendingSignal: number | undefined;
  let shutDown = (code: number) => {
    if (pendingSignal !== undefined) process.exit(130);
    pendingSignal = code;
  };
  process.on("SIGTERM", () => shutDown(0)).on("SIGINT", () => shutDown(0));
  const daemon = await openDaemon(daemonOptions, args.connect);
  let stop: () => Promise<void>;
  let done: Promise<void>;
  try {
    const init = await daemon.client.initialize("woma-mcp");
    // The tool descriptions tell the model what Python can load and reach here.
    options.environment = { network: init.network, packages: init.packages };
    const { serveStdio } = await import("../clients/mcp/stdio.ts");
    const stdio = await serveStdio(daemon.client, options);
    stop = stdio.stop;
    done = stdio.closed;
  } catch (error) {
    await daemon.close();
    throw error;
  }
  let exitCode = 0;
  let stopping = false;
  shutDown = (code: number) => {
    // A second signal while shutting down exits at once.
    if (stopping) process.exit(code === 0 ? 130 : code);
    stopping = true;
    exitCode = code;
    void stop();
  };
  if (pendingSignal !== undefined) shutDown(pendingSignal);
  daemon.client.connection.onClose(() => {
    if (stopping) return;
    process.stderr.write(`woma: the connection to the daemon${args.connect ? ` at ${args.connect}` : ""} closed; stopping the MCP server\n`);
    shutDown(1);
  });
  await done;
  stopping = true;
  await daemon.close();
  exitAfterFlush(exitCode);
}

/** `woma mcp`: serves the run_python and session tools over MCP, with an embedded daemon unless --connect is given. */
export const mcpCommand: CommandModule<object, McpArgs> = {
  command: "mcp",
  describe: "MCP server for LLM agents (run_python and session tools): stdio, or Streamable HTTP with --port",
  builder: (y) => mcpFlags(y),
  handler: runMcp,
};
