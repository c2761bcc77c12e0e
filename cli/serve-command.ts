/** `woma serve`: the REST bridge's command line — flags, start-up, the listening line, and a clean stop on SIGTERM or SIGINT. */
import { DEFAULTS, seconds } from "../protocol/defaults.ts";
import type { Argv, CommandModule } from "yargs";
import type { RestHandler } from "../clients/rest/handler.ts";
import type { RestServer } from "../clients/rest/server.ts";
import { daemonFlags, daemonOptionsFrom, ownFlags, timerFlagMs } from "./daemon-flags.ts";
import { drainOnSignals } from "./drain-on-signal.ts";
import type { DaemonHandle } from "./embedded-daemon.ts";
import { drainTimeoutMs, instanceIdFlag, instanceIdFor, SERVICE_FLAGS, serviceFlags } from "./service-flags.ts";
import { tokenFrom } from "./token-flag.ts";
import { UsageError } from "./usage-error.ts";

/** How long `woma serve` waits for the first runner, in ms (the very first start may build the snapshot). */
const READY_TIMEOUT_MS = 300_000;

function serveFlags<T>(y: Argv<T>) {
  return daemonFlags(serviceFlags(ownFlags(y, "REST bridge:", ["port", "host", "allow-host", "token", "cors-origin", "max-body", "reset-globals", "session-idle-timeout", "connect", ...SERVICE_FLAGS])))
    .option("port", { type: "number", default: 8000, describe: "TCP port to listen on (0: pick a free one)" })
    .option("host", { type: "string", default: "127.0.0.1", describe: "Interface to listen on; anything beyond loopback should have a --token" })
    .option("allow-host", {
      type: "string",
      array: true,
      default: [] as string[],
      describe: "Another name this server may be called by in the Host header, besides localhost, 127.0.0.1, [::1] and --host (repeatable; '*' turns the DNS-rebinding check off)",
    })
    .option("token", { type: "string", describe: "Require 'Authorization: Bearer <token>' on every request but GET /health, GET /ready and preflight (or set WOMA_TOKEN); any web origin may then call with it" })
    .option("cors-origin", {
      type: "string",
      array: true,
      default: [] as string[],
      describe:
        "A web origin allowed to call besides loopback ones, e.g. https://app.example (repeat or comma-separate; 'none': no CORS headers). " +
        "'*' allows every origin, the original tool's open CORS; it is not the default because any web page you visit could then run code here. With --token every origin is allowed anyway",
    })
    .option("max-body", { type: "number", default: DEFAULTS.restMaxBodyBytes, describe: "Largest request body, in bytes" })
    .option("reset-globals", { type: "boolean", default: false, describe: "Run each request in fresh globals unless it says \"reset_globals\": false" })
    .option("session-idle-timeout", { type: "number", default: seconds(DEFAULTS.restSessionIdleMs), describe: "Close a named session after this many seconds without a run (0: never; at most 2147483, about 24.8 days)" })
    .option("connect", { type: "string", describe: "Use the daemon listening on this Unix socket instead of starting one" });
}

/** The parsed flags of `woma serve`. */
type ServeArgs = ReturnType<typeof serveFlags<object>> extends Argv<infer U> ? U : never;

function wholeNumber(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new UsageError(`--${name} must be a whole number of at least ${min}, got ${value}`);
  return value;
}

/**
 * `woma serve --port N`: binds the port (failing at once, "port N is in use", when it is
 * taken), starts (or connects to) a daemon, waits for a Python runner, then serves
 * `POST /python` and the rest and prints `woma: listening on URL` to stderr; requests that
 * come earlier wait for the runner, except `/health` (200 from the start) and `/ready` (503
 * until a runner is ready). SIGTERM or SIGINT drains (see drain-on-signal.ts): `/ready` says
 * 503, new runs get 503, runs in flight finish; then the bridge's sessions and the embedded
 * daemon close and it exits 0.
 */
export const serveCommand: CommandModule<object, ServeArgs> = {
  command: "serve",
  describe: "The REST bridge: POST /python over HTTP, with /health, /ready and /metrics",
  builder: (y) => serveFlags(y),
  handler: async (args) => {
    const port = wholeNumber("port", args.port, 0);
    if (port > 65535) throw new UsageError(`--port must be at most 65535, got ${port}`);
    const maxBodyBytes = wholeNumber("max-body", args["max-body"], 1);
    const sessionIdleTimeoutMs = timerFlagMs("session-idle-timeout", wholeNumber("session-idle-timeout", args["session-idle-timeout"], 0));
    const token = tokenFrom(args.token);
    const instanceFlag = instanceIdFlag(args["instance-id"]);
    const drainMs = drainTimeoutMs(args["drain-timeout"]);
    const daemonOptions = daemonOptionsFrom(args, { timeoutSeconds: seconds(DEFAULTS.bridgeTimeoutMs), spares: 0 });
    // Heavy modules load only for this command, so the REPL's start does not pay for them.
    const [{ guardNotes, webGuardFrom }, { createRestHandler }, { startRestServer }, { waitUntilReady }, { openDaemon }, { Drain, drainingHeaders, drainingMessage }, { ServiceProbes }, { MetricsEndpoint }, { serviceFront }] =
      await Promise.all([
        import("../clients/web/web-guard.ts"),
        import("../clients/rest/handler.ts"),
        import("../clients/rest/server.ts"),
        import("../clients/rest/wait-ready.ts"),
        import("./embedded-daemon.ts"),
        import("../clients/web/drain.ts"),
        import("../clients/web/service-probes.ts"),
        import("../clients/web/metrics-endpoint.ts"),
        import("../clients/web/service-front.ts"),
      ]);
    const guard = webGuardFrom({ listenHost: args.host, allowHosts: args["allow-host"], corsOrigins: args["cors-origin"], tokenRequired: token !== undefined });
    const drain = new Drain();

    // The port is bound first, so a port that is taken fails the start at once, before any
    // runner boots; requests that come before a runner is ready wait for it.
    let resolveHandler!: (handler: RestHandler | undefined) => void;
    const handlerReady = new Promise<RestHandler | undefined>((resolve) => (resolveHandler = resolve));
    const starting = (request: Request) =>
      handlerReady.then((ready) => ready?.(request) ?? Response.json({ status: "error", error: drainingMessage("runs"), draining: true }, { status: 503, headers: drainingHeaders() }));
    let instanceId = instanceFlag ?? "";
    let front: (request: Request) => Promise<Response> = starting;
    const server: RestServer = startRestServer((request) => front(request), { host: args.host, port, responseHeaders: () => ({ "X-Woma-Instance": instanceId }) });
    instanceId = instanceIdFor(instanceFlag, server.port);
    let handler: RestHandler | undefined;
    let stopping = false;
    let daemon: DaemonHandle | undefined;
    let isolation: string | undefined;
    const probes = new ServiceProbes({ server: "rest", instanceId: () => instanceId, drain, client: () => daemon?.client, serving: () => handler !== undefined });
    const metrics = new MetricsEndpoint({
      server: "rest",
      instanceId: () => instanceId,
      client: () => daemon?.client,
      isolation: () => isolation,
      levels: async () => ({ ready: (await probes.readiness()).ready, draining: drain.draining, inFlight: drain.inFlight }),
    });
    front = serviceFront(starting, { probes, metrics, guard, ...(token === undefined ? {} : { token }), fullHealth: (request) => handler?.(request) });
    /** Lets go of everything that was started, in reverse order; answers in flight get `graceMs` to go out. */
    const release = async (graceMs: number) => {
      stopping = true;
      resolveHandler(undefined);
      await server.stop(graceMs);
      await handler?.close();
      await daemon?.close();
    };
    // Installed before the wait for a runner, so a Ctrl+C during start-up also stops cleanly.
    const stopWithout = drainOnSignals({ drain, drainTimeoutMs: drainMs, finish: release, say: (line) => process.stderr.write(`${line}\n`) });

    try {
      daemon = await openDaemon(daemonOptions, args.connect);
      const client = daemon.client;
      // The handshake tells the client what the daemon can do (it then asks for display outputs once, in the result).
      await client.initialize("woma-rest").catch(() => undefined);
      client.connection.onClose(() => {
        if (!stopping) stopWithout(`lost the connection to the daemon${args.connect ? ` at ${args.connect}` : ""}`, 1);
      });
      const info = await waitUntilReady(client, READY_TIMEOUT_MS);
      isolation = info.isolation.level;
      if (stopping) return;
      handler = createRestHandler(client, {
        workers: info.workers,
        resetGlobals: args["reset-globals"],
        maxBodyBytes,
        maxTimeoutMs: daemonOptions.defaultTimeoutMs,
        token,
        guard,
        sessionIdleTimeoutMs,
        log: (message) => process.stderr.write(`woma: ${message}\n`),
        drain,
        probes,
      });
      resolveHandler(handler);
      for (const line of guardNotes(guard, args.host)) process.stderr.write(`woma: ${line}\n`);
      const mode = info.workers <= 1 ? "one runner, state persists between requests" : `${info.workers} runners in parallel, fresh globals per request`;
      process.stderr.write(`woma: REST bridge: ${mode}; isolation: ${info.isolation.level}; instance ${instanceId}\n`);
      process.stderr.write(`woma: listening on ${server.url}\n`);
    } catch (error) {
      // No runner, a daemon that cannot start, a socket nobody listens on: let go of what was started before the error is printed.
      resolveHandler(undefined);
      if (stopping) return;
      await release(0);
      throw error;
    }
  },
};
