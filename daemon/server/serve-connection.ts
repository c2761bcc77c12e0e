/** Serves the daemon's methods on one JSON-RPC connection: validates params, dispatches, maps errors. */
import {
  CancellationToken,
  createMessageConnection,
  ResponseError,
  type MessageConnection,
  type MessageReader,
  type MessageWriter,
  type RequestType,
} from "vscode-jsonrpc";
import { JsonRpcErrorCodes } from "../../protocol/error-codes.ts";
import { guardMessages } from "../../protocol/wire/message-guard.ts";
import {
  CheckRequest,
  InfoRequest,
  InitializeRequest,
  OutputNotificationType,
  RunRequest,
  SessionCloseRequest,
  SessionCreateRequest,
  SessionListRequest,
  SessionResetRequest,
  ShutdownRequest,
} from "../../protocol/methods.ts";
import type { Daemon } from "../daemon.ts";
import { DaemonError } from "../daemon-error.ts";
import type { Tenant } from "../session/tenant-registry.ts";
import { log } from "../log.ts";
import { OutputBacklog, type BacklogLevel } from "./output-backlog.ts";
import { PresenceProbe } from "./presence-probe.ts";
import { RequestTracker } from "./request-tracker.ts";
import { checkParams } from "./validate-params.ts";
import { toResponseError } from "./wire-errors.ts";

type Handler = (params: unknown, token: CancellationToken, connection: MessageConnection) => unknown;

/** A method's handler together with the schema definition its params must match. */
interface Route {
  definition: string;
  handler: Handler;
}

function route<P, R>(type: RequestType<P, R, void>, definition: string, handler: (params: P, token: CancellationToken, connection: MessageConnection) => R | Promise<R>): [string, Route] {
  return [type.method, { definition, handler: handler as Handler }];
}

/** A served connection, and how to wait for the requests it still has in flight. */
export interface ServedConnection {
  connection: MessageConnection;
  /** Resolves when no request of this connection is being handled. */
  idle(): Promise<void>;
  /**
   * The client is gone: its runs still in flight are interrupted (then killed, as a timeout
   * is) and its queued ones dropped, and the connection stops acting for its tenant. The
   * transport calls this when the peer has truly left; after a half-close (end of stdin, a
   * socket's FIN) it waits for {@link idle} first, so requests already read get answers.
   * Meanwhile the connection probes the client (see `PresenceProbe`) and calls this itself
   * when the client turns out to be gone rather than half-closed.
   */
  end(): void;
}

/** What the transport's owner learns about a connection. */
export interface ServeHooks {
  /** A client asked the daemon to stop (`daemon/shutdown`), after the answer was sent. */
  onShutdownRequested?: () => void;
}

let connections = 0;

function mib(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}

/** A reader that can stop reading its source for a while (the bounded reader over a stream can). */
interface PausableReader {
  pause(): void;
  resume(): void;
}

function pausable(reader: MessageReader): PausableReader | undefined {
  const candidate = reader as Partial<PausableReader>;
  return typeof candidate.pause === "function" && typeof candidate.resume === "function" ? (candidate as PausableReader) : undefined;
}

/**
 * Binds the daemon to a connection made of `reader` and `writer` and starts listening.
 * Params are checked against the schema before any handler runs, so bad input gets
 * InvalidParams naming the field; an unknown method gets MethodNotFound listing the
 * known ones. Nothing a client sends can stop the daemon or disturb other connections.
 *
 * A client that does not read its answers cannot grow the daemon without bound: past
 * `--max-pending-output` bytes unread, the connection's `python/output` notifications are
 * dropped (results still carry the output) and its runs, new and queued, are refused with
 * ClientNotReading; past twice that, the daemon stops reading the connection until the
 * client catches up. Each change is logged.
 */
export function serveConnection(daemon: Daemon, reader: MessageReader, writer: MessageWriter, hooks: ServeHooks = {}): ServedConnection {
  const label = `connection ${++connections}`;
  const limit = daemon.options.maxPendingOutputBytes;
  let droppedNotifications = 0;
  let previous: BacklogLevel = "clear";
  const backlog = new OutputBacklog(limit, (level: BacklogLevel, pending: number) => {
    const from = previous;
    previous = level;
    if (level === "full") {
      log("warn", `${label}: ${mib(pending)} of answers wait unread, over twice --max-pending-output (${mib(limit)}); the daemon stops reading this connection until its client catches up`);
      pausable(reader)?.pause();
      return;
    }
    pausable(reader)?.resume();
    if (level === "over") {
      if (from === "full") log("info", `${label}: ${mib(pending)} unread; the daemon reads this connection again (its runs are still refused)`);
      else log("warn", `${label}: ${mib(pending)} of answers wait unread, over --max-pending-output (${mib(limit)}); its output notifications are dropped and its runs refused until its client reads`);
    } else {
      log("info", `${label}: its client caught up (${mib(pending)} unread); runs are accepted again${droppedNotifications > 0 ? ` (${droppedNotifications} output notifications were dropped meanwhile)` : ""}`);
      droppedNotifications = 0;
    }
  });
  const notReading = (): DaemonError | undefined =>
    backlog.level === "clear"
      ? undefined
      : new DaemonError(
          "CLIENT_NOT_READING",
          `this connection has ${mib(backlog.pendingBytes)} of answers and output its client has not read (the limit is ${mib(limit)}, --max-pending-output); runs are refused until the client reads them`,
        );
  const tracker = new RequestTracker();
  const guarded = guardMessages(reader, {
    dropped: (why) => log("debug", `${label}: dropped a notification: ${why}`),
    threw: (error) => log("error", `${label}: a message threw while being read, and was skipped (the connection carries on): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  const counted = backlog.writer(writer);
  const connection = createMessageConnection(tracker.reader(guarded), tracker.writer(counted), {
    error: (message) => log("warn", `${label}: ${message}`),
    warn: (message) => log("debug", `${label}: ${message}`),
    info: () => {},
    log: () => {},
  });
  // After the end of input, a client with runs in flight is probed: if it is gone, they stop.
  const probe = new PresenceProbe(counted, (why) => {
    log("info", `${label}: its client is gone (${why}); its runs in flight are cancelled`);
    end();
  });
  connection.onClose(() => probe.start());
  // The tenant this connection acts for: named by daemon/initialize, else one of its own,
  // fixed by the first request that needs one.
  let tenant: Tenant | undefined;
  let closed = false;
  const tenantOf = (): Tenant => (tenant ??= daemon.tenants.attach());
  // Stops of this connection's runs in flight: a connection that goes away cancels its work.
  const inFlight = new Set<() => void>();

  const routes = new Map<string, Route>([
    route(InitializeRequest, "InitializeParams", (params) => {
      if (params.tenant !== undefined && tenant?.id !== params.tenant) {
        if (tenant !== undefined) {
          throw new ResponseError(JsonRpcErrorCodes.InvalidRequest, `this connection already acts for ${tenant.named ? `tenant "${tenant.id}"` : "a tenant of its own"}; name the tenant in the first daemon/initialize, before any other request`);
        }
        tenant = daemon.tenants.attach(params.tenant);
      }
      return daemon.initialize(params, tenantOf());
    }),
    route(InfoRequest, "InfoParams", () => daemon.info(tenantOf())),
    route(ShutdownRequest, "ShutdownParams", () => {
      setTimeout(() => hooks.onShutdownRequested?.(), 0);
      return { stopping: true };
    }),
    route(SessionCreateRequest, "SessionCreateParams", (params) => daemon.createSession(params ?? {}, tenantOf())),
    route(SessionListRequest, "SessionListParams", () => daemon.listSessions(tenantOf())),
    route(SessionResetRequest, "SessionResetParams", (params) => daemon.resetSession(params, tenantOf())),
    route(SessionCloseRequest, "SessionCloseParams", (params) => daemon.closeSession(params, tenantOf())),
    route(RunRequest, "RunParams", (params, token, conn) => {
      const refusal = notReading();
      if (refusal) throw refusal;
      let untrack = () => {};
      return daemon.run(
        params,
        {
          refuseStart: notReading,
          onRunId: (runId, sessionId) => void (untrack = probe.track(runId, sessionId)),
          onOutput: (notification) => {
            if (backlog.level !== "clear") {
              droppedNotifications++;
              return;
            }
            // After the client's half-close the connection counts as closed and sendNotification
            // throws at once; the run goes on and its answer is still written.
            try {
              void conn.sendNotification(OutputNotificationType, notification).catch(() => {});
            } catch {
              // Nobody reads notifications any more.
            }
          },
          onCancel: (listener) => {
            const subscription = token.onCancellationRequested(listener);
            inFlight.add(listener);
            if (closed) listener();
            return () => {
              subscription.dispose();
              inFlight.delete(listener);
            };
          },
        },
        tenantOf(),
      ).finally(() => untrack());
    }),
    route(CheckRequest, "CheckParams", (params) => daemon.check(params, tenantOf())),
  ]);
  const known = [...routes.keys()].join(", ");

  connection.onRequest(async (method: string, params: unknown, token: CancellationToken) => {
    const found = routes.get(method);
    if (!found) throw new ResponseError(JsonRpcErrorCodes.MethodNotFound, `unknown method "${method}"; this daemon knows ${known}`);
    const problem = checkParams(found.definition, params);
    if (problem !== undefined) throw new ResponseError(JsonRpcErrorCodes.InvalidParams, `invalid params for ${method}: ${problem}`);
    try {
      return await found.handler(params ?? {}, token, connection);
    } catch (error) {
      throw toResponseError(error, method);
    }
  });
  connection.onNotification((method: string) => {
    log("debug", `ignored notification "${method}"`);
  });
  connection.listen();
  function end(): void {
    if (closed) return;
    closed = true;
    probe.stop();
    for (const stop of [...inFlight]) stop();
    if (tenant) daemon.leave(tenant);
  }
  return { connection, idle: () => tracker.idle(), end };
}
